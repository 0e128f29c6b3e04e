import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeCheckpoint, encodeCheckpoint, loadCheckpoint, saveCheckpoint } from '../../lib/run/checkpoint';

const content = {
  meta: { epoch: 3, note: 'héllo' },
  arrays: [
    { name: 'w:a', shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6.5]) },
    { name: 'w:b', shape: [1], data: new Float32Array([-0.125]) },
    { name: 'w:empty', shape: [0], data: new Float32Array([]) },
  ],
};

test('checkpoint encode/decode round-trips arrays and meta exactly', () => {
  const back = decodeCheckpoint<typeof content.meta>(encodeCheckpoint(content));
  assert.deepEqual(back.meta, content.meta);
  assert.equal(back.arrays.length, 3);
  back.arrays.forEach((a, i) => {
    assert.equal(a.name, content.arrays[i].name);
    assert.deepEqual(a.shape, content.arrays[i].shape);
    assert.deepEqual(Array.from(a.data), Array.from(content.arrays[i].data));
  });
});

test('save is atomic (no temp files left) and load names the file on corruption', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-ck-'));
  const file = path.join(dir, 'last.ckpt');
  saveCheckpoint(file, content);
  assert.deepEqual(fs.readdirSync(dir), ['last.ckpt']);
  assert.equal(loadCheckpoint(file).arrays[0].data[5], 6.5);
  const buf = fs.readFileSync(file);
  fs.writeFileSync(file, buf.subarray(0, buf.length - 8));
  assert.throws(() => loadCheckpoint(file), (e: Error) => e.message.includes(file) && /truncated/.test(e.message));
  fs.writeFileSync(file, 'not a checkpoint');
  assert.throws(() => loadCheckpoint(file), /bad magic/);
  assert.throws(() => loadCheckpoint(path.join(dir, 'missing.ckpt')), /missing\.ckpt: checkpoint file not found/);
  assert.throws(() => encodeCheckpoint({ meta: {}, arrays: [{ name: 'x', shape: [2], data: new Float32Array(3) }] }), /3 values for shape \[2\]/);
});
