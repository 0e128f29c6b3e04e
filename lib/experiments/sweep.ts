/**
 * A sweep as data: the grid (cohorts × presets × named settings × variants × training seeds), one run
 * directory per cell, the same `cfcml train` options for every run of a group (same budget), recorded in
 * `<sweep>/sweep.json` so that `cfcml sweep` (again), the SLURM array and `cfcml report` all find the same
 * runs. A named setting is a `--set` of preset fields (a tuning candidate): each is a group of its own, so
 * the report compares variants within a setting and never mixes two settings in one table.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PRESET_NAMES } from '../data/spec';
import { VARIANTS } from '../model/types';
import { parsePresetOverrides } from '../train/config';
import { CfcmlError } from '../util/errors';
import { writeJsonAtomic } from '../util/fs';

export const SWEEP_FILE = 'sweep.json';

/** One cell of the grid. `dir` is relative to the sweep folder (the sweep can be moved as a whole). */
export interface SweepRun {
  index: number;
  /** `<group>/<variant>/seed<k>` or `<variant>/seed<k>`. */
  id: string;
  /** Cohort × preset × setting label; '' when the sweep has one cohort, one preset and no settings. */
  group: string;
  data: string;
  preset: string;
  variant: string;
  seed: number;
  dir: string;
  /** The named setting of this run and its `--set` text (absent in a sweep without settings). */
  setting?: string;
  set?: string;
}

/** A named set of preset overrides (`cfcml train --set` syntax), optionally for some variants only. */
export interface SweepSetting {
  name: string;
  set: string;
  /** The variants this setting trains (default: the sweep's). */
  variants?: string[];
}

/** The axes of a grid. */
export interface SweepGrid {
  data: string[];
  presets: string[];
  variants: string[];
  seeds: number[];
  /** Named settings; absent or empty: one group per cohort × preset, as without the axis. */
  settings?: SweepSetting[];
}

