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
export declare function subplotGrid(n: number, cols: number, opts?: SubplotGridOptions): {
    cells: SubplotCell[];
    layout: PlotlyObject;
};
