/**
 * The ONE place where lib/experiments reads a run directory written by `cfcml train` (lib/train/trainer.ts):
 * `options.json`, `metrics.json`, `predictions_{valid,test}.csv`, `history.json`, `last.ckpt`, plus the
 * sweep runner's own `train.log` / `failed.json`. When lib/train gains a RunDirectory class, only this file
 * changes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CfcmlError } from '../util/errors';
import { parseCsv, requireColumns } from '../util/csv';

/** Files of a run directory, by role. */
export const RUN_FILES = {
  options: 'options.json',
  metrics: 'metrics.json',
  history: 'history.json',
  lastCheckpoint: 'last.ckpt',
  bestCheckpoint: 'best.ckpt',
  predictions: (split: 'valid' | 'test') => `predictions_${split}.csv`,
  /** Written by the sweep runner (and the SLURM task wrapper): the train command's stdout + stderr. */
  log: 'train.log',
  /** Written by the sweep runner when `cfcml train` exits non-zero: exit code and the log's tail. */
  failed: 'failed.json',
} as const;

export type RunState = 'done' | 'partial' | 'failed' | 'missing';

/** Whether a run finished (metrics.json), was interrupted (last.ckpt), crashed (failed.json) or never started. */
export function runState(runDir: string): RunState {
  if (fs.existsSync(path.join(runDir, RUN_FILES.metrics))) return 'done';
  if (fs.existsSync(path.join(runDir, RUN_FILES.failed))) return 'failed';
  if (fs.existsSync(path.join(runDir, RUN_FILES.lastCheckpoint))) return 'partial';
  return 'missing';
}

function readJson<T>(file: string): T {
  if (!fs.existsSync(file)) throw new CfcmlError('file not found', { where: file });
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new CfcmlError(`not valid JSON: ${(e as Error).message}`, { where: file, cause: e });
  }
}

/** The parts of options.json the report uses. */
export interface RunOptions {
  dataset: string;
  data: string;
  preset: string;
  variant: string;
  seed: number;
  excludedFields: string[];
  fingerprint?: string;
  train: { epochs: number; batchSize: number; patience: number; lr: number; imageSize: number[] };
}

export function readRunOptions(runDir: string): RunOptions {
  const file = path.join(runDir, RUN_FILES.options);
  const o = readJson<RunOptions>(file);
  for (const k of ['dataset', 'variant', 'preset'] as const) {
    if (typeof o[k] !== 'string') throw new CfcmlError(`field '${k}' is missing or not a string`, { where: file });
  }
  if (!Array.isArray(o.excludedFields)) throw new CfcmlError(`field 'excludedFields' is missing or not a list`, { where: file });
  return o;
}

/** metrics.json: the selected epoch and the valid/test metric objects (numbers and arrays). */
export interface RunMetrics {
  bestEpoch: number;
  epochs: number;
  valid: Record<string, unknown>;
  test: Record<string, unknown> | null;
}

export function readRunMetrics(runDir: string): RunMetrics {
  const file = path.join(runDir, RUN_FILES.metrics);
  const m = readJson<RunMetrics>(file);
  if (typeof m.valid !== 'object' || m.valid === null) throw new CfcmlError(`field 'valid' is missing`, { where: file });
  return m;
}

/** One split's predictions: case ids, labels, class probabilities. */
export interface RunPredictions {
  ids: string[];
  labels: number[];
  probs: number[][];
}

export function readRunPredictions(runDir: string, split: 'valid' | 'test'): RunPredictions {
  const file = path.join(runDir, RUN_FILES.predictions(split));
  if (!fs.existsSync(file)) throw new CfcmlError('file not found', { where: file });
  const t = parseCsv(fs.readFileSync(file, 'utf8'), file);
  requireColumns(t, ['id', 'label', 'prob_0', 'prob_1'], file);
  const probCols = t.header.filter((h) => /^prob_\d+$/.test(h)).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  const out: RunPredictions = { ids: [], labels: [], probs: [] };
  t.rows.forEach((r, i) => {
    const y = Number(r.label);
    if (!Number.isInteger(y) || y < 0 || y >= probCols.length) throw new CfcmlError(`row ${i + 2}, column 'label': '${r.label}' is not a class index`, { where: file });
    const p = probCols.map((c) => {
      const v = Number(r[c]);
      if (r[c].trim() === '' || !Number.isFinite(v)) throw new CfcmlError(`row ${i + 2}, column '${c}': '${r[c]}' is not a number`, { where: file });
      return v;
    });
    out.ids.push(r.id);
    out.labels.push(y);
    out.probs.push(p);
  });
  return out;
}

/** history.json rows (one per epoch); [] when absent. */
export function readRunHistory(runDir: string): Record<string, number | boolean>[] {
  const file = path.join(runDir, RUN_FILES.history);
  if (!fs.existsSync(file)) return [];
  const h = readJson<Record<string, number | boolean>[]>(file);
  if (!Array.isArray(h)) throw new CfcmlError('expected a list of epoch records', { where: file });
  return h;
}

/** failed.json as the runner wrote it, or null. */
export interface RunFailure {
  exitCode: number | null;
  signal: string | null;
  /** The last lines of train.log. */
  tail: string;
  at: string;
}

export function readRunFailure(runDir: string): RunFailure | null {
  const file = path.join(runDir, RUN_FILES.failed);
  return fs.existsSync(file) ? readJson<RunFailure>(file) : null;
}

/** Per-modality embeddings z_m of the selected model (best.ckpt) on one split, with the modality names. */
export interface RunEmbeddings {
  ids: string[];
  labels: number[];
  classes: string[];
  /** Images first, then `tabular`, as the variant uses them. */
  modalities: string[];
  /** [M][n][D]. */
  z: number[][][];
}

/**
 * Embeddings of a finished run, recomputed from best.ckpt (weights, tabular encoding and options all come
 * from the checkpoint; the cohort from the folder recorded in it, whose split fingerprint must match).
 */
export async function readRunEmbeddings(runDir: string, split: 'valid' | 'test' = 'test'): Promise<RunEmbeddings> {
  const { initBackend } = await import('../backend');
  const { ImageCache, loadCohort, TabularEncoder } = await import('../data');
  const { createModel } = await import('../model');
  const { variantSpec } = await import('../model/variants');
  const { loadCheckpoint, predict } = await import('../train');
  type Meta = { config: { data: string; dataset: string; variant: import('../model/types').Variant; train: { imageSize: number[]; model: import('../data/spec').ModelPreset } }; fingerprint: string; tabular: object };
  const file = path.join(runDir, RUN_FILES.bestCheckpoint);
  if (!fs.existsSync(file)) throw new CfcmlError('no best.ckpt (was the run trained?)', { where: runDir });
  await initBackend({ quiet: true });
  const ck = loadCheckpoint<Meta>(file);
  const config = ck.meta.config;
  const cohort = await loadCohort(config.data, { dataset: config.dataset });
  if (cohort.fingerprint !== ck.meta.fingerprint) throw new CfcmlError(`the cohort at ${cohort.root} is not the one this run was trained on`, { where: file });
  const cases = cohort.cases.filter((c) => c.split === split);
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
    const p = await predict(model, cohort.spec, cases, images, tabular, { embeddings: true });
    const vs = variantSpec(config.variant);
    const modalities = [...(vs.useImages ? cohort.spec.imageModalities.map((m) => m.name) : []), ...(vs.useTabular ? ['tabular'] : [])];
    return { ids: p.ids, labels: p.labels, classes: [...cohort.spec.classes], modalities, z: p.embeddings ?? [] };
  } finally {
    model.dispose();
  }
}
