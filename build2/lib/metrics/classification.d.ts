/** Index of the largest entry (the first one on ties, as numpy.argmax). */
export declare function argmax(row: readonly number[]): number;
/** Confusion matrix, rows = true class, columns = predicted class, [C][C]. */
export declare function confusionMatrix(labels: readonly number[], preds: readonly number[], numClasses: number): number[][];
/** Fraction of correct predictions. */
export declare function accuracyFromConfusion(cm: number[][]): number;
/** Recall of each class (the per-class accuracy); NaN for a class with no case. */
export declare function perClassRecall(cm: number[][]): number[];
/** Recall of class k, 0 when it has no case (scikit-learn zero_division = 0). */
export declare function recallOf(cm: number[][], k: number): number;
/** Precision of class k, 0 when it is never predicted. */
export declare function precisionOf(cm: number[][], k: number): number;
/** F1 of class k, 0 when precision + recall = 0. */
export declare function f1Of(cm: number[][], k: number): number;
/** Mean recall over the classes that have cases. */
export declare function balancedAccuracyFromConfusion(cm: number[][]): number;
/** Unweighted mean F1 over the classes in the labels or predictions. */
export declare function macroF1FromConfusion(cm: number[][]): number;
/** Mean F1 weighted by each class's number of cases. */
export declare function weightedF1FromConfusion(cm: number[][]): number;
/** Matthews correlation coefficient, multi-class form; 0 when a marginal is constant. */
export declare function mccFromConfusion(cm: number[][]): number;
