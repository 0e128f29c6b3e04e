/**
 * The paper's figures of a sweep, built with the lib/plots builders and written with `saveFigure`:
 * ablation bars (mean ± sd over seeds, the oracle ceiling as a line), ROC curves of CFCML vs the baselines
 * (mean curve over seeds with a ±1 sd band, vertical averaging), and the sweep's training curves
 * (validation AUC per epoch, mean over seeds per variant).
 */
import * as path from 'path';
import { getDatasetSpec } from '../data/registry';
import { oracleRocSeries, readOracleCsv } from '../synth/oracle';
import { rocCurve } from '../metrics';
import { hexToRgba, learningCurveFigure, metricBars, paletteColor, type CurvePoint, referenceLine, saveFigure, withCeilings, trainingCurves, type Figure, type HistoryRow, type MetricRow, type PlotlyObject } from '../plots';
import { readRunHistory, readRunPredictions, runState } from './runFiles';
import { robustnessCurves, robustnessFigure } from './robustness';
import { aucMetricOf, ceilingEntries, type GroupReport, type SweepReport } from './report';
import { mean, sd } from './stats';
import type { SweepSpec } from './sweep';
import { METRIC_LABELS } from './tables';

/** The baselines drawn against full in the ROC figure, when the sweep has them. */
export const ROC_VARIANTS = ['full', 'late-fusion', 'image-only', 'tabular-only'];

/** Ablation bars of a group: one bar per variant and metric, error bars ±1 sd, dashed oracle lines on AUC. */
export function ablationFigure(g: GroupReport, metrics: string[] = g.metrics.filter((m) => m === 'auc' || m === 'macro_auc' || m === 'balanced_accuracy')): Figure {
  const rows: MetricRow[] = [];
  for (const r of g.rows) {
    for (const m of metrics) {
      const s = r.metrics[m];
      if (!s || !Number.isFinite(s.mean)) continue;
      const e = Number.isFinite(s.sd) ? s.sd : 0;
      rows.push({ variant: r.variant, metric: METRIC_LABELS[m] ?? m, value: s.mean, ci: [s.mean - e, s.mean + e] });
    }
  }
  const fig = metricBars(rows, { title: `${g.dataset}${g.group ? ` (${g.group})` : ''}: mean ± sd over seeds`, yRange: [0, 1.05], digits: null });
  const out = withCeilings(fig, ceilingEntries(g.oracle));
  out.layout.yaxis = { ...out.layout.yaxis, title: { text: 'test metric' } };
  return out;
}

const FPR_GRID = Array.from({ length: 101 }, (_, i) => i / 100);

/** TPR of a ROC curve at `fpr` (the highest TPR reached at that FPR: the step curve's upper envelope). */
export function tprAt(curve: { fpr: number[]; tpr: number[] }, fpr: number): number {
  let best = 0;
  for (let i = 0; i < curve.fpr.length; i++) {
    if (curve.fpr[i] <= fpr + 1e-12) best = Math.max(best, curve.tpr[i]);
    else if (i > 0 && curve.fpr[i - 1] < fpr) {
      // linear interpolation on the segment that crosses fpr
      const t = (fpr - curve.fpr[i - 1]) / (curve.fpr[i] - curve.fpr[i - 1]);
      best = Math.max(best, curve.tpr[i - 1] + t * (curve.tpr[i] - curve.tpr[i - 1]));
    }
  }
  return best;
}

