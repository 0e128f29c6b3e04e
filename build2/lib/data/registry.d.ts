import type { ProblemList } from '../util/problems';
import { isDerm7ptLayout } from './derm7pt';
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
export declare const DATASET_REGISTRY: {
    derm7pt: {
        spec: DatasetSpec;
        layout: string;
        detect: typeof isDerm7ptLayout;
        nestedIn: string[];
        load: (root: string, opts: DatasetLoadOptions) => Promise<Cohort>;
    };
    men: {
        spec: DatasetSpec;
        layout: string;
        detect: (root: string) => boolean;
        load: (root: string, opts: DatasetLoadOptions) => Promise<Cohort>;
    };
};
export type DatasetKey = keyof typeof DATASET_REGISTRY;
/** The registry's keys, in detection order (`--dataset` choices). */
export declare const DATASET_KEYS: ("derm7pt" | "men")[];
export declare function isDatasetKey(name: string): name is DatasetKey;
/** A dataset's registry entry by key (case-insensitive); the error lists the known keys. */
export declare function getDataset(name: string): DatasetEntry;
/** Which dataset a folder holds, judging by its layout (first match in registry order); undefined if none. */
export declare function detectDataset(root: string): DatasetKey | undefined;
/** Every dataset's spec by key. */
export declare const DATASETS: Readonly<Record<DatasetKey, DatasetSpec>>;
/** Look a dataset's spec up by key; the error lists the known keys. */
export declare function getDatasetSpec(name: string): DatasetSpec;
