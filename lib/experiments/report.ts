/**
 * A sweep's report: per (group,) variant, every test metric as mean ± sd over seeds; the paired AUC
 * difference to `full` per seed; DeLong's test of the seed-averaged test probabilities against `full`'s,
 * Holm-corrected over the family of comparisons; the cohort's oracle ceiling; the tabular fields each run
 * used; and which runs failed or are missing.
 *
 * Why DeLong on seed-averaged probabilities: every seed scores the same test cases, so per-seed tests are
 * not independent (Fisher/Stouffer combination assumes they are), and pooling the seeds' predictions as if
 * they were separate cases would count each case once per seed and shrink the standard error by a false
 * √seeds. Averaging each case's probability over seeds gives one score per case per variant (the seed
 * ensemble), and DeLong then accounts for the pairing of the two variants on the same cases. The seed
 * spread itself is reported separately, as mean ± sd and as the per-seed paired differences.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { getDatasetSpec } from '../data/registry';
import { oracleAucs, readOracleCsv } from '../synth/oracle';
import { variantSpec } from '../model/variants';
import type { Variant } from '../model/types';
import { delongTest, seedCaseBootstrap, weightedAucOfRows, weightedMacroAuc, type BinaryMetrics, type Metrics, type MulticlassMetrics } from '../metrics';
import { CfcmlError } from '../util/errors';
import { RunDirectory, type PredictionsTable } from '../run/runDirectory';
import { checkOneBudget, runSettings, type RunSettings } from './settings';
import { averageProbs, holm, mean, sd } from './stats';
import { readSweep, type SweepRun, type SweepSpec } from './sweep';
import { readReferenceRows, type ReferenceRow } from './reference';
import { groupStrata, type StratumRow } from './strata';

/** Replicates and seed of the report's seed × case bootstrap (fixed: a report is reproducible). */
export const BOOTSTRAP_REPLICATES = 2000;
export const BOOTSTRAP_SEED = 0;

export const BINARY_METRICS = ['auc', 'auprc', 'accuracy', 'balanced_accuracy', 'sensitivity', 'specificity', 'g_mean', 'mcc', 'f1'] as const satisfies readonly (keyof BinaryMetrics)[];
export const MULTICLASS_METRICS = ['macro_auc', 'accuracy', 'balanced_accuracy', 'macro_f1', 'weighted_f1', 'mcc'] as const satisfies readonly (keyof MulticlassMetrics)[];
/** A scalar test metric the report summarises. */
export type ReportMetric = (typeof BINARY_METRICS)[number] | (typeof MULTICLASS_METRICS)[number];

export interface Summary {
  mean: number;
  sd: number;
  values: number[];
}

export interface VariantRow {
  group: string;
  variant: string;
  seeds: number[];
  /** Test metrics over seeds. */
  metrics: Record<string, Summary>;
  /** Validation AUC over seeds (what model selection and tuning look at). */
  validAuc: Summary;
  /** Paired test-AUC differences variant − full, per seed both have; null for `full` itself. */
  diffAuc: { mean: number; sd: number; perSeed: { seed: number; diff: number }[]; wins: number } | null;
  /**
   * The primary test of the ΔAUC column: a paired bootstrap over training seeds × test cases (stratified by
   * class) of the mean per-seed AUC difference, with its 95% interval and two-sided p
   * (lib/metrics/seedCaseBootstrap.ts); null for `full` or without predictions.
   */
  bootstrap: { lower: number; upper: number; p: number; replicates: number } | null;
  /** Holm-adjusted bootstrap p over the group's comparisons against full. */
  pBootHolm: number;
  /** DeLong on seed-averaged test probabilities, variant vs full; null for `full` or when not applicable. */
  delong: { aucVariant: number; aucFull: number; z: number; p: number } | null;
  /** Holm-adjusted DeLong p over the group's comparisons against full. */
  pHolm: number;
  /** Tabular fields the runs fed the model, and those the leakage audit / --exclude left out. */
  tabularUsed: string[];
  tabularExcluded: string[];
  /** Metrics (names) on which this row has the best mean in its group. */
  best: string[];
}

