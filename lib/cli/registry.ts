import type { CommandSpec } from './args';
import { archiveCommand } from './commands/archive';
import { auditCommand } from './commands/audit';
import { backendCommand } from './commands/backend';
import { checkpointCommand } from './commands/checkpoint';
import { evalCommand } from './commands/eval';
import { inspectCommand } from './commands/inspect';
import { mainCommand } from './commands/main';
import { metricsCommand } from './commands/metrics';
import { reportCommand } from './commands/report';
import { sweepCommand } from './commands/sweep';
import { synthCommand } from './commands/synth';
import { trainCommand } from './commands/train';

/** Every `cfcml` sub-command, in the order `cfcml --help` lists them. */
export const COMMANDS: CommandSpec[] = [mainCommand, synthCommand, inspectCommand, auditCommand, trainCommand, evalCommand, metricsCommand, backendCommand];
COMMANDS.push(sweepCommand);
COMMANDS.push(reportCommand);
COMMANDS.push(archiveCommand);
COMMANDS.push(checkpointCommand);
