import { CfcmlError } from '../util/errors';
import type { ProblemList } from '../util/problems';
import { DERM7PT, MEN } from './datasets';
import { isDerm7ptLayout, loadDerm7pt } from './derm7pt';
import { isMenLayout, loadMen } from './men';
import type { DatasetSpec } from './spec';
import type { Cohort } from './types';

/** Options every loader accepts (a loader ignores what does not apply to its layout). */
export interface DatasetLoadOptions {
  /** MEN layout: the clinical CSV (default: found in the folder). */
  clinical?: string;
  /** Collect the folder's problems here (and get back its sound cases) instead of one error listing them all. */
  problems?: ProblemList;
}

/**
 * One dataset, as data (docs/DATA.md, "Adding a dataset"): what it is (`spec`), how to recognise its folder
 * layout and how to read it. A synthetic generator in the same layout is listed in lib/synth/registry.ts.
 */
export interface DatasetEntry {
  spec: DatasetSpec;
  /** The layout in a few words, for error messages: `meta/meta.csv` etc. */
  layout: string;
  /** Whether `root` holds this dataset's layout. */
  detect(root: string): boolean;
  /** Sub-folders where the layout may sit instead (a download that unpacks to `<dir>/release_v0`). */
  nestedIn?: readonly string[];
  load(root: string, opts: DatasetLoadOptions): Promise<Cohort>;
}

/**
 * Every dataset the code knows, by key (the key is the `--dataset` value and `spec.name`). Loaders, the
 * layout detection and the CLI's choice lists read this table; nothing else names a dataset.
 */
export const DATASET_REGISTRY = {
  derm7pt: {
    spec: DERM7PT,
    layout: 'meta/meta.csv, meta/{train,valid,test}_indexes.csv, images/',
    detect: isDerm7ptLayout,
    nestedIn: ['release_v0'],
    load: (root, opts) => loadDerm7pt(root, { problems: opts.problems }),
  },
  men: {
    spec: MEN,
    layout: 'train|val|test/<class>/<patient>/<sequence>.nii.gz + a clinical CSV',
    detect: (root) => isMenLayout(root),
    load: (root, opts) => loadMen(root, { clinical: opts.clinical, problems: opts.problems }),
  },
} satisfies Record<string, DatasetEntry>;

export type DatasetKey = keyof typeof DATASET_REGISTRY;

/** The registry's keys, in detection order (`--dataset` choices). */
export const DATASET_KEYS = Object.keys(DATASET_REGISTRY) as DatasetKey[];

export function isDatasetKey(name: string): name is DatasetKey {
  return Object.prototype.hasOwnProperty.call(DATASET_REGISTRY, name);
}

/** A dataset's registry entry by key (case-insensitive); the error lists the known keys. */
export function getDataset(name: string): DatasetEntry {
  const key = name.toLowerCase();
  if (!isDatasetKey(key)) throw new CfcmlError(`unknown dataset '${name}'; known: ${DATASET_KEYS.join(', ')}`);
  return DATASET_REGISTRY[key];
}

/** Which dataset a folder holds, judging by its layout (first match in registry order); undefined if none. */
export function detectDataset(root: string): DatasetKey | undefined {
  return DATASET_KEYS.find((k) => DATASET_REGISTRY[k].detect(root));
}

/** Every dataset's spec by key. */
export const DATASETS: Readonly<Record<DatasetKey, DatasetSpec>> = Object.fromEntries(DATASET_KEYS.map((k) => [k, DATASET_REGISTRY[k].spec])) as Record<
  DatasetKey,
  DatasetSpec
>;

/** Look a dataset's spec up by key; the error lists the known keys. */
export function getDatasetSpec(name: string): DatasetSpec {
  return getDataset(name).spec;
}
