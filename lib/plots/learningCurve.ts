/**
 * A learning curve: a test metric against the number of training cases, one line per variant (mean over
 * seeds) with a ±1 sd band over seeds (none where a size has one seed), and the oracle ceilings of the same
 * test cases as horizontal lines. The x axis is logarithmic (the scales
 * double), with a tick at every measured size.
 */
import { mean, sd } from '../metrics/moments';
import { withCeilings, type Ceiling } from './ceiling';
import { hexToRgba, paletteColor, type Figure, type PlotlyObject } from './figure';

/** One variant at one training-set size: the metric of each seed. */
export interface CurvePoint {
  variant: string;
  trainCases: number;
  values: number[];
}

export interface LearningCurveOptions {
  title?: string;
  /** Y axis title. Default 'test AUC'. */
  metric?: string;
  yRange?: [number, number];
  /** Horizontal lines: e.g. [['joint', 0.891], ['additive', 0.777]]. */
  ceilings?: readonly Ceiling[];
}

/** The curve's figure: variants in the order they first appear in `points`. */
export function learningCurveFigure(points: readonly CurvePoint[], opts: LearningCurveOptions = {}): Figure {
  const variants = [...new Set(points.map((p) => p.variant))];
  const sizes = [...new Set(points.map((p) => p.trainCases))].sort((a, b) => a - b);
  const data: PlotlyObject[] = [];
  variants.forEach((v, i) => {
    const color = paletteColor(i);
    const own = points.filter((p) => p.variant === v && p.values.length > 0).sort((a, b) => a.trainCases - b.trainCases);
    const x = own.map((p) => p.trainCases);
    const m = own.map((p) => mean(p.values));
    const s = own.map((p) => (p.values.length > 1 ? sd(p.values) : 0)); // one seed: no band
    if (own.some((p) => p.values.length > 1)) {
      data.push({
        type: 'scatter',
        // A band is a filled outline: without mode 'lines' plotly marks its vertices (it does for any trace of
        // under 20 points), in colours of its own, as if they were seeds.
        mode: 'lines',
        x: [...x, ...x.slice().reverse()],
        y: [...m.map((y, k) => y + s[k]), ...m.map((y, k) => y - s[k]).reverse()],
        fill: 'toself',
        fillcolor: hexToRgba(color, 0.15),
        line: { width: 0 },
        hoverinfo: 'skip',
        showlegend: false,
        legendgroup: v,
      });
    }
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: v,
      legendgroup: v,
      x,
      y: m,
      line: { color, width: 2 },
      marker: { color, size: 6 },
      customdata: own.map((p, k) => [p.values.length, s[k]]),
      hovertemplate: `${v}<br>%{x} training cases<br>mean %{y:.3f} ± %{customdata[1]:.3f} over %{customdata[0]} seeds<extra></extra>`,
    });
  });
  const fig: Figure = {
    data,
    layout: {
      title: { text: opts.title ?? 'Learning curve: mean ± sd over seeds' },
      xaxis: { title: { text: 'training cases' }, type: 'log', tickvals: sizes, ticktext: sizes.map(String) },
      yaxis: { title: { text: opts.metric ?? 'test AUC' }, ...(opts.yRange ? { range: opts.yRange } : {}) },
      legend: { orientation: 'h', y: -0.2 },
    },
  };
  return opts.ceilings && opts.ceilings.length > 0 ? withCeilings(fig, opts.ceilings) : fig;
}
