export interface Mismatch {
    where: string;
    quoted: string;
    expected: string;
}
export interface Check {
    tables: number;
    numbers: number;
    mismatches: Mismatch[];
}
/** The value at `a.b[k=v].0.c` in a parsed JSON document; a CfcmlError naming the step that fails. */
export declare function jsonAt(doc: unknown, at: string, where: string): unknown;
/** `value` written the way `quoted` is written: its number of decimals, its sign, its thousands separators. */
export declare function writtenLike(quoted: string, value: number): string;
/** Check (or, with `write`, rewrite the table blocks of) one Markdown text; `label` names it in messages. */
export declare function checkText(text: string, root: string, label: string, write?: boolean): Check & {
    text: string;
};
/** A file's Markdown: the file itself, or a notebook's Markdown cells joined. */
export declare function markdownOf(file: string): string;