export interface OracleCeiling {
  file: string;
  /** Test-split AUC (macro one-vs-rest for more than two classes) of each oracle score found. */
  auc: Record<string, number>;
}

/** The oracle scores shown as the ceiling in tables and figures: joint and additive when present, else all. */
/** The AUC a group reports: macro one-vs-rest AUC for a multi-class dataset (MEN), else the binary AUC. */
export function aucMetricOf(g: Pick<GroupReport, 'metrics'>): 'auc' | 'macro_auc' {
  return g.metrics.includes('macro_auc') ? 'macro_auc' : 'auc';
}

export function ceilingEntries(o: OracleCeiling | null): [string, number][] {
  if (!o) return [];
  const main = Object.entries(o.auc).filter(([k]) => k === 'joint' || k === 'additive');
  return main.length > 0 ? main : Object.entries(o.auc);
}

export interface GroupReport {
  group: string;
  dataset: string;
  data: string;
  preset: string;
  metrics: string[];
  rows: VariantRow[];
  oracle: OracleCeiling | null;
  /** Why DeLong is or is not reported. */
  delongNote: string;
  /** Networks trained outside the harness on the same splits (scripts/reference/standard_recipe.py). */
  reference: ReferenceRow[];
  /** Test AUC per stratum of the record (lib/experiments/strata.ts); empty when the dataset has none. */
  strata: StratumRow[];
}

export interface RunProblem {
  id: string;
  state: 'failed' | 'partial' | 'missing' | 'unreadable';
  reason: string;
}

export interface SweepReport {
  root: string;
  trainArgs: string[];
  runsTotal: number;
  runsDone: number;
  groups: GroupReport[];
  problems: RunProblem[];
  notes: string[];
}

export const BOOTSTRAP_NOTE =
  'ΔAUC vs full is the mean over seeds of the per-seed test-AUC difference (both trained with the same seed); its 95% CI and p_boot come from a paired bootstrap ' +
  `over training seeds × test cases (cases resampled within class; ${BOOTSTRAP_REPLICATES} replicates, seed ${BOOTSTRAP_SEED}), Holm-corrected over the comparisons against full (p_boot_holm): ` +
  'the primary test of the table. DeLong tests a different quantity, the seed ensemble (probabilities averaged over seeds), and is kept as a second column.';

export const DELONG_NOTE =
  'DeLong (two-sided) compares the seed-averaged test probabilities of each variant with those of full ' +
  '(the test cases are the same for every seed, so per-seed tests are not independent and pooling seeds would count each case several times); ' +
  'p_holm is Holm-corrected over the comparisons against full.';

function summary(values: number[]): Summary {
  return { mean: mean(values), sd: sd(values), values };
}

/**
 * One scalar of a run's metrics; NaN when this kind of metrics has none, or when it was NaN (metrics.json
 * stores NaN as null).
 */
function metricValue(m: Metrics, k: ReportMetric): number {
  const values: Partial<Record<ReportMetric, number | null>> = m;
  const v = values[k];
  return typeof v === 'number' ? v : NaN;
}

/** The file name of a synthetic cohort's oracle (real cohorts have none). */
export const ORACLE_FILE = 'oracle.csv';

/**
 * Where an archive keeps its copy of a cohort's oracle: `<archive>/cohorts/<name>-<hash>/`, the hash of the
 * cohort's absolute path (two cohorts may share a folder name).
 */
export function archivedCohortDir(root: string, data: string): string {
  const key = createHash('sha256').update(path.resolve(data)).digest('hex').slice(0, 8);
  return path.join(path.resolve(root), 'cohorts', `${path.basename(path.resolve(data))}-${key}`);
}

/**
 * The oracle file of a sweep's cohort: `<data>/oracle.csv`, or the copy `cfcml archive` made of it
 * (`archivedCohortDir`) when the cohort is not on this machine; null when neither exists.
 */
export function oracleFileOf(root: string, data: string): string | null {
  return cohortFileOf(root, data, ORACLE_FILE);
}

