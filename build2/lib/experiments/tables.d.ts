import { type SweepReport } from './report';
export declare const METRIC_LABELS: Record<string, string>;
/** The columns the LaTeX table shows (a paper column is narrow); CSV and Markdown show every metric. */
export declare const TEX_METRICS: string[];
/** A number for CSV: 6 significant digits, '' for NaN/absent. */
export declare function csvNumber(x: number | undefined | null): string;
/** A p-value for people: 3 decimals, `<0.001` below, `–` when there is none. */
export declare function formatP(p: number | undefined | null, lt?: string): string;
/** CSV text: one row per variant (a `group` column first when the sweep has several cohorts/presets). */
export declare function tableCsv(report: SweepReport): string;
/** Markdown: one table per group, `mean ± sd` cells, best in bold, then oracle, notes and problems. */
export declare function tableMarkdown(report: SweepReport, digits?: number): string;
/**
 * The short table a front page quotes: per variant the seeds, test and validation AUC (mean ± sd), the paired
 * per-seed ΔAUC to full with its seed × case bootstrap 95% CI and Holm-adjusted p (the primary test), and
 * Holm's p of DeLong on the seed ensembles (the second); then the oracle ceilings; the best test AUC in bold.
 * One table per group. test/docs/numbers.test.ts requires the README's copy to equal it.
 */
export declare function summaryMarkdown(report: Pick<SweepReport, 'groups'>, digits?: number): string;
/** CSV of every group's strata: one row per group × stratum × variant (and one per oracle column). */
export declare function strataCsv(report: SweepReport): string;
/** Escape text for LaTeX. */
export declare function texEscape(s: string): string;
/** LaTeX (booktabs): one tabular per group, `mean $\pm$ sd`, best in \textbf, oracle rows under a rule. */
export declare function tableTex(report: SweepReport, digits?: number): string;
/** Write `<dir>/table.csv`, `table.md`, `table.tex` and `report.json`; returns the paths. */
export declare function writeTables(report: SweepReport, dir: string): string[];
