import * as fs from 'fs';
import * as path from 'path';
import { CfcmlError } from '../util/errors';
import { DATASET_KEYS, DATASET_REGISTRY, detectDataset, getDataset, type DatasetEntry, type DatasetLoadOptions } from './registry';
import type { Cohort } from './types';

export { detectDataset };

/**
 * Read a cohort folder of any registered layout (lib/data/registry.ts). The layout (and so the dataset) is
 * recognised from the files when `dataset` is not given.
 */
export interface LoadCohortOptions extends DatasetLoadOptions {
  /** A registry key (`derm7pt`, `men`); autodetected from the layout if absent. */
  dataset?: string;
}

export async function loadCohort(root: string, opts: LoadCohortOptions = {}): Promise<Cohort> {
  if (!fs.existsSync(root)) throw new CfcmlError('data folder not found', { where: root, hint: 'make one with `cfcml synth derm7pt --out <dir>`' });
  let name: string | undefined = opts.dataset ?? detectDataset(root);
  if (!name) {
    // A download often unpacks one level down (Derm7pt: <dir>/release_v0); accept the parent too.
    for (const key of DATASET_KEYS) {
      const entry: DatasetEntry = DATASET_REGISTRY[key];
      const sub = entry.nestedIn?.map((d) => path.join(root, d)).find((d) => entry.detect(d));
      if (sub) {
        root = sub;
        name = key;
        break;
      }
    }
  }
  if (!name) {
    throw new CfcmlError(`cannot tell the dataset from the layout (${DATASET_KEYS.map((k) => `${k}: ${DATASET_REGISTRY[k].layout}`).join('; ')})`, {
      where: root,
      hint: `pass the dataset explicitly (${DATASET_KEYS.join(', ')})`,
    });
  }
  return getDataset(name).load(root, { clinical: opts.clinical, problems: opts.problems });
}
