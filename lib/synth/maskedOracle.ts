import * as fs from 'fs';
import * as path from 'path';
import type { CaseRecord } from '../data/types';
import { DERM7PT_COHORT_VERSION, DERM_FIELDS, derm7ptOracleRow, planDerm7pt, type Derm7ptInteraction, type Derm7ptMissingness } from './derm7ptModel';
import { oracleAucs } from './oracle';

/**
 * The oracle of a synthetic Derm7pt cohort given only the record cells a masked evaluation leaves
 * (`cfcml eval --mask-fields`): the plan is drawn again from cohort.json's settings (no pixels needed) and
 * each case's posterior marginalises every field that is blank in `cases` (generator's blanks and masks
 * alike). The masks are drawn independently of the class, so they carry no evidence of their own.
 *
 * Returns the AUC (over `cases`) of the joint and the record-only posteriors, or undefined when `root` is
 * not a synthetic Derm7pt cohort of this design version, or when its own blanks are mnar (then which blanks
 * are the generator's, and evidence, is no longer visible once cells are masked on top).
 */
export function maskedOracle(root: string, cases: readonly CaseRecord[]): { key: string; auc: number }[] | undefined {
  const file = path.join(root, 'cohort.json');
  if (!fs.existsSync(file)) return undefined;
  const c = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    dataset?: string;
    version?: string;
    seed: number;
    scale: number;
    leak: boolean;
    interaction: Derm7ptInteraction;
    missing?: Derm7ptMissingness;
  };
  if (c.dataset !== 'derm7pt' || c.version !== DERM7PT_COHORT_VERSION || c.missing?.mechanism === 'mnar') return undefined;
  const plan = new Map(planDerm7pt({ seed: c.seed, scale: c.scale, leak: c.leak, interaction: c.interaction, missingness: c.missing }).map((p) => [p.meta.case_num, p]));
  const rows = cases.map((k) => {
    const p = plan.get(k.id);
    if (!p || p.label !== k.label) return undefined;
    const missing = DERM_FIELDS.filter((f) => k.tabular[f] === null);
    return derm7ptOracleRow(p, c.interaction, c.missing, missing);
  });
  if (rows.some((r) => r === undefined)) return undefined;
  const aucs = oracleAucs(rows as NonNullable<(typeof rows)[number]>[], 2);
  const split = Object.keys(aucs)[0];
  if (Object.keys(aucs).length !== 1) return undefined;
  return ['joint', 'tabular'].map((key) => ({ key, auc: aucs[split][key] }));
}
