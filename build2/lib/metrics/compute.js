"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatMetricsTable = exports.computeMetrics = exports.macroAucOvr = exports.isMetrics = void 0;
/**
 * One call for the metrics of docs/METHOD.md ("Metrics"): `computeMetrics(labels, probs)` returns one object with
 * snake_case keys, the same key for the same quantity in the binary (Derm7pt) and multi-class (MEN)
 * cases, so one table fits both; `formatMetricsTable` prints it.
 */
const errors_1 = require("../util/errors");
const curves_1 = require("./curves");
const classification_1 = require("./classification");
/** Whether a value is one set of metrics (rather than a record of named sets). */
function isMetrics(x) {
    return 'kind' in x && (x.kind === 'binary' || x.kind === 'multiclass');
}
exports.isMetrics = isMetrics;
/** A ranking metric that is undefined on this data (one class only) is NaN here rather than an error. */
function orNaN(f) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof errors_1.CfcmlError)
            return NaN;
        throw e;
    }
}
/** Macro one-vs-rest ROC AUC (scikit-learn `roc_auc_score(multi_class='ovr', average='macro')`). */
function macroAucOvr(labels, probs) {
    const C = probs[0]?.length ?? 0;
    let sum = 0;
    for (let k = 0; k < C; k++) {
        sum += (0, curves_1.rocAuc)(labels.map((y) => (y === k ? 1 : 0)), probs.map((row) => row[k]));
    }
    return sum / C;
}
exports.macroAucOvr = macroAucOvr;
/**
 * All metrics of one set of predictions. `probs` has one row of class probabilities per case (width C ≥ 2);
 * hard predictions are the argmax. C = 2 gives the binary set, C > 2 the multi-class set.
 */
function computeMetrics(labels, probs, opts = {}) {
    if (labels.length === 0)
        throw new errors_1.CfcmlError('empty input', { where: 'computeMetrics' });
    if (labels.length !== probs.length)
        throw new errors_1.CfcmlError(`${labels.length} labels but ${probs.length} probability rows`, { where: 'computeMetrics' });
    const C = probs[0].length;
    if (C < 2)
        throw new errors_1.CfcmlError(`probability rows need at least 2 columns, got ${C}`, { where: 'computeMetrics' });
    probs.forEach((row, i) => {
        if (row.length !== C)
            throw new errors_1.CfcmlError(`row ${i} has ${row.length} probabilities, expected ${C}`, { where: 'computeMetrics' });
    });
    const classNames = opts.classNames ?? Array.from({ length: C }, (_, k) => String(k));
    if (classNames.length !== C)
        throw new errors_1.CfcmlError(`${classNames.length} class names for ${C} classes`, { where: 'computeMetrics' });
    const preds = probs.map((row) => (0, classification_1.argmax)(row));
    const cm = (0, classification_1.confusionMatrix)(labels, preds, C);
    if (C === 2) {
        const pos = opts.positiveClass ?? 1;
        if (pos !== 0 && pos !== 1)
            throw new errors_1.CfcmlError(`positiveClass must be 0 or 1, got ${pos}`, { where: 'computeMetrics' });
        const neg = 1 - pos;
        const y = labels.map((v) => (v === pos ? 1 : 0));
        const score = probs.map((row) => row[pos]);
        const sensitivity = (0, classification_1.recallOf)(cm, pos);
        const specificity = (0, classification_1.recallOf)(cm, neg);
        return {
            kind: 'binary',
            auc: orNaN(() => (0, curves_1.rocAuc)(y, score)),
            auprc: orNaN(() => (0, curves_1.averagePrecision)(y, score)),
            accuracy: (0, classification_1.accuracyFromConfusion)(cm),
            balanced_accuracy: (0, classification_1.balancedAccuracyFromConfusion)(cm),
            sensitivity,
            specificity,
            g_mean: Math.sqrt(sensitivity * specificity),
            mcc: (0, classification_1.mccFromConfusion)(cm),
            f1: (0, classification_1.f1Of)(cm, pos),
            confusion: cm,
            class_names: classNames,
        };
    }
    const macroAuc = orNaN(() => macroAucOvr(labels, probs));
    return {
        kind: 'multiclass',
        accuracy: (0, classification_1.accuracyFromConfusion)(cm),
        balanced_accuracy: (0, classification_1.balancedAccuracyFromConfusion)(cm),
        per_class_accuracy: (0, classification_1.perClassRecall)(cm),
        macro_f1: (0, classification_1.macroF1FromConfusion)(cm),
        weighted_f1: (0, classification_1.weightedF1FromConfusion)(cm),
        macro_auc: macroAuc,
        auc: macroAuc,
        mcc: (0, classification_1.mccFromConfusion)(cm),
        confusion: cm,
        class_names: classNames,
    };
}
exports.computeMetrics = computeMetrics;
const fmt = (v, digits) => (Number.isNaN(v) ? 'n/a' : v.toFixed(digits));
/** The rows of the metrics table, binary and multi-class. */
const BINARY_TABLE_KEYS = ['auc', 'auprc', 'accuracy', 'balanced_accuracy', 'sensitivity', 'specificity', 'g_mean', 'mcc', 'f1'];
const MULTICLASS_TABLE_KEYS = ['accuracy', 'balanced_accuracy', 'per_class_accuracy', 'macro_f1', 'weighted_f1', 'macro_auc', 'mcc'];
/** A table entry of either kind of metrics (undefined when this kind has no such entry). */
function tableValue(m, key) {
    const values = m;
    return values[key];
}
/**
 * A plain-text table: one row per metric; several runs side by side when given a record of them
 * (e.g. `{ CFCML: m1, 'no HRM': m2 }`). Per-class accuracies get one row per class; the confusion
 * matrix of each run follows the table.
 */
function formatMetricsTable(metrics, digits = 4) {
    const runs = isMetrics(metrics) ? { value: metrics } : metrics;
    const names = Object.keys(runs);
    if (names.length === 0)
        return '';
    const first = runs[names[0]];
    const keys = first.kind === 'binary' ? BINARY_TABLE_KEYS : MULTICLASS_TABLE_KEYS;
    const rows = [];
    for (const key of keys) {
        const v0 = tableValue(first, key);
        if (Array.isArray(v0)) {
            v0.forEach((_, k) => rows.push([
                `${key}[${first.class_names[k]}]`,
                ...names.map((n) => {
                    const v = tableValue(runs[n], key);
                    return fmt(Array.isArray(v) ? (v[k] ?? NaN) : NaN, digits);
                }),
            ]));
        }
        else {
            rows.push([
                key,
                ...names.map((n) => {
                    const v = tableValue(runs[n], key);
                    return fmt(typeof v === 'number' ? v : NaN, digits);
                }),
            ]);
        }
    }
    const header = ['metric', ...names];
    const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    const line = (cells) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
    const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
    for (const n of names) {
        const m = runs[n];
        const w = Math.max(...m.class_names.map((s) => s.length), ...m.confusion.flat().map((v) => String(v).length));
        out.push('', `confusion (${n}; rows true, columns predicted)`);
        out.push(['', ...m.class_names].map((s) => s.padStart(w)).join('  '));
        m.confusion.forEach((row, k) => out.push([m.class_names[k], ...row.map(String)].map((s) => s.padStart(w)).join('  ')));
    }
    return out.join('\n');
}
exports.formatMetricsTable = formatMetricsTable;
//# sourceMappingURL=compute.js.map