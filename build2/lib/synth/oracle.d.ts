import type { Split } from '../data/spec';
/**
 * The exact oracle of a synthetic cohort. The generator knows every latent finding it rendered, so it can
 * write, per case, the true posterior of its own generative model given a subset of the evidence:
 *
 *   joint     — the record and every image finding;           tabular — the record only;
 *   image     — every image finding (all views);               clinic / derm (MEN: t1c / t2 / adc) — one view;
 *   image_global — only the findings that survive global pooling at low resolution (shape, colour, size);
 *   additive  — the best additive combination of the per-modality log-odds (record, image): what late
 *               fusion of two separately trained unimodal models could reach at best.
 *
 * Posteriors never look at the label; they are calibrated by construction (they are the model's own
 * conditional probabilities). `<out>/oracle.csv` is written beside the cohort, never inside the layout the
 * loaders read. The columns are `case_num|patient_id, split, label`, then `p_<name>` (binary: the positive
 * class's probability) or `p_<name>_<k>` for each class k (multi-class).
 */
/** Evidence subsets of the oracle, in column order. */
export declare const ORACLE_KEYS: readonly ["joint", "additive", "tabular", "image"];
export interface OracleRow {
    id: string;
    split: Split;
    label: number;
    /** Posterior class probabilities per evidence subset (each row sums to 1). */
    p: Record<string, number[]>;
}
/** AUC of each oracle column per split (binary ROC AUC, or macro one-vs-rest AUC with > 2 classes). */
export type OracleAucs = Record<string, Record<string, number>>;
export declare function logit(p: number): number;
/** Solve A x = b by Gaussian elimination with partial pivoting (small dense systems). */
export declare function solveLinear(A: number[][], b: number[]): number[];
/**
 * Multinomial logistic regression by Newton's method (no penalty; class 0 is the reference), for the few
 * features of the additive oracle. Returns weights [C-1][1 + F] (intercept first). Binary: C = 2.
 */
export declare function fitLogistic(X: readonly number[][], y: readonly number[], numClasses: number, iters?: number): number[][];
/** Class probabilities of a reference-coded multinomial logistic model (x includes the leading 1). */
export declare function softmaxRef(W: readonly number[][], x: readonly number[]): number[];
/**
 * AUC of every oracle column per split, with the project's metrics: binary ROC AUC of `positiveClass`, or
 * macro one-vs-rest AUC with more than 2 classes.
 */
export declare function oracleAucs(rows: readonly OracleRow[], numClasses: number, positiveClass?: number): OracleAucs;
/** Write `oracle.csv`: id column, split, label, then the probability columns. */
export declare function writeOracleCsv(file: string, idColumn: string, rows: readonly OracleRow[], numClasses: number): void;
/** Read an `oracle.csv` back (for tests and for notebooks that draw the oracle as a ceiling). */
export declare function readOracleCsv(file: string, numClasses: number): OracleRow[];
/**
 * ROC curves of oracle columns on one split (binary cohorts), ready for `rocCurveFigure` as dashed
 * references: `{ name: 'oracle joint', fpr, tpr, auc, reference: true }` per key present in the rows.
 */
export declare function oracleRocSeries(rows: readonly OracleRow[], split: Split, keys?: readonly string[], positiveClass?: number): {
    name: string;
    fpr: number[];
    tpr: number[];
    auc: number;
    reference: true;
}[];
/** The design criteria of issue #10, checked on one split's oracle AUCs. */
export interface OracleCriteria {
    jointMinusAdditive: number;
    jointMinusTabular: number;
    jointMinusImage: number;
    /** joint − max over the single views. */
    jointMinusBestView: number;
    imageMinusGlobal: number;
}
export declare function oracleCriteria(aucs: Record<string, number>, views: readonly string[]): OracleCriteria;
/** Format the oracle AUCs as a small table (rows: splits; columns: evidence subsets). */
export declare function formatOracleAucs(aucs: OracleAucs): string;