/** Mean ROC curve over seeds with a ±1 sd band, per variant (binary datasets). */
export function rocBandFigure(root: string, spec: SweepSpec, g: GroupReport, positiveClass = 1): Figure | null {
  const variants = ROC_VARIANTS.filter((v) => g.rows.some((r) => r.variant === v));
  if (variants.length === 0 || !(g.metrics.includes('auc') && !g.metrics.includes('macro_auc'))) return null;
  const data: PlotlyObject[] = [];
  variants.forEach((v, i) => {
    const runs = spec.runs.filter((r) => r.group === g.group && r.variant === v && runState(path.resolve(root, r.dir)) === 'done');
    const curves = runs.map((r) => {
      const p = readRunPredictions(path.resolve(root, r.dir), 'test');
      return rocCurve(p.labels.map((y) => (y === positiveClass ? 1 : 0)), p.probs.map((row) => row[positiveClass]));
    });
    if (curves.length === 0) return;
    const tprs = FPR_GRID.map((f) => curves.map((c) => tprAt(c, f)));
    const m = tprs.map((t) => mean(t));
    const s = tprs.map((t) => (t.length > 1 ? sd(t) : 0));
    const color = paletteColor(i);
    const row = g.rows.find((r) => r.variant === v)!;
    data.push(
      { type: 'scatter', mode: 'lines', x: FPR_GRID, y: m.map((x, k) => Math.max(0, x - s[k])), line: { width: 0, color }, showlegend: false, hoverinfo: 'skip', legendgroup: v },
      {
        type: 'scatter',
        mode: 'lines',
        x: FPR_GRID,
        y: m.map((x, k) => Math.min(1, x + s[k])),
        fill: 'tonexty',
        fillcolor: hexToRgba(color, 0.18),
        line: { width: 0, color },
        showlegend: false,
        hoverinfo: 'skip',
        legendgroup: v,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: `${v} (AUC ${row.metrics.auc.mean.toFixed(3)} ± ${Number.isFinite(row.metrics.auc.sd) ? row.metrics.auc.sd.toFixed(3) : '–'}, ${curves.length} seeds)`,
        x: FPR_GRID,
        y: m,
        line: { width: 2, color },
        legendgroup: v,
      },
    );
  });
  // The cohort's oracle (synthetic cohorts only): the ROC no model can beat, dashed (joint) and dotted (additive).
  if (g.oracle) {
    oracleRocSeries(readOracleCsv(g.oracle.file, 2), 'test', ['joint', 'additive'], positiveClass).forEach((c, i) => {
      data.push({ type: 'scatter', mode: 'lines', name: `${c.name} (AUC ${c.auc.toFixed(3)})`, x: c.fpr, y: c.tpr, line: referenceLine(i) });
    });
  }
  data.push({ type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], line: { dash: 'dot', color: '#999', width: 1 }, name: 'chance', showlegend: false, hoverinfo: 'skip' });
  return {
    data,
    layout: {
      title: { text: `${g.dataset}: ROC, mean over seeds ± 1 sd` },
      xaxis: { title: { text: 'false-positive rate' }, range: [-0.01, 1.01], constrain: 'domain' },
      yaxis: { title: { text: 'true-positive rate' }, range: [-0.01, 1.01], scaleanchor: 'x', scaleratio: 1 },
      legend: { x: 0.98, xanchor: 'right', y: 0.02, yanchor: 'bottom' },
    },
  };
}

