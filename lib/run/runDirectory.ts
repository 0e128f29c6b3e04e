import * as fs from 'fs';
import * as path from 'path';
import type { DatasetSpec, Split } from '../data/spec';
import type { Metrics } from '../metrics';
import { CfcmlError } from '../util/errors';
import { formatCsv, parseCsv, requireColumns } from '../util/csv';
import { writeFileAtomic, writeJsonAtomic } from '../util/fs';
import { loadGoodCheckpoint, previousCheckpointFile, saveCheckpoint, type CheckpointContent, type GoodCheckpoint, type RunCheckpointMeta } from './checkpoint';
import type { ResolvedConfig } from '../train/config';
import type { Predictions } from '../train/evaluate';
import type { EpochRecord } from '../train/options';

/** `options.json`: the resolved configuration plus where it came from. */
export interface RunOptionsFile extends ResolvedConfig {
  fingerprint: string;
  cfcmlVersion: string;
  /** The numerics fingerprint of the process that trained it (lib/run/numerics.ts); absent in runs made before it existed. */
  numerics?: string;
}

/** `metrics.json`: the selected epoch and its metrics (test is null when the test split was not evaluated). */
export interface RunMetricsFile {
  bestEpoch: number;
  epochs: number;
  valid: Metrics;
  test: Metrics | null;
}

/**
 * `failed.json`: written by the sweep runner (lib/experiments/local.ts) when `cfcml train` exits non-zero or
 * without writing metrics.json; the SLURM task removes it before a retry.
 */
export interface RunFailure {
  exitCode: number | null;
  signal: string | null;
  /** The last lines of train.log. */
  tail: string;
  at: string;
}

/** Whether a run finished (metrics.json), crashed (failed.json), was interrupted (last.ckpt) or never started. */
export type RunState = 'done' | 'partial' | 'failed' | 'missing';

/** A predictions file read back: ids (empty strings when the file has no `id` column), labels, probabilities. */
export interface PredictionsTable {
  ids: string[];
  labels: number[];
  probs: number[][];
}

export type CheckpointKind = 'best' | 'last';

/**
 * A run directory (docs/ARCHITECTURE.md, "Run directory"): the one place that knows its file names and how
 * each file is written and read.
 *
 *   options.json            ResolvedConfig + data fingerprint + cfcml version (written when a run starts)
 *   history.json / .csv     one EpochRecord per epoch (rewritten after every epoch)
 *   best.ckpt / last.ckpt   weights of the selected epoch / weights + Adam state of the last epoch
 *   best.prev.ckpt / …      the checkpoint each write replaced (docs/CHECKPOINTS.md)
 *   metrics.json            selected epoch, valid and test metrics (written at the end)
 *   predictions_<split>.csv id,label,prob_0..prob_{C-1} of the selected model
 *   train.log / failed.json the sweep runner's log of `cfcml train` and its failure record (lib/experiments)
 */
export class RunDirectory {
  static readonly FILES = {
    options: 'options.json',
    historyJson: 'history.json',
    historyCsv: 'history.csv',
    metrics: 'metrics.json',
    checkpoint: (kind: CheckpointKind) => `${kind}.ckpt`,
    /** The checkpoint a write replaced, kept until the next write (lib/run/checkpoint.ts, saveCheckpoint). */
    previousCheckpoint: (kind: CheckpointKind) => `${kind}.prev.ckpt`,
    predictions: (split: Split) => `predictions_${split}.csv`,
    /** Written by the sweep runner (and the SLURM task wrapper): the train command's stdout + stderr. */
    log: 'train.log',
    /** Written by the sweep runner when `cfcml train` fails: exit code and the log's tail. */
    failed: 'failed.json',
    /** `cfcml eval --mask-fields`: test metrics with record cells masked, per mask (lib/train/evalRun.ts). */
    robustness: 'robustness.json',
    /** Held while a process trains into the directory (lib/run/runGuard.ts, RunLock). */
    lock: '.lock',
  } as const;

  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** Absolute path of a file in the run directory. */
  file(name: string): string {
    return path.join(this.dir, name);
  }

  /** Whether a file of the run directory exists. */
  has(name: string): boolean {
    return fs.existsSync(this.file(name));
  }

