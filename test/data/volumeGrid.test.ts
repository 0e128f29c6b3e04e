/**
 * Volumes of a real-looking cohort: a MEN volume rewritten in LPS order loads exactly as its RAS original;
 * a volume with another voxel size is flagged by inspect and handled by the chosen grid policy (refuse
 * names the grids; resample leaves the common-grid volumes as they were and rescales the other). Photos:
 * inspect counts the EXIF orientation tags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { ImageCache, inspectCohort, formatInspectReport, loadCohort, readNifti } from '../../lib/data';
import { synthMen } from '../../lib/synth';
import { CfcmlError } from '../../lib/util/errors';
import { parseArgs } from '../../lib/cli/args';
import { trainCommand } from '../../lib/cli/commands/train';
import { tmpDir, writeTinyDerm7pt } from './fixtures';

const SIZE = [6, 10, 12] as const;
const OUT = [4, 8, 8] as const;

/** Rewrite a uint8 NIfTI-1 (as the generator writes it) with x and y reversed and an sform saying so (LPS). */
function toLps(file: string): void {
  const buf = Buffer.from(zlib.gunzipSync(fs.readFileSync(file)));
  const [nx, ny, nz] = [1, 2, 3].map((k) => buf.readInt16LE(40 + 2 * k));
  const [sx, sy, sz] = [1, 2, 3].map((k) => buf.readFloatLE(76 + 4 * k));
  const src = Buffer.from(buf.subarray(352));
  for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) {
    buf[352 + x + nx * (y + ny * z)] = src[(nx - 1 - x) + nx * ((ny - 1 - y) + ny * z)];
  }
  buf.writeInt16LE(2, 254); // sform_code: aligned
  const srow = [[-sx, 0, 0, (nx - 1) * sx], [0, -sy, 0, (ny - 1) * sy], [0, 0, sz, 0]];
  srow.flat().forEach((v, k) => buf.writeFloatLE(v, 280 + 4 * k));
  fs.writeFileSync(file, zlib.gzipSync(buf));
}

/** Set a NIfTI-1's voxel size along z (pixdim[3], which its qform uses). */
function setZSpacing(file: string, sz: number): void {
  const buf = Buffer.from(zlib.gunzipSync(fs.readFileSync(file)));
  buf.writeFloatLE(sz, 76 + 12);
  fs.writeFileSync(file, zlib.gzipSync(buf));
}

