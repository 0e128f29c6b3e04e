/**
 * One call for the metrics of docs/METHOD.md ("Metrics"): `computeMetrics(labels, probs)` returns one object with
 * snake_case keys, the same key for the same quantity in the binary (Derm7pt) and multi-class (MEN)
 * cases, so one table fits both; `formatMetricsTable` prints it.
 */
import { CfcmlError } from '../util/errors';
import { averagePrecision, rocAuc } from './curves';
import {
  accuracyFromConfusion,
  argmax,
  balancedAccuracyFromConfusion,
  confusionMatrix,
  f1Of,
  macroF1FromConfusion,
  mccFromConfusion,
  perClassRecall,
  recallOf,
  weightedF1FromConfusion,
} from './classification';

export interface MetricsOptions {
  /** Binary only: the class whose probability is the score (MEL in Derm7pt). Default 1. */
  positiveClass?: number;
  /** Names of the classes, for the table. Default "0", "1", .... */
  classNames?: string[];
}

/** Metrics of a binary problem. */
export interface BinaryMetrics {
  kind: 'binary';
  auc: number;
  auprc: number;
  accuracy: number;
  balanced_accuracy: number;
  sensitivity: number;
  specificity: number;
  g_mean: number;
  mcc: number;
  f1: number;
  /** [true][predicted]. */
  confusion: number[][];
  class_names: string[];
}

/** Metrics of a problem with more than two classes. */
export interface MulticlassMetrics {
  kind: 'multiclass';
  accuracy: number;
  /** Mean recall over the classes with cases. */
  balanced_accuracy: number;
  /** Recall of each class (NaN for a class with no case). */
  per_class_accuracy: number[];
  macro_f1: number;
  weighted_f1: number;
  /** Unweighted mean of the one-vs-rest ROC AUCs (NaN unless every class has cases and non-cases). */
  macro_auc: number;
  /** = macro_auc. */
  auc: number;
  mcc: number;
  confusion: number[][];
  class_names: string[];
}

export type Metrics = BinaryMetrics | MulticlassMetrics;

/** Whether a value is one set of metrics (rather than a record of named sets). */
export function isMetrics(x: Metrics | Record<string, Metrics>): x is Metrics {
  return 'kind' in x && (x.kind === 'binary' || x.kind === 'multiclass');
}

/** A ranking metric that is undefined on this data (one class only) is NaN here rather than an error. */
function orNaN(f: () => number): number {
  try {
    return f();
  } catch (e) {
    if (e instanceof CfcmlError) return NaN;
    throw e;
  }
}

/** Macro one-vs-rest ROC AUC (scikit-learn `roc_auc_score(multi_class='ovr', average='macro')`). */
export function macroAucOvr(labels: readonly number[], probs: readonly (readonly number[])[]): number {
  const C = probs[0]?.length ?? 0;
  let sum = 0;
  for (let k = 0; k < C; k++) {
    sum += rocAuc(
      labels.map((y) => (y === k ? 1 : 0)),
      probs.map((row) => row[k]),
    );
  }
  return sum / C;
}

/**
 * All metrics of one set of predictions. `probs` has one row of class probabilities per case (width C ≥ 2);
 * hard predictions are the argmax. C = 2 gives the binary set, C > 2 the multi-class set.
 */
