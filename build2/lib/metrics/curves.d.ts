/** Check binary labels (0/1) and scores of the same length; returns them as 0/1 numbers. */
export declare function checkBinary(labels: readonly number[], scores: readonly number[], where: string): void;
/**
 * Cumulative true and false positives at each distinct threshold, scores descending
 * (scikit-learn `_binary_clf_curve`).
 */
export declare function binaryClfCurve(labels: readonly number[], scores: readonly number[]): {
    tps: number[];
    fps: number[];
    thresholds: number[];
};
export interface RocCurve {
    /** False positive rate, from 0 up. */
    fpr: number[];
    /** True positive rate, from 0 up. */
    tpr: number[];
    /** Score thresholds (predict positive when score ≥ threshold); the first is +Infinity. */
    thresholds: number[];
}
/** ROC curve, every distinct threshold kept (scikit-learn `roc_curve(..., drop_intermediate=False)`). */
export declare function rocCurve(labels: readonly number[], scores: readonly number[]): RocCurve;
/**
 * Area under the ROC curve (trapezoids; ties count one half). Throws when only one class is present.
 * The library's one AUC: `computeMetrics` (and so model selection), the leakage audit (`aucOf`) and DeLong's
 * test all report this number.
 */
export declare function rocAuc(labels: readonly number[], scores: readonly number[]): number;
export interface PrCurve {
    /** Precision, ending with 1 (the point at recall 0). */
    precision: number[];
    /** Recall, decreasing, ending with 0. */
    recall: number[];
    /** Score thresholds, increasing; one fewer than the points. */
    thresholds: number[];
}
/** Precision-recall curve (scikit-learn 1.2 `precision_recall_curve`). Throws when no case is positive. */
export declare function prCurve(labels: readonly number[], scores: readonly number[]): PrCurve;
/**
 * Average precision, AP = Σ_k (R_k − R_{k−1}) P_k over thresholds (scikit-learn
 * `average_precision_score`: a step function, not the trapezoidal area, which is optimistic).
 * This is the AUPRC reported here, from the positive-class probability (the authors' code used hard
 * predictions, see docs/METHOD.md, "Departures from the authors' code").
 */
export declare function averagePrecision(labels: readonly number[], scores: readonly number[]): number;
