import { type CommandSpec } from '../args';
export declare const sweepCommand: CommandSpec;
