import { ProblemList } from '../util/problems';
import type { DatasetSpec, Split } from './spec';
import type { Cohort } from './types';
/**
 * Loader for the MEN-style layout (docs/DATA.md):
 * `<root>/{train,val,test}/<class>/<patient>/<modality file>` plus one clinical CSV with a row per patient
 * (its id first, then the spec's tabular columns). Volumes are not read here (see `ImageCache`); only their
 * presence is checked.
 */
/** Folder name(s) accepted for each split. */
export declare const MEN_SPLIT_DIRS: Record<Split, readonly string[]>;
export interface MenLoadOptions {
    spec?: DatasetSpec;
    /** The clinical CSV; default: `clinical.csv` in `root`, else the only `.csv` file there. */
    clinical?: string;
    /** Collect problems here and return the sound cases, instead of throwing them all at once (the default). */
    problems?: ProblemList;
}
/** True when `root` looks like a MEN-style folder (a train split folder holding class folders). */
export declare function isMenLayout(root: string, spec?: DatasetSpec): boolean;
/**
 * Read a MEN-style folder. Every problem of the folder is found in one pass; unless `opts.problems` is
 * given, they are thrown together as one `CfcmlProblemsError`.
 */
export declare function loadMen(root: string, opts?: MenLoadOptions): Promise<Cohort>;
