/**
 * Subplots without plotly's `make_subplots`: `subplotGrid(n, cols)` gives each of `n` panels its axis
 * pair (`x`/`y`, `x2`/`y2`, …) and the layout entries that place them, row by row from the top.
 */
import { check } from '../util/errors';
import type { PlotlyObject } from './figure';

export interface SubplotCell {
  /** Index of the panel, row-major. */
  index: number;
  row: number;
  col: number;
  /** Trace references: `trace.xaxis = cell.xaxis` (`'x'`, `'x2'`, …). */
  xaxis: string;
  yaxis: string;
  /** Layout keys of its axes (`'xaxis'`, `'xaxis2'`, …). */
  xKey: string;
  yKey: string;
  /** Paper-coordinate domains. */
  x: [number, number];
  y: [number, number];
}

export interface SubplotGridOptions {
  /** Gap between panels as a fraction of the figure: one number, or [horizontal, vertical]. Default 0.02. */
  gap?: number | [number, number];
}

/**
 * Lay out `n` panels in rows of `cols`. `layout` holds each axis's `domain` and `anchor` (merge your own
 * titles over it); `cells[i]` says which axes panel `i` uses.
 */
export function subplotGrid(n: number, cols: number, opts: SubplotGridOptions = {}): { cells: SubplotCell[]; layout: PlotlyObject } {
  check(Number.isInteger(n) && n >= 1, `n must be a positive integer, got ${n}`, 'subplotGrid');
  check(Number.isInteger(cols) && cols >= 1, `cols must be a positive integer, got ${cols}`, 'subplotGrid');
  const [gx, gy] = Array.isArray(opts.gap) ? opts.gap : [opts.gap ?? 0.02, opts.gap ?? 0.02];
  const nCols = Math.min(cols, n);
  const nRows = Math.ceil(n / cols);
  const w = (1 - gx * (nCols - 1)) / nCols;
  const h = (1 - gy * (nRows - 1)) / nRows;
  const cells: SubplotCell[] = [];
  const layout: PlotlyObject = {};
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / cols);
    const col = i % cols;
    const s = i === 0 ? '' : String(i + 1);
    const x0 = col * (w + gx);
    const yTop = 1 - row * (h + gy);
    const cell: SubplotCell = {
      index: i, row, col, xaxis: `x${s}`, yaxis: `y${s}`, xKey: `xaxis${s}`, yKey: `yaxis${s}`,
      x: [x0, Math.min(1, x0 + w)], y: [Math.max(0, yTop - h), yTop],
    };
    cells.push(cell);
    layout[cell.xKey] = { domain: cell.x, anchor: cell.yaxis };
    layout[cell.yKey] = { domain: cell.y, anchor: cell.xaxis };
  }
  return { cells, layout };
}
