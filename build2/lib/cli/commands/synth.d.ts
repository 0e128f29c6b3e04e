import type { CommandSpec } from '../args';
export declare const synthCommand: CommandSpec;
