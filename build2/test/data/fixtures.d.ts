/** A fresh temporary folder. */
export declare function tmpDir(tag: string): string;
/** One hand-written meta.csv row (the 19 columns), with the checklist filled with plain values. */
export declare function metaRow(caseNum: number, diagnosis: string, clinic: string, derm: string, over?: Record<string, string>): Record<string, string>;
/**
 * A tiny folder in the real release_v0 format, written by hand (not by the generator): 8 rows, real JPEGs
 * of assorted sizes and `.jpg`/`.JPG` names, one case with one file for both images, one BCC and one SK row.
 */
export declare function writeTinyDerm7pt(root: string): Promise<{
    rows: Record<string, string>[];
}>;
/** Rewrite one cell of meta.csv. */
export declare function editMeta(root: string, row: number, column: string, value: string): void;
