import type { Rng } from '../util/random';
import type { Split } from '../data/spec';
/**
 * What the synthetic Derm7pt cohort copies from the real release (docs/DATA.md): class counts per split,
 * the diagnoses and their frequencies, the file naming of meta.csv, and the seven-point checklist.
 */
/** Class counts per split of the real release (docs/DATA.md), NEV/MEL, and left-out rows per split. */
export declare const DERM7PT_COUNTS: Record<Split, {
    NEV: number;
    MEL: number;
    other: number;
}>;
/** One criterion of the dermoscopic seven-point checklist (Argenziano et al. 1998), as the release records it. */
export interface SevenPointCriterion {
    /** Its column in meta.csv. */
    column: string;
    /** 2 for the three major criteria, 1 for the four minor ones. */
    points: 1 | 2;
    /** Whether a recorded value is the melanoma-typical one (which scores the points). */
    melanomaTypical(value: string): boolean;
}
/** The seven-point checklist: major criteria first. A score of 3 or more suggests melanoma. */
export declare const SEVEN_POINT: readonly SevenPointCriterion[];
/** The seven-point score of one case's recorded criteria (column → value; a missing column scores 0). */
export declare function sevenPointScore(values: Record<string, string | undefined>): number;
/** The release's diagnosis of a case of this slot label (0 NEV, 1 MEL, -1 left out), by its frequency. */
export declare function drawDiagnosis(rng: Rng, label: number): string;
/** Scaled count: at least one case of each task class per split, so every split stays usable. */
export declare function scaledCount(n: number, scale: number, min?: number): number;
/** One slot per case of the release's class counts × scale (0 NEV, 1 MEL, -1 left out), split by split, unshuffled. */
export declare function derm7ptSlots(scale: number): {
    split: Split;
    label: number;
}[];
/**
 * The image file names of meta.csv row `row` (folders of 30 cases, mixed-case extensions), and whether the
 * clinic column names the dermoscopy file (the release's 9 × scale same-file rows, spread over the first rows).
 */
export declare function derm7ptFiles(row: number, scale: number): {
    caseNum: number;
    sameFile: boolean;
    derm: string;
    clinic: string;
};
/** The image file names of meta.csv row `row`; with `sameFile` the clinic column names the derm file. */
export declare function derm7ptFileNames(row: number, sameFile: boolean): {
    caseNum: number;
    sameFile: boolean;
    derm: string;
    clinic: string;
};
