import type { ProblemList } from '../util/problems';
import type { DatasetSpec, Split, TabularField } from './spec';
import type { CaseRecord } from './types';
/**
 * Helpers shared by the loaders: turning one CSV cell into a validated tabular value, and the cohort
 * fingerprint. Every error names the file, the spreadsheet row, the column and the value.
 */
/** `file:row N, column 'c'` — the place a cell error points at (row as a spreadsheet shows it, header = 1). */
export declare function cellWhere(file: string, row: number, column: string): string;
/**
 * Validate one raw cell against its field: a categorical value must be one of the field's levels
 * (compared trimmed and case-insensitively, returned in the spec's spelling); a numeric one must parse to a
 * finite number. Values outside a numeric field's plausible range are pushed to `warnings`, not refused.
 */
export declare function parseTabularCell(field: TabularField, raw: string | undefined, file: string, row: number, warnings?: string[]): string | number;
/** A hash of (split, id, label) of every case, in order: checkpoints record it to detect a changed split. */
export declare function cohortFingerprint(cases: readonly CaseRecord[]): string;
/**
 * Training needs every class in the train split (a problem when one is missing); validation and test
 * without a class cannot give an AUC (a warning). Both name the class and what the split has.
 */
export declare function checkClassesPresent(spec: DatasetSpec, split: Split, counts: readonly number[], file: string, problems: ProblemList, warnings: string[]): void;
