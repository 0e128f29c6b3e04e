import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CHECKPOINT_FORMAT,
  convertLegacyCheckpoint,
  decodeCheckpoint,
  encodeCheckpoint,
  isLegacyCheckpoint,
  loadCheckpoint,
  loadGoodCheckpoint,
  previousCheckpointFile,
  saveCheckpoint,
} from '../../lib/run/checkpoint';
import { readSafetensors } from '../../lib/util/safetensors';

const content = {
  meta: { epoch: 3, note: 'héllo' },
  arrays: [
    { name: 'w:a', shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6.5]) },
    { name: 'w:b', shape: [1], data: new Float32Array([-0.125]) },
    { name: 'w:empty', shape: [0], data: new Float32Array([]) },
  ],
};
const LEGACY = path.join(__dirname, '../../../test/fixtures/checkpoint/legacy-cfcmlck1.ckpt');

function assertSameContent(back: { meta: unknown; arrays: { name: string; shape: number[]; data: Float32Array }[] }): void {
  assert.deepEqual(back.meta, content.meta);
  assert.deepEqual(
    back.arrays.map((a) => [a.name, a.shape, Array.from(a.data)]),
    content.arrays.map((a) => [a.name, a.shape, Array.from(a.data)]),
  );
}

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-ck-'));

test('checkpoint encode/decode round-trips arrays and meta exactly', () => {
  assertSameContent(decodeCheckpoint(encodeCheckpoint(content)));
});

test('a checkpoint is a safetensors file: F32 tensors, the metadata in __metadata__, sha256 of the tensor bytes and of the meta text', () => {
  const file = path.join(tmpDir(), 'a.ckpt');
  saveCheckpoint(file, content);
  const st = readSafetensors(file);
  assert.deepEqual([...st.entries.keys()], ['w:a', 'w:b', 'w:empty']);
  assert.deepEqual(st.entries.get('w:a'), { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] });
  assert.deepEqual(Array.from(st.tensor('w:b').data), [-0.125]);
  assert.equal(st.metadata.format, CHECKPOINT_FORMAT);
  assert.deepEqual(JSON.parse(st.metadata.meta), content.meta);
  // The checksums are those of the bytes as stored, computed here independently of the writer.
  const buf = fs.readFileSync(file);
  const n = Number(buf.readBigUInt64LE(0));
  assert.equal(buf.length, 8 + n + 28);
  assert.equal(st.metadata.sha256, createHash('sha256').update(buf.subarray(8 + n)).digest('hex'));
  assert.equal(st.metadata.meta_sha256, createHash('sha256').update(st.metadata.meta, 'utf8').digest('hex'));
});

test('a flipped byte, a truncated or grown file, a changed metadata value: each is named as corrupt, never read', () => {
  const file = path.join(tmpDir(), 'last.ckpt');
  saveCheckpoint(file, content);
  const good = fs.readFileSync(file);
  const n = Number(good.readBigUInt64LE(0));
  const cases: [string, Buffer, RegExp][] = [];
  for (const at of [8 + n, 8 + n + 13, good.length - 1]) {
    const b = Buffer.from(good);
    b[at] ^= 0x01;
    cases.push([`bit 0 of byte ${at} flipped`, b, /corrupt checkpoint: its tensor bytes do not match the sha256/]);
  }
  cases.push(['last 8 bytes cut', good.subarray(0, good.length - 8), /tensor 'w:a' ends at byte 24 of a 20-byte buffer \(truncated file\?\)/]);
  cases.push(['cut inside the header', good.subarray(0, 40), /not a safetensors file \(or truncated\)/]);
  cases.push(['one byte appended', Buffer.concat([good, Buffer.from([0])]), /tensor bytes do not match the sha256/]);
  const meta = Buffer.from(good);
  const at = meta.indexOf('\\"epoch\\":3');
  assert.ok(at > 0);
  meta[at + '\\"epoch\\":'.length] = '4'.charCodeAt(0);
  cases.push(['epoch 3 → 4 in the metadata', meta, /its metadata does not match the meta_sha256/]);
  for (const [what, bytes, re] of cases) {
    fs.writeFileSync(file, bytes);
    assert.throws(() => loadCheckpoint(file), (e: Error) => e.message.startsWith(`${file}: `) && re.test(e.message), what);
  }
  fs.writeFileSync(file, 'not a checkpoint at all');
  assert.throws(() => loadCheckpoint(file), /not a safetensors file/);
  assert.throws(() => loadCheckpoint(path.join(path.dirname(file), 'missing.ckpt')), /missing\.ckpt: checkpoint file not found/);
  assert.throws(() => encodeCheckpoint({ meta: {}, arrays: [{ name: 'x', shape: [2], data: new Float32Array(3) }] }), /3 values for shape \[2\]/);
});

