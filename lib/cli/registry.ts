import type { CommandSpec } from './args';
import { backendCommand } from './commands/backend';
import { evalCommand } from './commands/eval';
import { mainCommand } from './commands/main';
import { metricsCommand } from './commands/metrics';
import { trainCommand } from './commands/train';

/** Every `cfcml` sub-command, in the order `cfcml --help` lists them. */
export const COMMANDS: CommandSpec[] = [mainCommand, trainCommand, evalCommand, metricsCommand, backendCommand];
