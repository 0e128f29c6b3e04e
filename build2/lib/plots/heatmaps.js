"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.similarityHeatmap = exports.confusionMatrixFigure = exports.normalizeConfusion = void 0;
/**
 * Matrix figures: confusion matrices and prototype-similarity heatmaps. Row 0 is drawn at the top, as
 * the matrix is printed, not at the bottom as plotly's y axis would put it.
 */
const errors_1 = require("../util/errors");
const figure_1 = require("./figure");
/** Normalise a confusion matrix; a row/column/matrix that sums to 0 stays 0 rather than NaN. */
function normalizeConfusion(matrix, normalize) {
    const safeDiv = (a, b) => (b === 0 ? 0 : a / b);
    switch (normalize) {
        case 'none':
            return matrix.map((row) => [...row]);
        case 'true':
            return matrix.map((row) => {
                const s = row.reduce((a, b) => a + b, 0);
                return row.map((v) => safeDiv(v, s));
            });
        case 'pred': {
            const colSums = matrix[0]?.map((_, j) => matrix.reduce((a, row) => a + row[j], 0)) ?? [];
            return matrix.map((row) => row.map((v, j) => safeDiv(v, colSums[j])));
        }
        case 'all': {
            const s = matrix.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
            return matrix.map((row) => row.map((v) => safeDiv(v, s)));
        }
        default:
            return (0, errors_1.assertNever)(normalize, 'normalize');
    }
}
exports.normalizeConfusion = normalizeConfusion;
function checkSquare(matrix, n, where) {
    (0, errors_1.check)(matrix.length === n, `matrix has ${matrix.length} rows but there are ${n} labels`, where);
    matrix.forEach((row, i) => (0, errors_1.check)(row.length === n, `row ${i} has ${row.length} entries, expected ${n}`, where));
}
/**
 * Confusion matrix heatmap: rows are true classes, columns predicted classes. Cells show the count, or
 * the normalised fraction with the raw count beneath it.
 */
function confusionMatrixFigure(matrix, classNames, opts = {}) {
    const normalize = opts.normalize ?? 'none';
    const digits = opts.digits ?? 2;
    checkSquare(matrix, classNames.length, 'confusionMatrixFigure');
    const z = normalizeConfusion(matrix, normalize);
    const text = z.map((row, i) => row.map((v, j) => (normalize === 'none' ? String(matrix[i][j]) : `${v.toFixed(digits)}<br>(${matrix[i][j]})`)));
    return {
        data: [
            {
                type: 'heatmap',
                z,
                x: classNames,
                y: classNames,
                text,
                texttemplate: '%{text}',
                hovertemplate: 'true %{y}<br>predicted %{x}<br>%{text}<extra></extra>',
                // Plotly's 'Blues' runs dark → light; reversed, more predictions read as darker.
                colorscale: 'Blues',
                reversescale: true,
                zmin: 0,
                ...(normalize === 'none' ? {} : { zmax: 1 }),
                colorbar: { title: { text: normalize === 'none' ? 'count' : 'fraction' } },
            },
        ],
        layout: {
            title: { text: opts.title ?? 'Confusion matrix' },
            xaxis: { title: { text: 'predicted' }, type: 'category', showgrid: false, side: 'bottom' },
            yaxis: { title: { text: 'true' }, type: 'category', autorange: 'reversed', showgrid: false, scaleanchor: 'x' },
        },
    };
}
exports.confusionMatrixFigure = confusionMatrixFigure;
/**
 * Heatmap of a (prototype) similarity matrix. Signed values (cosine similarities) get a diverging scale
 * centred on 0; non-negative values a sequential one.
 */
function similarityHeatmap(matrix, labels, opts = {}) {
    const colLabels = opts.colLabels ?? labels;
    (0, errors_1.check)(matrix.length === labels.length, `matrix has ${matrix.length} rows but ${labels.length} labels`, 'similarityHeatmap');
    matrix.forEach((row, i) => (0, errors_1.check)(row.length === colLabels.length, `row ${i} has ${row.length} entries, expected ${colLabels.length}`, 'similarityHeatmap'));
    const signed = matrix.some((row) => row.some((v) => v < 0));
    const showValues = opts.showValues ?? (labels.length <= 15 && colLabels.length <= 15);
    return {
        data: [
            {
                type: 'heatmap',
                z: matrix,
                x: colLabels,
                y: labels,
                ...(signed
                    ? { colorscale: figure_1.DIVERGING_COLORSCALE, zmid: 0 } // plotly's RdBu: negative blue, positive red
                    : { colorscale: figure_1.SEQUENTIAL_COLORSCALE }),
                ...(showValues ? { texttemplate: '%{z:.2f}' } : {}),
                colorbar: { title: { text: 'similarity' } },
            },
        ],
        layout: {
            title: { text: opts.title ?? 'Similarity' },
            xaxis: { type: 'category', showgrid: false, tickangle: -45 },
            yaxis: { type: 'category', autorange: 'reversed', showgrid: false },
        },
    };
}
exports.similarityHeatmap = similarityHeatmap;
//# sourceMappingURL=heatmaps.js.map