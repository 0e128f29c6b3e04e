import { type CommandSpec } from '../args';
export declare const reportCommand: CommandSpec;
