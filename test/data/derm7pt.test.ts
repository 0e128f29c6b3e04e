import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { ImageCache, loadCohort, loadDerm7pt } from '../../lib/data';
import { CfcmlError } from '../../lib/util/errors';
import { editMeta, tmpDir, writeTinyDerm7pt } from './fixtures';

test('a hand-made release_v0 folder loads: grouping, exclusions, tabular values, paths', async () => {
  const root = tmpDir('tiny');
  await writeTinyDerm7pt(root);
  const c = await loadCohort(root);
  assert.equal(c.spec.name, 'derm7pt');
  assert.deepEqual(
    c.cases.map((x) => [x.id, x.split, x.label]),
    [
      ['1', 'train', 0],
      ['2', 'train', 1],
      ['4', 'train', 0],
      ['5', 'valid', 1],
      ['7', 'test', 0],
      ['8', 'test', 1],
    ],
  );
  assert.deepEqual(c.excluded, [
    { reason: 'diagnosis group BCC is not part of NEV vs MEL', count: 1 },
    { reason: 'diagnosis group SK is not part of NEV vs MEL', count: 1 },
  ]);
  const two = c.cases[1];
  assert.deepEqual(two.tabular, { difficulty: 'low', elevation: 'palpable', location: 'head neck', sex: 'male', management: 'excision' });
  assert.equal(two.imagePaths[1], path.join(root, 'images', 'Aa', 'd2.JPG'));
  assert.equal(two.extra?.diagnosis, 'melanoma (in situ)');
  assert.equal(c.cases[2].imagePaths[0], c.cases[2].imagePaths[1]); // one file for both images
  assert.match(c.fingerprint, /^[0-9a-f]{16}$/);

  await tf.setBackend('cpu');
  const cache = await ImageCache.load(c, { size: [32, 48] });
  const img = cache.get('1', 0);
  assert.equal(img.length, 32 * 48 * 3);
  assert.ok(img.every((v) => v >= 0 && v <= 1));
  // sharp decoded the solid colour (k=1: r=40, g=120, b=190) within JPEG error
  assert.ok(Math.abs(img[1] - 120 / 255) < 0.03, `green ${img[1]}`);

  // On-disk cache: a second load reads the stored arrays and gives the same values.
  const diskCache = path.join(root, '.cfcml-cache');
  const first = await ImageCache.load(c, { size: [32, 48], diskCache });
  assert.equal(fs.readdirSync(diskCache).length, 11); // 6 kept cases, 11 distinct files (case 4 has one for both)
  const second = await ImageCache.load(c, { size: [32, 48], diskCache });
  for (const x of c.cases) for (const m of [0, 1]) assert.deepEqual(second.get(x.id, m), first.get(x.id, m));
  assert.deepEqual(first.get('1', 0), img);
});

async function expectError(fn: () => Promise<unknown>, ...parts: (string | RegExp)[]): Promise<void> {
  await assert.rejects(fn, (e: unknown) => {
    assert.ok(e instanceof CfcmlError, `expected CfcmlError, got ${e}`);
    for (const p of parts) {
      if (typeof p === 'string') assert.ok(e.message.includes(p), `message lacks '${p}': ${e.message}`);
      else assert.match(e.message, p);
    }
    return true;
  });
}

test('bad Derm7pt input: each error names file, row, column and value', async () => {
  const fresh = async () => {
    const root = tmpDir('bad');
    await writeTinyDerm7pt(root);
    return root;
  };
  let root = await fresh();
  editMeta(root, 4, 'location', 'elbow');
  await expectError(() => loadDerm7pt(root), 'meta.csv', 'row 6', "column 'location'", "'elbow'", "'upper limbs'");

  root = await fresh();
  fs.unlinkSync(path.join(root, 'images', 'Cc', 'd7.jpg'));
  await expectError(() => loadDerm7pt(root), 'missing image', 'Cc/d7.jpg', 'row 8', "column 'derm'");

  root = await fresh();
  const meta = path.join(root, 'meta', 'meta.csv');
  const text = fs.readFileSync(meta, 'utf8').split('\n');
  const header = text[0].split(',');
  const drop = header.indexOf('elevation');
  fs.writeFileSync(meta, text.map((l) => (l ? l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter((_, k) => k !== drop).join(',') : l)).join('\n'));
  await expectError(() => loadDerm7pt(root), 'meta.csv', "missing column 'elevation'");

  root = await fresh();
  fs.writeFileSync(path.join(root, 'meta', 'valid_indexes.csv'), 'indexes\n5\n'); // only the SK row
  await expectError(() => loadDerm7pt(root), "empty split 'valid'", 'valid_indexes.csv');

  root = await fresh();
  fs.writeFileSync(path.join(root, 'meta', 'test_indexes.csv'), 'indexes\n6\n99\n');
  await expectError(() => loadDerm7pt(root), 'test_indexes.csv', 'row 3', "'99'");

  root = await fresh();
  editMeta(root, 0, 'diagnosis', 'freckle');
  await expectError(() => loadDerm7pt(root), 'row 2', "column 'diagnosis'", "'freckle'");

  root = await fresh();
  fs.writeFileSync(path.join(root, 'images', 'Cc', 'c8.jpg'), Buffer.from('this is not a jpeg'));
  await expectError(() => loadDerm7pt(root), 'not a JPEG or PNG image', 'c8.jpg', 'row 9', "column 'clinic'");
  const cohort = await loadDerm7pt(root, { checkImages: false });
  await expectError(() => ImageCache.load(cohort, { size: [16, 16] }), 'corrupt or unreadable image', 'c8.jpg');
});
