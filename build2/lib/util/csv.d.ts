import type { ProblemList } from './problems';
/**
 * A small RFC 4180 CSV reader/writer (quoted fields, embedded commas, quotes and newlines, CRLF).
 * Rows come back as objects keyed by the header; `rowNumber` in errors is 1-based and counts the header
 * as row 1, as a spreadsheet shows it.
 */
export interface CsvTable {
    header: string[];
    rows: Record<string, string>[];
}
export interface ParseCsvOptions {
    /**
     * Collect rows whose field count differs from the header's here (kept, padded with '' or cut, so that
     * row numbers stay right) instead of throwing at the first.
     */
    problems?: ProblemList;
}
/** Parse CSV text: a UTF-8 BOM is skipped, CRLF/CR/LF all end a record, quoted fields may hold commas and newlines. */
export declare function parseCsv(text: string, file?: string, opts?: ParseCsvOptions): CsvTable;
/**
 * Require that every named column is in the header; the error lists what is missing, what looks like a
 * renamed column (a close header name that is not itself required), and what the header has.
 */
export declare function requireColumns(table: CsvTable, columns: readonly string[], file: string): void;
/** Format rows as CSV text with the given header order. */
export declare function formatCsv(header: readonly string[], rows: readonly (Record<string, unknown> | unknown[])[]): string;
