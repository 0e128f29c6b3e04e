"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prCurveFigure = exports.rocCurveFigure = exports.referenceLine = exports.legendLabel = exports.trainingCurves = void 0;
/**
 * Line figures: training curves, ROC curves, precision–recall curves. Pure functions of plain arrays
 * (what `train/` histories and `metrics/` curves hold), so they are testable without tfjs.
 */
const errors_1 = require("../util/errors");
const figure_1 = require("./figure");
/**
 * One line per series against epoch. A row that lacks a series leaves a gap (`null`), not a zero, so a
 * validation metric logged every k epochs still plots correctly.
 */
function trainingCurves(history, opts = {}) {
    const series = opts.series ?? [...new Set(history.flatMap((r) => Object.keys(r).filter((k) => k !== 'epoch')))];
    const secondary = new Set(opts.secondary ?? []);
    const epochs = history.map((r) => r.epoch);
    const data = series.map((name, i) => {
        const y = history.map((r) => {
            const v = r[name];
            return typeof v === 'number' && Number.isFinite(v) ? v : null;
        });
        // A series logged only every k epochs: join its points and mark them, else it draws nothing.
        const sparse = y.filter((v) => v !== null).length * 2 < y.length || history.length === 1;
        return {
            type: 'scatter',
            mode: sparse ? 'lines+markers' : 'lines',
            connectgaps: true,
            name: opts.labels?.[name] ?? name,
            x: epochs,
            y,
            ...(secondary.has(name) ? { yaxis: 'y2' } : {}),
            // Validation series dashed, so train/val pairs read as pairs even in greyscale.
            line: { color: (0, figure_1.paletteColor)(i), ...(/^val/i.test(name) ? { dash: 'dash' } : {}) },
        };
    });
    return {
        data,
        layout: {
            ...(opts.title ? { title: { text: opts.title } } : {}),
            xaxis: { title: { text: 'epoch' } },
            yaxis: { title: { text: opts.yTitle ?? 'value' }, ...(opts.logY ? { type: 'log' } : {}) },
            ...(secondary.size > 0
                ? { yaxis2: { title: { text: opts.y2Title ?? [...secondary].join(', ') }, overlaying: 'y', side: 'right', showgrid: false } }
                : {}),
            // Past the right axis' tick labels when there is one.
            legend: { orientation: 'v', x: secondary.size > 0 ? 1.15 : 1.02, xanchor: 'left' },
        },
    };
}
exports.trainingCurves = trainingCurves;
/** `name (AUC 0.912 [0.881, 0.940])` — the summary number and its CI in the legend entry. */
function legendLabel(name, stat, value, ci, digits = 3) {
    if (value === undefined)
        return name;
    const ciText = ci ? ` [${ci[0].toFixed(digits)}, ${ci[1].toFixed(digits)}]` : '';
    return `${name} (${stat} ${value.toFixed(digits)}${ciText})`;
}
exports.legendLabel = legendLabel;
const unitAxis = (title) => ({ title: { text: title }, range: [-0.01, 1.01], constrain: 'domain' });
/** Line styles of reference curves (oracle ceilings), in order: the first (the ceiling) dashed. */
const REFERENCE_DASHES = ['dash', 'dot', 'dashdot', 'longdashdot', 'longdash'];
/** The plotly line of the i-th reference curve (an oracle ceiling) in a ROC figure: grey, dashed, then dotted, … */
function referenceLine(i) {
    return { color: (0, figure_1.paletteColor)(7), width: 1.5, dash: REFERENCE_DASHES[i % REFERENCE_DASHES.length] };
}
exports.referenceLine = referenceLine;
/** ROC curves with the chance diagonal; AUC (and CI) in each legend entry. */
function rocCurveFigure(curves, opts = {}) {
    const digits = opts.digits ?? 3;
    let model = 0;
    let ref = 0;
    const data = curves.map((c) => {
        (0, errors_1.check)(c.fpr.length === c.tpr.length, `fpr has ${c.fpr.length} points but tpr has ${c.tpr.length}`, `rocCurveFigure(${c.name})`);
        return {
            type: 'scatter',
            mode: 'lines',
            name: legendLabel(c.name, 'AUC', c.auc, c.ci, digits),
            x: c.fpr,
            y: c.tpr,
            // Straight segments between operating points: the trapezoids the AUC sums (ties included).
            // References (oracle ceilings) are grey, dashed then dotted; models take the palette in order.
            line: c.reference ? referenceLine(ref++) : { color: (0, figure_1.paletteColor)(model++), width: 2 },
        };
    });
    data.push(chanceLine([0, 1], [0, 1]));
    return {
        data,
        layout: {
            title: { text: opts.title ?? 'ROC' },
            xaxis: unitAxis('false-positive rate'),
            yaxis: { ...unitAxis('true-positive rate'), scaleanchor: 'x', scaleratio: 1 },
            legend: { x: 0.98, xanchor: 'right', y: 0.02, yanchor: 'bottom' },
        },
    };
}
exports.rocCurveFigure = rocCurveFigure;
/**
 * Precision–recall curves; AP (and CI) in each legend entry. Drawn as a step function, the way average
 * precision sums it, AP = Σ (R_n − R_{n−1}) P_n: over (R_{n−1}, R_n] the precision is P_n. Points may
 * come in either recall order (scikit-learn returns recall decreasing); they are drawn increasing.
 */
function prCurveFigure(curves, opts = {}) {
    const digits = opts.digits ?? 3;
    const data = curves.map((c, i) => {
        (0, errors_1.check)(c.recall.length === c.precision.length, `recall has ${c.recall.length} points but precision has ${c.precision.length}`, `prCurveFigure(${c.name})`);
        const decreasing = c.recall.length > 1 && c.recall[0] > c.recall[c.recall.length - 1];
        return {
            type: 'scatter',
            mode: 'lines',
            name: legendLabel(c.name, 'AP', c.ap, c.ci, digits),
            x: decreasing ? [...c.recall].reverse() : c.recall,
            y: decreasing ? [...c.precision].reverse() : c.precision,
            // 'vh': rise (or fall) to P_n at R_{n−1}, then hold it across to R_n.
            line: { color: (0, figure_1.paletteColor)(i), width: 2, shape: 'vh' },
        };
    });
    // The no-skill line of a PR curve is the positive prevalence, not a diagonal.
    if (opts.prevalence !== undefined)
        data.push(chanceLine([0, 1], [opts.prevalence, opts.prevalence]));
    return {
        data,
        layout: {
            title: { text: opts.title ?? 'Precision–recall' },
            xaxis: unitAxis('recall'),
            yaxis: unitAxis('precision'),
            legend: { x: 0.02, xanchor: 'left', y: 0.02, yanchor: 'bottom' },
        },
    };
}
exports.prCurveFigure = prCurveFigure;
function chanceLine(x, y) {
    return {
        type: 'scatter',
        mode: 'lines',
        name: 'chance',
        x,
        y,
        line: { color: '#999', dash: 'dot', width: 1 },
        hoverinfo: 'skip',
        showlegend: false,
    };
}
//# sourceMappingURL=curves.js.map