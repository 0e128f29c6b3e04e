/**
 * A sweep written as a JSON file (`cfcml sweep --config <file>`), so that a tuning grid is data, not a
 * script: the grid's axes, the shared `--set`, and named settings, each a set of preset overrides that
 * becomes a group of its own. Options given on the command line win over the file's.
 *
 *   {
 *     "about": "what the grid is for",
 *     "data": "data/synthetic/derm7pt",
 *     "out": "runs/tune",
 *     "variants": "full",
 *     "seeds": "101-103",
 *     "preset": "cpu",
 *     "set": "epochs=30,patience=10",
 *     "settings": [
 *       { "name": "base", "set": "model.tokenNorm=false" },
 *       { "name": "norm", "set": "model.tokenNorm=true", "variants": "full,late-fusion" }
 *     ],
 *     "jobs": 2,
 *     "test": false
 *   }
 *
 * Paths are as on the command line (relative to the working folder). `about` and `note` are for people.
 */
import * as fs from 'fs';
import { CfcmlError } from '../util/errors';
import { checkSettings, overridesOf, type SweepSetting } from './sweep';

export interface SweepConfig {
  data?: string[];
  out?: string;
  variants?: string;
  seeds?: string;
  preset?: string;
  set?: string;
  settings?: SweepSetting[];
  jobs?: number;
  /** false: every run is trained with `--no-test` (tuning grids never evaluate the test split). */
  test?: boolean;
}

const KEYS = ['about', 'note', 'data', 'out', 'variants', 'seeds', 'preset', 'set', 'settings', 'jobs', 'test'];

/** A comma list given as text or as an array of texts/numbers. */
function list(x: unknown, key: string, file: string): string {
  if (typeof x === 'string') return x;
  if (Array.isArray(x) && x.every((v) => typeof v === 'string' || typeof v === 'number')) return x.join(',');
  throw new CfcmlError(`"${key}" must be a text or an array, got ${JSON.stringify(x)}`, { where: file });
}

/** Read and check a sweep file; every problem names the file and the key. */
export function readSweepConfig(file: string): SweepConfig {
  if (!fs.existsSync(file)) throw new CfcmlError('sweep file not found', { where: file });
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CfcmlError(`not valid JSON: ${(e as Error).message}`, { where: file });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new CfcmlError('a sweep file is a JSON object', { where: file });
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KEYS.includes(k)) throw new CfcmlError(`unknown key "${k}"; known: ${KEYS.join(', ')}`, { where: file });
  const cfg: SweepConfig = {};
  if (o.data !== undefined) cfg.data = list(o.data, 'data', file).split(',').map((s) => s.trim()).filter(Boolean);
  if (o.out !== undefined) {
    if (typeof o.out !== 'string') throw new CfcmlError('"out" must be a folder path', { where: file });
    cfg.out = o.out;
  }
  if (o.test !== undefined) {
    if (typeof o.test !== 'boolean') throw new CfcmlError(`"test" must be true or false, got ${JSON.stringify(o.test)}`, { where: file });
    cfg.test = o.test;
  }
  if (o.variants !== undefined) cfg.variants = list(o.variants, 'variants', file);
  if (o.seeds !== undefined) cfg.seeds = list(o.seeds, 'seeds', file);
  if (o.preset !== undefined) cfg.preset = list(o.preset, 'preset', file);
  if (o.set !== undefined) {
    if (typeof o.set !== 'string') throw new CfcmlError('"set" must be a text like "epochs=40,patience=15"', { where: file });
    overridesOf(o.set, '"set"', file);
    cfg.set = o.set;
  }
  if (o.settings !== undefined) {
    // An array of { name, set, variants? }, or the short form { "<name>": "<set>", … }.
    const entries = Array.isArray(o.settings)
      ? (o.settings as { name: string; set: string; variants?: string[] | string }[])
      : o.settings !== null && typeof o.settings === 'object'
        ? Object.entries(o.settings as Record<string, string>).map(([name, set]) => ({ name, set }))
        : null;
    if (!entries) throw new CfcmlError('"settings" must be an array of { name, set, variants? } or an object of name: set', { where: file });
    cfg.settings = checkSettings(entries, file);
  }
  if (o.jobs !== undefined) {
    if (!Number.isInteger(o.jobs) || (o.jobs as number) < 1) throw new CfcmlError(`"jobs" must be a whole number ≥ 1, got ${JSON.stringify(o.jobs)}`, { where: file });
    cfg.jobs = o.jobs as number;
  }
  return cfg;
}
