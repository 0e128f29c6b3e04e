/** Run the CLI; returns the exit code. Errors from bad input print one clear line, not a stack trace. */
export declare function main(argv: string[]): Promise<number>;
