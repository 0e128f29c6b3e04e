/**
 * What the experiment records share: the finished runs of a sweep folder with what each was trained with,
 * and one way to print a table (console or Markdown). Tuning records read the validation split only.
 */
import * as path from 'path';
import { readSweep, RunDirectory } from '../../lib';
import type { EpochRecord } from '../../lib/train/options';
import type { RunMetricsFile, RunOptionsFile } from '../../lib/run/runDirectory';
import type { SweepRun } from '../../lib/experiments/sweep';
import { CfcmlError } from '../../lib/util/errors';

export interface FinishedRun {
  run: SweepRun;
  dir: string;
  options: RunOptionsFile;
  metrics: RunMetricsFile;
  history: EpochRecord[];
}

/** Every finished run of the sweep at `root`, in the grid's order; a folder with none is an error. */
export function finishedRuns(root: string): FinishedRun[] {
  const spec = readSweep(root);
  const out: FinishedRun[] = [];
  for (const run of spec.runs) {
    const dir = path.resolve(root, run.dir);
    const rd = new RunDirectory(dir);
    if (rd.state() !== 'done') continue;
    out.push({ run, dir, options: rd.readOptions(), metrics: rd.readMetrics(), history: rd.readHistory() });
  }
  if (out.length === 0) throw new CfcmlError('no finished run in this sweep yet', { where: root });
  return out;
}

export type Row = Record<string, string | number>;

/** Print rows as a Markdown table or through console.table, under an optional title. */
export function printTable(rows: Row[], markdown: boolean, title?: string): void {
  if (title) console.log(`\n${markdown ? `**${title}**` : title}\n`);
  if (rows.length === 0) return console.log('(no runs)');
  if (!markdown) return console.table(rows);
  const cols = Object.keys(rows[0]);
  console.log(`| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`);
}

/** `0.123 ± 0.045` with '–' for an undefined value. */
export const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');

/** Run a record's main, turning a CfcmlError into one line on stderr and exit status 1. */
export function runMain(name: string, main: (argv: string[]) => Promise<number> | number): void {
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then((code) => process.exit(code))
    .catch((e: unknown) => {
      console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}
