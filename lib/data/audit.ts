import { normalCdf } from '../metrics/delong';
import { rocAuc } from '../metrics/curves';
import { formatMissingRates, missingRates, type MissingRates } from './inspect';
import type { Split } from './spec';
import type { Cohort } from './types';

/**
 * Leakage audit: how well does each tabular field *alone* predict the label? A field that gives the label
 * away (Derm7pt's `management`: every melanoma is excised) makes a multimodal result meaningless unless it is
 * excluded. For each field: per-level class counts and purity, and the single-field AUC (binary: the
 * in-sample P(positive | level) as score; multi-class: macro one-vs-rest; numeric fields score by value).
 *
 * Missing cells: a categorical field's missing cases form one more level, `(missing)`; a numeric field is
 * scored on its observed values, its missing cases counted in a `(missing)` bin. Missingness itself can leak
 * (a test ordered only when the clinician already suspects the disease): each field's missing rate is
 * reported per split and per class, and the field is flagged when its missing rate differs between a class
 * and the rest by at least `missingRateGap` with a χ² test (one degree of freedom) below `missingPValue`.
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
  /** Flag missingness whose class association has a χ² p-value below this (default 0.001)… */
  missingPValue?: number;
  /** …and whose missing rates (a class vs the rest) differ by at least this (default 0.1). */
  missingRateGap?: number;
}

const DEFAULTS: Required<Omit<LeakageOptions, 'splits'>> = { aucThreshold: 0.9, pureLevelShare: 0.1, minClassCases: 10, missingPValue: 0.001, missingRateGap: 0.1 };

/** The level a missing cell counts under in the audit's per-level table. */
export const MISSING_LEVEL = '(missing)';

/**
 * χ² test (1 degree of freedom, no continuity correction) of the 2×2 table missing × (class y vs the rest):
 * the p-value, and the missing rates of y and of the rest. p = 1 when a margin is empty.
 */