/** A file of a sweep's cohort (`rel` inside it), or the archive's copy of it; null when neither exists. */
export function cohortFileOf(root: string, data: string, rel: string): string | null {
  for (const dir of [data, archivedCohortDir(root, data)]) {
    const file = path.join(dir, rel);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** `<data>/oracle.csv` → test-split AUC of each `p_<name>` score (binary) or `p_<name>_<k>` family (multi-class). */
export function readOracle(data: string, classes: readonly string[], positiveClass = 1): OracleCeiling | null {
  return readOracleFile(path.join(data, ORACLE_FILE), classes, positiveClass);
}

/** An oracle file → its test-split AUCs, as `readOracle`; null when the file does not exist. */
export function readOracleFile(file: string, classes: readonly string[], positiveClass = 1): OracleCeiling | null {
  if (!fs.existsSync(file)) return null;
  const test = readOracleCsv(file, classes.length).filter((r) => r.split === 'test');
  const auc = oracleAucs(test, classes.length, positiveClass).test;
  if (!auc) throw new CfcmlError('no row with split = test', { where: file });
  return { file, auc };
}

interface LoadedRun {
  run: SweepRun;
  seed: number;
  test: Metrics;
  valid: Metrics;
  excluded: string[];
  dataset: string;
  settings: RunSettings;
  predictions: PredictionsTable | null;
}

/** Align a run's test predictions to a case order (by id); null when a case is missing. */
function alignedProbs(p: PredictionsTable, ids: readonly string[]): number[][] | null {
  const at = new Map(p.ids.map((id, i) => [id, i]));
  const out: number[][] = [];
  for (const id of ids) {
    const i = at.get(id);
    if (i === undefined) return null;
    out.push(p.probs[i]);
  }
  return out;
}

/** Build the report of the sweep at `root` from its run directories (nothing is trained). */
export function buildReport(root: string, spec: SweepSpec = readSweep(root)): SweepReport {
  if (spec.trainArgs.includes('--no-test')) {
    throw new CfcmlError(
      'this sweep was trained with --no-test (a tuning grid): its runs have validation metrics only, so there is no test table to report; ' +
        'summarise it with `node dist/scripts/records/tuningSummary.js <sweep>`',
      { where: path.resolve(root) },
    );
  }
  const { loaded, problems } = loadRuns(root, spec);
  checkOneBudget(loaded.map((l) => l.settings), root);
  const groups: GroupReport[] = [];
  const missingOracle: string[] = [];
  const groupNames = [...new Set(spec.runs.map((r) => r.group))];
  for (const g of groupNames) {
    const inGroup = loaded.filter((l) => l.run.group === g);
    const first = spec.runs.find((r) => r.group === g)!;
    if (inGroup.length === 0) {
      groups.push({ group: g, dataset: '', data: first.data, preset: first.preset, metrics: [], rows: [], oracle: null, delongNote: 'no finished run', reference: [], strata: [] });
      continue;
    }
    const report = groupReport(root, spec, g, inGroup, first);
    if (!report.oracle) missingOracle.push(first.data);
    groups.push(report);
  }
  const notes = [
    'mean ± sd over training seeds (sample sd, n − 1); test metrics of the epoch selected on validation AUC.',
    'diff_auc = paired per-seed test-AUC difference variant − full (same seed = same data order and initialisation stream).',
    BOOTSTRAP_NOTE,
  ];
  for (const d of missingOracle) {
    notes.push(`no oracle ceiling for ${d}: no ${ORACLE_FILE} there nor in this folder's cohorts/ (real cohorts have none; \`cfcml archive\` copies a synthetic cohort's).`);
  }
  return { root: path.resolve(root), trainArgs: spec.trainArgs, runsTotal: spec.runs.length, runsDone: loaded.length, groups, problems, notes };
}

/** Every finished run of the sweep with its options, metrics and test predictions; why each other run is left out. */
function loadRuns(root: string, spec: SweepSpec): { loaded: LoadedRun[]; problems: RunProblem[] } {
  const problems: RunProblem[] = [];
  const loaded: LoadedRun[] = [];
  for (const run of spec.runs) {
    const dir = path.resolve(root, run.dir);
    const runDir = new RunDirectory(dir);
    const state = runDir.state();
    if (state !== 'done') {
      const f = state === 'failed' ? runDir.readFailure() : null;
      const reason =
        state === 'failed'
          ? `exit ${f?.exitCode ?? f?.signal ?? '?'}: ${(f?.tail ?? '').split('\n').filter(Boolean).slice(-1)[0] ?? ''}`
          : state === 'partial'
            ? 'interrupted (last.ckpt, no metrics.json): run `cfcml sweep` again to resume'
            : 'not run yet';
      problems.push({ id: run.id, state, reason });
      continue;
    }
    try {
      const o = runDir.readOptions();
      const m = runDir.readMetrics();
      if (!m.test) throw new CfcmlError('metrics.json has no test metrics', { where: dir });
      let predictions: PredictionsTable | null = null;
      try {
        predictions = runDir.readPredictions('test');
      } catch (e) {
        if (!(e instanceof CfcmlError)) throw e;
      }
      loaded.push({ run, seed: run.seed, test: m.test, valid: m.valid, excluded: o.excludedFields, dataset: o.dataset, settings: runSettings(run, o), predictions });
    } catch (e) {
      if (!(e instanceof CfcmlError)) throw e;
      problems.push({ id: run.id, state: 'unreadable', reason: e.message });
    }
  }
  return { loaded, problems };
}

/** A group's test cases: ids and labels in full's case order (every run scores the same test cases), and how to score them. */
interface TestCases {
  caseIds: string[];
  labels: number[];
  binary: boolean;
  numClasses: number;
  /** The positive class of a binary cohort. */
  pos: number;
}

/** Seed-averaged test probabilities of `runs`, in the cases' order; null when a run has no predictions. */
function ensembleProbs(cases: TestCases, runs: LoadedRun[]): number[][] | null {
  if (runs.length === 0) return null;
  const mats = runs.map((r) => (r.predictions ? alignedProbs(r.predictions, cases.caseIds) : null));
  return mats.every((m): m is number[][] => m !== null) ? averageProbs(mats) : null;
}

/**
 * One group's table: a row per variant (summaries over seeds, the comparison with full), Holm over the
 * comparisons, the best value per metric, the oracle ceiling, the reference rows and the AUC per stratum.
 */
function groupReport(root: string, spec: SweepSpec, g: string, inGroup: LoadedRun[], first: SweepRun): GroupReport {
  const dsSpec = getDatasetSpec(inGroup[0].dataset);
  const binary = dsSpec.classes.length === 2;
  const candidates: readonly ReportMetric[] = binary ? BINARY_METRICS : MULTICLASS_METRICS;
  const metricNames = candidates.filter((k) => !Number.isNaN(metricValue(inGroup[0].test, k)));
  const variants = spec.variants.filter((v) => inGroup.some((l) => l.run.variant === v));
  const byVariant = (v: string) => inGroup.filter((l) => l.run.variant === v).sort((a, b) => a.seed - b.seed);
  const full = byVariant('full');
  const allTabular = dsSpec.tabular.map((f) => f.name);
  const pos = dsSpec.positiveClass ?? 1;
  const withCases = (full[0] ?? inGroup[0]).predictions;
  const cases: TestCases | null = withCases ? { caseIds: withCases.ids, labels: withCases.labels, binary, numClasses: dsSpec.classes.length, pos } : null;

  const rows: VariantRow[] = variants.map((v) => {
    const runs = byVariant(v);
    const metrics: Record<string, Summary> = {};
    for (const k of metricNames) metrics[k] = summary(runs.map((r) => metricValue(r.test, k)));
    const excluded = [...new Set(runs.flatMap((r) => r.excluded))].sort();
    const usesTab = variantUsesTabular(v);
    const row: VariantRow = {
      group: g,
      variant: v,
      seeds: runs.map((r) => r.seed),
      metrics,
      validAuc: summary(runs.map((r) => metricValue(r.valid, 'auc'))),
      diffAuc: null,
      bootstrap: null,
      pBootHolm: NaN,
      delong: null,
      pHolm: NaN,
      tabularUsed: usesTab ? allTabular.filter((f) => !excluded.includes(f)) : [],
      tabularExcluded: usesTab ? excluded : [],
      best: [],
    };
    if (v !== 'full' && full.length > 0) compareWithFull(row, runs, full, cases);
    return row;
  });
  const adjusted = holm(rows.map((r) => r.delong?.p ?? NaN));
  rows.forEach((r, i) => (r.pHolm = adjusted[i]));
  const adjustedBoot = holm(rows.map((r) => r.bootstrap?.p ?? NaN));
  rows.forEach((r, i) => (r.pBootHolm = adjustedBoot[i]));
  for (const k of metricNames) {
    const best = Math.max(...rows.map((r) => r.metrics[k].mean).filter((x) => Number.isFinite(x)));
    for (const r of rows) if (r.metrics[k].mean === best) r.best.push(k);
  }
  const oracleFile = oracleFileOf(root, first.data);
  const strata = binary ? groupStrata(dsSpec.name, cohortFileOf(root, first.data, path.join('meta', 'meta.csv')), oracleFile, pos, variants.map((v) => ({ variant: v, runs: byVariant(v) }))) : [];
  return {
    group: g,
    dataset: dsSpec.name,
    data: first.data,
    preset: first.preset,
    metrics: metricNames,
    rows,
    oracle: oracleFile ? readOracleFile(oracleFile, dsSpec.classes, pos) : null,
    delongNote: binary
      ? full.length === 0
        ? 'no finished full run: no comparison'
        : DELONG_NOTE
      : 'DeLong is for one binary AUC; this dataset has more classes, so only the per-seed paired differences are reported.',
    reference: readReferenceRows(root, first.data),
    strata,
  };
}

/**
 * A variant against full, on the seeds both have: the paired per-seed test-AUC differences; with test
 * predictions, the seed × case bootstrap of their mean; on a binary cohort, DeLong on the seed ensembles.
 */
function compareWithFull(row: VariantRow, runs: LoadedRun[], full: LoadedRun[], cases: TestCases | null): void {
  const perSeed = runs
    .map((r) => ({ r, f: full.find((x) => x.seed === r.seed) }))
    .filter((x): x is { r: LoadedRun; f: LoadedRun } => x.f !== undefined)
    .map(({ r, f }) => ({ seed: r.seed, diff: metricValue(r.test, 'auc') - metricValue(f.test, 'auc') }));
  const d = perSeed.map((x) => x.diff);
  row.diffAuc = { mean: mean(d), sd: sd(d), perSeed, wins: d.filter((x) => x > 0).length };
  if (!cases) return;
  const { caseIds, labels, pos } = cases;
  const pairs = perSeed.map((x) => [runs.find((r) => r.seed === x.seed)!, full.find((f) => f.seed === x.seed)!] as const);
  const va = pairs.map(([r]) => (r.predictions ? alignedProbs(r.predictions, caseIds) : null));
  const vb = pairs.map(([, f]) => (f.predictions ? alignedProbs(f.predictions, caseIds) : null));
  if (pairs.length > 0 && va.every((m): m is number[][] => m !== null) && vb.every((m): m is number[][] => m !== null)) {
    const metric = cases.binary ? weightedAucOfRows(labels, pos) : weightedMacroAuc(labels, cases.numClasses);
    const bs = seedCaseBootstrap(labels, va, vb, metric, { n: BOOTSTRAP_REPLICATES, seed: BOOTSTRAP_SEED });
    row.bootstrap = { lower: bs.lower, upper: bs.upper, p: bs.p, replicates: bs.nValid };
  }
  if (cases.binary) {
    const shared = new Set(perSeed.map((x) => x.seed));
    const ev = ensembleProbs(cases, runs.filter((r) => shared.has(r.seed)));
    const ef = ensembleProbs(cases, full.filter((r) => shared.has(r.seed)));
    if (ev && ef && shared.size > 0) {
      const y = labels.map((k) => (k === pos ? 1 : 0));
      const t = delongTest(y, ev.map((p) => p[pos]), ef.map((p) => p[pos]));
      row.delong = { aucVariant: t.aucA, aucFull: t.aucB, z: t.z, p: t.p };
    }
  }
}

/** Whether a variant feeds the tabular record to the model. */
export function variantUsesTabular(v: string): boolean {
  return variantSpec(v as Variant).useTabular;
}
