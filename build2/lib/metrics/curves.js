"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.averagePrecision = exports.prCurve = exports.rocAuc = exports.rocCurve = exports.binaryClfCurve = exports.checkBinary = void 0;
/**
 * Ranking metrics of a binary problem from a score (the positive-class probability): ROC and PR curves,
 * ROC AUC and average precision (AUPRC). Pure functions of number arrays, written to agree with
 * scikit-learn 1.2 (`roc_curve(drop_intermediate=False)`, `precision_recall_curve`, `roc_auc_score`,
 * `average_precision_score`), ties included: tied scores form one threshold, so a tie counts one half
 * in the AUC, as in the Mann-Whitney statistic.
 *
 * Where scikit-learn warns and returns a number that means nothing (a single class present), these throw
 * a CfcmlError instead; `computeMetrics` turns that into NaN.
 */
const errors_1 = require("../util/errors");
/** Check binary labels (0/1) and scores of the same length; returns them as 0/1 numbers. */
function checkBinary(labels, scores, where) {
    if (labels.length !== scores.length) {
        throw new errors_1.CfcmlError(`${labels.length} labels but ${scores.length} scores`, { where });
    }
    if (labels.length === 0)
        throw new errors_1.CfcmlError('empty input', { where });
    for (let i = 0; i < labels.length; i++) {
        if (labels[i] !== 0 && labels[i] !== 1)
            throw new errors_1.CfcmlError(`label ${labels[i]} at ${i} is not 0 or 1`, { where });
        if (!Number.isFinite(scores[i]))
            throw new errors_1.CfcmlError(`score ${scores[i]} at ${i} is not finite`, { where });
    }
}
exports.checkBinary = checkBinary;
/**
 * Cumulative true and false positives at each distinct threshold, scores descending
 * (scikit-learn `_binary_clf_curve`).
 */
function binaryClfCurve(labels, scores) {
    const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
    const tps = [];
    const fps = [];
    const thresholds = [];
    let tp = 0;
    let fp = 0;
    for (let k = 0; k < order.length; k++) {
        const i = order[k];
        if (labels[i] === 1)
            tp += 1;
        else
            fp += 1;
        // close a threshold at the last of a run of tied scores
        if (k === order.length - 1 || scores[order[k + 1]] !== scores[i]) {
            tps.push(tp);
            fps.push(fp);
            thresholds.push(scores[i]);
        }
    }
    return { tps, fps, thresholds };
}
exports.binaryClfCurve = binaryClfCurve;
/** ROC curve, every distinct threshold kept (scikit-learn `roc_curve(..., drop_intermediate=False)`). */
function rocCurve(labels, scores) {
    checkBinary(labels, scores, 'rocCurve');
    const { tps, fps, thresholds } = binaryClfCurve(labels, scores);
    const P = tps[tps.length - 1];
    const N = fps[fps.length - 1];
    if (P === 0 || N === 0) {
        throw new errors_1.CfcmlError(`only one class present (${P} positives, ${N} negatives): the ROC curve is not defined`, { where: 'rocCurve' });
    }
    // Porting note: scikit-learn 1.2 puts thresholds[0] + 1 first, 1.3+ puts +inf; we use +Infinity.
    return {
        fpr: [0, ...fps.map((v) => v / N)],
        tpr: [0, ...tps.map((v) => v / P)],
        thresholds: [Infinity, ...thresholds],
    };
}
exports.rocCurve = rocCurve;
/**
 * Area under the ROC curve (trapezoids; ties count one half). Throws when only one class is present.
 * The library's one AUC: `computeMetrics` (and so model selection), the leakage audit (`aucOf`) and DeLong's
 * test all report this number.
 */
function rocAuc(labels, scores) {
    const { fpr, tpr } = rocCurve(labels, scores);
    let area = 0;
    for (let k = 1; k < fpr.length; k++)
        area += ((fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1])) / 2;
    return area;
}
exports.rocAuc = rocAuc;
/** Precision-recall curve (scikit-learn 1.2 `precision_recall_curve`). Throws when no case is positive. */
function prCurve(labels, scores) {
    checkBinary(labels, scores, 'prCurve');
    const { tps, fps, thresholds } = binaryClfCurve(labels, scores);
    const P = tps[tps.length - 1];
    if (P === 0)
        throw new errors_1.CfcmlError('no positive case: recall is not defined', { where: 'prCurve' });
    const precision = tps.map((tp, k) => tp / (tp + fps[k]));
    const recall = tps.map((tp) => tp / P);
    return {
        precision: [...precision.reverse(), 1],
        recall: [...recall.reverse(), 0],
        thresholds: thresholds.slice().reverse(),
    };
}
exports.prCurve = prCurve;
/**
 * Average precision, AP = Σ_k (R_k − R_{k−1}) P_k over thresholds (scikit-learn
 * `average_precision_score`: a step function, not the trapezoidal area, which is optimistic).
 * This is the AUPRC reported here, from the positive-class probability (the authors' code used hard
 * predictions, see docs/METHOD.md, "Departures from the authors' code").
 */
function averagePrecision(labels, scores) {
    const { precision, recall } = prCurve(labels, scores);
    let ap = 0;
    for (let k = 0; k < recall.length - 1; k++)
        ap += (recall[k] - recall[k + 1]) * precision[k];
    return ap;
}
exports.averagePrecision = averagePrecision;
//# sourceMappingURL=curves.js.map