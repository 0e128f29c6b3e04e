/**
 * Line figures: training curves, ROC curves, precision–recall curves. Pure functions of plain arrays
 * (what `train/` histories and `metrics/` curves hold), so they are testable without tfjs.
 */
import { check } from '../util/errors';
import { Figure, PlotlyObject, paletteColor } from './figure';

/** One row of a training history: the epoch and any number of named scalars (loss, val_auc, lr, …). */
export interface HistoryRow {
  epoch: number;
  [series: string]: number;
}

export interface TrainingCurvesOptions {
  /** Series to plot, in this order. Default: every key other than `epoch`, in order of first appearance. */
  series?: string[];
  /** Figure title. Default: none. */
  title?: string;
  /** Y-axis label. Default: `'value'`. */
  yTitle?: string;
}

/**
 * One line per series against epoch. A row that lacks a series leaves a gap (`null`), not a zero, so a
 * validation metric logged every k epochs still plots correctly.
 */
export function trainingCurves(history: HistoryRow[], opts: TrainingCurvesOptions = {}): Figure {
  const series = opts.series ?? [...new Set(history.flatMap((r) => Object.keys(r).filter((k) => k !== 'epoch')))];
  const epochs = history.map((r) => r.epoch);
  const data = series.map((name, i) => ({
    type: 'scatter',
    mode: history.length > 1 ? 'lines' : 'lines+markers',
    name,
    x: epochs,
    y: history.map((r) => (typeof r[name] === 'number' && Number.isFinite(r[name]) ? r[name] : null)),
    // Validation series dashed, so train/val pairs read as pairs even in greyscale.
    line: { color: paletteColor(i), ...(/^val/i.test(name) ? { dash: 'dash' } : {}) },
  }));
  return {
    data,
    layout: {
      ...(opts.title ? { title: { text: opts.title } } : {}),
      xaxis: { title: { text: 'epoch' } },
      yaxis: { title: { text: opts.yTitle ?? 'value' } },
      legend: { orientation: 'v' },
    },
  };
}

/** One ROC curve: false- and true-positive rates at each threshold, optional AUC and its CI. */
export interface RocCurve {
  name: string;
  fpr: number[];
  tpr: number[];
  auc?: number;
  /** Confidence interval of the AUC, e.g. a 95 % bootstrap interval. */
  ci?: [number, number];
}

/** One precision–recall curve, optional average precision and its CI. */
export interface PrCurve {
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
export function legendLabel(name: string, stat: string, value?: number, ci?: [number, number], digits = 3): string {
  if (value === undefined) return name;
  const ciText = ci ? ` [${ci[0].toFixed(digits)}, ${ci[1].toFixed(digits)}]` : '';
  return `${name} (${stat} ${value.toFixed(digits)}${ciText})`;
}

const unitAxis = (title: string): PlotlyObject => ({ title: { text: title }, range: [-0.01, 1.01], constrain: 'domain' });

/** ROC curves with the chance diagonal; AUC (and CI) in each legend entry. */
export function rocCurveFigure(curves: RocCurve[], opts: CurveFigureOptions = {}): Figure {
  const digits = opts.digits ?? 3;
  const data: PlotlyObject[] = curves.map((c, i) => {
    check(c.fpr.length === c.tpr.length, `fpr has ${c.fpr.length} points but tpr has ${c.tpr.length}`, `rocCurveFigure(${c.name})`);
    return {
      type: 'scatter',
      mode: 'lines',
      name: legendLabel(c.name, 'AUC', c.auc, c.ci, digits),
      x: c.fpr,
      y: c.tpr,
      // Straight segments between operating points: the trapezoids the AUC sums (ties included).
      line: { color: paletteColor(i), width: 2 },
    };
  });
  data.push(chanceLine([0, 1], [0, 1]));
  return {
    data,
    layout: {
      title: { text: opts.title ?? 'ROC' },
      xaxis: unitAxis('false-positive rate'),
      yaxis: { ...unitAxis('true-positive rate'), scaleanchor: 'x', scaleratio: 1 },
      legend: { x: 0.98, xanchor: 'right', y: 0.02, yanchor: 'bottom' },
    },
  };
}

/**
 * Precision–recall curves; AP (and CI) in each legend entry. Drawn as a step function, the way average
 * precision sums it, AP = Σ (R_n − R_{n−1}) P_n: over (R_{n−1}, R_n] the precision is P_n. Points may
 * come in either recall order (scikit-learn returns recall decreasing); they are drawn increasing.
 */
export function prCurveFigure(curves: PrCurve[], opts: CurveFigureOptions & { prevalence?: number } = {}): Figure {
  const digits = opts.digits ?? 3;
  const data: PlotlyObject[] = curves.map((c, i) => {
    check(c.recall.length === c.precision.length, `recall has ${c.recall.length} points but precision has ${c.precision.length}`, `prCurveFigure(${c.name})`);
    const decreasing = c.recall.length > 1 && c.recall[0] > c.recall[c.recall.length - 1];
    return {
      type: 'scatter',
      mode: 'lines',
      name: legendLabel(c.name, 'AP', c.ap, c.ci, digits),
      x: decreasing ? [...c.recall].reverse() : c.recall,
      y: decreasing ? [...c.precision].reverse() : c.precision,
      // 'vh': rise (or fall) to P_n at R_{n−1}, then hold it across to R_n.
      line: { color: paletteColor(i), width: 2, shape: 'vh' },
    };
  });
  // The no-skill line of a PR curve is the positive prevalence, not a diagonal.
  if (opts.prevalence !== undefined) data.push(chanceLine([0, 1], [opts.prevalence, opts.prevalence]));
  return {
    data,
    layout: {
      title: { text: opts.title ?? 'Precision–recall' },
      xaxis: unitAxis('recall'),
      yaxis: unitAxis('precision'),
      legend: { x: 0.02, xanchor: 'left', y: 0.02, yanchor: 'bottom' },
    },
  };
}

function chanceLine(x: number[], y: number[]): PlotlyObject {
  return {
    type: 'scatter',
    mode: 'lines',
    name: 'chance',
    x,
    y,
    line: { color: '#999', dash: 'dot', width: 1 },
    hoverinfo: 'skip',
    showlegend: false,
  };
}
