/**
 * How far the data-size study is (docs/study.md): per sweep, the runs finished (in the ledger or the working
 * folders), the hours they ran (the sum of their epochs' wall-clock seconds), and an estimate of the hours left.
 * It reads the run list that `bash scripts/study.sh --progress` makes (the `cfcml train` lines of `cfcml sweep … --dry-run`, in the
 * study's order) and each run's history (epoch times); it reads no metric of any split.
 *
 *   bash scripts/study.sh --progress                       (the usual way: makes the run list, calls this)
 *   node dist/scripts/records/studyProgress.js --list <file> --plan-root <dir> [--runs runs/study] [--ledger study]
 *       [--jobs 2] [--markdown] [--same-size <cohort>=<cohort of its size>,…]
 * where the list's run folders lie under --plan-root (the dry run's scratch folder); the same relative folder
 * under --ledger or --runs holds the run itself. With --complete it prints only the sweeps whose every run is
 * in the ledger, one per line.
 *
 * Estimate of an unfinished run: its epochs left × the mean seconds per epoch of the finished runs with the
 * same cohort and variant, preferring those of the same sweep (same settings, same load) and else any sweep
 * of the ledger; the epochs come from the train line's `--epochs` or `--set epochs=`, else from a finished
 * run of the same sweep and cohort. A run with no such peer is counted as "no estimate" (a new cohort or
 * preset: its first runs give the estimate). The seconds per epoch were measured with the study's `JOBS` runs
 * at once, so the wall-clock estimate is the run-hours divided by `--jobs`.
 *
 * The standard-recipe networks (scripts/reference/standard_recipe.py, in background lanes):
 *   node dist/scripts/records/studyProgress.js --reference data/synthetic/derm7pt-n1,… [--ref-logs runs/study/reference]
 *       [--ref-ledger study/curve/reference] [--ref-epochs 150] [--ref-seeds 3]
 * per cohort and form, the networks in the ledger's file, those begun and where (their logs), the seconds per
 * epoch the logs give, and the hours of training left. A cohort not measured yet gets the measured seconds per unit of work
 * scaled by its own work per epoch, 3 × training cases + validation cases (a training case costs a forward
 * and a backward pass, about three forwards; a validation case one forward), counted in its oracle.csv.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RunDirectory } from '../../lib/run/runDirectory';
import { readOracleCsv } from '../../lib/synth/oracle';
import type { EpochRecord } from '../../lib/train/options';
import { CfcmlError } from '../../lib/util/errors';
import { printTable, runMain, type Row } from './runs';

/** One run of the study's plan, parsed from a `cfcml train` line. */
export interface PlannedRun {
  sweep: string;
  cohort: string;
  variant: string;
  seed: number;
  /** The epochs the line asks for, when it says (`--epochs N` or `--set …epochs=N…`). */
  epochs?: number;
  /** The run folder relative to the working folders, `<sweep>/runs/<cohort>/<variant>/seed<k>` or similar. */
  rel: string;
}

function flag(words: string[], name: string): string | undefined {
  const i = words.indexOf(name);
  return i >= 0 && i + 1 < words.length ? words[i + 1] : undefined;
}

/**
 * The runs of the plan, from `cfcml train` lines (other lines are skipped), each once: a sweep called again
 * with more seeds lists its earlier runs again (its grid grows).
 */
export function parsePlan(text: string, planRoot: string): PlannedRun[] {
  const root = path.resolve(planRoot);
  const out: PlannedRun[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    const words = line.trim().split(/\s+/);
    const t = words.indexOf('train');
    if (t < 0 || !words.slice(0, t).some((w) => /cfcml(\.js)?$/.test(w))) return;
    const where = `run list, line ${i + 1}`;
    const [data, variant, seed, dir] = ['--data', '--variant', '--seed', '--out'].map((f) => flag(words, f));
    if (!data || !variant || !seed || !dir) throw new CfcmlError('a train line without --data, --variant, --seed and --out', { where });
    const rel = path.relative(root, path.resolve(dir));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new CfcmlError(`run folder ${dir} is not under ${root}`, { where });
    if (seen.has(rel)) return;
    seen.add(rel);
    const set = flag(words, '--set');
    const fromSet = set && /(?:^|,)epochs=(\d+)/.exec(set);
    const e = flag(words, '--epochs') ?? (fromSet ? fromSet[1] : undefined);
    out.push({ sweep: rel.split(path.sep)[0], cohort: path.basename(data), variant, seed: Number(seed), epochs: e === undefined ? undefined : Number(e), rel });
  });
  return out;
}

