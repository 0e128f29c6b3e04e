import { initBackend } from '../backend';
import { ImageCache, loadCohort, presetImageOptions, TabularEncoder, type CaseRecord, type Cohort } from '../data';
import type { Split } from '../data/spec';
import type { Metrics } from '../metrics';
import type { CFCMLModel } from '../model';
import { maskCases, maskLabel, type FieldMask } from '../data/mask';
import { CfcmlError } from '../util/errors';
import { writeJsonAtomic } from '../util/fs';
import { buildModel } from './build';
import { unpackWeights, warnPassedOver } from '../run/checkpoint';
import type { ResolvedConfig } from './config';
import { metricsOf, predict, type Predictions } from './evaluate';
import { RunDirectory, type CheckpointKind } from '../run/runDirectory';

export interface EvalRunResult {
  split: Split;
  predictions: Predictions;
  metrics: Metrics;
  /** Where the predictions CSV was written. */
  predictionsFile: string;
}

/** A run's model with the weights of one checkpoint, and what it was trained with. The caller disposes `model`. */
export interface LoadedRunModel {
  run: RunDirectory;
  config: ResolvedConfig;
  cohort: Cohort;
  tabular: TabularEncoder;
  model: CFCMLModel;
  /** The checkpoint the weights came from. */
  checkpointFile: string;
}

/**
 * Load a run's model from its run directory alone: options, tabular encoding and weights all come from the
 * checkpoint (`best` by default); the cohort from the folder recorded in it, or `data` when the cohort has
 * moved, whose split fingerprint must match. Used by `evaluateRun` and lib/experiments' embeddings.
 */
export async function loadRunModel(runDir: string, opts: { data?: string; checkpoint?: CheckpointKind } = {}): Promise<LoadedRunModel> {
  const run = new RunDirectory(runDir);
  const kind = opts.checkpoint ?? 'best';
  if (!run.hasCheckpoint(kind)) throw new CfcmlError(`no ${RunDirectory.FILES.checkpoint(kind)} in the run directory (was the run trained?)`, { where: runDir });
  await initBackend({ quiet: true });
  // A finished run's best.ckpt must be of its selected epoch (best.prev.ckpt holds an earlier selection).
  const selected = kind === 'best' && run.has(RunDirectory.FILES.metrics) ? run.readMetrics().bestEpoch : undefined;
  const good = run.loadCheckpoint(kind, (c) => (selected === undefined || c.meta.epoch === selected ? undefined : `holds epoch ${c.meta.epoch}, the selected one is ${selected}`));
  warnPassedOver(good, 'using');
  const { content: ck, file: checkpointFile } = good;
  const config = ck.meta.config;
  const cohort = await loadCohort(opts.data ?? config.data, { dataset: config.dataset });
  if (cohort.fingerprint !== ck.meta.fingerprint) {
    throw new CfcmlError(`the data at ${cohort.root} is not the cohort this run was trained on (split fingerprint differs)`, { where: checkpointFile });
  }
  const tabular = TabularEncoder.fromJSON(cohort.spec, ck.meta.tabular);
  const model = buildModel(cohort.spec, config, tabular);
  try {
    model.setWeightData(unpackWeights(ck));
  } catch (e) {
    model.dispose();
    throw e;
  }
  return { run, config, cohort, tabular, model, checkpointFile };
}

/**
 * Evaluate a finished (or interrupted) run's selected checkpoint on one split, from the run directory
 * alone (`loadRunModel`), and write its predictions CSV.
 */
export async function evaluateRun(runDir: string, opts: { split?: Split; data?: string; checkpoint?: CheckpointKind } = {}): Promise<EvalRunResult> {
  const split = opts.split ?? 'test';
  const { run, cohort, config, tabular, model } = await loadRunModel(runDir, opts);
  try {
    const cases = cohort.cases.filter((c) => c.split === split);
    if (cases.length === 0) throw new CfcmlError(`the ${split} split is empty`, { where: cohort.root });
    const images = await ImageCache.load(cohort, { ...presetImageOptions(config.train), cases });
    const predictions = await predict(model, cohort.spec, cases, images, tabular);
    const predictionsFile = run.writePredictions(split, predictions, cohort.spec);
    return { split, predictions, metrics: metricsOf(predictions, cohort.spec), predictionsFile };
  } finally {
    model.dispose();
  }
}

