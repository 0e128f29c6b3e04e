/**
 * Reference rows of a report: networks trained outside cfcml's harness on the same cohort and splits
 * (scripts/reference/standard_recipe.py, a textbook PyTorch fusion recipe), so a reader sees whether CFCML
 * is above, level with or below plain deep fusion, not only above or below its own ablations. The script's
 * JSON lies in `<sweep>/reference/<cohort folder name>.json`; `cfcml archive` keeps it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CfcmlError } from '../util/errors';
import { mean, sd } from './stats';

export const REFERENCE_DIR = 'reference';

export interface ReferenceRow {
  /** e.g. 'standard joint CNN (PyTorch)'. */
  name: string;
  form: string;
  seeds: number[];
  testAuc: { mean: number; sd: number; values: number[] };
  validAuc: { mean: number; sd: number; values: number[] };
  /** The JSON file, relative to the sweep folder. */
  file: string;
}

interface RecipeRun {
  form: string;
  seed: number;
  test_auc: number;
  valid_auc: number;
}

const FORM_NAMES: Record<string, string> = {
  joint: 'standard joint CNN (PyTorch)',
  late: 'standard late-fusion CNN (PyTorch)',
};

/** The reference file of a cohort of a sweep. */
export function referenceFileOf(root: string, data: string): string {
  return path.join(path.resolve(root), REFERENCE_DIR, `${path.basename(path.resolve(data))}.json`);
}

/** The reference rows of one cohort of a sweep, one per form (mean ± sd over its seeds); none without a file. */
export function readReferenceRows(root: string, data: string): ReferenceRow[] {
  const file = referenceFileOf(root, data);
  if (!fs.existsSync(file)) return [];
  let doc: { runs?: unknown };
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { runs?: unknown };
  } catch (e) {
    throw new CfcmlError(`not valid JSON: ${(e as Error).message}`, { where: file });
  }
  if (!Array.isArray(doc.runs)) throw new CfcmlError('expected { runs: [...] } as scripts/reference/standard_recipe.py writes it', { where: file });
  const runs = doc.runs as RecipeRun[];
  runs.forEach((r, i) => {
    if (typeof r.form !== 'string' || !Number.isInteger(r.seed) || typeof r.test_auc !== 'number' || typeof r.valid_auc !== 'number') {
      throw new CfcmlError(`run ${i}: needs form, an integer seed, test_auc and valid_auc`, { where: file });
    }
  });
  const forms = [...new Set(runs.map((r) => r.form))];
  return forms.map((form) => {
    const own = runs.filter((r) => r.form === form).sort((a, b) => a.seed - b.seed);
    const t = own.map((r) => r.test_auc);
    const v = own.map((r) => r.valid_auc);
    return {
      name: FORM_NAMES[form] ?? `standard ${form} (PyTorch)`,
      form,
      seeds: own.map((r) => r.seed),
      testAuc: { mean: mean(t), sd: sd(t), values: t },
      validAuc: { mean: mean(v), sd: sd(v), values: v },
      file: path.relative(path.resolve(root), file),
    };
  });
}
