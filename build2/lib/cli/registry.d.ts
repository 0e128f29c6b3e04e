import type { CommandSpec } from './args';
/** Every `cfcml` sub-command, in the order `cfcml --help` lists them. */
export declare const COMMANDS: CommandSpec[];
