import * as fs from 'fs';
import * as path from 'path';
import { initBackend } from '../backend';
import { ImageCache, loadCohort, TabularEncoder } from '../data';
import type { Split } from '../data/spec';
import { createModel } from '../model';
import { CfcmlError } from '../util/errors';
import { writeFileAtomic } from '../util/fs';
import { loadCheckpoint } from './checkpoint';
import { metricsOf, predict, type Predictions } from './evaluate';
import type { ResolvedConfig } from './trainer';
import { predictionsCsv } from './trainer';

export interface EvalRunResult {
  split: Split;
  predictions: Predictions;
  metrics: Record<string, unknown>;
  /** Where the predictions CSV was written. */
  predictionsFile: string;
}

/**
 * Evaluate a finished (or interrupted) run's selected checkpoint on one split, from the run directory
 * alone: options, tabular encoding and weights all come from `best.ckpt`. `data` overrides the data folder
 * recorded in the run (when the cohort has moved); the split fingerprint must still match.
 */
export async function evaluateRun(runDir: string, opts: { split?: Split; data?: string; checkpoint?: 'best' | 'last' } = {}): Promise<EvalRunResult> {
  const split = opts.split ?? 'test';
  const file = path.join(runDir, `${opts.checkpoint ?? 'best'}.ckpt`);
  if (!fs.existsSync(file)) throw new CfcmlError(`no ${path.basename(file)} in the run directory (was the run trained?)`, { where: runDir });
  await initBackend({ quiet: true });
  const ck = loadCheckpoint<{ config: ResolvedConfig; fingerprint: string; tabular: object }>(file);
  const config = ck.meta.config;
  const cohort = await loadCohort(opts.data ?? config.data, { dataset: config.dataset });
  if (cohort.fingerprint !== ck.meta.fingerprint) {
    throw new CfcmlError(`the data at ${cohort.root} is not the cohort this run was trained on (split fingerprint differs)`, { where: file });
  }
  const cases = cohort.cases.filter((c) => c.split === split);
  if (cases.length === 0) throw new CfcmlError(`the ${split} split is empty`, { where: cohort.root });
  const tabular = TabularEncoder.fromJSON(cohort.spec, ck.meta.tabular);
  const images = await ImageCache.load(cohort, { size: config.train.imageSize, cases });
  const model = createModel({
    images: cohort.spec.imageModalities.map((m) => ({ kind: m.kind, channels: m.channels })),
    imageSize: config.train.imageSize,
    tabular: tabular.inputSpec(),
    numClasses: cohort.spec.classes.length,
    variant: config.variant,
    model: config.train.model,
    seed: 0,
  });
  try {
    model.setWeightData(ck.arrays.filter((a) => a.name.startsWith('w:')).map((a) => ({ key: a.name.slice(2), shape: a.shape, data: a.data })));
    const predictions = await predict(model, cohort.spec, cases, images, tabular);
    const predictionsFile = path.join(runDir, `predictions_${split}.csv`);
    writeFileAtomic(predictionsFile, predictionsCsv(predictions, cohort.spec));
    return { split, predictions, metrics: metricsOf(predictions, cohort.spec), predictionsFile };
  } finally {
    model.dispose();
  }
}
