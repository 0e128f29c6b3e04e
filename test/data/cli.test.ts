import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from '../../lib/cli/args';
import type { CommandSpec } from '../../lib/cli/args';
import { auditCommand } from '../../lib/cli/commands/audit';
import { inspectCommand } from '../../lib/cli/commands/inspect';
import { synthCommand } from '../../lib/cli/commands/synth';
import { tmpDir } from './fixtures';

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
});