export function computeMetrics(labels: readonly number[], probs: readonly (readonly number[])[], opts: MetricsOptions = {}): Metrics {
  if (labels.length === 0) throw new CfcmlError('empty input', { where: 'computeMetrics' });
  if (labels.length !== probs.length) throw new CfcmlError(`${labels.length} labels but ${probs.length} probability rows`, { where: 'computeMetrics' });
  const C = probs[0].length;
  if (C < 2) throw new CfcmlError(`probability rows need at least 2 columns, got ${C}`, { where: 'computeMetrics' });
  probs.forEach((row, i) => {
    if (row.length !== C) throw new CfcmlError(`row ${i} has ${row.length} probabilities, expected ${C}`, { where: 'computeMetrics' });
  });
  const classNames = opts.classNames ?? Array.from({ length: C }, (_, k) => String(k));
  if (classNames.length !== C) throw new CfcmlError(`${classNames.length} class names for ${C} classes`, { where: 'computeMetrics' });
  const preds = probs.map((row) => argmax(row));
  const cm = confusionMatrix(labels, preds, C);

  if (C === 2) {
    const pos = opts.positiveClass ?? 1;
    if (pos !== 0 && pos !== 1) throw new CfcmlError(`positiveClass must be 0 or 1, got ${pos}`, { where: 'computeMetrics' });
    const neg = 1 - pos;
    const y = labels.map((v) => (v === pos ? 1 : 0));
    const score = probs.map((row) => row[pos]);
    const sensitivity = recallOf(cm, pos);
    const specificity = recallOf(cm, neg);
    return {
      kind: 'binary',
      auc: orNaN(() => rocAuc(y, score)),
      auprc: orNaN(() => averagePrecision(y, score)),
      accuracy: accuracyFromConfusion(cm),
      balanced_accuracy: balancedAccuracyFromConfusion(cm),
      sensitivity,
      specificity,
      g_mean: Math.sqrt(sensitivity * specificity),
      mcc: mccFromConfusion(cm),
      f1: f1Of(cm, pos),
      confusion: cm,
      class_names: classNames,
    };
  }
  const macroAuc = orNaN(() => macroAucOvr(labels, probs));
  return {
    kind: 'multiclass',
    accuracy: accuracyFromConfusion(cm),
    balanced_accuracy: balancedAccuracyFromConfusion(cm),
    per_class_accuracy: perClassRecall(cm),
    macro_f1: macroF1FromConfusion(cm),
    weighted_f1: weightedF1FromConfusion(cm),
    macro_auc: macroAuc,
    auc: macroAuc,
    mcc: mccFromConfusion(cm),
    confusion: cm,
    class_names: classNames,
  };
}

const fmt = (v: number, digits: number): string => (Number.isNaN(v) ? 'n/a' : v.toFixed(digits));

/** The rows of the metrics table, binary and multi-class. */
const BINARY_TABLE_KEYS = ['auc', 'auprc', 'accuracy', 'balanced_accuracy', 'sensitivity', 'specificity', 'g_mean', 'mcc', 'f1'] as const;
const MULTICLASS_TABLE_KEYS = ['accuracy', 'balanced_accuracy', 'per_class_accuracy', 'macro_f1', 'weighted_f1', 'macro_auc', 'mcc'] as const;
type TableKey = (typeof BINARY_TABLE_KEYS)[number] | (typeof MULTICLASS_TABLE_KEYS)[number];

/** A table entry of either kind of metrics (undefined when this kind has no such entry). */
function tableValue(m: Metrics, key: TableKey): number | readonly number[] | undefined {
  const values: Partial<Record<TableKey, number | readonly number[]>> = m;
  return values[key];
}

/**
 * A plain-text table: one row per metric; several runs side by side when given a record of them
 * (e.g. `{ CFCML: m1, 'no HRM': m2 }`). Per-class accuracies get one row per class; the confusion
 * matrix of each run follows the table.
 */
export function formatMetricsTable(metrics: Metrics | Record<string, Metrics>, digits = 4): string {
  const runs: Record<string, Metrics> = isMetrics(metrics) ? { value: metrics } : metrics;
  const names = Object.keys(runs);
  if (names.length === 0) return '';
  const first = runs[names[0]];
  const keys: readonly TableKey[] = first.kind === 'binary' ? BINARY_TABLE_KEYS : MULTICLASS_TABLE_KEYS;
  const rows: string[][] = [];
  for (const key of keys) {
    const v0 = tableValue(first, key);
    if (Array.isArray(v0)) {
      v0.forEach((_, k) =>
        rows.push([
          `${key}[${first.class_names[k]}]`,
          ...names.map((n) => {
            const v = tableValue(runs[n], key);
            return fmt(Array.isArray(v) ? (v[k] ?? NaN) : NaN, digits);
          }),
        ]),
      );
    } else {
      rows.push([
        key,
        ...names.map((n) => {
          const v = tableValue(runs[n], key);
          return fmt(typeof v === 'number' ? v : NaN, digits);
        }),
      ]);
    }
  }
  const header = ['metric', ...names];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  for (const n of names) {
    const m = runs[n];
    const w = Math.max(...m.class_names.map((s) => s.length), ...m.confusion.flat().map((v) => String(v).length));
    out.push('', `confusion (${n}; rows true, columns predicted)`);
    out.push(['', ...m.class_names].map((s) => s.padStart(w)).join('  '));
    m.confusion.forEach((row, k) => out.push([m.class_names[k], ...row.map(String)].map((s) => s.padStart(w)).join('  ')));
  }
  return out.join('\n');
}
