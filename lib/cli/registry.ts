import type { CommandSpec } from './args';
import { backendCommand } from './commands/backend';

/** Every `cfcml` sub-command, in the order `cfcml --help` lists them. */
export const COMMANDS: CommandSpec[] = [backendCommand];
