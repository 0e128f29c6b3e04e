/**
 * NIfTI volumes against nibabel: every file of the corpus written by scripts/reference/nifti_corpus.py
 * (orientations, data types, byte orders, NIfTI-1 and -2, sform/qform choices, scaling) must load as
 * nibabel's `as_closest_canonical(img).get_fdata()` gives it: the same canonical shape and voxels (to float32
 * rounding), the same stored orientation codes, canonical affine and voxel sizes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { readNifti } from '../../lib/data/nifti';
import { checkVolume } from '../../lib/data/imageCheck';
import { CfcmlError } from '../../lib/util/errors';

const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'nifti');

interface Entry {
  file: string;
  covers: string;
  stored_shape: number[];
  canonical_shape: number[];
  orientation: string;
  canonical_orientation: string;
  canonical_affine: number[][];
  spacing: number[];
  canonical: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(FIX, 'manifest.json'), 'utf8')) as Entry[];

test('NIfTI corpus: at least 10 files, and among them NIfTI-2, big-endian, every data type and a non-RAS orientation', () => {
  assert.ok(manifest.length >= 10, `${manifest.length} files`);
  const covers = manifest.map((m) => m.covers).join(' | ');
  for (const word of ['NIfTI-2', 'big-endian', 'uint8', 'int16', 'int32', 'float32', 'float64', 'qform', 'sform', 'permuted', '4th dimension', 'scl_slope']) {
    assert.ok(covers.includes(word), `no corpus file covers ${word}`);
  }
  assert.ok(manifest.filter((m) => m.orientation !== 'RAS').length >= 8);
});

for (const m of manifest) {
  test(`NIfTI ${m.file} loads as nibabel's canonical volume (${m.covers})`, async () => {
    const v = await readNifti(path.join(FIX, m.file));
    // nibabel shapes are (x, y, z): ours are [nx, ny, nz] with x fastest, the same order.
    assert.deepEqual(v.dims, m.canonical_shape.slice(0, 3));
    assert.equal(v.orientation, m.orientation);
    const raw = fs.readFileSync(path.join(FIX, m.canonical));
    const want = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    assert.equal(v.data.length, want.length);
    let maxRel = 0;
    for (let i = 0; i < want.length; i++) {
      const d = Math.abs(v.data[i] - want[i]) / Math.max(1, Math.abs(want[i]));
      if (d > maxRel) maxRel = d;
    }
    assert.ok(maxRel <= 2 ** -23, `max relative difference ${maxRel} (more than float32 rounding)`);
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) assert.ok(Math.abs(v.affine[r][c] - m.canonical_affine[r][c]) < 1e-5, `affine[${r}][${c}] ${v.affine[r][c]} vs ${m.canonical_affine[r][c]}`);
    }
    v.spacing.forEach((s, k) => assert.ok(Math.abs(s - m.spacing[k]) < 1e-5, `spacing[${k}] ${s} vs ${m.spacing[k]}`));
    // The folder check reads the same header: it accepts the file and reports the stored dims.
    const c = checkVolume(path.join(FIX, m.file), { voxels: true });
    assert.equal(c.error, undefined, c.error?.message);
    assert.deepEqual(c.info?.dims, m.stored_shape.slice(0, 3));
  });
}

test('NIfTI: a reoriented volume really moves voxels (LPS differs from its stored order), a 4D volume with 2 frames is refused', async () => {
  const lps = manifest.find((m) => m.orientation === 'LPS' && m.file.includes('int16'))!;
  const buf = fs.readFileSync(path.join(FIX, lps.file));
  const v = await readNifti(path.join(FIX, lps.file));
  // First stored voxel (x=0, y=0) is at the canonical far corner in x and y.
  const [nx, ny] = v.dims;
  const slope = buf.readFloatLE(112);
  const inter = buf.readFloatLE(116);
  assert.equal(v.data[(nx - 1) + nx * (ny - 1)], buf.readInt16LE(352) * slope + inter);
  assert.notEqual(v.data[0], buf.readInt16LE(352) * slope + inter);

  const ras = manifest.find((m) => m.file.startsWith('singleton4d'))!;
  const four = Buffer.from(zlib.gunzipSync(fs.readFileSync(path.join(FIX, ras.file))));
  four.writeInt16LE(2, 48); // dim[4] = 2 frames
  const tmp = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'cfcml-nii-')), 'frames.nii');
  fs.writeFileSync(tmp, Buffer.concat([four, four.subarray(352)]));
  await assert.rejects(readNifti(tmp), (e: unknown) => e instanceof CfcmlError && e.message.includes(tmp) && e.message.includes('expected a 3D volume'));
  assert.match(checkVolume(tmp).error?.message ?? '', /a 4D volume with dims \[4, 3, 5, 2\]/);
});