/** One point of a robustness curve: the model's metrics (and the oracle's AUCs, on a synthetic cohort) with some record cells masked. */
export interface RobustnessPoint {
  /** `maskLabel`: `fraction=0.25` or `fields=sex+location`. */
  mask: string;
  /** The fraction asked for (absent for a field list). */
  fraction?: number;
  /** The fields masked in every case (absent for a fraction). */
  fields?: string[];
  /** Share of the eligible record cells that are missing after masking (cells missing already count). */
  missingShare: number;
  auc: number;
  metrics: Metrics;
  /** The oracle's AUC per evidence subset given the same unmasked cells (synthetic cohorts that know their oracle). */
  oracle?: Record<string, number>;
}

/** `robustness.json`: every mask evaluated on a run, keyed by (split, seed, mask). */
export interface RobustnessFile {
  /** The record fields the run uses: the ones a fraction masks. */
  fields: string[];
  points: (RobustnessPoint & { split: Split; seed: number })[];
}

/**
 * The oracle's posteriors of `cases` given only their observed record cells, or undefined when the cohort
 * at `root` is not a synthetic one that knows its oracle. Supplied by the caller (lib/data's synthetic
 * models), so that training code does not depend on the generators.
 */
export type MaskedOracle = (root: string, cases: readonly CaseRecord[]) => { key: string; auc: number }[] | undefined;

export interface EvaluateMaskedOptions {
  split?: Split;
  data?: string;
  checkpoint?: CheckpointKind;
  /** Seed of the masks (default 1): the same seed masks the same cells for every run. */
  seed?: number;
  oracle?: MaskedOracle;
}

/**
 * Evaluate a run's checkpoint with record cells masked, once per mask (the model and images are loaded
 * once), and merge the points into the run's `robustness.json` (a point with the same split, seed and mask
 * is replaced). Predictions are not written: `predictions_<split>.csv` stays the unmasked evaluation's.
 */
export async function evaluateRunMasked(runDir: string, masks: readonly FieldMask[], opts: EvaluateMaskedOptions = {}): Promise<RobustnessPoint[]> {
  const split = opts.split ?? 'test';
  const seed = opts.seed ?? 1;
  const { run, cohort, config, tabular, model } = await loadRunModel(runDir, opts);
  const eligible = tabular.fields.map((f) => f.name);
  const points: RobustnessPoint[] = [];
  try {
    const cases = cohort.cases.filter((c) => c.split === split);
    if (cases.length === 0) throw new CfcmlError(`the ${split} split is empty`, { where: cohort.root });
    for (const m of masks) {
      if (m.kind === 'fields') {
        const unused = m.fields.filter((f) => !eligible.includes(f));
        if (unused.length) throw new CfcmlError(`--mask-fields: the run does not use field(s) ${unused.join(', ')} (it uses ${eligible.join(', ')})`, { where: runDir });
      }
    }
    const images = await ImageCache.load(cohort, { ...presetImageOptions(config.train), cases });
    for (const m of masks) {
      const masked = maskCases(cases, m, seed, eligible);
      const predictions = await predict(model, cohort.spec, masked, images, tabular);
      const metrics = metricsOf(predictions, cohort.spec);
      let missing = 0;
      for (const c of masked) for (const f of eligible) if (c.tabular[f] === null) missing++;
      const oracle = opts.oracle?.(cohort.root, masked);
      points.push({
        mask: maskLabel(m),
        ...(m.kind === 'fraction' ? { fraction: m.fraction } : { fields: m.fields }),
        missingShare: missing / (masked.length * eligible.length),
        auc: metrics.auc,
        metrics,
        ...(oracle ? { oracle: Object.fromEntries(oracle.map((o) => [o.key, o.auc])) } : {}),
      });
    }
  } finally {
    model.dispose();
  }
  const file = run.file(RunDirectory.FILES.robustness);
  const before: RobustnessFile = run.has(RunDirectory.FILES.robustness) ? run.readJson<RobustnessFile>(RunDirectory.FILES.robustness) : { fields: eligible, points: [] };
  const kept = before.points.filter((p) => !(p.split === split && p.seed === seed && points.some((q) => q.mask === p.mask)));
  writeJsonAtomic(file, { fields: eligible, points: [...kept, ...points.map((p) => ({ split, seed, ...p }))] } satisfies RobustnessFile);
  return points;
}
