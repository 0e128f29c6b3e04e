import type { CommandSpec } from '../args';
export declare const inspectCommand: CommandSpec;
