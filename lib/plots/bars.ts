/**
 * Grouped bar chart of metrics per model variant (ablation tables as a figure), with CI error bars.
 */
import { check } from '../util/errors';
import { Figure, PlotlyObject, paletteColor } from './figure';

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
export function metricBars(rows: MetricRow[], opts: MetricBarsOptions = {}): Figure {
  const variants = [...new Set(rows.map((r) => r.variant))];
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const cell = new Map<string, MetricRow>();
  for (const r of rows) {
    const key = `${r.variant}\u0000${r.metric}`;
    check(!cell.has(key), `variant "${r.variant}" has metric "${r.metric}" twice`, 'metricBars');
    if (r.ci) check(r.ci[0] <= r.value && r.value <= r.ci[1], `ci [${r.ci}] does not contain value ${r.value}`, `metricBars(${r.variant}, ${r.metric})`);
    cell.set(key, r);
  }
  const digits = opts.digits === undefined ? 3 : opts.digits;
  const data: PlotlyObject[] = metrics.map((m, i) => {
    const cells = variants.map((v) => cell.get(`${v}\u0000${m}`));
    const hasCi = cells.some((c) => c?.ci);
    return {
      type: 'bar',
      name: m,
      x: variants,
      y: cells.map((c) => (c ? c.value : null)),
      marker: { color: paletteColor(i) },
      ...(digits === null ? {} : { text: cells.map((c) => (c ? c.value.toFixed(digits) : '')), textposition: 'inside', insidetextanchor: 'middle' }),
      ...(hasCi
        ? {
            error_y: {
              type: 'data',
              symmetric: false,
              array: cells.map((c) => (c?.ci ? c.ci[1] - c.value : 0)),
              arrayminus: cells.map((c) => (c?.ci ? c.value - c.ci[0] : 0)),
              color: '#333',
              thickness: 1,
              width: 3,
            },
          }
        : {}),
    };
  });
  return {
    data,
    layout: {
      title: { text: opts.title ?? 'Metrics' },
      barmode: 'group',
      xaxis: { type: 'category', title: { text: 'variant' } },
      yaxis: { title: { text: 'value' }, ...(opts.yRange ? { range: opts.yRange } : {}) },
    },
  };
}
