import type { CommandSpec } from '../args';
export declare const backendCommand: CommandSpec;
