/**
 * A small, strict command-line parser for the `cfcml` commands: every option is declared, unknown ones
 * and bad values are refused with a message that names the option and what it expects.
 */
export type OptionType = 'string' | 'number' | 'integer' | 'boolean';
export interface OptionSpec {
    /** Long name without dashes: `data` for `--data`. */
    name: string;
    type: OptionType;
    /** One line for --help. */
    help: string;
    /** Default value shown in --help and used when absent. */
    default?: string | number | boolean;
    /** Allowed values (string options). */
    choices?: readonly string[];
    /** Must be given. */
    required?: boolean;
    /** Placeholder in --help, e.g. `<dir>`. */
    metavar?: string;
    /** Numbers: smallest allowed value (inclusive), e.g. 1 for sizes and counts. */
    min?: number;
    /** Numbers: the value must be strictly greater than 0 (learning rates, scales). */
    positive?: boolean;
    /** Numbers: largest allowed value (inclusive). */
    max?: number;
}
export interface CommandSpec {
    name: string;
    /** One line for `cfcml --help`. */
    summary: string;
    /** Positional arguments description for usage, e.g. `<derm7pt|men>`. */
    positionals?: {
        name: string;
        help: string;
        choices?: readonly string[];
        required?: boolean;
    }[];
    options: OptionSpec[];
    /** Extra text after the options in --help (examples). */
    epilog?: string;
    run(args: ParsedArgs): Promise<number | void>;
}
export interface ParsedArgs {
    positionals: string[];
    options: Record<string, string | number | boolean | undefined>;
}
export declare function parseArgs(cmd: CommandSpec, argv: readonly string[]): ParsedArgs;
export declare function formatHelp(cmd: CommandSpec): string;
/** Typed accessors for parsed options (the parser already validated types). */
export declare function str(a: ParsedArgs, name: string): string | undefined;
export declare function num(a: ParsedArgs, name: string): number | undefined;
export declare function bool(a: ParsedArgs, name: string): boolean;
/**
 * The command line that repeats `args` (positionals, then every option given or defaulted, in the spec's
 * order), with `set` applied on top (e.g. `{ resume: true }`): what to run to resume an interrupted run.
 */
export declare function formatCommandLine(cmd: CommandSpec, args: ParsedArgs, set?: Record<string, string | number | boolean | undefined>): string;
