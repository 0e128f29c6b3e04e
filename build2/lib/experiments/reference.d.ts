export declare const REFERENCE_DIR = "reference";
export interface ReferenceRow {
    /** e.g. 'standard joint CNN (PyTorch)'. */
    name: string;
    form: string;
    seeds: number[];
    testAuc: {
        mean: number;
        sd: number;
        values: number[];
    };
    validAuc: {
        mean: number;
        sd: number;
        values: number[];
    };
    /** The JSON file, relative to the sweep folder. */
    file: string;
}
/** The reference file of a cohort of a sweep. */
export declare function referenceFileOf(root: string, data: string): string;
/** The reference rows of one cohort of a sweep, one per form (mean ± sd over its seeds); none without a file. */
export declare function readReferenceRows(root: string, data: string): ReferenceRow[];