/** Validation AUC per epoch, mean over the seeds of each variant (the curves model selection looked at). */
export function sweepCurvesFigure(root: string, spec: SweepSpec, g: GroupReport): Figure {
  const byEpoch = new Map<number, HistoryRow>();
  for (const r of g.rows) {
    const hs = spec.runs
      .filter((x) => x.group === g.group && x.variant === r.variant)
      .map((x) => readRunHistory(path.resolve(root, x.dir)))
      .filter((h) => h.length > 0);
    const maxE = Math.max(0, ...hs.map((h) => h.length));
    for (let e = 1; e <= maxE; e++) {
      const vals = hs.map((h) => h.find((row) => row.epoch === e)?.val_auc).filter((v): v is number => typeof v === 'number');
      const row = byEpoch.get(e) ?? { epoch: e };
      row[r.variant] = vals.length ? mean(vals) : null;
      byEpoch.set(e, row);
    }
  }
  const history = [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
  const fig = trainingCurves(history, { series: g.rows.map((r) => r.variant), title: `${g.dataset}: validation AUC per epoch (mean over seeds)`, yTitle: 'validation AUC' });
  if (history.length <= 20) fig.layout.xaxis = { ...fig.layout.xaxis, dtick: 1 };
  return fig;
}

/**
 * Test AUC per stratum of the record (report.strata): bars per variant (mean ± sd over seeds) in each stratum,
 * the oracle's joint and additive AUC on the same cases as markers — where the joint marker stands far above
 * the additive one, the record changes how the image reads, and only a model that learns the interaction
 * can get there.
 */
export function strataFigure(g: GroupReport): Figure | null {
  if (g.strata.length === 0) return null;
  const label = (r: GroupReport['strata'][number]) => `${r.rule}: ${r.stratum} (${r.n})`;
  const rows: MetricRow[] = [];
  for (const r of g.strata) {
    for (const [v, x] of Object.entries(r.variants)) {
      if (!Number.isFinite(x.mean)) continue;
      const e = Number.isFinite(x.sd) ? x.sd : 0;
      rows.push({ variant: label(r), metric: v, value: x.mean, ci: [x.mean - e, x.mean + e] });
    }
  }
  const fig = metricBars(rows, { title: `${g.dataset}${g.group ? ` (${g.group})` : ''}: test AUC per stratum of the record`, yRange: [0, 1.05], digits: null });
  const oracleKeys = Object.keys(g.strata[0].oracle);
  oracleKeys.forEach((k, i) => {
    fig.data.push({
      type: 'scatter',
      mode: 'markers',
      name: `oracle ${k}`,
      x: g.strata.map(label),
      y: g.strata.map((r) => (Number.isFinite(r.oracle[k]) ? r.oracle[k] : null)),
      marker: { symbol: i === 0 ? 'line-ew-open' : 'line-ew', size: 28, line: { width: 2, color: i === 0 ? '#000000' : '#777777' } },
    });
  });
  fig.layout.xaxis = { ...fig.layout.xaxis, title: { text: 'stratum (test cases)' } };
  fig.layout.yaxis = { ...fig.layout.yaxis, title: { text: 'test AUC' } };
  return fig;
}

/** Training cases of a cohort (task cases of the train split in its oracle.csv); null without an oracle. */
function trainCasesOf(oracleFile: string | null, numClasses: number): number | null {
  return oracleFile ? readOracleCsv(oracleFile, numClasses).filter((r) => r.split === 'train').length : null;
}

/**
 * The learning curve of a sweep over nested cohorts of one dataset (`cfcml synth --nested` at several
 * `--scale`s, one group each): test AUC against training cases per variant, with the standard recipe's
 * rows where the sweep has them, and the oracle ceilings. Null unless at least two groups share the same
 * test cases (equal oracle test AUCs) and each has an oracle to count its training cases.
 */
export function learningCurveOf(report: SweepReport): Figure | null {
  const groups = report.groups.filter((g) => g.rows.length > 0 && g.oracle);
  if (groups.length < 2 || new Set(groups.map((g) => `${g.dataset}|${g.preset}`)).size !== 1) return null;
  const ceilings = ceilingEntries(groups[0].oracle);
  if (!groups.every((g) => JSON.stringify(ceilingEntries(g.oracle)) === JSON.stringify(ceilings))) return null;
  const metric = aucMetricOf(groups[0]);
  const numClasses = getDatasetSpec(groups[0].dataset).classes.length;
  const points: CurvePoint[] = [];
  for (const g of groups) {
    const n = trainCasesOf(g.oracle!.file, numClasses);
    if (n === null) return null;
    for (const r of g.rows) points.push({ variant: r.variant, trainCases: n, values: r.metrics[metric]?.values.filter((x) => Number.isFinite(x)) ?? [] });
    for (const ref of g.reference) points.push({ variant: ref.name, trainCases: n, values: ref.testAuc.values });
  }
  return learningCurveFigure(points, { title: `${groups[0].dataset}: test ${METRIC_LABELS[metric] ?? metric} against training cases (mean ± sd over seeds)`, metric: `test ${METRIC_LABELS[metric] ?? metric}`, ceilings });
}

/** Every figure of the report, by file stem. */
export function sweepFigures(root: string, spec: SweepSpec, report: SweepReport, positiveClass = 1): Record<string, Figure> {
  const figs: Record<string, Figure> = {};
  for (const g of report.groups) {
    if (g.rows.length === 0) continue;
    const suffix = g.group ? `_${g.group.replace(/[^A-Za-z0-9._-]/g, '_')}` : '';
    figs[`ablation${suffix}`] = ablationFigure(g);
    const roc = rocBandFigure(root, spec, g, positiveClass);
    if (roc) figs[`roc${suffix}`] = roc;
    figs[`curves${suffix}`] = sweepCurvesFigure(root, spec, g);
    const robustness = robustnessCurves(root, spec, g);
    if (robustness) figs[`robustness${suffix}`] = robustnessFigure(robustness);
    const strata = strataFigure(g);
    if (strata) figs[`strata${suffix}`] = strata;
  }
  const curve = learningCurveOf(report);
  if (curve) figs['learning-curve'] = curve;
  return figs;
}

/** Render every figure to `<dir>/<stem>.{png,svg,pdf}` with the paper theme; returns the written files. */
export async function writeFigures(figs: Record<string, Figure>, dir: string, formats: ('png' | 'svg' | 'pdf')[] = ['png', 'svg', 'pdf']): Promise<string[]> {
  const written: string[] = [];
  for (const [stem, fig] of Object.entries(figs)) written.push(...(await saveFigure(fig, path.join(dir, stem), { formats, width: 560, height: 400 })));
  return written;
}
