import { type CommandSpec } from '../args';
export declare const mainCommand: CommandSpec;
