#!/usr/bin/env node
/**
 * The `cfcml` command. Thin: it parses arguments and calls the library. Each sub-command lives in
 * lib/cli/commands/<name>.ts and is registered in lib/cli/registry.ts.
 */
import { main } from '../lib/cli/main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