interface Finished {
  /** The run folder relative to the ledger or working folders, as PlannedRun.rel. */
  rel: string;
  /** In the ledger (else only in the working folders). */
  inLedger: boolean;
  sweep: string;
  cohort: string;
  variant: string;
  epochs: number;
  seconds: number;
}

function history(dir: string): EpochRecord[] {
  const rd = new RunDirectory(dir);
  return fs.existsSync(path.join(dir, RunDirectory.FILES.historyJson)) ? rd.readHistory() : [];
}

/**
 * Every finished run on disk under the ledger and the working folders (each sweep folder's `runs/`; a run in
 * both counted once, as the ledger's), by its relative folder, with its epochs and seconds.
 */
function finishedOnDisk(ledger: string, runsRoot: string): Map<string, Finished> {
  const out = new Map<string, Finished>();
  const walk = (root: string, dir: string, sweep: string): void => {
    const rd = new RunDirectory(dir);
    if (rd.state() === 'done') {
      const rel = path.relative(root, dir);
      if (out.has(rel)) return;
      const o = rd.readOptions();
      const h = history(dir);
      out.set(rel, { rel, inLedger: root === ledger, sweep, cohort: path.basename(o.data), variant: o.variant, epochs: h.length, seconds: h.reduce((s, r) => s + r.seconds, 0) });
      return;
    }
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(root, path.join(dir, e.name), sweep);
  };
  for (const root of [ledger, runsRoot].filter((r) => fs.existsSync(r))) {
    for (const s of fs.readdirSync(root, { withFileTypes: true })) {
      if (s.isDirectory() && fs.existsSync(path.join(root, s.name, 'runs'))) walk(root, path.join(root, s.name, 'runs'), s.name);
    }
  }
  return out;
}

export interface SweepProgress {
  sweep: string;
  runs: number;
  finished: number;
  /** Of the finished runs, those in the ledger (a sweep is published from the ledger, docs/study.md). */
  inLedger: number;
  /** Seconds the finished runs ran (sum of their epochs' seconds). */
  spent: number;
  /** Estimated seconds of running left, over the runs that have an estimate. */
  left: number;
  noEstimate: number;
}

/** Progress per sweep, in the plan's order. */
export function progress(plan: PlannedRun[], runsRoot: string, ledger: string, sameSize: Record<string, string> = {}): SweepProgress[] {
  const byRel = finishedOnDisk(ledger, runsRoot);
  const done = [...byRel.values()];
  // Seconds per epoch from the closest finished peers: same sweep, cohort and variant; else any sweep's runs of
  // that cohort and variant; else the same sweep's runs of that cohort (any variant: a rougher estimate); else
  // the variant's runs on a cohort of the same size (`sameSize`: e.g. a null control and its cohort).
  const perEpoch = (p: PlannedRun): number | undefined => {
    const tiers: Array<(f: Finished) => boolean> = [
      (f) => f.sweep === p.sweep && f.cohort === p.cohort && f.variant === p.variant,
      (f) => f.cohort === p.cohort && f.variant === p.variant,
      (f) => f.sweep === p.sweep && f.cohort === p.cohort,
      (f) => sameSize[p.cohort] !== undefined && f.cohort === sameSize[p.cohort] && f.variant === p.variant,
    ];
    for (const tier of tiers) {
      const pool = done.filter((f) => f.epochs > 0 && tier(f));
      if (pool.length) return pool.reduce((s, f) => s + f.seconds, 0) / pool.reduce((s, f) => s + f.epochs, 0);
    }
    return undefined;
  };
  const epochsOf = (p: PlannedRun): number | undefined =>
    p.epochs ?? done.find((f) => f.sweep === p.sweep && f.cohort === p.cohort)?.epochs;
  const bySweep = new Map<string, SweepProgress>();
  for (const p of plan) {
    const s = bySweep.get(p.sweep) ?? { sweep: p.sweep, runs: 0, finished: 0, inLedger: 0, spent: 0, left: 0, noEstimate: 0 };
    bySweep.set(p.sweep, s);
    s.runs++;
    const fin = byRel.get(p.rel);
    if (fin) {
      s.finished++;
      if (fin.inLedger) s.inLedger++;
      s.spent += fin.seconds;
      continue;
    }
    const epochs = epochsOf(p);
    const sec = perEpoch(p);
    if (epochs === undefined || sec === undefined) {
      s.noEstimate++;
      continue;
    }
    s.left += Math.max(0, epochs - history(path.join(runsRoot, p.rel)).length) * sec;
  }
  return [...bySweep.values()];
}

