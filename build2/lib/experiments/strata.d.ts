/** A stratification of a cohort's cases by one record column. */
export interface StratumRule {
    /** Short name: 'difficulty', 'site'. */
    name: string;
    /** The meta.csv column it reads. */
    column: string;
    /** The stratum of a cell value (identity when absent). */
    map?: (value: string) => string;
    /** Strata in display order (the values seen, sorted, when absent). */
    order?: readonly string[];
}
/** The strata reported per dataset (by `DatasetSpec.name`); a dataset without an entry has none. */
export declare const STRATA: Record<string, readonly StratumRule[]>;
/**
 * Stratum of every case of a Derm7pt-format meta.csv, keyed by `case_num` (the id predictions and
 * oracle.csv use), for each rule.
 */
export declare function readStrata(metaCsv: string, rules: readonly StratumRule[]): Map<string, Record<string, string>>;
/** One seed's scores for the positive class, by case id. */
export interface SeedScores {
    seed: number;
    scores: Map<string, number>;
}
export interface StratumRow {
    rule: string;
    stratum: string;
    n: number;
    positives: number;
    /** Per variant: test AUC over seeds on this stratum's cases (NaN for a stratum with one class). */
    variants: Record<string, {
        mean: number;
        sd: number;
        values: number[];
    }>;
    /** Oracle AUCs on the same cases (joint, additive, …), when the cohort has an oracle. */
    oracle: Record<string, number>;
}
/**
 * The strata table of one group: `labels` maps each test case id to 1 (positive) or 0; `variants` gives each
 * variant's per-seed positive-class scores; `oracle` each oracle column's positive-class probability by id.
 */
export declare function strataTable(rules: readonly StratumRule[], strata: Map<string, Record<string, string>>, labels: Map<string, number>, variants: Record<string, SeedScores[]>, oracle?: Record<string, Map<string, number>>): StratumRow[];
/** One variant's runs of a group, as the report holds them (predictions may be missing). */
export interface VariantPredictions {
    variant: string;
    runs: {
        seed: number;
        predictions: {
            ids: string[];
            labels: number[];
            probs: number[][];
        } | null;
    }[];
}
/**
 * The strata table of a report group (binary datasets): nothing when the dataset has no strata, when the
 * cohort's meta.csv is not found (`metaFile` null), or when no run has test predictions. Oracle AUCs per
 * stratum come from the cohort's oracle.csv when there is one (joint and additive columns).
 */
export declare function groupStrata(datasetName: string, metaFile: string | null, oracleFile: string | null, positiveClass: number, variants: readonly VariantPredictions[]): StratumRow[];
