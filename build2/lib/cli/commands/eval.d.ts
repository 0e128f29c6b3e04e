import { type CommandSpec } from '../args';
export declare const evalCommand: CommandSpec;
