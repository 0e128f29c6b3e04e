/**
 * safetensors: the reader against a file NumPy encoded by the specification (five dtypes, metadata), the
 * writer by a round trip, and clear errors on truncated or malformed files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { decodeSafetensors, encodeSafetensors, readSafetensors } from '../../lib/util/safetensors';

const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'safetensors');

test('safetensors: reads F32, F16, F64, I64 and U8 tensors and metadata as NumPy wrote them', () => {
  const file = readSafetensors(path.join(FIX, 'mixed.safetensors'));
  const expected = JSON.parse(fs.readFileSync(path.join(FIX, 'mixed.json'), 'utf8')) as Record<string, { shape: number[]; values: number[] }>;
  assert.deepEqual(file.metadata, { format: 'pt', note: 'fixture' });
  assert.deepEqual([...file.entries.keys()].sort(), Object.keys(expected).sort());
  for (const [name, want] of Object.entries(expected)) {
    const t = file.tensor(name);
    assert.deepEqual(t.shape, want.shape, name);
    assert.equal(t.data.length, want.values.length, name);
    want.values.forEach((v, i) => assert.equal(t.data[i], Math.fround(v), `${name}[${i}]`));
  }
  assert.equal(file.entries.get('b.half')?.dtype, 'F16');
});

test('safetensors: encode then decode gives the same tensors, order and metadata; every tensor 8-byte aligned', () => {
  const a = { name: 'x', shape: [2, 2], data: new Float32Array([1, -2.5, 3e-8, 4]) };
  const b = { name: 'y.z', shape: [3], data: new Float32Array([0, Infinity, -0]) };
  const buf = encodeSafetensors([a, b], { epoch: '3' });
  const n = Number(buf.readBigUInt64LE(0));
  assert.equal(n % 8, 0);
  const file = decodeSafetensors(buf, 'mem');
  assert.deepEqual([...file.entries.keys()], ['x', 'y.z']);
  assert.deepEqual(file.metadata, { epoch: '3' });
  assert.deepEqual(Array.from(file.tensor('x').data), Array.from(a.data));
  assert.deepEqual(Array.from(file.tensor('y.z').data), Array.from(b.data));
  assert.deepEqual(file.entries.get('y.z')?.data_offsets, [16, 28]);
});

test('safetensors: truncated, non-JSON and inconsistent files are named errors', () => {
  const buf = encodeSafetensors([{ name: 'w', shape: [4], data: new Float32Array(4) }]);
  assert.throws(() => decodeSafetensors(buf.subarray(0, buf.length - 3), 'cut.safetensors'), /cut\.safetensors: tensor 'w' ends at byte 16 of a 13-byte buffer/);
  assert.throws(() => decodeSafetensors(buf.subarray(0, 5), 'tiny'), /tiny: not a safetensors file: 5 bytes/);
  const bad = Buffer.concat([Buffer.from([8, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{"w":{xx}')]);
  assert.throws(() => decodeSafetensors(bad, 'bad'), /bad: not a safetensors file: its header is not JSON/);
  assert.throws(() => encodeSafetensors([{ name: 'w', shape: [3], data: new Float32Array(4) }]), /'w' has 4 values for shape \[3\]/);
  assert.throws(() => decodeSafetensors(buf, 'f').tensor('nope'), /f: no tensor 'nope'/);
});
