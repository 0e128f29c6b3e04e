export interface MetricsOptions {
    /** Binary only: the class whose probability is the score (MEL in Derm7pt). Default 1. */
    positiveClass?: number;
    /** Names of the classes, for the table. Default "0", "1", .... */
    classNames?: string[];
}
/** Metrics of a binary problem. */
export interface BinaryMetrics {
    kind: 'binary';
    auc: number;
    auprc: number;
    accuracy: number;
    balanced_accuracy: number;
    sensitivity: number;
    specificity: number;
    g_mean: number;
    mcc: number;
    f1: number;
    /** [true][predicted]. */
    confusion: number[][];
    class_names: string[];
}
/** Metrics of a problem with more than two classes. */
export interface MulticlassMetrics {
    kind: 'multiclass';
    accuracy: number;
    /** Mean recall over the classes with cases. */
    balanced_accuracy: number;
    /** Recall of each class (NaN for a class with no case). */
    per_class_accuracy: number[];
    macro_f1: number;
    weighted_f1: number;
    /** Unweighted mean of the one-vs-rest ROC AUCs (NaN unless every class has cases and non-cases). */
    macro_auc: number;
    /** = macro_auc. */
    auc: number;
    mcc: number;
    confusion: number[][];
    class_names: string[];
}
export type Metrics = BinaryMetrics | MulticlassMetrics;
/** Whether a value is one set of metrics (rather than a record of named sets). */
export declare function isMetrics(x: Metrics | Record<string, Metrics>): x is Metrics;
/** Macro one-vs-rest ROC AUC (scikit-learn `roc_auc_score(multi_class='ovr', average='macro')`). */
export declare function macroAucOvr(labels: readonly number[], probs: readonly (readonly number[])[]): number;
/**
 * All metrics of one set of predictions. `probs` has one row of class probabilities per case (width C ≥ 2);
 * hard predictions are the argmax. C = 2 gives the binary set, C > 2 the multi-class set.
 */
export declare function computeMetrics(labels: readonly number[], probs: readonly (readonly number[])[], opts?: MetricsOptions): Metrics;
/**
 * A plain-text table: one row per metric; several runs side by side when given a record of them
 * (e.g. `{ CFCML: m1, 'no HRM': m2 }`). Per-class accuracies get one row per class; the confusion
 * matrix of each run follows the table.
 */
export declare function formatMetricsTable(metrics: Metrics | Record<string, Metrics>, digits?: number): string;