  /** Done (metrics.json), failed (failed.json), partial (last.ckpt) or missing, in that order. */
  state(): RunState {
    const F = RunDirectory.FILES;
    if (this.has(F.metrics)) return 'done';
    if (this.has(F.failed)) return 'failed';
    if (this.hasCheckpoint('last')) return 'partial';
    return 'missing';
  }

  /** Start afresh: remove the outputs of an earlier run in this folder (other files are left alone), create it. */
  reset(): void {
    const F = RunDirectory.FILES;
    for (const f of [F.checkpoint('last'), F.checkpoint('best'), F.previousCheckpoint('last'), F.previousCheckpoint('best'), F.historyCsv, F.historyJson, F.metrics, F.predictions('test'), F.predictions('valid')]) {
      fs.rmSync(this.file(f), { force: true });
    }
    fs.mkdirSync(this.dir, { recursive: true });
  }

  writeOptions(config: ResolvedConfig, fingerprint: string, numerics?: string): void {
    const content: RunOptionsFile = { ...config, fingerprint, cfcmlVersion: packageVersion(), ...(numerics === undefined ? {} : { numerics }) };
    writeJsonAtomic(this.file(RunDirectory.FILES.options), content);
  }

  /** options.json, with the fields a reader of finished runs relies on checked. */
  readOptions(): RunOptionsFile {
    const o = this.readJson<RunOptionsFile>(RunDirectory.FILES.options);
    const file = this.file(RunDirectory.FILES.options);
    for (const k of ['dataset', 'variant', 'preset'] as const) {
      if (typeof o[k] !== 'string') throw new CfcmlError(`field '${k}' is missing or not a string`, { where: file });
    }
    if (!Array.isArray(o.excludedFields)) throw new CfcmlError(`field 'excludedFields' is missing or not a list`, { where: file });
    return o;
  }

  /** history.json (exact numbers) and history.csv (the same table, for spreadsheets and pandas). */
  writeHistory(history: readonly EpochRecord[]): void {
    writeJsonAtomic(this.file(RunDirectory.FILES.historyJson), history);
    if (history.length === 0) return;
    const header = Object.keys(history[0]) as (keyof EpochRecord)[]; // the record's field order
    writeFileAtomic(this.file(RunDirectory.FILES.historyCsv), formatCsv(header, history.map((r) => header.map((k) => r[k]))));
  }

  readHistory(): EpochRecord[] {
    const h = this.readJson<EpochRecord[]>(RunDirectory.FILES.historyJson);
    if (!Array.isArray(h)) throw new CfcmlError('expected a list of epoch records', { where: this.file(RunDirectory.FILES.historyJson) });
    return h;
  }

  /** Whether the run has a checkpoint of this kind (the latest, or the one it replaced). */
  hasCheckpoint(kind: CheckpointKind): boolean {
    return fs.existsSync(this.checkpointFile(kind)) || fs.existsSync(previousCheckpointFile(this.checkpointFile(kind)));
  }

  checkpointFile(kind: CheckpointKind): string {
    return this.file(RunDirectory.FILES.checkpoint(kind));
  }

  /** Write `<kind>.ckpt` verified, keeping the one it replaces as `<kind>.prev.ckpt`. */
  saveCheckpoint(kind: CheckpointKind, content: CheckpointContent<RunCheckpointMeta>): void {
    saveCheckpoint(this.checkpointFile(kind), content, { keepPrevious: true });
  }

  /**
   * The newest checkpoint of this kind that verifies (`<kind>.ckpt`, else `<kind>.prev.ckpt`) and that `accept`
   * does not turn down; `rejected` says which files were passed over and why. Throws when none is good.
   */
  loadCheckpoint(kind: CheckpointKind, accept?: (c: CheckpointContent<RunCheckpointMeta>) => string | undefined): GoodCheckpoint<RunCheckpointMeta> {
    return loadGoodCheckpoint<RunCheckpointMeta>(this.checkpointFile(kind), accept);
  }

  writeMetrics(m: RunMetricsFile): void {
    writeJsonAtomic(this.file(RunDirectory.FILES.metrics), m);
  }

