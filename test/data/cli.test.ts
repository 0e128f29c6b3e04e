import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from '../../lib/cli/args';
import type { CommandSpec } from '../../lib/cli/args';
import { auditCommand } from '../../lib/cli/commands/audit';
import { inspectCommand } from '../../lib/cli/commands/inspect';
import { synthCommand } from '../../lib/cli/commands/synth';
import { editMeta, tmpDir, writeTinyDerm7pt } from './fixtures';

async function capture(cmd: CommandSpec, argv: string[]): Promise<{ code: number | void; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    const code = await cmd.run(parseArgs(cmd, argv));
    return { code, out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

test('cfcml synth / inspect --json / audit --json', async () => {
  const out = path.join(tmpDir('cli'), 'derm');
  const s = await capture(synthCommand, ['derm7pt', '--out', out, '--seed', '3', '--scale', '0.05']);
  assert.equal(s.code, 0);
  assert.match(s.out, /synthetic derm7pt/);
  assert.ok(fs.existsSync(path.join(out, 'meta', 'meta.csv')));
  const ins = JSON.parse((await capture(inspectCommand, ['--data', out, '--json'])).out);
  assert.equal(ins.dataset, 'derm7pt');
  assert.deepEqual(Object.keys(ins.splits), ['train', 'valid', 'test']);
  assert.deepEqual(Object.keys(ins.splits.train), ['NEV', 'MEL']);
  assert.ok(Array.isArray(ins.excluded));
  const aud = JSON.parse((await capture(auditCommand, ['--data', out, '--json'])).out);
  assert.deepEqual(aud.flagged, ['management']);
  assert.throws(() => parseArgs(synthCommand, ['derm7pt']), /needs --out/);
  assert.throws(() => parseArgs(synthCommand, ['mnist', '--out', out]), /must be one of derm7pt, men/);
  await assert.rejects(synthCommand.run(parseArgs(synthCommand, ['men', '--out', path.join(out, 'men'), '--no-leak'])), /--no-leak applies to derm7pt only/);
  await assert.rejects(synthCommand.run(parseArgs(synthCommand, ['men', '--out', path.join(out, 'men'), '--valid-scale', '3'])), /--valid-scale applies with --nested only/);
  assert.throws(() => parseArgs(synthCommand, ['men', '--out', out, '--nested', '--scale', '0']), /--scale must be greater than 0, got 0/);
  assert.throws(() => parseArgs(synthCommand, ['men', '--out', out, '--nested', '--valid-scale', 'two']), /--valid-scale expects a number, got 'two'/);
  assert.ok(!fs.existsSync(path.join(out, 'men')), 'nothing written when the options are refused');
});

test('cfcml inspect lists every problem of a bad folder without stopping (text and --json), exit code 1', async () => {
  const root = tmpDir('inspect-bad');
  await writeTinyDerm7pt(root);
  editMeta(root, 0, 'location', 'elbow'); // row 2
  editMeta(root, 1, 'sex', 'femal'); // row 3
  fs.unlinkSync(path.join(root, 'images', 'Cc', 'd7.jpg')); // row 8, derm
  fs.writeFileSync(path.join(root, 'meta', 'test_indexes.csv'), 'indexes\n6\n7\n42\n');
  const text = await capture(inspectCommand, ['--data', root]);
  assert.equal(text.code, 1);
  assert.match(text.out, /PROBLEMS \(4; training refuses/);
  assert.match(text.out, /meta\.csv: row 2, column 'location': unknown category 'elbow'/);
  assert.match(text.out, /meta\.csv: row 3, column 'sex': unknown category 'femal'/);
  assert.match(text.out, /meta\.csv: row 8, column 'derm': missing image 'Cc\/d7\.jpg'/);
  assert.match(text.out, /test_indexes\.csv: row 4, column 'indexes': index '42'/);
  assert.match(text.out, /split .* total/); // the rest of the report is still there
  const json = JSON.parse((await capture(inspectCommand, ['--data', root, '--json'])).out);
  assert.equal(json.problems.total, 4);
  assert.equal(json.cases, 3); // the sound NEV/MEL cases: meta.csv rows 5, 6 and 9
  const loc = json.problems.shown.find((p: { column?: string }) => p.column === 'location');
  assert.deepEqual({ row: loc.row, column: loc.column, value: loc.value }, { row: 2, column: 'location', value: 'elbow' });
  assert.match(loc.file, /meta\.csv$/);
  const limited = JSON.parse((await capture(inspectCommand, ['--data', root, '--json', '--max-problems', '2'])).out);
  assert.equal(limited.problems.total, 4);
  assert.equal(limited.problems.shown.length, 2);
  const ok = await capture(inspectCommand, ['--data', path.join(tmpDir('inspect-ok'))]).catch((e: Error) => e);
  assert.ok(ok instanceof Error && /cannot tell the dataset/.test(ok.message));
});
