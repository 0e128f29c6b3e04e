import { initBackend } from '../backend';
import { ImageCache, loadCohort, TabularEncoder, type Cohort } from '../data';
import type { Split } from '../data/spec';
import type { Metrics } from '../metrics';
import type { CFCMLModel } from '../model';
import { CfcmlError } from '../util/errors';
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
    const images = await ImageCache.load(cohort, { size: config.train.imageSize, cases, volumeGrid: config.train.volumeGrid });
    const predictions = await predict(model, cohort.spec, cases, images, tabular);
    const predictionsFile = run.writePredictions(split, predictions, cohort.spec);
    return { split, predictions, metrics: metricsOf(predictions, cohort.spec), predictionsFile };
  } finally {
    model.dispose();
  }
}
