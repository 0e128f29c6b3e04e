#!/usr/bin/env node
// Make `import ... from "cfcml"` resolve inside this repository (the notebooks import the built package
// by name, exactly as a user's own notebook would): node_modules/cfcml -> the repository root.
const fs = require('fs');
const path = require('path');
const root = path.resolve(__dirname, '..');
const link = path.join(root, 'node_modules', 'cfcml');
try {
  const st = fs.lstatSync(link);
  if (st.isSymbolicLink() && path.resolve(path.dirname(link), fs.readlinkSync(link)) === root) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  /* absent */
}
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync('..', link, 'dir');
console.log('linked node_modules/cfcml -> repository root');
