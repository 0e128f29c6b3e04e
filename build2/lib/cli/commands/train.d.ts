import { type CommandSpec } from '../args';
export declare const trainCommand: CommandSpec;
