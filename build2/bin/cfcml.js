#!/usr/bin/env node
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The `cfcml` command. Thin: it parses arguments and calls the library. Each sub-command lives in
 * lib/cli/commands/<name>.ts and is registered in lib/cli/registry.ts.
 */
const main_1 = require("../lib/cli/main");
(0, main_1.main)(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, () => {
    process.exitCode = 1;
});
//# sourceMappingURL=cfcml.js.map