export function missingnessTest(missing: readonly boolean[], inClass: readonly boolean[]): { p: number; rateIn: number; rateOut: number } {
  let a = 0, b = 0, c = 0, d = 0; // a: missing & y, b: missing & rest, c: observed & y, d: observed & rest
  missing.forEach((m, i) => {
    if (m) inClass[i] ? a++ : b++;
    else inClass[i] ? c++ : d++;
  });
  const n = a + b + c + d;
  const rateIn = a + c ? a / (a + c) : 0;
  const rateOut = b + d ? b / (b + d) : 0;
  const denom = (a + b) * (c + d) * (a + c) * (b + d);
  if (denom === 0) return { p: 1, rateIn, rateOut };
  const chi2 = (n * (a * d - b * c) ** 2) / denom;
  return { p: 2 * (1 - normalCdf(Math.sqrt(chi2))), rateIn, rateOut };
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
  /** How often the field is missing, per split and per class. */
  missing: MissingRates;
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
export function aucOf(score: readonly number[], positive: readonly boolean[]): number {
  const y = positive.map((p) => (p ? 1 : 0));
  const nPos = y.reduce<number>((a, b) => a + b, 0);
  if (nPos === 0 || nPos === y.length) return 0.5;
  return rocAuc(y, score);
}

export function auditLeakage(cohort: Cohort, opts: LeakageOptions = {}): LeakageReport {
  const o = { ...DEFAULTS, ...opts };
  const spec = cohort.spec;
  const cases = cohort.cases.filter((c) => !opts.splits || opts.splits.includes(c.split));
  const C = spec.classes.length;
  const labels = cases.map((c) => c.label);
  const classCounts = spec.classes.map((_, y) => labels.filter((l) => l === y).length);
  const n = cases.length;
  const baseRate = n ? Math.max(...classCounts) / n : 0;
  const positives = C === 2 ? [spec.positiveClass ?? 1] : spec.classes.map((_, y) => y);

  const fields: FieldLeakage[] = spec.tabular.map((f) => {
    // Level of each case: the category, or the quartile bin of a numeric value.
    let levelOf: string[];
    let levelNames: string[];
    const isMissing = cases.map((c) => c.tabular[f.name] === null);
    if (f.kind === 'categorical') {
      levelOf = cases.map((c, i) => (isMissing[i] ? MISSING_LEVEL : String(c.tabular[f.name])));
      levelNames = [...f.levels];
    } else {
      const xs = cases.map((c) => Number(c.tabular[f.name]));
      const sorted = xs.filter((_, i) => !isMissing[i]).sort((a, b) => a - b);
      const q = [0.25, 0.5, 0.75].map((p) => sorted[Math.floor(p * (sorted.length - 1))] ?? 0);
      levelNames = ['Q1', 'Q2', 'Q3', 'Q4'].map((b, k) => `${b} (${k === 0 ? '-∞' : q[k - 1].toPrecision(3)}..${k === 3 ? '∞' : q[k].toPrecision(3)})`);
      levelOf = xs.map((x, i) => (isMissing[i] ? MISSING_LEVEL : levelNames[x <= q[0] ? 0 : x <= q[1] ? 1 : x <= q[2] ? 2 : 3]));
    }
    const counts = new Map<string, number[]>(levelNames.map((l) => [l, new Array(C).fill(0)]));
    levelOf.forEach((l, i) => {
      if (!counts.has(l)) counts.set(l, new Array(C).fill(0));
      counts.get(l)![labels[i]]++;
    });
    const levels: LevelStats[] = [...counts.entries()].map(([level, byC]) => {
      const count = byC.reduce((a, b) => a + b, 0);
      return {
        level,
        count,
        byClass: Object.fromEntries(spec.classes.map((c, y) => [c, byC[y]])),
        purity: count ? Math.max(...byC) / count : 0,
      };
    });
    // Single-field AUC.
    const aucs = positives.map((y) => {
      const pos = labels.map((l) => l === y);
      let score: number[];
      if (f.kind === 'categorical') {
        score = levelOf.map((l) => {
          const byC = counts.get(l)!;
          return byC[y] / byC.reduce((a, b) => a + b, 0);
        });
        return aucOf(score, pos);
      }
      score = cases.filter((_, i) => !isMissing[i]).map((c) => Number(c.tabular[f.name]));
      const a = aucOf(score, pos.filter((_, i) => !isMissing[i]));
      return Math.max(a, 1 - a); // direction unknown for a raw numeric value
    });
    const auc = aucs.reduce((a, b) => a + b, 0) / aucs.length;
    const purity = n ? levels.reduce((s, l) => s + l.purity * l.count, 0) / n : 0;
    const reasons: string[] = [];
    if (auc >= o.aucThreshold) reasons.push(`alone it predicts the label with AUC ${auc.toFixed(3)} (≥ ${o.aucThreshold})`);
    spec.classes.forEach((cls, y) => {
      if (classCounts[y] < o.minClassCases) return;
      for (const l of levels) {
        const share = l.byClass[cls] / l.count;
        if (l.byClass[cls] === classCounts[y] && share >= 1.5 * (classCounts[y] / n)) {
          reasons.push(`every ${cls} case (${classCounts[y]}) has ${f.name} = '${l.level}'`);
        }
      }
    });
    // Only for categorical fields: the quartile bins of a numeric field are cut by us, and a pure extreme
    // quartile is what any strong monotone predictor shows on a small split (synthetic MEN's ADC value on
    // 57 training cases); a numeric give-away is caught by the AUC rule instead.
    for (const l of f.kind === 'categorical' ? levels : []) {
      if (l.count >= o.pureLevelShare * n && l.purity === 1 && n > 0) {
        const cls = Object.entries(l.byClass).find(([, v]) => v === l.count)![0];
        reasons.push(`all ${l.count} cases with ${f.name} = '${l.level}' are ${cls}`);
      }
    }
    for (const y of positives) {
      const t = missingnessTest(isMissing, labels.map((l) => l === y));
      if (t.p < o.missingPValue && Math.abs(t.rateIn - t.rateOut) >= o.missingRateGap) {
        const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
        reasons.push(`its missingness predicts the label: missing in ${pct(t.rateIn)} of ${spec.classes[y]} cases vs ${pct(t.rateOut)} of the others (χ² p = ${t.p.toExponential(1)})`);
      }
    }
    const missing = missingRates(cohort, cases, f.name);
    return { name: f.name, column: f.column, kind: f.kind, auc, purity, missing, flagged: reasons.length > 0, reasons, levels };
  });
  return { dataset: spec.name, cases: n, baseRate, fields, flagged: fields.filter((f) => f.flagged).map((f) => f.name) };
}

export function formatLeakageReport(r: LeakageReport): string {
  const lines = [`leakage audit of ${r.dataset} (${r.cases} cases; majority-class rate ${r.baseRate.toFixed(3)})`];
  lines.push(`  ${'field'.padEnd(16)}${'AUC'.padStart(7)}${'purity'.padStart(8)}${'missing'.padStart(9)}  verdict`);
  for (const f of r.fields) {
    lines.push(`  ${f.name.padEnd(16)}${f.auc.toFixed(3).padStart(7)}${f.purity.toFixed(3).padStart(8)}${`${(100 * f.missing.rate).toFixed(1)}%`.padStart(9)}  ${f.flagged ? 'LEAK' : 'ok'}`);
    if (f.missing.count > 0) lines.push(`      missing: ${formatMissingRates(f.missing)}`);
    for (const why of f.reasons) lines.push(`      - ${why}`);
  }
  lines.push(
    r.flagged.length
      ? `flagged: ${r.flagged.join(', ')} — exclude before training (TabularEncoder.fit(..., { exclude: [${r.flagged.map((f) => `'${f}'`).join(', ')}] }))`
      : 'no field gives the label away',
  );
  return lines.join('\n');
}
