/**
 * SLURM job-array emission: `<sweep>/slurm/array.sbatch`, one array task per run, each running exactly the
 * command the local runner runs (absolute paths, so it works from any directory), writing into the
 * sweep's shared run directories, skipping a run that already finished and marking one that crashed
 * (`failed.json`) for `cfcml report`.
 *
 * Preemption (docs/SLURM.md, "Preemption and time limits"): the task is requeueable (`--requeue`) and asks
 * for SIGUSR1 to its batch shell `signalBefore` seconds before the time limit (`--signal=B:USR1@…`). The
 * shell runs `cfcml train` in the background so that it can take signals while it waits:
 * - USR1 (the time limit is near): the shell passes SIGTERM on to the trainer, which finishes its step,
 *   writes last.ckpt and exits; the shell then requeues its own task (`scontrol requeue`).
 * - TERM (preemption, `scontrol requeue`, scancel): SLURM signals every process of the task, the trainer
 *   included, so the shell only waits; SLURM itself requeues a preempted or requeued task, and a cancelled
 *   one stays cancelled with its run resumable.
 * A requeued task runs the same command, whose `--resume` continues from last.ckpt; a task stopped by a
 * signal writes no `failed.json`, since nothing failed.
 */
import * as path from 'path';
import { CfcmlError } from '../util/errors';
import { writeFileAtomic } from '../util/fs';
import { RunDirectory } from '../run/runDirectory';
import { trainCommand, type SweepSpec } from './sweep';

export interface SlurmOptions {
  /** CPU cores per task (`--cpus-per-task`). Default 1 (a run uses one wasm thread). */
  cpusPerTask?: number;
  /** Memory per task (`--mem`), e.g. `4G`. Default `4G`. */
  mem?: string;
  /** Time limit per task (`--time`), e.g. `02:00:00`. Default none (the partition's). */
  time?: string;
  partition?: string;
  /** At most this many tasks at once (`--array=0-K%N`). */
  maxParallel?: number;
  /** Only runs that are not finished yet. Default true. */
  onlyMissing?: boolean;
  jobName?: string;
  /**
   * Seconds before the time limit at which SLURM sends SIGUSR1 to the task (`--signal=B:USR1@N`); the
   * trainer then stops at a step boundary and the task requeues itself. Default 300. SLURM may send it up
   * to a minute early.
   */
  signalBefore?: number;
}

/** Default of `SlurmOptions.signalBefore`: time to finish one step and write a checkpoint, with margin. */
export const SLURM_SIGNAL_BEFORE = 300;

