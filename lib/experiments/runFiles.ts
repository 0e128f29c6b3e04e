/**
 * lib/experiments' view of a run directory. Every file name, writer and reader is lib/run's RunDirectory
 * (lib/run/runDirectory.ts); these are the thin wrappers the report, the figures and notebook 06 call,
 * with a run's absent history read as no epochs.
 */
import type { Split } from '../data/spec';
import { RunDirectory, type PredictionsTable, type RunFailure, type RunMetricsFile, type RunOptionsFile, type RunState } from '../run/runDirectory';
import type { EpochRecord } from '../train/options';
import type { RobustnessFile } from '../train/evalRun';

export type { RunFailure, RunState } from '../run/runDirectory';

/** Whether a run finished (metrics.json), was interrupted (last.ckpt), crashed (failed.json) or never started. */
export function runState(runDir: string): RunState {
  return new RunDirectory(runDir).state();
}

/** options.json (the run's resolved configuration), checked. */
export function readRunOptions(runDir: string): RunOptionsFile {
  return new RunDirectory(runDir).readOptions();
}

/** metrics.json: the selected epoch and its typed valid/test metrics. */
export function readRunMetrics(runDir: string): RunMetricsFile {
  return new RunDirectory(runDir).readMetrics();
}

/** One split's predictions of the selected model: case ids, labels, class probabilities. */
export function readRunPredictions(runDir: string, split: Split): PredictionsTable {
  return new RunDirectory(runDir).readPredictions(split);
}

/** history.json rows (one per epoch); [] when the run has none yet. */
export function readRunHistory(runDir: string): EpochRecord[] {
  const run = new RunDirectory(runDir);
  return run.has(RunDirectory.FILES.historyJson) ? run.readHistory() : [];
}

/** failed.json as the sweep runner wrote it, or null. */
export function readRunFailure(runDir: string): RunFailure | null {
  return new RunDirectory(runDir).readFailure();
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
 * Embeddings of a finished run, recomputed from best.ckpt by lib/train's `loadRunModel` (the same loading as
 * `cfcml eval`: weights, tabular encoding and options from the checkpoint; the cohort from the folder
 * recorded in it, whose split fingerprint must match). tfjs is loaded only when this is called.
 */
export async function readRunEmbeddings(runDir: string, split: 'valid' | 'test' = 'test'): Promise<RunEmbeddings> {
  const { ImageCache, presetImageOptions } = await import('../data');
  const { variantSpec } = await import('../model/variants');
  const { predict } = await import('../train/evaluate');
  const { loadRunModel } = await import('../train/evalRun');
  const { cohort, config, tabular, model } = await loadRunModel(runDir);
  try {
    const cases = cohort.cases.filter((c) => c.split === split);
    const images = await ImageCache.load(cohort, { ...presetImageOptions(config.train), cases });
    const p = await predict(model, cohort.spec, cases, images, tabular, { embeddings: true });
    const vs = variantSpec(config.variant);
    const modalities = [...(vs.useImages ? cohort.spec.imageModalities.map((m) => m.name) : []), ...(vs.useTabular ? ['tabular'] : [])];
    return { ids: p.ids, labels: p.labels, classes: [...cohort.spec.classes], modalities, z: p.embeddings ?? [] };
  } finally {
    model.dispose();
  }
}

/** robustness.json (`cfcml eval --mask-fields`), or null when the run was not evaluated with masks. */
export function readRunRobustness(runDir: string): RobustnessFile | null {
  const run = new RunDirectory(runDir);
  return run.has(RunDirectory.FILES.robustness) ? run.readJson<RobustnessFile>(RunDirectory.FILES.robustness) : null;
}
