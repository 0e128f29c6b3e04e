/**
 * The error cfcml throws for bad input: it always names what was wrong and where (file, row, column,
 * value), so that the CLI can print one clear line instead of a stack trace.
 */
export declare class CfcmlError extends Error {
    /** Where the problem is: a file path, `file:row`, a column name, an option name. */
    readonly where?: string;
    /** A hint on how to fix it, printed after the message. */
    readonly hint?: string;
    constructor(message: string, opts?: {
        where?: string;
        hint?: string;
        cause?: unknown;
    });
}
/** Exhaustiveness check for `switch` over string unions. */
export declare function assertNever(x: never, what?: string): never;
/** Throw a CfcmlError naming `where` unless `cond` holds. */
export declare function check(cond: unknown, message: string, where?: string): asserts cond;
