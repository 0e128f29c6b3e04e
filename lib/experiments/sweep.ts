/**
 * A sweep as data: the grid (cohorts × presets × variants × training seeds), one run directory per cell,
 * the same `cfcml train` options for every run (same budget), recorded in `<sweep>/sweep.json` so that
 * `cfcml sweep` (again), the SLURM array and `cfcml report` all find the same runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PRESET_NAMES } from '../data/spec';
import { VARIANTS } from '../model/types';
import { CfcmlError } from '../util/errors';
import { writeJsonAtomic } from '../util/fs';

export const SWEEP_FILE = 'sweep.json';

/** One cell of the grid. `dir` is relative to the sweep folder (the sweep can be moved as a whole). */
export interface SweepRun {
  index: number;
  /** `<group>/<variant>/seed<k>` or `<variant>/seed<k>`. */
  id: string;
  /** Cohort × preset label; '' when the sweep has one cohort and one preset. */
  group: string;
  data: string;
  preset: string;
  variant: string;
  seed: number;
  dir: string;
}

export interface SweepSpec {
  version: 1;
  /** Absolute cohort folders. */
  data: string[];
  presets: string[];
  variants: string[];
  seeds: number[];
  /** Extra `cfcml train` arguments applied to every run (the shared budget: --epochs, --image-size, …). */
  trainArgs: string[];
  runs: SweepRun[];
}

/** `1-5`, `1,2,3`, `1-3,7` → sorted distinct integers. */
export function parseSeeds(text: string): number[] {
  const out = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(-?\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new CfcmlError(`--seeds: '${part}' is not a seed or a range like 1-5`, { where: '--seeds' });
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) throw new CfcmlError(`--seeds: range '${part}' ends before it starts`);
    if (b - a > 10000) throw new CfcmlError(`--seeds: range '${part}' is too long`);
    for (let s = a; s <= b; s++) out.add(s);
  }
  if (out.size === 0) throw new CfcmlError('--seeds: no seeds given');
  return [...out].sort((x, y) => x - y);
}

/** Comma list of variants (`all` = every variant), checked against the known ones; order kept, `full` first. */
export function parseVariants(text: string): string[] {
  const list = text.trim() === 'all' ? [...VARIANTS] : text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const v of list) {
    if (!(VARIANTS as readonly string[]).includes(v)) throw new CfcmlError(`--variants: unknown variant '${v}'; known: ${VARIANTS.join(', ')}`);
  }
  const uniq = [...new Set(list)];
  if (uniq.length === 0) throw new CfcmlError('--variants: no variant given');
  return uniq.includes('full') ? ['full', ...uniq.filter((v) => v !== 'full')] : uniq;
}

export function parsePresets(text: string): string[] {
  const list = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  for (const p of list) if (!(PRESET_NAMES as readonly string[]).includes(p)) throw new CfcmlError(`--preset: unknown preset '${p}'; known: ${PRESET_NAMES.join(', ')}`);
  if (list.length === 0) throw new CfcmlError('--preset: no preset given');
  return list;
}

/** Short distinct labels for cohort folders (basename, numbered when two share one). */
function cohortLabels(data: string[]): string[] {
  const base = data.map((d) => path.basename(d).replace(/[^A-Za-z0-9._-]/g, '_') || 'data');
  return base.map((b, i) => (base.filter((x) => x === b).length > 1 ? `${b}${i + 1}` : b));
}

/** Expand the grid into runs, in a fixed order: cohort, preset, variant, seed. */
export function expandGrid(g: { data: string[]; presets: string[]; variants: string[]; seeds: number[] }): SweepRun[] {
  const labels = cohortLabels(g.data);
  const runs: SweepRun[] = [];
  g.data.forEach((data, di) => {
    for (const preset of g.presets) {
      const group = [g.data.length > 1 ? labels[di] : '', g.presets.length > 1 ? preset : ''].filter(Boolean).join('_');
      for (const variant of g.variants) {
        for (const seed of g.seeds) {
          const id = [group, variant, `seed${seed}`].filter(Boolean).join('/');
          runs.push({ index: runs.length, id, group, data, preset, variant, seed, dir: path.join('runs', id) });
        }
      }
    }
  });
  return runs;
}

