import { CfcmlError } from '../util/errors';
import { formatHelp, parseArgs } from './args';
import { COMMANDS } from './registry';

function topHelp(): string {
  const lines = ['cfcml — coarse-to-fine crossmodal learning for images + tabular records', '', 'Usage: cfcml <command> [options]', '', 'Commands:'];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', "Run 'cfcml <command> --help' for a command's options.");
  return lines.join('\n');
}

/** Run the CLI; returns the exit code. Errors from bad input print one clear line, not a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(topHelp());
    return name ? 0 : 1;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    console.error(`cfcml: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(formatHelp(cmd));
    return 0;
  }
  try {
    const args = parseArgs(cmd, rest);
    const code = await cmd.run(args);
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    if (e instanceof CfcmlError) {
      console.error(`cfcml ${name}: error: ${e.message}`);
      if (e.hint) console.error(`  hint: ${e.hint}`);
      return 2;
    }
    console.error(`cfcml ${name}: unexpected error:`);
    console.error(e instanceof Error ? e.stack ?? e.message : e);
    return 1;
  }
}
