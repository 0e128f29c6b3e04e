"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.umapScatter = exports.CLASS_SYMBOLS = void 0;
/**
 * Embedding scatter (UMAP / t-SNE / PCA output): colour encodes the modality an embedding came from,
 * marker symbol its class, so modality gaps and class structure show in one plot.
 */
const errors_1 = require("../util/errors");
const figure_1 = require("./figure");
/** Marker symbols, chosen to stay distinct when small and in greyscale. */
exports.CLASS_SYMBOLS = ['circle', 'square', 'diamond', 'triangle-up', 'x', 'cross', 'star', 'triangle-down', 'hexagon', 'pentagon'];
/**
 * 2-D scatter of `points` (`[N][2]`), one trace per (modality, class) pair that occurs, named
 * `modality · class`. Modalities and classes keep their order of first appearance, so colours and
 * symbols are stable across calls on the same data.
 */
function umapScatter(points, groups, opts = {}) {
    const n = points.length;
    const where = 'umapScatter';
    (0, errors_1.check)(groups.modality.length === n, `${groups.modality.length} modality labels for ${n} points`, where);
    (0, errors_1.check)(groups.cls.length === n, `${groups.cls.length} class labels for ${n} points`, where);
    points.forEach((p, i) => (0, errors_1.check)(p.length >= 2, `point ${i} has ${p.length} coordinates, expected 2`, where));
    const modalities = [...new Set(groups.modality)];
    const classes = [...new Set(groups.cls)];
    const data = [];
    for (const [mi, m] of modalities.entries()) {
        for (const [ci, c] of classes.entries()) {
            const idx = points.map((_, i) => i).filter((i) => groups.modality[i] === m && groups.cls[i] === c);
            if (idx.length === 0)
                continue;
            data.push({
                type: 'scatter',
                mode: 'markers',
                name: `${m} · ${c}`,
                legendgroup: m,
                x: idx.map((i) => points[i][0]),
                y: idx.map((i) => points[i][1]),
                customdata: idx,
                hovertemplate: `${m} · ${c}<br>#%{customdata}<extra></extra>`,
                marker: {
                    color: (0, figure_1.paletteColor)(mi),
                    symbol: exports.CLASS_SYMBOLS[ci % exports.CLASS_SYMBOLS.length],
                    size: opts.markerSize ?? 6,
                    opacity: opts.opacity ?? 0.75,
                    line: { width: 0.5, color: '#fff' },
                },
            });
        }
    }
    return {
        data,
        layout: {
            title: { text: opts.title ?? 'Embedding' },
            // UMAP coordinates have no units; ticks would only invite reading distances off them.
            xaxis: { title: { text: 'dim 1' }, showticklabels: false, zeroline: false },
            yaxis: { title: { text: 'dim 2' }, showticklabels: false, zeroline: false, scaleanchor: 'x' },
        },
    };
}
exports.umapScatter = umapScatter;
//# sourceMappingURL=embedding.js.map