/**
 * Image figures: an attention map laid over its image, and a grid of dataset images.
 *
 * Images arrive as plain interleaved HWC pixel arrays (what `data/` loaders and `tensor.data()` give),
 * either in [0, 1] (float tensors) or [0, 255] (decoded files); they are drawn with plotly's `image`
 * trace, which takes rows of RGB triples.
 */
import { check } from '../util/errors';
import { Figure, PlotlyObject, SEQUENTIAL_COLORSCALE } from './figure';

/** An image as plain pixels, interleaved channel-last: `data[(y * width + x) * channels + c]`. */
export interface PlainImage {
  data: Float32Array | Uint8Array | number[];
  height: number;
  width: number;
  /** 1 (grey), 3 (RGB) or 4 (RGBA; alpha is dropped). */
  channels: number;
}

/**
 * Convert to plotly's `image` z: `[height][width][3]` of 0–255 integers. Values are taken as [0, 1] when
 * none exceeds 1.0, else as [0, 255]; grey is repeated into three channels.
 */
export function imageToRgbRows(img: PlainImage): number[][][] {
  const { data, height, width, channels } = img;
  const where = 'image';
  check([1, 3, 4].includes(channels), `channels must be 1, 3 or 4, got ${channels}`, where);
  check(data.length === height * width * channels, `data has ${data.length} values, expected ${height}×${width}×${channels} = ${height * width * channels}`, where);
  let max = 0;
  for (let i = 0; i < data.length; i++) if (data[i] > max) max = data[i];
  const k = max <= 1 ? 255 : 1;
  const px = (i: number) => Math.max(0, Math.min(255, Math.round(data[i] * k)));
  const rows: number[][][] = [];
  for (let y = 0; y < height; y++) {
    const row: number[][] = [];
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * channels;
      row.push(channels === 1 ? [px(o), px(o), px(o)] : [px(o), px(o + 1), px(o + 2)]);
    }
    rows.push(row);
  }
  return rows;
}

export interface AttentionOverImageOptions {
  /** Opacity of the attention overlay. Default 0.5: the image stays readable under it. */
  opacity?: number;
  /** Figure title. Default `'Attention'`. */
  title?: string;
  /** Overlay colour scale. Default Viridis (colour-blind safe, monotone in lightness). */
  colorscale?: string;
}

/**
 * An image with a per-token attention map drawn over it. `attention` has one weight per patch token,
 * row-major over a `grid = [rows, cols]` patch grid (a ViT's 14×14 for a 224 px image); each cell is
 * stretched over the pixels its patch covers. The class token, if any, must already be dropped.
 */
export function attentionOverImage(
  image: PlainImage,
  attention: ArrayLike<number>,
  grid: [number, number],
  opts: AttentionOverImageOptions = {},
): Figure {
  const [rows, cols] = grid;
  check(attention.length === rows * cols, `attention has ${attention.length} weights but grid ${rows}×${cols} has ${rows * cols} cells`, 'attentionOverImage');
  const z: number[][] = [];
  for (let r = 0; r < rows; r++) z.push(Array.from({ length: cols }, (_, c) => attention[r * cols + c]));
  // Cell (r, c) covers pixels [c*dx, (c+1)*dx) × [r*dy, (r+1)*dy); the image trace centres pixel i at
  // x = i, so pixel edges are at i − 0.5 and the first cell centre is at dx/2 − 0.5.
  const dx = image.width / cols;
  const dy = image.height / rows;
  return {
    data: [
      { type: 'image', z: imageToRgbRows(image), hoverinfo: 'skip', name: 'image' },
      {
        type: 'heatmap',
        z,
        x0: dx / 2 - 0.5,
        dx,
        y0: dy / 2 - 0.5,
        dy,
        opacity: opts.opacity ?? 0.5,
        colorscale: opts.colorscale ?? SEQUENTIAL_COLORSCALE,
        colorbar: { title: { text: 'attention' } },
        hovertemplate: 'attention %{z:.3g}<extra></extra>',
        name: 'attention',
      },
    ],
    layout: {
      title: { text: opts.title ?? 'Attention' },
      xaxis: { visible: false, range: [-0.5, image.width - 0.5], constrain: 'domain' },
      yaxis: { visible: false, range: [image.height - 0.5, -0.5], scaleanchor: 'x', constrain: 'domain' },
    },
  };
}

export interface ImageGridOptions {
  /** Horizontal and vertical gap between cells, as a fraction of the figure. Default 0.02. */
  gap?: number;
  /** Figure title. Default: none. */
  title?: string;
}

/**
 * Images in a grid, `cols` per row, each with its title above it. Each image gets its own axis pair
 * (`xaxis`, `xaxis2`, …) so they keep their aspect ratio.
 */
export function imageGrid(images: PlainImage[], titles: string[] = [], cols = 4, opts: ImageGridOptions = {}): Figure {
  check(cols >= 1 && Number.isInteger(cols), `cols must be a positive integer, got ${cols}`, 'imageGrid');
  check(titles.length === 0 || titles.length === images.length, `${titles.length} titles for ${images.length} images`, 'imageGrid');
  const gap = opts.gap ?? 0.02;
  const nRows = Math.max(1, Math.ceil(images.length / cols));
  const cellW = (1 - gap * (cols - 1)) / cols;
  const cellH = (1 - gap * (nRows - 1)) / nRows;
  const data: PlotlyObject[] = [];
  const layout: PlotlyObject = {
    ...(opts.title ? { title: { text: opts.title } } : {}),
    annotations: [] as PlotlyObject[],
    showlegend: false,
  };
  images.forEach((img, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const suffix = i === 0 ? '' : String(i + 1);
    const x0 = c * (cellW + gap);
    const yTop = 1 - r * (cellH + gap);
    data.push({ type: 'image', z: imageToRgbRows(img), xaxis: `x${suffix}`, yaxis: `y${suffix}`, name: titles[i] ?? `image ${i}` });
    layout[`xaxis${suffix}`] = { domain: [x0, x0 + cellW], visible: false, showgrid: false, constrain: 'domain' };
    layout[`yaxis${suffix}`] = { domain: [yTop - cellH, yTop], visible: false, showgrid: false, scaleanchor: `x${suffix}`, constrain: 'domain' };
    if (titles[i] !== undefined) {
      layout.annotations.push({
        text: titles[i],
        showarrow: false,
        xref: `x${suffix} domain`,
        yref: `y${suffix} domain`,
        x: 0.5,
        y: 1,
        xanchor: 'center',
        yanchor: 'bottom',
      });
    }
  });
  return { data, layout };
}