/** One (cohort, form) of the standard-recipe networks. */
export interface ReferenceJob {
  cohort: string;
  form: string;
  /** Networks (seeds) of this form in the ledger's file. */
  done: number;
  /** Networks begun and not in the ledger: seed and last logged epoch (from the logs). */
  current: { seed: number; epoch: number }[];
  /** Seconds per epoch: logged for this cohort, else scaled from another cohort's (`measured` false); null: none yet. */
  secondsPerEpoch: number | null;
  measured: boolean;
  /** Estimated seconds of training left (null without an estimate). */
  left: number | null;
}

const PROGRESS_LINE = /^ {2}(\w+) seed (\d+): epoch (\d+)\/(\d+),.*?(?:, ([\d.]+) s\/epoch)?$/;

/**
 * What the logs of a cohort and form say (`<cohort>-<form>.log`, one per form, or `<cohort>-<form>-seed<k>.log`,
 * one per network): the last logged epoch per seed, and the seconds per epoch of the newest log that says.
 */
function logged(logs: string, name: string, form: string): { epochs: Map<number, number>; seconds: number | null } {
  const files = fs.existsSync(logs)
    ? fs
        .readdirSync(logs)
        .filter((f) => f === `${name}-${form}.log` || new RegExp(`^${name}-${form}-seed\\d+\\.log$`).test(f))
        .map((f) => path.join(logs, f))
        .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    : [];
  const epochs = new Map<number, number>();
  let seconds: number | null = null;
  for (const f of files) {
    for (const l of fs.readFileSync(f, 'utf8').split('\n')) {
      const m = PROGRESS_LINE.exec(l);
      if (!m || m[1] !== form) continue;
      epochs.set(Number(m[2]), Number(m[3]));
      if (m[5] !== undefined) seconds = Number(m[5]);
    }
  }
  return { epochs, seconds };
}

/** Work per epoch of a cohort (3 × training + validation task cases, from its oracle.csv). */
function workPerEpoch(cohortDir: string): number {
  const rows = readOracleCsv(path.join(cohortDir, 'oracle.csv'), 2);
  return 3 * rows.filter((r) => r.split === 'train').length + rows.filter((r) => r.split === 'valid').length;
}

/**
 * The standard-recipe networks per cohort (as given) and form (joint, late): what is done, what is begun, and
 * the seconds left (docs at the top of this file).
 */
export function referenceProgress(cohorts: string[], logs: string, ledger: string, epochs = 150, seeds = 3): ReferenceJob[] {
  const jobs: (ReferenceJob & { dir: string })[] = [];
  const work = new Map(cohorts.map((c) => [c, workPerEpoch(c)]));
  const rates: number[] = [];
  for (const c of cohorts) {
    const name = path.basename(path.resolve(c));
    const file = path.join(ledger, `${name}.json`);
    const runs = fs.existsSync(file) ? ((JSON.parse(fs.readFileSync(file, 'utf8')) as { runs?: { form: string; seed: number }[] }).runs ?? []) : [];
    for (const form of ['joint', 'late']) {
      const finished = new Set(runs.filter((r) => r.form === form).map((r) => r.seed));
      const log = logged(logs, name, form);
      const current = [...log.epochs].filter(([seed, e]) => !finished.has(seed) && e < epochs).map(([seed, epoch]) => ({ seed, epoch })).sort((a, b) => a.seed - b.seed);
      if (log.seconds !== null) rates.push(log.seconds / work.get(c)!);
      jobs.push({ dir: c, cohort: name, form, done: finished.size, current, secondsPerEpoch: log.seconds, measured: log.seconds !== null, left: null });
    }
  }
  // A cohort without a logged rate: the mean rate per unit of work of those with one, times its own work.
  const rate = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  return jobs.map(({ dir, ...j }) => {
    const own = jobs.find((o) => o.cohort === j.cohort && o.measured);
    const secondsPerEpoch = own ? own.secondsPerEpoch : rate === null ? null : rate * work.get(dir)!;
    const epochsLeft = (seeds - j.done) * epochs - j.current.reduce((a, c) => a + c.epoch, 0);
    return { ...j, secondsPerEpoch, measured: Boolean(own), left: secondsPerEpoch === null ? null : Math.max(0, epochsLeft) * secondsPerEpoch };
  });
}

