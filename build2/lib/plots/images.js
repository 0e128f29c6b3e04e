"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.featureMapGrid = exports.imageGrid = exports.attentionOverImage = exports.imageSource = exports.imageToPng = exports.imageToRgbRows = void 0;
/**
 * Image figures: an attention map laid over its image, and a grid of dataset images.
 *
 * Images arrive as plain interleaved HWC pixel arrays (what `data/` loaders and `tensor.data()` give),
 * either in [0, 1] (float tensors) or [0, 255] (decoded files); they are drawn with plotly's `image`
 * trace from a compressed PNG `source` (a data URI), never from a pixel array.
 */
const errors_1 = require("../util/errors");
const figure_1 = require("./figure");
const png_1 = require("./png");
const grid_1 = require("./grid");
/** The image as 8-bit pixels (`[0, 1]` floats scaled by 255), grey kept grey, alpha dropped. */
function toBytes(img, where) {
    const { data, height, width, channels } = img;
    (0, errors_1.check)([1, 3, 4].includes(channels), `channels must be 1, 3 or 4, got ${channels}`, where);
    (0, errors_1.check)(data.length === height * width * channels, `data has ${data.length} values, expected ${height}×${width}×${channels} = ${height * width * channels}`, where);
    let max = 0;
    for (let i = 0; i < data.length; i++)
        if (data[i] > max)
            max = data[i];
    const k = max <= 1 ? 255 : 1;
    const out = channels === 1 ? 1 : 3;
    const bytes = new Uint8Array(height * width * out);
    for (let p = 0; p < height * width; p++) {
        for (let c = 0; c < out; c++)
            bytes[p * out + c] = Math.max(0, Math.min(255, Math.round(data[p * channels + c] * k)));
    }
    return { bytes, channels: out };
}
/**
 * Convert to plotly's `image` z: `[height][width][3]` of 0–255 integers. Values are taken as [0, 1] when
 * none exceeds 1.0, else as [0, 255]; grey is repeated into three channels. Figures use `imageSource`
 * instead (a compressed PNG); this is for reading pixel values.
 */
function imageToRgbRows(img) {
    const { bytes, channels } = toBytes(img, 'image');
    const rows = [];
    for (let y = 0; y < img.height; y++) {
        const row = [];
        for (let x = 0; x < img.width; x++) {
            const o = (y * img.width + x) * channels;
            row.push(channels === 1 ? [bytes[o], bytes[o], bytes[o]] : [bytes[o], bytes[o + 1], bytes[o + 2]]);
        }
        rows.push(row);
    }
    return rows;
}
exports.imageToRgbRows = imageToRgbRows;
/** The image as PNG bytes (same value scaling as `imageToRgbRows`). */
function imageToPng(img) {
    const { bytes, channels } = toBytes(img, 'image');
    return (0, png_1.encodePng)(bytes, img.width, img.height, channels);
}
exports.imageToPng = imageToPng;
/**
 * The image as a `data:image/png` URI, for an `image` trace's `source`: figures carry compressed PNGs,
 * never pixel arrays, so a notebook that shows a grid of photos stays small.
 */
function imageSource(img) {
    return (0, png_1.pngDataUri)(imageToPng(img));
}
exports.imageSource = imageSource;
/**
 * An image with a per-token attention map drawn over it. `attention` has one weight per patch token,
 * row-major over a `grid = [rows, cols]` patch grid (a ViT's 14×14 for a 224 px image); each cell is
 * stretched over the pixels its patch covers. The class token, if any, must already be dropped.
 */