test('saveCheckpoint keeps the checkpoint it replaces as <name>.prev.ckpt; loadGoodCheckpoint falls back to it when the latest is corrupt', () => {
  const dir = tmpDir();
  const file = path.join(dir, 'last.ckpt');
  const prev = previousCheckpointFile(file);
  assert.equal(prev, path.join(dir, 'last.prev.ckpt'));
  const v = (epoch: number) => ({ meta: { epoch }, arrays: [{ name: 'w:x', shape: [2], data: new Float32Array([epoch, -epoch]) }] });
  saveCheckpoint(file, v(1), { keepPrevious: true });
  assert.deepEqual(fs.readdirSync(dir), ['last.ckpt']);
  saveCheckpoint(file, v(2), { keepPrevious: true });
  saveCheckpoint(file, v(3), { keepPrevious: true });
  assert.deepEqual(fs.readdirSync(dir).sort(), ['last.ckpt', 'last.prev.ckpt'], 'no temp file left');
  assert.equal(loadCheckpoint<{ epoch: number }>(file).meta.epoch, 3);
  assert.equal(loadCheckpoint<{ epoch: number }>(prev).meta.epoch, 2);
  const ok = loadGoodCheckpoint<{ epoch: number }>(file);
  assert.deepEqual([ok.file, ok.content.meta.epoch, ok.rejected], [file, 3, []]);
  // The latest flipped: the previous one, and the reason for passing over the latest.
  const b = fs.readFileSync(file);
  b[b.length - 2] ^= 0x80;
  fs.writeFileSync(file, b);
  const back = loadGoodCheckpoint<{ epoch: number }>(file);
  assert.equal(back.file, prev);
  assert.equal(back.content.meta.epoch, 2);
  assert.deepEqual(Array.from(back.content.arrays[0].data), [2, -2]);
  assert.equal(back.rejected.length, 1);
  assert.equal(back.rejected[0].file, file);
  assert.match(back.rejected[0].reason, /^corrupt checkpoint: its tensor bytes do not match the sha256/);
  // accept() may turn down a good one (another epoch than wanted).
  fs.writeFileSync(file, encodeCheckpoint(v(3)));
  const wanted = loadGoodCheckpoint<{ epoch: number }>(file, (c) => (c.meta.epoch === 2 ? undefined : `epoch ${c.meta.epoch}, not 2`));
  assert.deepEqual([wanted.file, wanted.rejected[0].reason], [prev, 'epoch 3, not 2']);
  // Neither good: one error naming both files and why.
  fs.writeFileSync(file, b.subarray(0, 100));
  fs.writeFileSync(prev, b);
  assert.throws(
    () => loadGoodCheckpoint(file),
    (e: Error) =>
      e.message.startsWith(`${dir}: no good checkpoint: last.ckpt: `) && /last\.prev\.ckpt: corrupt checkpoint: its tensor bytes do not match/.test(e.message),
  );
  // Without keepPrevious (single files such as bench batches) nothing else is written.
  const single = path.join(tmpDir(), 'batch.ckpt');
  saveCheckpoint(single, v(1));
  saveCheckpoint(single, v(2));
  assert.deepEqual(fs.readdirSync(path.dirname(single)), ['batch.ckpt']);
});

test('a checkpoint of the format before safetensors (CFCMLCK1) still loads, and convertLegacyCheckpoint rewrites it as safetensors with the same content', () => {
  assert.ok(isLegacyCheckpoint(fs.readFileSync(LEGACY)));
  assertSameContent(loadCheckpoint(LEGACY));
  const file = path.join(tmpDir(), 'old.ckpt');
  fs.copyFileSync(LEGACY, file);
  assert.equal(convertLegacyCheckpoint(file), true);
  assert.ok(!isLegacyCheckpoint(fs.readFileSync(file)));
  assert.equal(readSafetensors(file).metadata.format, CHECKPOINT_FORMAT);
  assertSameContent(loadCheckpoint(file));
  assert.equal(convertLegacyCheckpoint(file), false, 'already converted');
  const cut = fs.readFileSync(LEGACY);
  fs.writeFileSync(file, cut.subarray(0, cut.length - 4));
  assert.throws(() => convertLegacyCheckpoint(file), /truncated checkpoint: array 'w:b' runs past the end/);
});

test('cfcml checkpoint verify names each file good, old-format or corrupt; convert rewrites the old ones', () => {
  const bin = path.join(__dirname, '../../bin/cfcml.js');
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const dir = tmpDir();
  fs.mkdirSync(path.join(dir, 'run'));
  fs.copyFileSync(LEGACY, path.join(dir, 'run', 'old.ckpt'));
  saveCheckpoint(path.join(dir, 'run', 'good.ckpt'), content);
  const bad = encodeCheckpoint(content);
  bad[bad.length - 5] ^= 0x10;
  fs.writeFileSync(path.join(dir, 'bad.ckpt'), bad);
  const v = cli('checkpoint', 'verify', dir);
  assert.equal(v.status, 1, v.stdout + v.stderr);
  const lines = v.stdout.trim().split('\n');
  assert.deepEqual(lines.length, 4, v.stdout);
  assert.match(lines[0], new RegExp(`^${path.join(dir, 'bad.ckpt')}: corrupt checkpoint: its tensor bytes do not match the sha256`));
  assert.equal(lines[1], `${path.join(dir, 'run', 'good.ckpt')}: ok (sha256 verified, 3 tensors, after epoch 3)`);
  assert.match(lines[2], /old\.ckpt: readable, format before safetensors \(CFCMLCK1, no checksum\); convert with: cfcml checkpoint convert /);
  assert.equal(lines[3], '2 of 3 checkpoints good');
  const c = cli('checkpoint', 'convert', path.join(dir, 'run'));
  assert.equal(c.status, 0, c.stdout + c.stderr);
  assert.match(c.stdout, /good\.ckpt: safetensors already\n.*old\.ckpt: converted to safetensors\n1 of 2 checkpoints converted\n$/);
  assertSameContent(loadCheckpoint(path.join(dir, 'run', 'old.ckpt')));
  assert.ok(!isLegacyCheckpoint(fs.readFileSync(path.join(dir, 'run', 'old.ckpt'))));
});
