import { CfcmlError } from './errors';
/**
 * Problems found in an input folder, collected instead of stopping at the first, so that a user can fix a
 * folder in one pass. Each names its file and, where it has them, the spreadsheet row (header = row 1),
 * the column, the value found and what was expected. A list keeps the first `limit` problems and counts
 * the rest.
 */
export interface Problem {
    file: string;
    row?: number;
    column?: string;
    /** The offending value as found (cell text, index, file name). */
    value?: string;
    /** What is wrong. */
    message: string;
    /** What was expected instead (levels, a range, a format). */
    expected?: string;
}
/** `file: row R, column 'c': message (value 'v'; expected …)` — one line per problem. */
export declare function formatProblem(p: Problem): string;
/** A bad-input error that lists every problem found (up to the list's limit, then a count). */
export declare class CfcmlProblemsError extends CfcmlError {
    readonly problems: readonly Problem[];
    readonly total: number;
    constructor(problems: readonly Problem[], total: number, what: string, hint?: string);
}
export declare function formatProblemsMessage(problems: readonly Problem[], total: number, what: string): string;
export declare class ProblemList {
    readonly limit: number;
    private readonly kept;
    private count;
    /** At most `limit` problems are kept (default 50); the rest are only counted. */
    constructor(limit?: number);
    add(p: Problem): void;
    /**
     * Run `fn`; a CfcmlError it throws becomes a problem (its `where` splits into file/row/column where it
     * has the `file: row R, column 'c'` form; `extra` adds fields such as the value), other errors pass
     * through. Returns `fn`'s value or undefined.
     */
    attempt<T>(fn: () => T, fallbackFile?: string, extra?: Partial<Problem>): T | undefined;
    /** Problems kept (the first `limit`). */
    get list(): readonly Problem[];
    /** All problems found, kept or only counted. */
    get total(): number;
    get empty(): boolean;
    /** Throw one CfcmlProblemsError listing every problem kept (and the count of the rest), if any. */
    throwIfAny(what: string, hint?: string): void;
    toJSON(): {
        total: number;
        shown: Problem[];
    };
}
/** Turn a CfcmlError into a Problem, parsing `file: row R, column 'c'` out of its `where`. */
export declare function problemFromError(e: CfcmlError, fallbackFile?: string): Problem;
