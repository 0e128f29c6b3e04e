import { Figure, PlotlyObject } from './figure';
/**
 * One row of a training history: the epoch and any number of named scalars (loss, val_auc, lr, …).
 * A series may be missing (or null) in some rows, e.g. validation metrics logged every k epochs.
 */
export interface HistoryRow {
    epoch: number;
    [series: string]: number | null | undefined;
}
export interface TrainingCurvesOptions {
    /** Series to plot, in this order. Default: every key other than `epoch`, in order of first appearance. */
    series?: string[];
    /** Figure title. Default: none. */
    title?: string;
    /** Y-axis label. Default: `'value'`. */
    yTitle?: string;
    /**
     * Series drawn against a second y axis on the right, for quantities on another scale than the
     * losses (AUC, accuracy, learning rate). Default: none.
     */
    secondary?: string[];
    /** Label of the second y axis. Default: the secondary series' names. */
    y2Title?: string;
    /** Log scale on the first y axis (loss terms that span decades, e.g. L_sam vs L_cp). Default: false. */
    logY?: boolean;
    /** Legend text per series (e.g. `LOSS_TERM_LABELS` of lib/train: `sam` → `L_sam (H5)`). Default: the series name. */
    labels?: Readonly<Record<string, string>>;
}
/**
 * One line per series against epoch. A row that lacks a series leaves a gap (`null`), not a zero, so a
 * validation metric logged every k epochs still plots correctly.
 */
export declare function trainingCurves(history: HistoryRow[], opts?: TrainingCurvesOptions): Figure;
/** One ROC curve: false- and true-positive rates at each threshold, optional AUC and its CI. */
export interface RocCurveSeries {
    name: string;
    fpr: number[];
    tpr: number[];
    auc?: number;
    /** Confidence interval of the AUC, e.g. a 95 % bootstrap interval. */
    ci?: [number, number];
    /** Draw as a grey dashed reference (an oracle ceiling), not as a model. */
    reference?: boolean;
}
/** One precision–recall curve, optional average precision and its CI. */
export interface PrCurveSeries {
    name: string;
    recall: number[];
    precision: number[];
    ap?: number;
    ci?: [number, number];
}
export interface CurveFigureOptions {
    /** Figure title. Default: `'ROC'` / `'Precision–recall'`. */
    title?: string;
    /** Decimals in legend numbers. Default: 3. */
    digits?: number;
}
/** `name (AUC 0.912 [0.881, 0.940])` — the summary number and its CI in the legend entry. */
export declare function legendLabel(name: string, stat: string, value?: number, ci?: [number, number], digits?: number): string;
/** The plotly line of the i-th reference curve (an oracle ceiling) in a ROC figure: grey, dashed, then dotted, … */
export declare function referenceLine(i: number): PlotlyObject;
/** ROC curves with the chance diagonal; AUC (and CI) in each legend entry. */
export declare function rocCurveFigure(curves: RocCurveSeries[], opts?: CurveFigureOptions): Figure;
/**
 * Precision–recall curves; AP (and CI) in each legend entry. Drawn as a step function, the way average
 * precision sums it, AP = Σ (R_n − R_{n−1}) P_n: over (R_{n−1}, R_n] the precision is P_n. Points may
 * come in either recall order (scikit-learn returns recall decreasing); they are drawn increasing.
 */
export declare function prCurveFigure(curves: PrCurveSeries[], opts?: CurveFigureOptions & {
    prevalence?: number;
}): Figure;
