"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bootstrapCI = exports.quantile = exports.BOOTSTRAP_DEFAULTS = void 0;
/**
 * Bootstrap confidence intervals for any metric: resample the test cases with replacement, recompute the
 * metric, take the α/2 and 1 − α/2 percentiles (the percentile method; Efron & Tibshirani 1993, ch. 13).
 * Seeded through `Rng`, so an interval is reproducible.
 */
const random_1 = require("../util/random");
const errors_1 = require("../util/errors");
exports.BOOTSTRAP_DEFAULTS = { n: 1000, alpha: 0.05, seed: 0, stratified: false };
/** Quantile with linear interpolation between order statistics (numpy's default). */
function quantile(sorted, q) {
    if (sorted.length === 0)
        return NaN;
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
exports.quantile = quantile;
/**
 * Percentile bootstrap interval of `metricFn(labels, probs)`. `probs` may be anything indexed per case
 * (scores, probability rows). A resample on which the metric throws or is NaN is skipped and counted out
 * of `nValid`.
 */
function bootstrapCI(labels, probs, metricFn, opts = {}) {
    const { n, alpha, seed, stratified } = { ...exports.BOOTSTRAP_DEFAULTS, ...opts };
    if (labels.length !== probs.length)
        throw new errors_1.CfcmlError(`${labels.length} labels but ${probs.length} predictions`, { where: 'bootstrapCI' });
    if (labels.length === 0)
        throw new errors_1.CfcmlError('empty input', { where: 'bootstrapCI' });
    if (!(alpha > 0 && alpha < 1))
        throw new errors_1.CfcmlError(`alpha must be in (0, 1), got ${alpha}`, { where: 'bootstrapCI' });
    const estimate = metricFn(labels.slice(), probs.slice());
    const rng = new random_1.Rng(seed);
    const N = labels.length;
    const groups = stratified ? Array.from(new Set(labels)).map((c) => labels.map((y, i) => (y === c ? i : -1)).filter((i) => i >= 0)) : [labels.map((_, i) => i)];
    const values = [];
    const idx = new Array(N);
    for (let b = 0; b < n; b++) {
        let k = 0;
        for (const g of groups)
            for (let j = 0; j < g.length; j++)
                idx[k++] = g[rng.int(g.length)];
        let v;
        try {
            v = metricFn(idx.map((i) => labels[i]), idx.map((i) => probs[i]));
        }
        catch {
            v = NaN;
        }
        if (!Number.isNaN(v))
            values.push(v);
    }
    values.sort((a, b) => a - b);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const se = values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) : NaN;
    return { estimate, lower: quantile(values, alpha / 2), upper: quantile(values, 1 - alpha / 2), alpha, nValid: values.length, n, se };
}
exports.bootstrapCI = bootstrapCI;
//# sourceMappingURL=bootstrap.js.map