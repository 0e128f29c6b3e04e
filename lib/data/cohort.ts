import * as fs from 'fs';
import * as path from 'path';
import { CfcmlError } from '../util/errors';
import { DATASETS } from './datasets';
import { isDerm7ptLayout, loadDerm7pt } from './derm7pt';
import { isMenLayout, loadMen } from './men';
import type { Cohort } from './types';

/**
 * Read a cohort folder of either layout. The layout (and so the dataset) is recognised from the files when
 * `dataset` is not given: `meta/meta.csv` → derm7pt; `train/<class>/...` → men.
 */
export interface LoadCohortOptions {
  /** `derm7pt` or `men`; autodetected from the layout if absent. */
  dataset?: string;
  /** MEN only: the clinical CSV (default: found in the folder). */
  clinical?: string;
}

/** Which dataset a folder holds, judging by its layout; undefined if neither. */
export function detectDataset(root: string): string | undefined {
  if (isDerm7ptLayout(root)) return 'derm7pt';
  if (isMenLayout(root)) return 'men';
  return undefined;
}

export async function loadCohort(root: string, opts: LoadCohortOptions = {}): Promise<Cohort> {
  if (!fs.existsSync(root)) throw new CfcmlError('data folder not found', { where: root, hint: 'make one with `cfcml synth derm7pt --out <dir>`' });
  // A Derm7pt download often unpacks to <dir>/release_v0; accept the parent too.
  if (!opts.dataset && !detectDataset(root) && isDerm7ptLayout(path.join(root, 'release_v0'))) root = path.join(root, 'release_v0');
  const name = (opts.dataset ?? detectDataset(root))?.toLowerCase();
  if (!name) {
    throw new CfcmlError('cannot tell the dataset from the layout (no meta/meta.csv, no train/<class>/ folders)', {
      where: root,
      hint: `pass the dataset explicitly (${Object.keys(DATASETS).join(', ')})`,
    });
  }
  switch (name) {
    case 'derm7pt':
      return loadDerm7pt(root);
    case 'men':
      return loadMen(root, { clinical: opts.clinical });
    default:
      throw new CfcmlError(`unknown dataset '${name}'; known: ${Object.keys(DATASETS).join(', ')}`);
  }
}
