/**
 * One budget per sweep: every run of a cohort × preset group must have been trained with the same resolved
 * settings (the preset with the sweep's options applied: epochs, early stopping, lr, model …). A finished run
 * is never retrained, so a preset changed between two invocations of `cfcml sweep` would otherwise leave a
 * table that silently mixes two budgets. The runner and the report refuse such a mix, naming the runs and
 * the fields that differ.
 */
import * as path from 'path';
import type { TrainPreset } from '../data/spec';
import { RunDirectory, type RunOptionsFile } from '../run/runDirectory';
import { CfcmlError } from '../util/errors';
import type { SweepRun } from './sweep';

function flatten(x: unknown, prefix: string, out: Map<string, string>): void {
  if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, JSON.stringify(x));
}

/** The settings that differ between two runs, as `field (a vs b)`; empty when they agree. */
export function settingDifferences(a: TrainPreset, b: TrainPreset): string[] {
  const fa = new Map<string, string>();
  const fb = new Map<string, string>();
  flatten(a, '', fa);
  flatten(b, '', fb);
  const keys = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return keys.filter((k) => fa.get(k) !== fb.get(k)).map((k) => `${k} (${fa.get(k) ?? 'absent'} vs ${fb.get(k) ?? 'absent'})`);
}

/** What a finished run was trained with: its resolved settings and, when recorded, its numerics fingerprint. */
export interface RunSettings {
  id: string;
  group: string;
  train: TrainPreset;
  /** lib/run/numerics.ts; absent in runs trained before it was recorded (then not compared). */
  numerics?: string;
}

/**
 * Throw if the runs of one group were trained with different settings, or with different arithmetic (numerics
 * fingerprints, compared where both runs recorded one): the message names the first run that differs from the
 * group's first run, and the fields.
 */
export function checkOneBudget(runs: readonly RunSettings[], where: string): void {
  const first = new Map<string, RunSettings>();
  const firstWithNumerics = new Map<string, RunSettings>();
  const refuse = (r: RunSettings, ref: RunSettings, diff: string[]) => {
    throw new CfcmlError(
      `runs of one sweep were trained with different settings: ${r.id} differs from ${ref.id} in ${diff.join(', ')}. ` +
        'A sweep compares variants under one budget; sweep into a new --out, or move the runs trained with the old settings away',
      { where },
    );
  };
  for (const r of runs) {
    const ref = first.get(r.group);
    if (!ref) first.set(r.group, r);
    else {
      const diff = settingDifferences(r.train, ref.train);
      if (diff.length) refuse(r, ref, diff);
    }
    if (r.numerics === undefined) continue;
    const nref = firstWithNumerics.get(r.group);
    if (!nref) firstWithNumerics.set(r.group, r);
    else if (nref.numerics !== r.numerics) {
      refuse(r, nref, [`numerics (${r.numerics} vs ${nref.numerics}: another backend, tfjs version or kernel code, so the same seed gives other numbers)`]);
    }
  }
}

/** A run's settings as its options.json records them. */
export function runSettings(run: SweepRun, o: RunOptionsFile): RunSettings {
  return { id: run.id, group: run.group, train: o.train, ...(o.numerics === undefined ? {} : { numerics: o.numerics }) };
}

/** The finished runs of a sweep with their resolved settings (options.json). */
export function finishedRunSettings(root: string, runs: readonly SweepRun[]): RunSettings[] {
  const out: RunSettings[] = [];
  for (const run of runs) {
    const dir = new RunDirectory(path.resolve(root, run.dir));
    if (dir.state() !== 'done') continue;
    out.push(runSettings(run, dir.readOptions()));
  }
  return out;
}
