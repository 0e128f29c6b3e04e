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

test('an unknown option suggests the closest known one; far-off names get the list only', () => {
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '--epoch', '3']), /unknown option --epoch for 'cfcml demo' \(did you mean --epochs\?\)/);
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '--varient', 'full']), /did you mean --variant\?/);
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '--learning', '3']), (e: unknown) => e instanceof Error && !/did you mean/.test(e.message) && /known options: --data/.test(e.message));
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '-epochs', '3']), /unknown option -epochs .*two dashes; did you mean --epochs\?/);
  assert.throws(() => parseArgs(cmd, ['men', '--data', 'x', '--variant', 'no_mg']), /got 'no_mg' \(did you mean 'no-mg'\?\)/);
  assert.throws(() => parseArgs(cmd, ['derm', '--data', 'x']), /got 'derm' \(did you mean 'derm7pt'\?\)/);
});

test('sizes must be ≥ their minimum, rates > 0, numbers numeric', () => {
  const sized: CommandSpec = {
    ...cmd,
    options: [
      { name: 'batch-size', type: 'integer', min: 1, help: 'b' },
      { name: 'lr', type: 'number', positive: true, help: 'r' },
      { name: 'dropout', type: 'number', min: 0, max: 1, help: 'd' },
    ],
  };
  assert.throws(() => parseArgs(sized, ['men', '--batch-size', '0']), /--batch-size must be at least 1, got 0/);
  assert.throws(() => parseArgs(sized, ['men', '--batch-size', '-4']), /--batch-size must be at least 1, got -4/);
  assert.throws(() => parseArgs(sized, ['men', '--lr', '0']), /--lr must be greater than 0, got 0/);
  assert.throws(() => parseArgs(sized, ['men', '--lr=-1e-3']), /--lr must be greater than 0, got -1e-3/);
  assert.throws(() => parseArgs(sized, ['men', '--lr', '1e-3x']), /--lr expects a number, got '1e-3x' \(e\.g\. 0\.001 or 1e-3\)/);
  assert.throws(() => parseArgs(sized, ['men', '--lr', 'NaN']), /--lr expects a number, got 'NaN'/);
  assert.throws(() => parseArgs(sized, ['men', '--lr', 'Infinity']), /--lr expects a number, got 'Infinity'/);
  assert.throws(() => parseArgs(sized, ['men', '--dropout', '1.5']), /--dropout must be at most 1, got 1.5/);
  assert.deepEqual(parseArgs(sized, ['men', '--batch-size', '1', '--lr', '1e-4', '--dropout', '0']).options, { 'batch-size': 1, lr: 1e-4, dropout: 0 });
});

test('cfcml train refuses zero/negative sizes and a learning rate that is not a number before loading anything', async () => {
  const { trainCommand } = await import('../../lib/cli/commands/train');
  assert.throws(() => parseArgs(trainCommand, ['--data', 'x', '--batch-size', '0']), /--batch-size must be at least 1, got 0/);
  assert.throws(() => parseArgs(trainCommand, ['--data', 'x', '--epochs', '-2']), /--epochs must be at least 1, got -2/);
  assert.throws(() => parseArgs(trainCommand, ['--data', 'x', '--image-size', '0']), /--image-size must be at least 8, got 0/);
  assert.throws(() => parseArgs(trainCommand, ['--data', 'x', '--lr', 'fast']), /--lr expects a number, got 'fast'/);
  assert.throws(() => parseArgs(trainCommand, ['--data', 'x', '--lr', '-0.1']), /--lr must be greater than 0/);
  assert.throws(() => parseArgs(trainCommand, ['--data', 'x', '--batchsize', '4']), /did you mean --batch-size\?/);
});

test('formatCommandLine repeats the given options (not the defaults), quotes what needs it, and applies overrides', async () => {
  const { formatCommandLine } = await import('../../lib/cli/args');
  const a = parseArgs(cmd, ['men', '--data', "my data/it's", '--epochs', '3', '--lr', '0.01', '--no-leak']);
  assert.equal(formatCommandLine(cmd, a, { variant: 'no-mg' }), "cfcml demo men --data 'my data/it'\\''s' --lr 0.01 --no-leak --variant no-mg");
});