/**
 * Create or extend a sweep: a grid given again over an existing sweep folder adds its new cohorts,
 * presets, variants and seeds (the union; runs already there keep their directories). The train
 * arguments must be the same as before: every run of a sweep gets the same budget.
 */
export function createSweep(root: string, grid: { data: string[]; presets: string[]; variants: string[]; seeds: number[]; trainArgs: string[] }): SweepSpec {
  const data = grid.data.map((d) => path.resolve(d));
  for (const d of data) {
    if (!fs.existsSync(d)) throw new CfcmlError('cohort folder not found', { where: d, hint: 'make one with `cfcml synth derm7pt --out <dir>`' });
  }
  let g = { data, presets: grid.presets, variants: grid.variants, seeds: grid.seeds };
  const file = path.join(root, SWEEP_FILE);
  if (fs.existsSync(file)) {
    const old = readSweep(root);
    if (JSON.stringify(old.trainArgs) !== JSON.stringify(grid.trainArgs)) {
      throw new CfcmlError(
        `this sweep was started with train arguments [${old.trainArgs.join(' ')}], now [${grid.trainArgs.join(' ')}]; every run of a sweep gets the same budget`,
        { where: file, hint: 'use another --out for a different budget' },
      );
    }
    const union = <T>(a: T[], b: T[]) => [...a, ...b.filter((x) => !a.includes(x))];
    g = {
      data: union(old.data, data),
      presets: union(old.presets, g.presets),
      variants: union(old.variants, g.variants),
      seeds: union(old.seeds, g.seeds).sort((x, y) => x - y),
    };
  }
  const spec: SweepSpec = { version: 1, ...g, trainArgs: [...grid.trainArgs], runs: expandGrid(g) };
  writeJsonAtomic(file, spec);
  return spec;
}

/** Read `<root>/sweep.json`, checking its shape. */
export function readSweep(root: string): SweepSpec {
  const file = path.join(root, SWEEP_FILE);
  if (!fs.existsSync(file)) throw new CfcmlError(`no ${SWEEP_FILE} here: not a sweep folder`, { where: root, hint: 'create one with `cfcml sweep --data … --out <dir>`' });
  let s: SweepSpec;
  try {
    s = JSON.parse(fs.readFileSync(file, 'utf8')) as SweepSpec;
  } catch (e) {
    throw new CfcmlError(`not valid JSON: ${(e as Error).message}`, { where: file });
  }
  if (s.version !== 1 || !Array.isArray(s.runs) || !Array.isArray(s.trainArgs)) throw new CfcmlError('not a version-1 sweep file (runs, trainArgs)', { where: file });
  s.runs.forEach((r, i) => {
    if (typeof r.dir !== 'string' || typeof r.variant !== 'string' || !Number.isInteger(r.seed)) {
      throw new CfcmlError(`run ${i}: needs dir, variant and an integer seed`, { where: file });
    }
  });
  return s;
}

/** Absolute path of the CLI entry point next to this module (dist/bin/cfcml.js or build/bin/cfcml.js). */
export function cliPath(): string {
  return process.env.CFCML_CLI ? path.resolve(process.env.CFCML_CLI) : path.resolve(__dirname, '../../bin/cfcml.js');
}

/**
 * The exact command of one run: `node <abs cli> train --data <abs> … --out <abs run dir> --resume …`.
 * `--resume` continues an interrupted run from its last.ckpt and starts a fresh one when there is none.
 */
export function trainCommand(root: string, run: SweepRun, trainArgs: readonly string[]): string[] {
  return [
    process.execPath,
    cliPath(),
    'train',
    '--data',
    run.data,
    '--preset',
    run.preset,
    '--variant',
    run.variant,
    '--seed',
    String(run.seed),
    '--out',
    path.resolve(root, run.dir),
    '--progress',
    'line',
    '--resume',
    ...trainArgs,
  ];
}
