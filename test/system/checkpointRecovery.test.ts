import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '../../lib/backend';
import { synthDerm7pt } from '../../lib/synth';
import { loadCheckpoint, type RunCheckpointMeta } from '../../lib/run/checkpoint';
import { Trainer, train, type EpochRecord, type RunResult } from '../../lib/train';

// Checkpoints that prove themselves: a flipped byte or a truncated last.ckpt, and a disk that fills up
// while a run writes its checkpoints (a tmpfs mounted as root). In each case nothing earlier is lost, and
// --resume ends with the uninterrupted run's numbers exactly. A system test: it trains several tiny runs.

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-recovery-'));
const data = path.join(root, 'derm7pt');
const opts = { data, preset: 'tiny' as const, epochs: 3, seed: 21, progress: 'none' as const };
let ref: RunResult;

before(async () => {
  await initBackend({ quiet: true });
  await synthDerm7pt({ out: data, seed: 5, scale: 0.1 });
  ref = await train({ ...opts, out: path.join(root, 'ref') });
});

const strip = (h: EpochRecord[]) => h.map(({ seconds: _s, ...rest }) => rest);
const meta = (file: string) => loadCheckpoint<RunCheckpointMeta>(file).meta;

/** Run `fn` with console.warn captured; returns what it printed. */
async function warnings<T>(fn: () => Promise<T>): Promise<{ value: T; warned: string[] }> {
  const warned: string[] = [];
  const orig = console.warn;
  console.warn = (...a: unknown[]) => void warned.push(a.join(' '));
  try {
    return { value: await fn(), warned };
  } finally {
    console.warn = orig;
  }
}

/** Train 2 of the 3 epochs and stop (the run directory then holds last.ckpt of epoch 2 and last.prev.ckpt of before). */
async function stoppedAfter2(out: string): Promise<void> {
  const r = await train({ ...opts, out, stopAfterEpoch: 2 });
  assert.equal(r.interrupted, true);
  assert.equal(meta(path.join(out, 'last.ckpt')).epoch, 2);
  assert.equal(meta(path.join(out, 'last.prev.ckpt')).epoch, 1);
}

function assertEqualsReference(r: RunResult): void {
  assert.deepEqual(strip(r.history), strip(ref.history));
  assert.deepEqual(r.validMetrics, ref.validMetrics);
  assert.deepEqual(r.testMetrics, ref.testMetrics);
}

for (const [what, corrupt] of [
  ['a flipped byte', (b: Buffer) => ((b[b.length - 1000] ^= 0x04), b)],
  ['a truncated file', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
] as const) {
  test(`${what} in last.ckpt: --resume names it, continues from last.prev.ckpt, and ends with the uninterrupted run's numbers`, async () => {
    const out = path.join(root, what.replace(/ /g, '-'));
    await stoppedAfter2(out);
    const last = path.join(out, 'last.ckpt');
    fs.writeFileSync(last, corrupt(fs.readFileSync(last)));
    const before = fs.readFileSync(path.join(out, 'last.prev.ckpt'));
    const { value: r, warned } = await warnings(() => train({ ...opts, out, resume: true }));
    assert.equal(warned.length, 1, warned.join('\n'));
    assert.match(warned[0], new RegExp(`^warning: ${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is unusable \\((corrupt checkpoint|.*truncated).*\\); resuming from last\\.prev\\.ckpt \\(after epoch 1\\)$`));
    assertEqualsReference(r);
    assert.ok(before.length > 0);
  });
}

test('neither last.ckpt nor last.prev.ckpt good: --resume stops naming both, and deletes nothing', async () => {
  const out = path.join(root, 'both-bad');
  await stoppedAfter2(out);
  for (const f of ['last.ckpt', 'last.prev.ckpt']) {
    const b = fs.readFileSync(path.join(out, f));
    b[b.length - 10] ^= 0x01;
    fs.writeFileSync(path.join(out, f), b);
  }
  const files = fs.readdirSync(out).sort();
  await assert.rejects(
    train({ ...opts, out, resume: true }),
    (e: Error) => /cannot resume: no good checkpoint: last\.ckpt: corrupt checkpoint.*; last\.prev\.ckpt: corrupt checkpoint/.test(e.message) && /without --resume/.test(e.message + String((e as { hint?: string }).hint)),
  );
  assert.deepEqual(fs.readdirSync(out).sort(), files);
});

/** Mount a tmpfs of `mb` MiB at a new folder (root only); returns the folder, or the reason it cannot. */
function mountTmpfs(mb: number): { dir: string } | { why: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-fulldisk-'));
  if (process.getuid?.() !== 0) return { why: 'mounting a tmpfs needs root' };
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'cfcml-test', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { why: `mount -t tmpfs failed: ${(r.stderr || r.error?.message || '').trim()}` };
  return { dir };
}

/** Fill the file system of `dir` to the last byte; returns the filler file. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = block.length; size >= 1; ) {
      try {
        fs.writeSync(fd, block, 0, size);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        size = Math.floor(size / 2);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

test('a full disk while a run writes its checkpoints: a clear error, the checkpoints before it intact, no temp file left; --resume after freeing space ends with the uninterrupted numbers', async (t) => {
  const m = mountTmpfs(16);
  if ('why' in m) {
    if (process.env.CI === 'true') assert.fail(`CI=true: cannot test a full disk: ${m.why}`);
    return t.skip(`cannot test a full disk here: ${m.why}`);
  }
  try {
    const out = path.join(m.dir, 'run');
    const trainer = await Trainer.create({ ...opts, out });
    try {
      await trainer.trainEpoch();
      const filler = fillDisk(m.dir);
      const kept = fs.readFileSync(path.join(out, 'last.ckpt'));
      await assert.rejects(trainer.trainEpoch(), (e: Error) => /cannot write the checkpoint: no space left on the device/.test(e.message) && /are unchanged/.test(e.message));
      assert.deepEqual(fs.readFileSync(path.join(out, 'last.ckpt')), kept, 'last.ckpt is the one of epoch 1, byte for byte');
      assert.equal(meta(path.join(out, 'last.ckpt')).epoch, 1);
      assert.deepEqual(fs.readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'no temp file left to hold the space');
      fs.rmSync(filler);
    } finally {
      trainer.dispose();
    }
    const r = await train({ ...opts, out, resume: true });
    assertEqualsReference(r);
  } finally {
    spawnSync('umount', [m.dir]);
  }
});
