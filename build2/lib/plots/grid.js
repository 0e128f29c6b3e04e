"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.subplotGrid = void 0;
/**
 * Subplots without plotly's `make_subplots`: `subplotGrid(n, cols)` gives each of `n` panels its axis
 * pair (`x`/`y`, `x2`/`y2`, …) and the layout entries that place them, row by row from the top.
 */
const errors_1 = require("../util/errors");
/**
 * Lay out `n` panels in rows of `cols`. `layout` holds each axis's `domain` and `anchor` (merge your own
 * titles over it); `cells[i]` says which axes panel `i` uses.
 */
function subplotGrid(n, cols, opts = {}) {
    (0, errors_1.check)(Number.isInteger(n) && n >= 1, `n must be a positive integer, got ${n}`, 'subplotGrid');
    (0, errors_1.check)(Number.isInteger(cols) && cols >= 1, `cols must be a positive integer, got ${cols}`, 'subplotGrid');
    const [gx, gy] = Array.isArray(opts.gap) ? opts.gap : [opts.gap ?? 0.02, opts.gap ?? 0.02];
    const nCols = Math.min(cols, n);
    const nRows = Math.ceil(n / cols);
    const w = (1 - gx * (nCols - 1)) / nCols;
    const h = (1 - gy * (nRows - 1)) / nRows;
    const cells = [];
    const layout = {};
    for (let i = 0; i < n; i++) {
        const row = Math.floor(i / cols);
        const col = i % cols;
        const s = i === 0 ? '' : String(i + 1);
        const x0 = col * (w + gx);
        const yTop = 1 - row * (h + gy);
        const cell = {
            index: i, row, col, xaxis: `x${s}`, yaxis: `y${s}`, xKey: `xaxis${s}`, yKey: `yaxis${s}`,
            x: [x0, Math.min(1, x0 + w)], y: [Math.max(0, yTop - h), yTop],
        };
        cells.push(cell);
        layout[cell.xKey] = { domain: cell.x, anchor: cell.yaxis };
        layout[cell.yKey] = { domain: cell.y, anchor: cell.xaxis };
    }
    return { cells, layout };
}
exports.subplotGrid = subplotGrid;
//# sourceMappingURL=grid.js.map