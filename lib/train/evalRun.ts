import { initBackend } from '../backend';
import { ImageCache, loadCohort, TabularEncoder } from '../data';
import type { Split } from '../data/spec';
import type { Metrics } from '../metrics';
import { CfcmlError } from '../util/errors';
import { buildModel } from './build';
import { unpackWeights } from './checkpoint';
import { metricsOf, predict, type Predictions } from './evaluate';
import { RunDirectory, type CheckpointKind } from './runDirectory';

export interface EvalRunResult {
  split: Split;
  predictions: Predictions;
  metrics: Metrics;
  /** Where the predictions CSV was written. */
  predictionsFile: string;
}

/**
 * Evaluate a finished (or interrupted) run's selected checkpoint on one split, from the run directory
 * alone: options, tabular encoding and weights all come from `best.ckpt`. `data` overrides the data folder
 * recorded in the run (when the cohort has moved); the split fingerprint must still match.
 */
export async function evaluateRun(runDir: string, opts: { split?: Split; data?: string; checkpoint?: CheckpointKind } = {}): Promise<EvalRunResult> {
  const split = opts.split ?? 'test';
  const run = new RunDirectory(runDir);
  const kind = opts.checkpoint ?? 'best';
  if (!run.hasCheckpoint(kind)) throw new CfcmlError(`no ${RunDirectory.FILES.checkpoint(kind)} in the run directory (was the run trained?)`, { where: runDir });
  await initBackend({ quiet: true });
  const ck = run.loadCheckpoint(kind);
  const file = run.checkpointFile(kind);
  const config = ck.meta.config;
  const cohort = await loadCohort(opts.data ?? config.data, { dataset: config.dataset });
  if (cohort.fingerprint !== ck.meta.fingerprint) {
    throw new CfcmlError(`the data at ${cohort.root} is not the cohort this run was trained on (split fingerprint differs)`, { where: file });
  }
  const cases = cohort.cases.filter((c) => c.split === split);
  if (cases.length === 0) throw new CfcmlError(`the ${split} split is empty`, { where: cohort.root });
  const tabular = TabularEncoder.fromJSON(cohort.spec, ck.meta.tabular);
  const images = await ImageCache.load(cohort, { size: config.train.imageSize, cases });
  const model = buildModel(cohort.spec, config, tabular);
  try {
    model.setWeightData(unpackWeights(ck));
    const predictions = await predict(model, cohort.spec, cases, images, tabular);
    const predictionsFile = run.writePredictions(split, predictions, cohort.spec);
    return { split, predictions, metrics: metricsOf(predictions, cohort.spec), predictionsFile };
  } finally {
    model.dispose();
  }
}
