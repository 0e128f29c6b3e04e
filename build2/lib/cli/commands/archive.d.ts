import { type CommandSpec } from '../args';
export declare const archiveCommand: CommandSpec;
