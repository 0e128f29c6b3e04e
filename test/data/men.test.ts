import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import * as tf from '@tensorflow/tfjs';
import { ImageCache, encodeNiftiGz, loadCohort, loadMen, readNifti } from '../../lib/data';
import { synthMen } from '../../lib/synth';
import { CfcmlError } from '../../lib/util/errors';
import { tmpDir } from './fixtures';

const SIZE = [8, 16, 16] as const;

test('NIfTI round trip through the NIfTI reader', async () => {
  const dir = tmpDir('nii');
  const data = Float32Array.from({ length: 4 * 3 * 2 }, (_, i) => i * 0.5);
  const file = path.join(dir, 'v.nii.gz');
  fs.writeFileSync(file, encodeNiftiGz([4, 3, 2], data));
  const v = await readNifti(file);
  assert.deepEqual(v.dims, [4, 3, 2]);
  for (let i = 0; i < data.length; i++) assert.ok(Math.abs(v.data[i] - data[i]) < 1e-3);
});

test('synthetic MEN: deterministic, loads back, volumes normalised; bad inputs named', async () => {
  const a = tmpDir('men-a');
  const b = tmpDir('men-b');
  const s = await synthMen({ out: a, seed: 5, scale: 0.06, size: SIZE });
  await synthMen({ out: b, seed: 5, scale: 0.06, size: SIZE });
  assert.ok(fs.readFileSync(path.join(a, 'clinical.csv')).equals(fs.readFileSync(path.join(b, 'clinical.csv'))));
  const cohort = await loadCohort(a);
  assert.equal(cohort.spec.name, 'men');
  assert.equal(cohort.cases.length, Object.values(s.splits).reduce((t, c) => t + Object.values(c).reduce((x, y) => x + y, 0), 0));
  const one = cohort.cases[0];
  const rel = path.relative(a, one.imagePaths[0]);
  assert.ok(fs.readFileSync(one.imagePaths[0]).equals(fs.readFileSync(path.join(b, rel))), 'same volume bytes for the same seed');
  assert.equal(typeof one.tabular.age, 'number');

  await tf.setBackend('cpu');
  const cache = await ImageCache.load(cohort, { size: [6, 12, 12], cases: cohort.cases.slice(0, 3) });
  const v = cache.get(one.id, 2);
  assert.equal(v.length, 6 * 12 * 12);
  const mean = v.reduce((x, y) => x + y, 0) / v.length;
  const sd = Math.sqrt(v.reduce((x, y) => x + (y - mean) ** 2, 0) / v.length);
  assert.ok(Math.abs(mean) < 1e-4 && Math.abs(sd - 1) < 1e-3, `mean ${mean}, sd ${sd}`);

  // Text in a numeric field ('NaN', 'NA' or an empty cell would read as missing: docs/DATA.md, "Missing cells").
  const csv = path.join(a, 'clinical.csv');
  const original = fs.readFileSync(csv, 'utf8');
  const lines = original.split('\n');
  const cells = lines[2].split(',');
  cells[3] = '4o'; // age
  fs.writeFileSync(csv, [lines[0], lines[1], cells.join(','), ...lines.slice(3)].join('\n'));
  await assert.rejects(loadMen(a), (e: unknown) => e instanceof CfcmlError && /clinical\.csv: row 3, column 'age'/.test(e.message) && e.message.includes("'4o'") && e.message.includes('not a finite number nor a missing marker'));
  fs.writeFileSync(csv, original);

  // Unknown category.
  fs.writeFileSync(csv, original.replace(/,(female|male),/, ',other,'));
  await assert.rejects(loadMen(a), (e: unknown) => e instanceof CfcmlError && e.message.includes("column 'sex'") && e.message.includes("'other'") && e.message.includes("'female'"));
  fs.writeFileSync(csv, original);

  // Missing column.
  fs.writeFileSync(csv, original.replace('oedema_area', 'edema'));
  await assert.rejects(loadMen(a), (e: unknown) => e instanceof CfcmlError && e.message.includes("missing column(s) 'oedema_area'"));
  fs.writeFileSync(csv, original);

  // A NIfTI of the wrong shape: 4D, and volumes of one case that differ.
  const target = one.imagePaths[1];
  const raw = zlib.gunzipSync(fs.readFileSync(target));
  raw.writeInt16LE(4, 40);
  raw.writeInt16LE(2, 48);
  fs.writeFileSync(target, zlib.gzipSync(raw));
  await assert.rejects(readNifti(target), (e: unknown) => e instanceof CfcmlError && e.message.includes(target) && e.message.includes('expected a 3D volume'));
  fs.writeFileSync(target, encodeNiftiGz([10, 10, 5], new Float32Array(500).fill(1)));
  await assert.rejects(
    ImageCache.load(cohort, { size: [4, 8, 8], cases: [one] }),
    (e: unknown) => e instanceof CfcmlError && e.message.includes('differ in shape') && e.message.includes('5x10x10'),
  );
  await assert.rejects(
    ImageCache.load(cohort, { size: [4, 8, 8], cases: [one], expectShape: [24, 128, 128] }),
    (e: unknown) => e instanceof CfcmlError && e.message.includes('wrong shape') && e.message.includes('24x128x128'),
  );
  // Missing volume; empty split.
  fs.unlinkSync(one.imagePaths[0]);
  await assert.rejects(loadMen(a), (e: unknown) => e instanceof CfcmlError && e.message.includes("missing sequence 't1c'") && e.message.includes('t1_bbox.nii.gz'));
  fs.rmSync(path.join(b, 'test'), { recursive: true });
  fs.mkdirSync(path.join(b, 'test'));
  await assert.rejects(loadMen(b), (e: unknown) => e instanceof CfcmlError && e.message.includes("empty split 'test'"));
});
