import type { Split } from './spec';
import type { Cohort } from './types';
/**
 * Leakage audit: how well does each tabular field *alone* predict the label? A field that gives the label
 * away (Derm7pt's `management`: every melanoma is excised) makes a multimodal result meaningless unless it is
 * excluded. For each field: per-level class counts and purity, and the single-field AUC (binary: the
 * in-sample P(positive | level) as score; multi-class: macro one-vs-rest; numeric fields score by value).
 */
export interface LeakageOptions {
    /** Only these splits (default all). */
    splits?: readonly Split[];
    /** Flag a field whose single-field AUC reaches this (default 0.9). */
    aucThreshold?: number;
    /** Flag a categorical level holding at least this fraction of cases and only one class (default 0.1). */
    pureLevelShare?: number;
    /** Classes with fewer cases than this are not tested for "all its cases share one level" (default 10). */
    minClassCases?: number;
}
export interface LevelStats {
    level: string;
    count: number;
    byClass: Record<string, number>;
    /** Largest class fraction among the level's cases. */
    purity: number;
}
export interface FieldLeakage {
    name: string;
    column: string;
    kind: 'categorical' | 'numeric';
    /** Single-field AUC (binary; macro one-vs-rest for more classes), ≥ 0.5 by construction. */
    auc: number;
    /** Count-weighted mean of the levels' purity (numeric fields: over quartile bins). */
    purity: number;
    flagged: boolean;
    /** Why it was flagged (empty when not). */
    reasons: string[];
    levels: LevelStats[];
}
export interface LeakageReport {
    dataset: string;
    cases: number;
    /** Majority-class fraction: the purity a useless field has. */
    baseRate: number;
    fields: FieldLeakage[];
    flagged: string[];
}
/**
 * AUC of `score` for `positive` (ties count half): the one ROC AUC of lib/metrics (`rocAuc`), with 0.5 (no
 * information) instead of an error when only one class is present.
 */
export declare function aucOf(score: readonly number[], positive: readonly boolean[]): number;
export declare function auditLeakage(cohort: Cohort, opts?: LeakageOptions): LeakageReport;
export declare function formatLeakageReport(r: LeakageReport): string;
