/**
 * Tables for notebooks: an array of row objects (or anything with `toJSON()` rows, e.g. a danfojs
 * DataFrame via `dfd.toJSON(df)`) shown as an HTML table with a fixed-width text fallback.
 */
export type Row = Record<string, unknown>;
/** Text rendering of rows (columns padded), used as the fallback and by the CLI. */
export declare function formatTable(rows: Row[], opts?: {
    columns?: string[];
    digits?: number;
}): string;
/** Show rows as a table (HTML in a notebook, text elsewhere). */
export declare function showTable(rows: Row[], opts?: {
    columns?: string[];
    digits?: number;
    caption?: string;
}): void;
