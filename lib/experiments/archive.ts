/**
 * A sweep's results without its checkpoints: sweep.json plus, for every finished run, the files a report
 * reads (options, metrics, history, valid/test predictions, the training log). A Derm7pt run's checkpoints
 * are about 7 MB and its results about 45 kB, so an archive is what a results folder or a repository keeps.
 *
 * A synthetic cohort's oracle.csv, cohort.json and the test split's rows of meta/meta.csv (about 200 kB, not its
 * images) are copied too, into `<archive>/cohorts/<name>-<hash>/`, so that the report of an archive shows the
 * oracle ceiling and the strata table on a machine without the cohort (a real cohort's records are never
 * copied: it has no oracle.csv). The sweep's reference rows (`reference/*.json`) are copied as they are.
 *
 * An archive is itself a sweep folder: `cfcml report <archive>` rebuilds the tables and the figures (all but
 * the modality-gap ones, which need best.ckpt), and `cfcml sweep --out <archive> …` would train only the runs
 * it lacks. Archiving into an existing archive adds runs; a run already there with a different metrics.json is
 * a different result and is refused, never overwritten.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RunDirectory } from '../run/runDirectory';
import { CfcmlError } from '../util/errors';
import { writeFileAtomic } from '../util/fs';
import { formatCsv, parseCsv } from '../util/csv';
import { REFERENCE_DIR } from './reference';
import { archivedCohortDir, ORACLE_FILE, oracleFileOf } from './report';
import { checkOneBudget, finishedRunSettings } from './settings';
import { createSweep, readSweep, SWEEP_FILE } from './sweep';

const F = RunDirectory.FILES;
/** The files of a finished run that an archive keeps (those present are copied; options and metrics must be). */
export const ARCHIVED_FILES: readonly string[] = [F.options, F.metrics, F.historyJson, F.historyCsv, F.predictions('valid'), F.predictions('test'), F.log, F.robustness];

export interface ArchiveResult {
  /** Finished runs copied now. */
  copied: string[];
  /** Finished runs already in the archive with the same metrics.json. */
  unchanged: string[];
  /** Runs of the sweep that have not finished (not archived). */
  unfinished: string[];
  /** Cohorts whose oracle was copied now (a copy already there is kept). */
  oracles: string[];
  /** Bytes written. */
  bytes: number;
}

/** The files of a synthetic cohort an archive keeps: its oracle and its design (not its images). */
export const ARCHIVED_COHORT_FILES: readonly string[] = [ORACLE_FILE, 'cohort.json'];

/** Copy those of `files` that exist in `from` into `to`, in order, each atomically; returns the bytes written. */
function copyPresent(from: string, to: string, files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) {
    const file = path.join(from, f);
    if (!fs.existsSync(file)) continue;
    const data = fs.readFileSync(file);
    writeFileAtomic(path.join(to, f), data);
    bytes += data.length;
  }
  return bytes;
}

/**
 * The test split's rows of a Derm7pt-format `meta/meta.csv` (header kept), for the strata of a report; nothing
 * when the cohort has no such file. Returns the bytes written.
 */
function copyTestRecords(from: string, to: string): number {
  const meta = path.join(from, 'meta', 'meta.csv');
  const index = path.join(from, 'meta', 'test_indexes.csv');
  if (!fs.existsSync(meta) || !fs.existsSync(index)) return 0;
  const table = parseCsv(fs.readFileSync(meta, 'utf8'), meta);
  const rows = parseCsv(fs.readFileSync(index, 'utf8'), index).rows.map((r) => table.rows[Number(r.indexes)]);
  const text = formatCsv(table.header, rows);
  writeFileAtomic(path.join(to, 'meta', 'meta.csv'), text);
  return Buffer.byteLength(text);
}

/** Copy the finished runs of the sweep at `root` into the archive folder `out` (created or extended). */
export function archiveSweep(root: string, out: string): ArchiveResult {
  const src = path.resolve(root);
  const dst = path.resolve(out);
  if (src === dst) throw new CfcmlError('the archive folder is the sweep folder', { where: dst, hint: 'give another --out' });
  const spec = readSweep(src);
  // One budget: an archive of runs trained with different settings would be a table that mixes budgets.
  checkOneBudget(finishedRunSettings(src, spec.runs), src);
  if (fs.existsSync(path.join(dst, SWEEP_FILE))) checkOneBudget([...finishedRunSettings(dst, readSweep(dst).runs), ...finishedRunSettings(src, spec.runs)], dst);

  const result: ArchiveResult = { copied: [], unchanged: [], unfinished: [], oracles: [], bytes: 0 };
  const todo: { id: string; from: string; to: string }[] = [];
  for (const run of spec.runs) {
    const from = path.resolve(src, run.dir);
    if (new RunDirectory(from).state() !== 'done') {
      result.unfinished.push(run.id);
      continue;
    }
    for (const f of [F.options, F.metrics]) {
      if (!fs.existsSync(path.join(from, f))) throw new CfcmlError(`a finished run without ${f}`, { where: from });
    }
    const to = path.resolve(dst, run.dir);
    const there = path.join(to, F.metrics);
    if (fs.existsSync(there)) {
      if (fs.readFileSync(there, 'utf8') !== fs.readFileSync(path.join(from, F.metrics), 'utf8')) {
        throw new CfcmlError(`${run.id} is in the archive already with a different metrics.json: another result of the same run`, {
          where: there,
          hint: 'archive into another folder, or remove that run from the archive if it is the one to replace',
        });
      }
      result.unchanged.push(run.id);
      continue;
    }
    todo.push({ id: run.id, from, to });
  }
  // The grid first (extended, as `cfcml sweep --out` extends it), then the runs; metrics.json last in each
  // run, so an archive interrupted part-way holds no run that looks finished but lacks files.
  createSweep(dst, { data: spec.data, presets: spec.presets, variants: spec.variants, seeds: spec.seeds, settings: spec.settings, trainArgs: spec.trainArgs });
  for (const data of spec.data) {
    const from = oracleFileOf(src, data);
    const to = archivedCohortDir(dst, data);
    if (!from || fs.existsSync(path.join(to, ORACLE_FILE))) continue;
    result.bytes += copyPresent(path.dirname(from), to, ARCHIVED_COHORT_FILES);
    result.bytes += copyTestRecords(path.dirname(from), to);
    result.oracles.push(data);
  }
  const refs = path.join(src, REFERENCE_DIR);
  if (fs.existsSync(refs)) {
    result.bytes += copyPresent(refs, path.join(dst, REFERENCE_DIR), fs.readdirSync(refs).filter((f) => f.endsWith('.json')).sort());
  }
  for (const t of todo) {
    result.bytes += copyPresent(t.from, t.to, [...ARCHIVED_FILES.filter((f) => f !== F.metrics), F.metrics]);
    result.copied.push(t.id);
  }
  return result;
}