  readMetrics(): RunMetricsFile {
    const m = this.readJson<RunMetricsFile>(RunDirectory.FILES.metrics);
    if (typeof m.valid !== 'object' || m.valid === null) throw new CfcmlError(`field 'valid' is missing`, { where: this.file(RunDirectory.FILES.metrics) });
    return m;
  }

  predictionsFile(split: Split): string {
    return this.file(RunDirectory.FILES.predictions(split));
  }

  /** Write `predictions_<split>.csv`; returns its path. */
  writePredictions(split: Split, p: Predictions, spec: DatasetSpec): string {
    const file = this.predictionsFile(split);
    writeFileAtomic(file, formatPredictionsCsv(p, spec));
    return file;
  }

  /** A run's own predictions file, which always has an `id` column. */
  readPredictions(split: Split): PredictionsTable {
    return readPredictionsCsv(this.predictionsFile(split), { requireIds: true });
  }

  writeFailure(f: RunFailure): void {
    writeJsonAtomic(this.file(RunDirectory.FILES.failed), f);
  }

  /** failed.json as the sweep runner wrote it, or null when there is none. */
  readFailure(): RunFailure | null {
    return this.has(RunDirectory.FILES.failed) ? this.readJson<RunFailure>(RunDirectory.FILES.failed) : null;
  }

  clearFailure(): void {
    fs.rmSync(this.file(RunDirectory.FILES.failed), { force: true });
  }

  /** A JSON file of the run directory, parsed; a CfcmlError naming the file when it is absent or unparsable. */
  readJson<T>(name: string): T {
    const file = this.file(name);
    if (!fs.existsSync(file)) throw new CfcmlError(`no ${name} in the run directory`, { where: this.dir });
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
    } catch (e) {
      throw new CfcmlError(`corrupt JSON: ${(e as Error).message}`, { where: file });
    }
  }
}

/** Predictions as CSV: `id,label,prob_0..prob_{C-1}`, probabilities to 7 significant digits. */
export function formatPredictionsCsv(p: Predictions, spec: DatasetSpec): string {
  const header = ['id', 'label', ...spec.classes.map((_, k) => `prob_${k}`)];
  const rows = p.ids.map((id, i) => [id, p.labels[i], ...p.probs[i].map((x) => x.toPrecision(7))]);
  return formatCsv(header, rows);
}

/**
 * Read a predictions CSV (`label,prob_0,…,prob_{C-1}`, an `id` column optional unless `requireIds`, other
 * columns ignored) with row-level errors.
 */
export function readPredictionsCsv(file: string, opts: { requireIds?: boolean } = {}): PredictionsTable {
  if (!fs.existsSync(file)) throw new CfcmlError('file not found', { where: file });
  const table = parseCsv(fs.readFileSync(file, 'utf8'), file);
  requireColumns(table, [...(opts.requireIds ? ['id'] : []), 'label', 'prob_0', 'prob_1'], file);
  const probCols = table.header.filter((h) => /^prob_\d+$/.test(h)).sort((x, y) => Number(x.slice(5)) - Number(y.slice(5)));
  probCols.forEach((c, k) => {
    if (c !== `prob_${k}`) throw new CfcmlError(`probability columns must be prob_0..prob_${probCols.length - 1}; prob_${k} is missing`, { where: file });
  });
  if (table.rows.length === 0) throw new CfcmlError('no prediction rows', { where: file });
  const out: PredictionsTable = { ids: [], labels: [], probs: [] };
  table.rows.forEach((r, i) => {
    const row = i + 2;
    const y = Number(r.label);
    if (r.label.trim() === '' || !Number.isInteger(y) || y < 0 || y >= probCols.length) {
      throw new CfcmlError(`row ${row}, column 'label': '${r.label}' is not a class index in 0..${probCols.length - 1}`, { where: file });
    }
    const p = probCols.map((c) => {
      const v = Number(r[c]);
      if (r[c].trim() === '' || !Number.isFinite(v)) throw new CfcmlError(`row ${row}, column '${c}': '${r[c]}' is not a number`, { where: file });
      return v;
    });
    out.ids.push(r.id ?? '');
    out.labels.push(y);
    out.probs.push(p);
  });
  return out;
}

function packageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return require('../../../package.json').version as string;
  } catch {
    return 'unknown';
  }
}
