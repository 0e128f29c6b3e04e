import type { CommandSpec } from '../args';
export declare const auditCommand: CommandSpec;
