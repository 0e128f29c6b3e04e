"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeFigures = exports.sweepFigures = exports.learningCurveOf = exports.strataFigure = exports.sweepCurvesFigure = exports.rocBandFigure = exports.tprAt = exports.ablationFigure = exports.ROC_VARIANTS = void 0;
/**
 * The paper's figures of a sweep, built with the lib/plots builders and written with `saveFigure`:
 * ablation bars (mean ± sd over seeds, the oracle ceiling as a line), ROC curves of CFCML vs the baselines
 * (mean curve over seeds with a ±1 sd band, vertical averaging), and the sweep's training curves
 * (validation AUC per epoch, mean over seeds per variant).
 */
const path = __importStar(require("path"));
const registry_1 = require("../data/registry");
const oracle_1 = require("../synth/oracle");
const metrics_1 = require("../metrics");
const plots_1 = require("../plots");
const runFiles_1 = require("./runFiles");
const report_1 = require("./report");
const stats_1 = require("./stats");
const tables_1 = require("./tables");
/** The baselines drawn against full in the ROC figure, when the sweep has them. */
exports.ROC_VARIANTS = ['full', 'late-fusion', 'image-only', 'tabular-only'];
/** Ablation bars of a group: one bar per variant and metric, error bars ±1 sd, dashed oracle lines on AUC. */
function ablationFigure(g, metrics = g.metrics.filter((m) => m === 'auc' || m === 'macro_auc' || m === 'balanced_accuracy')) {
    const rows = [];
    for (const r of g.rows) {
        for (const m of metrics) {
            const s = r.metrics[m];
            if (!s || !Number.isFinite(s.mean))
                continue;
            const e = Number.isFinite(s.sd) ? s.sd : 0;
            rows.push({ variant: r.variant, metric: tables_1.METRIC_LABELS[m] ?? m, value: s.mean, ci: [s.mean - e, s.mean + e] });
        }
    }
    const fig = (0, plots_1.metricBars)(rows, { title: `${g.dataset}${g.group ? ` (${g.group})` : ''}: mean ± sd over seeds`, yRange: [0, 1.05], digits: null });
    const out = (0, plots_1.withCeilings)(fig, (0, report_1.ceilingEntries)(g.oracle));
    out.layout.yaxis = { ...out.layout.yaxis, title: { text: 'test metric' } };
    return out;
}
exports.ablationFigure = ablationFigure;
const FPR_GRID = Array.from({ length: 101 }, (_, i) => i / 100);
/** TPR of a ROC curve at `fpr` (the highest TPR reached at that FPR: the step curve's upper envelope). */
function tprAt(curve, fpr) {
    let best = 0;
    for (let i = 0; i < curve.fpr.length; i++) {
        if (curve.fpr[i] <= fpr + 1e-12)
            best = Math.max(best, curve.tpr[i]);
        else if (i > 0 && curve.fpr[i - 1] < fpr) {
            // linear interpolation on the segment that crosses fpr
            const t = (fpr - curve.fpr[i - 1]) / (curve.fpr[i] - curve.fpr[i - 1]);
            best = Math.max(best, curve.tpr[i - 1] + t * (curve.tpr[i] - curve.tpr[i - 1]));
        }
    }
    return best;
}
exports.tprAt = tprAt;
/** Mean ROC curve over seeds with a ±1 sd band, per variant (binary datasets). */
function rocBandFigure(root, spec, g, positiveClass = 1) {
    const variants = exports.ROC_VARIANTS.filter((v) => g.rows.some((r) => r.variant === v));
    if (variants.length === 0 || !(g.metrics.includes('auc') && !g.metrics.includes('macro_auc')))
        return null;
    const data = [];
    variants.forEach((v, i) => {
        const runs = spec.runs.filter((r) => r.group === g.group && r.variant === v && (0, runFiles_1.runState)(path.resolve(root, r.dir)) === 'done');
        const curves = runs.map((r) => {
            const p = (0, runFiles_1.readRunPredictions)(path.resolve(root, r.dir), 'test');
            return (0, metrics_1.rocCurve)(p.labels.map((y) => (y === positiveClass ? 1 : 0)), p.probs.map((row) => row[positiveClass]));
        });
        if (curves.length === 0)
            return;
        const tprs = FPR_GRID.map((f) => curves.map((c) => tprAt(c, f)));
        const m = tprs.map((t) => (0, stats_1.mean)(t));
        const s = tprs.map((t) => (t.length > 1 ? (0, stats_1.sd)(t) : 0));
        const color = (0, plots_1.paletteColor)(i);
        const row = g.rows.find((r) => r.variant === v);
        data.push({ type: 'scatter', mode: 'lines', x: FPR_GRID, y: m.map((x, k) => Math.max(0, x - s[k])), line: { width: 0, color }, showlegend: false, hoverinfo: 'skip', legendgroup: v }, {
            type: 'scatter',
            mode: 'lines',
            x: FPR_GRID,
            y: m.map((x, k) => Math.min(1, x + s[k])),
            fill: 'tonexty',
            fillcolor: (0, plots_1.hexToRgba)(color, 0.18),
            line: { width: 0, color },
            showlegend: false,
            hoverinfo: 'skip',
            legendgroup: v,
        }, {
            type: 'scatter',
            mode: 'lines',
            name: `${v} (AUC ${row.metrics.auc.mean.toFixed(3)} ± ${Number.isFinite(row.metrics.auc.sd) ? row.metrics.auc.sd.toFixed(3) : '–'}, ${curves.length} seeds)`,
            x: FPR_GRID,
            y: m,
            line: { width: 2, color },
            legendgroup: v,
        });
    });
    // The cohort's oracle (synthetic cohorts only): the ROC no model can beat, dashed (joint) and dotted (additive).
    if (g.oracle) {
        (0, oracle_1.oracleRocSeries)((0, oracle_1.readOracleCsv)(g.oracle.file, 2), 'test', ['joint', 'additive'], positiveClass).forEach((c, i) => {
            data.push({ type: 'scatter', mode: 'lines', name: `${c.name} (AUC ${c.auc.toFixed(3)})`, x: c.fpr, y: c.tpr, line: (0, plots_1.referenceLine)(i) });
        });
    }
    data.push({ type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], line: { dash: 'dot', color: '#999', width: 1 }, name: 'chance', showlegend: false, hoverinfo: 'skip' });
    return {
        data,
        layout: {
            title: { text: `${g.dataset}: ROC, mean over seeds ± 1 sd` },
            xaxis: { title: { text: 'false-positive rate' }, range: [-0.01, 1.01], constrain: 'domain' },
            yaxis: { title: { text: 'true-positive rate' }, range: [-0.01, 1.01], scaleanchor: 'x', scaleratio: 1 },
            legend: { x: 0.98, xanchor: 'right', y: 0.02, yanchor: 'bottom' },
        },
    };
}
exports.rocBandFigure = rocBandFigure;
/** Validation AUC per epoch, mean over the seeds of each variant (the curves model selection looked at). */
function sweepCurvesFigure(root, spec, g) {
    const byEpoch = new Map();
    for (const r of g.rows) {
        const hs = spec.runs
            .filter((x) => x.group === g.group && x.variant === r.variant)
            .map((x) => (0, runFiles_1.readRunHistory)(path.resolve(root, x.dir)))
            .filter((h) => h.length > 0);
        const maxE = Math.max(0, ...hs.map((h) => h.length));
        for (let e = 1; e <= maxE; e++) {
            const vals = hs.map((h) => h.find((row) => row.epoch === e)?.val_auc).filter((v) => typeof v === 'number');
            const row = byEpoch.get(e) ?? { epoch: e };
            row[r.variant] = vals.length ? (0, stats_1.mean)(vals) : null;
            byEpoch.set(e, row);
        }
    }
    const history = [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
    const fig = (0, plots_1.trainingCurves)(history, { series: g.rows.map((r) => r.variant), title: `${g.dataset}: validation AUC per epoch (mean over seeds)`, yTitle: 'validation AUC' });
    if (history.length <= 20)
        fig.layout.xaxis = { ...fig.layout.xaxis, dtick: 1 };
    return fig;
}
exports.sweepCurvesFigure = sweepCurvesFigure;
/**
 * Test AUC per stratum of the record (report.strata): bars per variant (mean ± sd over seeds) in each stratum,
 * the oracle's joint and additive AUC on the same cases as markers — where the joint marker stands far above
 * the additive one, the record changes how the image reads, and only a model that learns the interaction
 * can get there.
 */
function strataFigure(g) {
    if (g.strata.length === 0)
        return null;
    const label = (r) => `${r.rule}: ${r.stratum} (${r.n})`;
    const rows = [];
    for (const r of g.strata) {
        for (const [v, x] of Object.entries(r.variants)) {
            if (!Number.isFinite(x.mean))
                continue;
            const e = Number.isFinite(x.sd) ? x.sd : 0;
            rows.push({ variant: label(r), metric: v, value: x.mean, ci: [x.mean - e, x.mean + e] });
        }
    }
    const fig = (0, plots_1.metricBars)(rows, { title: `${g.dataset}${g.group ? ` (${g.group})` : ''}: test AUC per stratum of the record`, yRange: [0, 1.05], digits: null });
    const oracleKeys = Object.keys(g.strata[0].oracle);
    oracleKeys.forEach((k, i) => {
        fig.data.push({
            type: 'scatter',
            mode: 'markers',
            name: `oracle ${k}`,
            x: g.strata.map(label),
            y: g.strata.map((r) => (Number.isFinite(r.oracle[k]) ? r.oracle[k] : null)),
            marker: { symbol: i === 0 ? 'line-ew-open' : 'line-ew', size: 28, line: { width: 2, color: i === 0 ? '#000000' : '#777777' } },
        });
    });
    fig.layout.xaxis = { ...fig.layout.xaxis, title: { text: 'stratum (test cases)' } };
    fig.layout.yaxis = { ...fig.layout.yaxis, title: { text: 'test AUC' } };
    return fig;
}
exports.strataFigure = strataFigure;
/** Training cases of a cohort (task cases of the train split in its oracle.csv); null without an oracle. */
function trainCasesOf(oracleFile, numClasses) {
    return oracleFile ? (0, oracle_1.readOracleCsv)(oracleFile, numClasses).filter((r) => r.split === 'train').length : null;
}
/**
 * The learning curve of a sweep over nested cohorts of one dataset (`cfcml synth --nested` at several
 * `--scale`s, one group each): test AUC against training cases per variant, with the standard recipe's
 * rows where the sweep has them, and the oracle ceilings. Null unless at least two groups share the same
 * test cases (equal oracle test AUCs) and each has an oracle to count its training cases.
 */
function learningCurveOf(report) {
    const groups = report.groups.filter((g) => g.rows.length > 0 && g.oracle);
    if (groups.length < 2 || new Set(groups.map((g) => `${g.dataset}|${g.preset}`)).size !== 1)
        return null;
    const ceilings = (0, report_1.ceilingEntries)(groups[0].oracle);
    if (!groups.every((g) => JSON.stringify((0, report_1.ceilingEntries)(g.oracle)) === JSON.stringify(ceilings)))
        return null;
    const metric = groups[0].metrics.includes('macro_auc') ? 'macro_auc' : 'auc';
    const numClasses = (0, registry_1.getDatasetSpec)(groups[0].dataset).classes.length;
    const points = [];
    for (const g of groups) {
        const n = trainCasesOf(g.oracle.file, numClasses);
        if (n === null)
            return null;
        for (const r of g.rows)
            points.push({ variant: r.variant, trainCases: n, values: r.metrics[metric]?.values.filter((x) => Number.isFinite(x)) ?? [] });
        for (const ref of g.reference)
            points.push({ variant: ref.name, trainCases: n, values: ref.testAuc.values });
    }
    return (0, plots_1.learningCurveFigure)(points, { title: `${groups[0].dataset}: test ${tables_1.METRIC_LABELS[metric] ?? metric} against training cases (mean ± sd over seeds)`, metric: `test ${tables_1.METRIC_LABELS[metric] ?? metric}`, ceilings });
}
exports.learningCurveOf = learningCurveOf;
/** Every figure of the report, by file stem. */
function sweepFigures(root, spec, report, positiveClass = 1) {
    const figs = {};
    for (const g of report.groups) {
        if (g.rows.length === 0)
            continue;
        const suffix = g.group ? `_${g.group.replace(/[^A-Za-z0-9._-]/g, '_')}` : '';
        figs[`ablation${suffix}`] = ablationFigure(g);
        const roc = rocBandFigure(root, spec, g, positiveClass);
        if (roc)
            figs[`roc${suffix}`] = roc;
        figs[`curves${suffix}`] = sweepCurvesFigure(root, spec, g);
        const strata = strataFigure(g);
        if (strata)
            figs[`strata${suffix}`] = strata;
    }
    const curve = learningCurveOf(report);
    if (curve)
        figs['learning-curve'] = curve;
    return figs;
}
exports.sweepFigures = sweepFigures;
/** Render every figure to `<dir>/<stem>.{png,svg,pdf}` with the paper theme; returns the written files. */
async function writeFigures(figs, dir, formats = ['png', 'svg', 'pdf']) {
    const written = [];
    for (const [stem, fig] of Object.entries(figs))
        written.push(...(await (0, plots_1.saveFigure)(fig, path.join(dir, stem), { formats, width: 560, height: 400 })));
    return written;
}
exports.writeFigures = writeFigures;
//# sourceMappingURL=figures.js.map