test('MEN: an LPS volume loads as its RAS original; other voxel sizes are flagged, refused or resampled as chosen', async () => {
  await tf.setBackend('cpu');
  const root = tmpDir('grid');
  await synthMen({ out: root, seed: 11, scale: 0.04, size: SIZE });
  let cohort = await loadCohort(root);
  const [a, b] = cohort.cases;
  const before = await ImageCache.load(cohort, { size: OUT, cases: [a, b] });
  const resizedB = before.get(b.id, 0);

  // The generator's volumes are RAS with 1×1×5 mm voxels: read in stored order, unchanged by the reorientation.
  const gen = await readNifti(a.imagePaths[0]);
  assert.equal(gen.orientation, 'RAS');
  assert.deepEqual(gen.spacing, [1, 1, 5]);
  const stored = zlib.gunzipSync(fs.readFileSync(a.imagePaths[0]));
  const [slope, inter] = [stored.readFloatLE(112), stored.readFloatLE(116)];
  assert.ok(gen.data.every((v, i) => v === Math.fround(stored[352 + i] * slope + inter)));

  toLps(a.imagePaths[0]);
  assert.equal((await readNifti(a.imagePaths[0])).orientation, 'LPS');
  cohort = await loadCohort(root);
  const lps = await ImageCache.load(cohort, { size: OUT, cases: [a] });
  assert.deepEqual(Array.from(lps.get(a.id, 0)), Array.from(before.get(a.id, 0)), 'the LPS copy loads exactly as the RAS original');

  setZSpacing(b.imagePaths[0], 10);
  cohort = await loadCohort(root);
  const name = cohort.spec.imageModalities[0].name;
  const rep = await inspectCohort(cohort);
  assert.deepEqual(rep.volumes[name].orientations, { RAS: cohort.cases.length - 1, LPS: 1 });
  assert.deepEqual(rep.volumes[name].grids.map((g) => [g.grid, g.count]), [
    [`${SIZE.join('x')} @ 5x1x1 mm`, cohort.cases.length - 1],
    [`${SIZE.join('x')} @ 10x1x1 mm`, 1],
  ]);
  const warning = rep.warnings.find((w) => w.startsWith(`'${name}' volumes differ in grid`));
  assert.ok(warning?.includes('--volume-grid refuse') && warning.includes(path.relative(root, b.imagePaths[0])), String(warning));
  const text = formatInspectReport(rep);
  assert.match(text, new RegExp(`${name} +stored orientation RAS ×${cohort.cases.length - 1}, LPS ×1`));
  assert.equal(rep.volumes[cohort.spec.imageModalities[1].name].grids.length, 1);

  await assert.rejects(
    ImageCache.load(cohort, { size: OUT, cases: [a], volumeGrid: 'refuse' }),
    (e: unknown) => e instanceof CfcmlError && e.message.includes(`the '${name}' volumes differ in grid`) && e.message.includes('@ 10x1x1 mm ×1') && e.hint!.includes('resample'),
  );
  const resampled = await ImageCache.load(cohort, { size: OUT, cases: [a, b], volumeGrid: 'resample' });
  // A volume on the common grid is untouched by the resampling; the other is rescaled along z.
  assert.deepEqual(Array.from(resampled.get(a.id, 0)), Array.from(before.get(a.id, 0)));
  const rb = resampled.get(b.id, 0);
  assert.equal(rb.length, OUT[0] * OUT[1] * OUT[2]);
  assert.ok(rb.some((v, i) => Math.abs(v - resizedB[i]) > 1e-3), 'resampling changed the 10 mm volume');
  const mean = rb.reduce((s, v) => s + v, 0) / rb.length;
  assert.ok(Math.abs(mean) < 1e-4, `standardised after resampling: mean ${mean}`);
  // The command line chooses it: cfcml train --volume-grid refuse stops before any training, naming the grids.
  const out = path.join(tmpDir('grid-run'), 'run');
  await assert.rejects(
    Promise.resolve().then(() => trainCommand.run(parseArgs(trainCommand, ['--data', root, '--preset', 'tiny', '--volume-grid', 'refuse', '--out', out, '--progress', 'none']))),
    (e: unknown) => e instanceof CfcmlError && e.message.includes('differ in grid'),
  );
  assert.throws(() => parseArgs(trainCommand, ['--data', root, '--volume-grid', 'sometimes']), /volume-grid/);
  // Other modalities of the same case are unchanged by another modality's policy.
  assert.deepEqual(Array.from(resampled.get(b.id, 1)), Array.from(before.get(b.id, 1)));
  assert.equal(tf.memory().numTensors, 0);
});

test('inspect: photos with an EXIF orientation tag are counted, those that turn apart', async () => {
  const root = tmpDir('orient');
  await writeTinyDerm7pt(root);
  let cohort = await loadCohort(root);
  const derm = cohort.spec.imageModalities.findIndex((m) => m.name === 'derm');
  const files = [...new Set(cohort.cases.map((c) => c.imagePaths[derm]))];
  fs.writeFileSync(files[0], await sharp(files[0]).withMetadata({ orientation: 6 }).jpeg().toBuffer());
  fs.writeFileSync(files[1], await sharp(files[1]).withMetadata({ orientation: 1 }).jpeg().toBuffer());
  cohort = await loadCohort(root);
  const rep = await inspectCohort(cohort);
  assert.deepEqual(rep.photoOrientation.derm, { tagged: 2, turned: 1, files: files.length });
  assert.match(formatInspectReport(rep), /derm +EXIF orientation tag on 2 of \d+ photos, 1 turned or mirrored \(applied when loading\)/);
});
