import { Figure } from './figure';
/** One cell of an ablation table: a variant's value on a metric, optional confidence interval. */
export interface MetricRow {
    variant: string;
    metric: string;
    value: number;
    ci?: [number, number];
}
export interface MetricBarsOptions {
    /** Figure title. Default `'Metrics'`. */
    title?: string;
    /** Y-axis range. Default: plotly's autorange (metrics in [0, 1] usually want `[0, 1]`). */
    yRange?: [number, number];
    /** Decimals printed inside each bar, mid-height (clear of the error bar); `null` prints none. Default 3. */
    digits?: number | null;
}
/**
 * Variants on the x axis, one bar per metric within each group; error bars span each row's `ci`
 * (asymmetric, as bootstrap intervals are). Variants and metrics keep their order of first appearance.
 * A (variant, metric) pair given twice is an error: it would silently hide one of them.
 */
export declare function metricBars(rows: MetricRow[], opts?: MetricBarsOptions): Figure;
