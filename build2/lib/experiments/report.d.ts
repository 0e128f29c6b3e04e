import { type SweepSpec } from './sweep';
import { type ReferenceRow } from './reference';
import { type StratumRow } from './strata';
/** Replicates and seed of the report's seed × case bootstrap (fixed: a report is reproducible). */
export declare const BOOTSTRAP_REPLICATES = 2000;
export declare const BOOTSTRAP_SEED = 0;
export declare const BINARY_METRICS: readonly ["auc", "auprc", "accuracy", "balanced_accuracy", "sensitivity", "specificity", "g_mean", "mcc", "f1"];
export declare const MULTICLASS_METRICS: readonly ["macro_auc", "accuracy", "balanced_accuracy", "macro_f1", "weighted_f1", "mcc"];
/** A scalar test metric the report summarises. */
export type ReportMetric = (typeof BINARY_METRICS)[number] | (typeof MULTICLASS_METRICS)[number];
export interface Summary {
    mean: number;
    sd: number;
    values: number[];
}
export interface VariantRow {
    group: string;
    variant: string;
    seeds: number[];
    /** Test metrics over seeds. */
    metrics: Record<string, Summary>;
    /** Validation AUC over seeds (what model selection and tuning look at). */
    validAuc: Summary;
    /** Paired test-AUC differences variant − full, per seed both have; null for `full` itself. */
    diffAuc: {
        mean: number;
        sd: number;
        perSeed: {
            seed: number;
            diff: number;
        }[];
        wins: number;
    } | null;
    /**
     * The primary test of the ΔAUC column: a paired bootstrap over training seeds × test cases (stratified by
     * class) of the mean per-seed AUC difference, with its 95% interval and two-sided p
     * (lib/metrics/seedCaseBootstrap.ts); null for `full` or without predictions.
     */
    bootstrap: {
        lower: number;
        upper: number;
        p: number;
        replicates: number;
    } | null;
    /** Holm-adjusted bootstrap p over the group's comparisons against full. */
    pBootHolm: number;
    /** DeLong on seed-averaged test probabilities, variant vs full; null for `full` or when not applicable. */
    delong: {
        aucVariant: number;
        aucFull: number;
        z: number;
        p: number;
    } | null;
    /** Holm-adjusted DeLong p over the group's comparisons against full. */
    pHolm: number;
    /** Tabular fields the runs fed the model, and those the leakage audit / --exclude left out. */
    tabularUsed: string[];
    tabularExcluded: string[];
    /** Metrics (names) on which this row has the best mean in its group. */
    best: string[];
}
export interface OracleCeiling {
    file: string;
    /** Test-split AUC (macro one-vs-rest for more than two classes) of each oracle score found. */
    auc: Record<string, number>;
}
/** The oracle scores shown as the ceiling in tables and figures: joint and additive when present, else all. */
export declare function ceilingEntries(o: OracleCeiling | null): [string, number][];
export interface GroupReport {
    group: string;
    dataset: string;
    data: string;
    preset: string;
    metrics: string[];
    rows: VariantRow[];
    oracle: OracleCeiling | null;
    /** Why DeLong is or is not reported. */
    delongNote: string;
    /** Networks trained outside the harness on the same splits (scripts/reference/standard_recipe.py). */
    reference: ReferenceRow[];
    /** Test AUC per stratum of the record (lib/experiments/strata.ts); empty when the dataset has none. */
    strata: StratumRow[];
}
export interface RunProblem {
    id: string;
    state: 'failed' | 'partial' | 'missing' | 'unreadable';
    reason: string;
}
export interface SweepReport {
    root: string;
    trainArgs: string[];
    runsTotal: number;
    runsDone: number;
    groups: GroupReport[];
    problems: RunProblem[];
    notes: string[];
}
export declare const BOOTSTRAP_NOTE: string;
export declare const DELONG_NOTE: string;
/** The file name of a synthetic cohort's oracle (real cohorts have none). */
export declare const ORACLE_FILE = "oracle.csv";
/**
 * Where an archive keeps its copy of a cohort's oracle: `<archive>/cohorts/<name>-<hash>/`, the hash of the
 * cohort's absolute path (two cohorts may share a folder name).
 */
export declare function archivedCohortDir(root: string, data: string): string;
/**
 * The oracle file of a sweep's cohort: `<data>/oracle.csv`, or the copy `cfcml archive` made of it
 * (`archivedCohortDir`) when the cohort is not on this machine; null when neither exists.
 */
export declare function oracleFileOf(root: string, data: string): string | null;
/** A file of a sweep's cohort (`rel` inside it), or the archive's copy of it; null when neither exists. */
export declare function cohortFileOf(root: string, data: string, rel: string): string | null;
/** `<data>/oracle.csv` → test-split AUC of each `p_<name>` score (binary) or `p_<name>_<k>` family (multi-class). */
export declare function readOracle(data: string, classes: readonly string[], positiveClass?: number): OracleCeiling | null;
/** An oracle file → its test-split AUCs, as `readOracle`; null when the file does not exist. */
export declare function readOracleFile(file: string, classes: readonly string[], positiveClass?: number): OracleCeiling | null;
/** Build the report of the sweep at `root` from its run directories (nothing is trained). */
export declare function buildReport(root: string, spec?: SweepSpec): SweepReport;
/** Whether a variant feeds the tabular record to the model. */
export declare function variantUsesTabular(v: string): boolean;
