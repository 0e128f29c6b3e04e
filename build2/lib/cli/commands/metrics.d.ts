import { type CommandSpec } from '../args';
export declare const metricsCommand: CommandSpec;
