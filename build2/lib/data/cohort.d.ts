import { detectDataset, type DatasetLoadOptions } from './registry';
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
export declare function loadCohort(root: string, opts?: LoadCohortOptions): Promise<Cohort>;
