"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.main = void 0;
const errors_1 = require("../util/errors");
const args_1 = require("./args");
const registry_1 = require("./registry");
function topHelp() {
    const lines = ['cfcml — coarse-to-fine crossmodal learning for images + tabular records', '', 'Usage: cfcml <command> [options]', '', 'Commands:'];
    for (const c of registry_1.COMMANDS)
        lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
    lines.push('', "Run 'cfcml <command> --help' for a command's options.");
    return lines.join('\n');
}
/** Run the CLI; returns the exit code. Errors from bad input print one clear line, not a stack trace. */
async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        console.log(topHelp());
        return name ? 0 : 1;
    }
    const cmd = registry_1.COMMANDS.find((c) => c.name === name);
    if (!cmd) {
        console.error(`cfcml: unknown command '${name}'. Commands: ${registry_1.COMMANDS.map((c) => c.name).join(', ')}`);
        return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        console.log((0, args_1.formatHelp)(cmd));
        return 0;
    }
    try {
        const args = (0, args_1.parseArgs)(cmd, rest);
        const code = await cmd.run(args);
        return typeof code === 'number' ? code : 0;
    }
    catch (e) {
        if (e instanceof errors_1.CfcmlError) {
            console.error(`cfcml ${name}: error: ${e.message}`);
            if (e.hint)
                console.error(`  hint: ${e.hint}`);
            return 2;
        }
        console.error(`cfcml ${name}: unexpected error:`);
        console.error(e instanceof Error ? e.stack ?? e.message : e);
        return 1;
    }
}
exports.main = main;
//# sourceMappingURL=main.js.map