const hours = (s: number): string => (s / 3600).toFixed(1);

function mainReference(argv: string[]): number {
  const cohorts = flag(argv, '--reference')!.split(',').filter(Boolean);
  const seeds = Number(flag(argv, '--ref-seeds') ?? '3');
  const jobs = referenceProgress(cohorts, flag(argv, '--ref-logs') ?? 'runs/study/reference', flag(argv, '--ref-ledger') ?? 'study/curve/reference', Number(flag(argv, '--ref-epochs') ?? '150'), seeds);
  printTable(
    jobs.map((j) => ({
      'standard recipe': `${j.cohort} ${j.form}`,
      'networks finished': `${j.done}/${seeds}`,
      'begun': j.current.map((c) => `seed ${c.seed} at epoch ${c.epoch}`).join('; '),
      's/epoch': j.secondsPerEpoch === null ? '' : `${j.secondsPerEpoch.toFixed(1)}${j.measured ? '' : ' (est.)'}`,
      'h left (est.)': j.left === null ? '?' : hours(j.left),
    })),
    argv.includes('--markdown'),
  );
  const known = jobs.filter((j) => j.left !== null);
  const total = known.reduce((a, j) => a + j.left!, 0);
  console.log(`\nthe standard-recipe networks: about ${hours(total)} h of training left${known.length < jobs.length ? ` and ${jobs.length - known.length} cohort-forms without an estimate` : ''}, divided among the lanes that run them.`);
  return 0;
}

function main(argv: string[]): number {
  if (flag(argv, '--reference') !== undefined) return mainReference(argv);
  const runsRoot = flag(argv, '--runs') ?? 'runs/study';
  const ledger = flag(argv, '--ledger') ?? 'study';
  const jobs = Number(flag(argv, '--jobs') ?? '1');
  if (!Number.isInteger(jobs) || jobs < 1) throw new CfcmlError(`--jobs ${flag(argv, '--jobs')}: expected a positive integer`);
  const listFile = flag(argv, '--list');
  const planRoot = flag(argv, '--plan-root') ?? runsRoot;
  const text = fs.readFileSync(listFile ?? 0, 'utf8');
  const plan = parsePlan(text, planRoot);
  if (plan.length === 0) throw new CfcmlError('no `cfcml train` line in the run list (make it with `bash scripts/study.sh --progress`)');
  // --same-size a=b,c=d: cohorts a and c are the size of b and d (their runs take as long per epoch).
  const sameSize = Object.fromEntries((flag(argv, '--same-size') ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
  const sweeps = progress(plan, runsRoot, ledger, sameSize);
  if (argv.includes('--complete')) {
    // The sweeps whose every planned run is in the ledger, one per line (scripts/study.sh --publish).
    for (const s of sweeps) if (s.inLedger === s.runs) console.log(s.sweep);
    return 0;
  }
  const rows: Row[] = sweeps.map((s) => ({
    sweep: s.sweep,
    'runs finished': `${s.finished}/${s.runs}`,
    'run h spent': hours(s.spent),
    'run h left (est.)': hours(s.left) + (s.noEstimate ? ` + ${s.noEstimate} runs without an estimate` : ''),
  }));
  const all = sweeps.reduce((a, s) => ({ runs: a.runs + s.runs, finished: a.finished + s.finished, left: a.left + s.left, none: a.none + s.noEstimate }), { runs: 0, finished: 0, left: 0, none: 0 });
  printTable(rows, argv.includes('--markdown'));
  console.log(
    `\n${all.finished} of ${all.runs} runs finished; about ${hours(all.left)} run-hours left` +
      (all.none ? ` and ${all.none} runs without an estimate yet` : '') +
      `, about ${hours(all.left / jobs)} h of wall clock with ${jobs} run${jobs > 1 ? 's' : ''} at once.`,
  );
  return 0;
}

if (require.main === module) runMain('studyProgress', main);
