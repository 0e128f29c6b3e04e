import type { CommandSpec } from '../args';
export declare const checkpointCommand: CommandSpec;
