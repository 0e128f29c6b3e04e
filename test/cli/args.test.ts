import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHelp, parseArgs, type CommandSpec } from '../../lib/cli/args';

const cmd: CommandSpec = {
  name: 'demo',
  summary: 'a demo command',
  positionals: [{ name: 'dataset', help: 'which', choices: ['derm7pt', 'men'], required: true }],
  options: [
    { name: 'data', type: 'string', required: true, help: 'folder' },
    { name: 'epochs', type: 'integer', default: 3, help: 'epochs' },
    { name: 'lr', type: 'number', help: 'rate' },
    { name: 'leak', type: 'boolean', default: true, help: 'leak' },
    { name: 'variant', type: 'string', choices: ['full', 'no-mg'], default: 'full', help: 'v' },
  ],
  async run() {},
};

test('parses options, defaults, booleans and --no-flags', () => {
  const a = parseArgs(cmd, ['men', '--data', 'x', '--lr=0.5', '--no-leak']);
  assert.deepEqual(a.positionals, ['men']);
  assert.deepEqual(a.options, { data: 'x', lr: 0.5, leak: false, epochs: 3, variant: 'full' });
});

test('refuses unknown options and bad values with a clear message', () => {
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '--epoch', '3']), /unknown option --epoch.*known options: --data, --epochs/);
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '--epochs', '2.5']), /--epochs expects a whole number, got '2.5'/);
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '--lr', 'fast']), /--lr expects a number, got 'fast'/);
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '--variant', 'big']), /--variant must be one of full, no-mg; got 'big'/);
  assert.throws(() => parseArgs(cmd, ['men']), /needs --data/);
  assert.throws(() => parseArgs(cmd, ['cats', '--data', 'x']), /<dataset> must be one of derm7pt, men; got 'cats'/);
  assert.throws(() => parseArgs(cmd, ['men', '--data']), /--data needs a value/);
});

test('help lists every option with its default', () => {
  const h = formatHelp(cmd);
  assert.match(h, /Usage: cfcml demo <dataset> \[options\]/);
  assert.match(h, /--epochs <integer>\s+epochs \(default: 3\)/);
  assert.match(h, /--variant <string>\s+v \(one of: full, no-mg; default: full\)/);
});