export interface SweepSpec {
  version: 1;
  /** Absolute cohort folders. */
  data: string[];
  presets: string[];
  variants: string[];
  seeds: number[];
  /** Named settings, each a group of its own (absent in a sweep without them). */
  settings?: SweepSetting[];
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

const SETTING_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Parse a `--set` text found in `where` (a file), naming `what` (a key or a setting) when it is wrong. */
export function overridesOf(text: string, what: string, where: string): ReturnType<typeof parsePresetOverrides> {
  try {
    return parsePresetOverrides(text);
  } catch (e) {
    throw new CfcmlError(`${what}: ${(e as Error).message}`, { where });
  }
}

/**
 * Check named settings: a name usable as a folder name, given once; a `--set` text that parses (unknown
 * fields and bad values are named before any run starts); variants known. Returns them with `variants`
 * parsed (the `variants` of a JSON file may be a comma list or an array).
 */
export function checkSettings(settings: readonly { name: string; set: string; variants?: string[] | string }[], where = 'settings'): SweepSetting[] {
  const seen = new Set<string>();
  return settings.map((st, i) => {
    if (st === null || typeof st !== 'object') throw new CfcmlError(`setting ${i}: expected { "name": …, "set": … }, got ${JSON.stringify(st)}`, { where });
    if (typeof st.name !== 'string' || !SETTING_NAME.test(st.name)) {
      throw new CfcmlError(`setting ${i}: name ${JSON.stringify(st.name)} must be letters, digits, '.', '_' or '-' (it names a folder)`, { where });
    }
    if (seen.has(st.name)) throw new CfcmlError(`setting '${st.name}' is given twice`, { where });
    seen.add(st.name);
    if (typeof st.set !== 'string') throw new CfcmlError(`setting '${st.name}': set must be a text like "lr=1e-3,epochs=40"`, { where });
    overridesOf(st.set, `setting '${st.name}'`, where);
    if (st.variants === undefined) return { name: st.name, set: st.set };
    const variants = parseVariants(Array.isArray(st.variants) ? st.variants.join(',') : st.variants);
    return { name: st.name, set: st.set, variants };
  });
}

/** Short distinct labels for cohort folders (basename, numbered when two share one). */
function cohortLabels(data: string[]): string[] {
  const base = data.map((d) => path.basename(d).replace(/[^A-Za-z0-9._-]/g, '_') || 'data');
  return base.map((b, i) => (base.filter((x) => x === b).length > 1 ? `${b}${i + 1}` : b));
}

/**
 * Expand the grid into runs, in a fixed order: cohort, preset, setting, variant, seed. A run's group joins
 * the labels of the axes with several values (cohort, preset) and the setting's name.
 */
export function expandGrid(g: SweepGrid): SweepRun[] {
  const labels = cohortLabels(g.data);
  const settings: (SweepSetting | null)[] = g.settings?.length ? g.settings : [null];
  const runs: SweepRun[] = [];
  g.data.forEach((data, di) => {
    for (const preset of g.presets) {
      for (const st of settings) {
        const group = [g.data.length > 1 ? labels[di] : '', g.presets.length > 1 ? preset : '', st?.name ?? ''].filter(Boolean).join('_');
        for (const variant of st?.variants ?? g.variants) {
          for (const seed of g.seeds) {
            const id = [group, variant, `seed${seed}`].filter(Boolean).join('/');
            const run: SweepRun = { index: runs.length, id, group, data, preset, variant, seed, dir: path.join('runs', id) };
            if (st) Object.assign(run, { setting: st.name, set: st.set });
            runs.push(run);
          }
        }
      }
    }
  });
  return runs;
}

/**
 * Create or extend a sweep: a grid given again over an existing sweep folder adds its new cohorts,
 * presets, settings, variants and seeds (the union; runs already there keep their directories). The train
 * arguments must be the same as before, and a setting given again must have the same overrides: every
 * run of a group gets the same budget.
 */
export function createSweep(root: string, grid: SweepGrid & { trainArgs: string[] }): SweepSpec {
  const data = grid.data.map((d) => path.resolve(d));
  for (const d of data) {
    if (!fs.existsSync(d)) throw new CfcmlError('cohort folder not found', { where: d, hint: 'make one with `cfcml synth derm7pt --out <dir>`' });
  }
  let g: SweepGrid = { data, presets: grid.presets, variants: grid.variants, seeds: grid.seeds, settings: checkSettings(grid.settings ?? []) };
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
    if (!old.settings?.length && g.settings?.length && old.runs.length > 0) {
      throw new CfcmlError('this sweep has runs without named settings; settings cannot be added to it', { where: file, hint: 'sweep the settings into a new --out' });
    }
    const settings = [...(old.settings ?? [])];
    for (const st of g.settings ?? []) {
      const before = settings.find((o) => o.name === st.name);
      if (!before) settings.push(st);
      else if (JSON.stringify(before) !== JSON.stringify(st)) {
        throw new CfcmlError(`setting '${st.name}' was ${JSON.stringify(before)} in this sweep, now ${JSON.stringify(st)}; every run of a setting gets the same budget`, {
          where: file,
          hint: 'give the changed setting another name',
        });
      }
    }
    g = {
      data: union(old.data, data),
      presets: union(old.presets, g.presets),
      variants: union(old.variants, g.variants),
      seeds: union(old.seeds, g.seeds).sort((x, y) => x - y),
      settings,
    };
  }
  const { settings, ...axes } = g;
  const spec: SweepSpec = { version: 1, ...axes, ...(settings?.length ? { settings } : {}), trainArgs: [...grid.trainArgs], runs: expandGrid(g) };
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
 * The train arguments of one run: the sweep's, with the run's setting appended to their `--set` (a field
 * in both takes the setting's value) or added as one.
 */
export function runTrainArgs(run: Pick<SweepRun, 'set'>, trainArgs: readonly string[]): string[] {
  if (!run.set) return [...trainArgs];
  const at = trainArgs.indexOf('--set');
  if (at < 0) return [...trainArgs, '--set', run.set];
  const out = [...trainArgs];
  out[at + 1] = `${out[at + 1]},${run.set}`;
  return out;
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
    ...runTrainArgs(run, trainArgs),
  ];
}
