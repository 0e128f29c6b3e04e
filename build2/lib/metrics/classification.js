"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.mccFromConfusion = exports.weightedF1FromConfusion = exports.macroF1FromConfusion = exports.balancedAccuracyFromConfusion = exports.f1Of = exports.precisionOf = exports.recallOf = exports.perClassRecall = exports.accuracyFromConfusion = exports.confusionMatrix = exports.argmax = void 0;
/**
 * Metrics of hard predictions (argmax of the probabilities): confusion matrix, accuracy, per-class recall,
 * sensitivity / specificity / G-mean, balanced accuracy, F1 (binary, macro, weighted) and MCC.
 * Conventions follow scikit-learn 1.2 (the test checks them against it):
 * - a ratio with a zero denominator (e.g. recall of a class with no case) is 0 (`zero_division` = 0),
 *   except `perClassRecall`, which gives NaN for a class with no case so a table shows "not defined";
 * - balanced accuracy is the mean recall over the classes present in the labels;
 * - macro F1 averages over the classes present in the labels or the predictions (scikit-learn's default
 *   `labels=None`), weighted F1 weights each class by its number of cases;
 * - MCC is the multi-class R_K statistic (Gorodkin 2004), 0 when undefined.
 */
const errors_1 = require("../util/errors");
/** Index of the largest entry (the first one on ties, as numpy.argmax). */
function argmax(row) {
    let best = 0;
    for (let k = 1; k < row.length; k++)
        if (row[k] > row[best])
            best = k;
    return best;
}
exports.argmax = argmax;
/** Confusion matrix, rows = true class, columns = predicted class, [C][C]. */
function confusionMatrix(labels, preds, numClasses) {
    if (labels.length !== preds.length)
        throw new errors_1.CfcmlError(`${labels.length} labels but ${preds.length} predictions`, { where: 'confusionMatrix' });
    const cm = Array.from({ length: numClasses }, () => new Array(numClasses).fill(0));
    for (let i = 0; i < labels.length; i++) {
        const y = labels[i];
        const p = preds[i];
        if (!(Number.isInteger(y) && y >= 0 && y < numClasses))
            throw new errors_1.CfcmlError(`label ${y} at ${i} is not in [0, ${numClasses})`, { where: 'confusionMatrix' });
        if (!(Number.isInteger(p) && p >= 0 && p < numClasses))
            throw new errors_1.CfcmlError(`prediction ${p} at ${i} is not in [0, ${numClasses})`, { where: 'confusionMatrix' });
        cm[y][p] += 1;
    }
    return cm;
}
exports.confusionMatrix = confusionMatrix;
const div0 = (a, b) => (b === 0 ? 0 : a / b);
const rowSum = (cm, k) => cm[k].reduce((s, v) => s + v, 0);
const colSum = (cm, k) => cm.reduce((s, row) => s + row[k], 0);
const total = (cm) => cm.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
/** Fraction of correct predictions. */
function accuracyFromConfusion(cm) {
    const n = total(cm);
    if (n === 0)
        throw new errors_1.CfcmlError('empty input', { where: 'accuracy' });
    return cm.reduce((s, row, k) => s + row[k], 0) / n;
}
exports.accuracyFromConfusion = accuracyFromConfusion;
/** Recall of each class (the per-class accuracy); NaN for a class with no case. */
function perClassRecall(cm) {
    return cm.map((row, k) => {
        const n = rowSum(cm, k);
        return n === 0 ? NaN : row[k] / n;
    });
}
exports.perClassRecall = perClassRecall;
/** Recall of class k, 0 when it has no case (scikit-learn zero_division = 0). */
function recallOf(cm, k) {
    return div0(cm[k][k], rowSum(cm, k));
}
exports.recallOf = recallOf;
/** Precision of class k, 0 when it is never predicted. */
function precisionOf(cm, k) {
    return div0(cm[k][k], colSum(cm, k));
}
exports.precisionOf = precisionOf;
/** F1 of class k, 0 when precision + recall = 0. */
function f1Of(cm, k) {
    // 2TP / (2TP + FP + FN), as scikit-learn computes it
    return div0(2 * cm[k][k], rowSum(cm, k) + colSum(cm, k));
}
exports.f1Of = f1Of;
/** Mean recall over the classes that have cases. */
function balancedAccuracyFromConfusion(cm) {
    const r = perClassRecall(cm).filter((v) => !Number.isNaN(v));
    if (r.length === 0)
        throw new errors_1.CfcmlError('empty input', { where: 'balancedAccuracy' });
    return r.reduce((a, b) => a + b, 0) / r.length;
}
exports.balancedAccuracyFromConfusion = balancedAccuracyFromConfusion;
/** Classes that occur in the labels or in the predictions (scikit-learn's `unique_labels`). */
function activeClasses(cm) {
    return cm.map((_, k) => k).filter((k) => rowSum(cm, k) > 0 || colSum(cm, k) > 0);
}
/** Unweighted mean F1 over the classes in the labels or predictions. */
function macroF1FromConfusion(cm) {
    const ks = activeClasses(cm);
    return ks.reduce((s, k) => s + f1Of(cm, k), 0) / ks.length;
}
exports.macroF1FromConfusion = macroF1FromConfusion;
/** Mean F1 weighted by each class's number of cases. */
function weightedF1FromConfusion(cm) {
    const n = total(cm);
    return cm.reduce((s, _, k) => s + f1Of(cm, k) * rowSum(cm, k), 0) / n;
}
exports.weightedF1FromConfusion = weightedF1FromConfusion;
/** Matthews correlation coefficient, multi-class form; 0 when a marginal is constant. */
function mccFromConfusion(cm) {
    const C = cm.length;
    const s = total(cm);
    const c = cm.reduce((acc, row, k) => acc + row[k], 0);
    let tp = 0; // Σ t_k p_k
    let tt = 0; // Σ t_k²
    let pp = 0; // Σ p_k²
    for (let k = 0; k < C; k++) {
        const t = rowSum(cm, k);
        const p = colSum(cm, k);
        tp += t * p;
        tt += t * t;
        pp += p * p;
    }
    const cov = c * s - tp;
    const denom = Math.sqrt((s * s - tt) * (s * s - pp));
    return denom === 0 ? 0 : cov / denom;
}
exports.mccFromConfusion = mccFromConfusion;
//# sourceMappingURL=classification.js.map