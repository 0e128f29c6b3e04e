import * as fs from 'fs';
import * as path from 'path';
import type { DatasetSpec, Split } from '../data/spec';
import type { Metrics } from '../metrics';
import { CfcmlError } from '../util/errors';
import { formatCsv, parseCsv, requireColumns } from '../util/csv';
import { writeFileAtomic, writeJsonAtomic } from '../util/fs';
import { loadCheckpoint, saveCheckpoint, type CheckpointContent, type RunCheckpointMeta } from './checkpoint';
import type { ResolvedConfig } from './config';
import type { Predictions } from './evaluate';
import type { EpochRecord } from './options';

/** `options.json`: the resolved configuration plus where it came from. */
export interface RunOptionsFile extends ResolvedConfig {
  fingerprint: string;
  cfcmlVersion: string;
}

/** `metrics.json`: the selected epoch and its metrics (test is null when the test split was not evaluated). */
export interface RunMetricsFile {
  bestEpoch: number;
  epochs: number;
  valid: Metrics | undefined;
  test: Metrics | null;
}

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
 *   metrics.json            selected epoch, valid and test metrics (written at the end)
 *   predictions_<split>.csv id,label,prob_0..prob_{C-1} of the selected model
 */
export class RunDirectory {
  static readonly FILES = {
    options: 'options.json',
    historyJson: 'history.json',
    historyCsv: 'history.csv',
    metrics: 'metrics.json',
    checkpoint: (kind: CheckpointKind) => `${kind}.ckpt`,
    predictions: (split: Split) => `predictions_${split}.csv`,
  } as const;

  readonly dir: string;

  constructor(dir: string) {
    this.dir = path.resolve(dir);
  }

  /** Absolute path of a file in the run directory. */
  file(name: string): string {
    return path.join(this.dir, name);
  }

  /** Start afresh: remove the outputs of an earlier run in this folder (other files are left alone), create it. */
  reset(): void {
    const F = RunDirectory.FILES;
    for (const f of [F.checkpoint('last'), F.checkpoint('best'), F.historyCsv, F.historyJson, F.metrics, F.predictions('test'), F.predictions('valid')]) {
      fs.rmSync(this.file(f), { force: true });
    }
    fs.mkdirSync(this.dir, { recursive: true });
  }

  writeOptions(config: ResolvedConfig, fingerprint: string): void {
    const content: RunOptionsFile = { ...config, fingerprint, cfcmlVersion: packageVersion() };
    writeJsonAtomic(this.file(RunDirectory.FILES.options), content);
  }

  readOptions(): RunOptionsFile {
    return this.readJson<RunOptionsFile>(RunDirectory.FILES.options);
  }

  /** history.json (exact numbers) and history.csv (the same table, for spreadsheets and pandas). */
  writeHistory(history: readonly EpochRecord[]): void {
    writeJsonAtomic(this.file(RunDirectory.FILES.historyJson), history);
    if (history.length === 0) return;
    const header = Object.keys(history[0]) as (keyof EpochRecord)[]; // the record's field order
    writeFileAtomic(this.file(RunDirectory.FILES.historyCsv), formatCsv(header, history.map((r) => header.map((k) => r[k]))));
  }

  readHistory(): EpochRecord[] {
    return this.readJson<EpochRecord[]>(RunDirectory.FILES.historyJson);
  }

  hasCheckpoint(kind: CheckpointKind): boolean {
    return fs.existsSync(this.checkpointFile(kind));
  }

  checkpointFile(kind: CheckpointKind): string {
    return this.file(RunDirectory.FILES.checkpoint(kind));
  }

  saveCheckpoint(kind: CheckpointKind, content: CheckpointContent<RunCheckpointMeta>): void {
    saveCheckpoint(this.checkpointFile(kind), content);
  }

  loadCheckpoint(kind: CheckpointKind): CheckpointContent<RunCheckpointMeta> {
    return loadCheckpoint<RunCheckpointMeta>(this.checkpointFile(kind));
  }

  writeMetrics(m: RunMetricsFile): void {
    writeJsonAtomic(this.file(RunDirectory.FILES.metrics), m);
  }

  readMetrics(): RunMetricsFile {
    return this.readJson<RunMetricsFile>(RunDirectory.FILES.metrics);
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

  readPredictions(split: Split): PredictionsTable {
    return readPredictionsCsv(this.predictionsFile(split));
  }

  private readJson<T>(name: string): T {
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

/** Read a predictions CSV (`label,prob_0,…,prob_{C-1}`, an optional `id`, other columns ignored) with row-level errors. */
export function readPredictionsCsv(file: string): PredictionsTable {
  if (!fs.existsSync(file)) throw new CfcmlError('file not found', { where: file });
  const table = parseCsv(fs.readFileSync(file, 'utf8'), file);
  requireColumns(table, ['label', 'prob_0', 'prob_1'], file);
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