function attentionOverImage(image, attention, grid, opts = {}) {
    const [rows, cols] = grid;
    (0, errors_1.check)(attention.length === rows * cols, `attention has ${attention.length} weights but grid ${rows}×${cols} has ${rows * cols} cells`, 'attentionOverImage');
    const z = [];
    for (let r = 0; r < rows; r++)
        z.push(Array.from({ length: cols }, (_, c) => attention[r * cols + c]));
    // Cell (r, c) covers pixels [c*dx, (c+1)*dx) × [r*dy, (r+1)*dy); the image trace centres pixel i at
    // x = i, so pixel edges are at i − 0.5 and the first cell centre is at dx/2 − 0.5.
    const dx = image.width / cols;
    const dy = image.height / rows;
    return {
        data: [
            { type: 'image', source: imageSource(image), hoverinfo: 'skip', name: 'image' },
            {
                type: 'heatmap',
                z,
                x0: dx / 2 - 0.5,
                dx,
                y0: dy / 2 - 0.5,
                dy,
                opacity: opts.opacity ?? 0.5,
                colorscale: opts.colorscale ?? figure_1.SEQUENTIAL_COLORSCALE,
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
exports.attentionOverImage = attentionOverImage;
/**
 * Images in a grid, `cols` per row, each with its title above it. Each image gets its own axis pair
 * (`xaxis`, `xaxis2`, …) so they keep their aspect ratio.
 */
function imageGrid(images, titles = [], cols = 4, opts = {}) {
    (0, errors_1.check)(cols >= 1 && Number.isInteger(cols), `cols must be a positive integer, got ${cols}`, 'imageGrid');
    (0, errors_1.check)(titles.length === 0 || titles.length === images.length, `${titles.length} titles for ${images.length} images`, 'imageGrid');
    const data = [];
    const annotations = [];
    const grid = (0, grid_1.subplotGrid)(Math.max(1, images.length), cols, { gap: opts.gap ?? 0.02 });
    const layout = { ...(opts.title ? { title: { text: opts.title } } : {}), annotations, showlegend: false };
    images.forEach((img, i) => {
        const cell = grid.cells[i];
        data.push({ type: 'image', source: imageSource(img), xaxis: cell.xaxis, yaxis: cell.yaxis, name: titles[i] ?? `image ${i}` });
        layout[cell.xKey] = { ...grid.layout[cell.xKey], visible: false, showgrid: false, constrain: 'domain' };
        layout[cell.yKey] = { ...grid.layout[cell.yKey], visible: false, showgrid: false, scaleanchor: cell.xaxis, constrain: 'domain' };
        if (titles[i] !== undefined) {
            annotations.push({ text: titles[i], showarrow: false, xref: `${cell.xaxis} domain`, yref: `${cell.yaxis} domain`, x: 0.5, y: 1, xanchor: 'center', yanchor: 'bottom' });
        }
    });
    return { data, layout };
}
exports.imageGrid = imageGrid;
/**
 * Photos and feature maps side by side, `cols` per row: each map is a heatmap on one shared colour scale
 * (with one colour bar), row 0 at the top, square cells, so an 8×8 and a 1×1 map read alike.
 */
function featureMapGrid(panels, titles, cols, opts = {}) {
    (0, errors_1.check)(titles.length === panels.length, `${titles.length} titles for ${panels.length} panels`, 'featureMapGrid');
    const [cmin, cmax] = opts.range ?? [0, 1];
    const grid = (0, grid_1.subplotGrid)(Math.max(1, panels.length), cols, { gap: opts.gap ?? 0.03 });
    const data = [];
    const annotations = [];
    const layout = {
        ...(opts.title ? { title: { text: opts.title } } : {}),
        annotations,
        showlegend: false,
        coloraxis: { colorscale: opts.colorscale ?? figure_1.SEQUENTIAL_COLORSCALE, cmin, cmax, colorbar: { title: { text: opts.colorbarTitle ?? 'value' } } },
    };
    panels.forEach((p, i) => {
        const cell = grid.cells[i];
        const axes = { xaxis: cell.xaxis, yaxis: cell.yaxis, name: titles[i] };
        if ('image' in p) {
            data.push({ type: 'image', source: imageSource(p.image), hoverinfo: 'skip', ...axes });
        }
        else {
            (0, errors_1.check)(p.map.length > 0 && p.map.every((r) => r.length === p.map[0].length && r.length > 0), `panel ${i}: the map must be a non-empty rectangle`, 'featureMapGrid');
            data.push({ type: 'heatmap', z: p.map, coloraxis: 'coloraxis', hovertemplate: 'row %{y}, col %{x}: %{z:.3f}<extra></extra>', ...axes });
        }
        layout[cell.xKey] = { ...grid.layout[cell.xKey], visible: false, showgrid: false, constrain: 'domain' };
        layout[cell.yKey] = {
            ...grid.layout[cell.yKey], visible: false, showgrid: false, scaleanchor: cell.xaxis, constrain: 'domain',
            ...('map' in p ? { autorange: 'reversed' } : {}),
        };
        annotations.push({ text: titles[i], showarrow: false, xref: `${cell.xaxis} domain`, yref: `${cell.yaxis} domain`, x: 0.5, y: 1, xanchor: 'center', yanchor: 'bottom' });
    });
    return { data, layout };
}
exports.featureMapGrid = featureMapGrid;
//# sourceMappingURL=images.js.map