/** Single-quote a word for bash. */
export function shq(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const FAIL_MARKER_JS =
  'const fs=require("fs"),p=require("path");const [d,rc]=process.argv.slice(1);const f=p.join(d,"train.log");' +
  'const t=fs.existsSync(f)?fs.readFileSync(f,"utf8").split("\\n").filter(l=>l.trim()).slice(-20).join("\\n"):"";' +
  'fs.writeFileSync(p.join(d,"failed.json"),JSON.stringify({exitCode:Number(rc),signal:null,tail:t,at:new Date().toISOString()},null,2)+"\\n")';

/** The sbatch script text and the run indices its array tasks 0..K map to. */
export function slurmArrayScript(root: string, spec: SweepSpec, opts: SlurmOptions = {}): { script: string; runs: number[] } {
  const absRoot = path.resolve(root);
  const runs = spec.runs.filter((r) => opts.onlyMissing === false || new RunDirectory(path.resolve(absRoot, r.dir)).state() !== 'done');
  if (runs.length === 0) throw new CfcmlError('every run of the sweep has finished: nothing to submit', { where: absRoot });
  const cpus = opts.cpusPerTask ?? 1;
  if (!Number.isInteger(cpus) || cpus < 1) throw new CfcmlError(`--cpus-per-task must be a whole number ≥ 1, got ${cpus}`);
  const signalBefore = opts.signalBefore ?? SLURM_SIGNAL_BEFORE;
  if (!Number.isInteger(signalBefore) || signalBefore < 1) throw new CfcmlError(`--signal-before must be a whole number of seconds ≥ 1, got ${signalBefore}`);
  const slurmDir = path.join(absRoot, 'slurm');
  const lines = [
    '#!/bin/bash',
    `#SBATCH --job-name=${opts.jobName ?? `cfcml-${path.basename(absRoot)}`}`,
    `#SBATCH --array=0-${runs.length - 1}${opts.maxParallel ? `%${opts.maxParallel}` : ''}`,
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${cpus}`,
    `#SBATCH --mem=${opts.mem ?? '4G'}`,
    ...(opts.time ? [`#SBATCH --time=${opts.time}`] : []),
    ...(opts.partition ? [`#SBATCH --partition=${opts.partition}`] : []),
    '#SBATCH --requeue',
    `#SBATCH --signal=B:USR1@${signalBefore}`,
    `#SBATCH --output=${slurmDir}/out-%A_%a.txt`,
    '#SBATCH --open-mode=append',
    `#SBATCH --chdir=${absRoot}`,
    '#',
    `# Written by \`cfcml sweep --emit slurm\` for the sweep ${absRoot} (${runs.length} runs).`,
    '# Each task runs the same `cfcml train` command as `cfcml sweep --jobs N` runs locally; results go to the',
    '# shared run directories; read them with `cfcml report <sweep>`. Submit with: sbatch ' + path.join(slurmDir, 'array.sbatch'),
    '# A preempted or requeued task resumes its run from last.ckpt; near the time limit (USR1) the task stops',
    '# at a step boundary and requeues itself (docs/SLURM.md, "Preemption and time limits").',
    'set -u',
    'case "${SLURM_ARRAY_TASK_ID:?not an array task}" in',
  ];
  runs.forEach((r, k) => {
    const dir = path.resolve(absRoot, r.dir);
    lines.push(`  ${k}) dir=${shq(dir)}; cmd=(${trainCommand(absRoot, r, spec.trainArgs).map(shq).join(' ')}) ;;  # ${r.id}`);
  });
  lines.push(
    '  *) echo "no run for array task $SLURM_ARRAY_TASK_ID" >&2; exit 2 ;;',
    'esac',
    `if [ -f "$dir/${RunDirectory.FILES.metrics}" ]; then echo "already finished: $dir"; exit 0; fi`,
    'mkdir -p "$dir"',
    `rm -f "$dir/${RunDirectory.FILES.failed}"`,
    `echo "== $(date -u +%FT%TZ) slurm $SLURM_JOB_ID task $SLURM_ARRAY_TASK_ID (restart \${SLURM_RESTART_COUNT:-0}) on $(hostname): \${cmd[*]}" >> "$dir/${RunDirectory.FILES.log}"`,
    '# USR1 reaches only this shell (the time limit is near): ask the trainer to stop. TERM reaches every',
    '# process of the task, the trainer included: only note it (a second TERM would stop the trainer at once).',
    'stop=',
    'trap \'stop=USR1; kill -TERM "$pid" 2>/dev/null\' USR1',
    "trap 'stop=TERM' TERM",
    `"\${cmd[@]}" >> "$dir/${RunDirectory.FILES.log}" 2>&1 &`,
    'pid=$!',
    '# wait returns early (> 128) when a trapped signal arrives; wait again while the trainer still runs.',
    'while :; do wait "$pid"; rc=$?; if [ $rc -gt 128 ] && kill -0 "$pid" 2>/dev/null; then continue; fi; break; done',
    `tail -n 5 "$dir/${RunDirectory.FILES.log}"`,
    `if [ -n "$stop" ] && [ ! -f "$dir/${RunDirectory.FILES.metrics}" ]; then`,
    '  if [ "$stop" = USR1 ]; then',
    `    echo "== $(date -u +%FT%TZ) stopped before the time limit: requeueing task \${SLURM_ARRAY_JOB_ID}_\${SLURM_ARRAY_TASK_ID}" >> "$dir/${RunDirectory.FILES.log}"`,
    '    scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"',
    '  fi',
    '  exit $rc',
    'fi',
    `if [ $rc -ne 0 ]; then ${shq(process.execPath)} -e ${shq(FAIL_MARKER_JS)} "$dir" "$rc"; fi`,
    'exit $rc',
    '',
  );
  return { script: lines.join('\n'), runs: runs.map((r) => r.index) };
}

/** Write `<sweep>/slurm/array.sbatch` (+ `tasks.json`: array task → run); returns its path. */
export function writeSlurmArray(root: string, spec: SweepSpec, opts: SlurmOptions = {}): { file: string; tasks: number } {
  const { script, runs } = slurmArrayScript(root, spec, opts);
  const dir = path.join(path.resolve(root), 'slurm');
  const file = path.join(dir, 'array.sbatch');
  writeFileAtomic(file, script);
  writeFileAtomic(path.join(dir, 'tasks.json'), JSON.stringify(runs.map((i, k) => ({ task: k, run: i, id: spec.runs[i].id })), null, 2) + '\n');
  return { file, tasks: runs.length };
}
