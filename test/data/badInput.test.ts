import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { ImageCache, loadCohort, loadDerm7pt, loadMen } from '../../lib/data';
import { synthMen } from '../../lib/synth';
import { parseCsv, formatCsv } from '../../lib/util/csv';
import { CfcmlProblemsError, ProblemList, type Problem } from '../../lib/util/problems';
import { editMeta, tmpDir, writeTinyDerm7pt } from './fixtures';

// Every kind of bad input for Derm7pt and MEN folders: each problem names file, row, column, value
// and what was expected; a folder with several problems lists them all; loading writes nothing.

/** Every file under `root` with its size and mtime, to show that loading writes nothing. */
function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        out.push(`${path.relative(root, p)} ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  walk(root);
  return out.sort();
}

/** Load with a collector; returns the problems (and checks the folder is unchanged). */
async function problemsOf(root: string, load: (p: ProblemList) => Promise<unknown> = (p) => loadDerm7pt(root, { problems: p })): Promise<Problem[]> {
  const before = snapshot(root);
  const problems = new ProblemList();
  await load(problems);
  assert.deepEqual(snapshot(root), before, 'loading must not write into the folder');
  return [...problems.list];
}

/** The one problem matching `pred`, checked field by field. */
function find(problems: Problem[], want: Partial<Problem> & { message?: string }, ...messageParts: string[]): Problem {
  const hit = problems.find(
    (p) =>
      (want.file === undefined || p.file.endsWith(want.file)) &&
      (want.row === undefined || p.row === want.row) &&
      (want.column === undefined || p.column === want.column) &&
      (want.value === undefined || p.value === want.value) &&
      messageParts.every((m) => p.message.includes(m)),
  );
  assert.ok(hit, `no problem like ${JSON.stringify(want)} ${messageParts.join(' | ')} in:\n${problems.map((p) => JSON.stringify(p)).join('\n')}`);
  return hit;
}

async function freshDerm(): Promise<string> {
  const root = tmpDir('bad13');
  await writeTinyDerm7pt(root);
  return root;
}

const META = path.join('meta', 'meta.csv');

test('Derm7pt: meta.csv missing (and a missing index file) are both named', async () => {
  const root = await freshDerm();
  fs.unlinkSync(path.join(root, META));
  fs.unlinkSync(path.join(root, 'meta', 'test_indexes.csv'));
  // loadCohort cannot detect the layout any more; loadDerm7pt is asked directly.
  const ps = await problemsOf(root);
  find(ps, { file: META }, 'file not found');
  find(ps, { file: 'test_indexes.csv' }, 'file not found');
  assert.equal(ps.length, 2);
  assert.match(ps[0].expected ?? '', /meta\/meta\.csv/);
});

test('Derm7pt: a renamed column is named with its likely new name; an extra column is accepted and reported', async () => {
  const root = await freshDerm();
  const file = path.join(root, META);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('elevation', 'elevaton'));
  const ps = await problemsOf(root);
  const p = find(ps, { file: META, row: 1, column: 'elevation' }, "missing column 'elevation'", "renamed to 'elevaton'?");
  assert.match(p.expected ?? '', /'elevaton'/);

  const root2 = await freshDerm();
  const t = parseCsv(fs.readFileSync(path.join(root2, META), 'utf8'));
  fs.writeFileSync(path.join(root2, META), formatCsv([...t.header, 'photo_quality'], t.rows.map((r) => ({ ...r, photo_quality: 'good' }))));
  const cohort = await loadDerm7pt(root2);
  assert.equal(cohort.cases.length, 6);
  assert.equal(cohort.cases[0].extra?.photo_quality, 'good');
  assert.ok(cohort.warnings?.some((w) => w.includes("extra column(s) 'photo_quality' accepted")), String(cohort.warnings));
});

test('Derm7pt: empty fields, unknown levels, bad indexes, duplicates, a case in two splits — all listed at once', async () => {
  const root = await freshDerm();
  editMeta(root, 0, 'location', 'earlobe'); // row 2 (an empty cell would be missing, not an error)
  editMeta(root, 1, 'sex', 'alien'); // row 3
  editMeta(root, 4, 'diagnosis', ''); // row 6
  editMeta(root, 7, 'diagnosis', 'freckle'); // row 9
  editMeta(root, 6, 'derm', ''); // row 8
  fs.writeFileSync(path.join(root, 'meta', 'train_indexes.csv'), 'indexes\n0\n1\n2\n3\n1\n');
  fs.writeFileSync(path.join(root, 'meta', 'valid_indexes.csv'), 'indexes\n4\n5\n0\n');
  fs.writeFileSync(path.join(root, 'meta', 'test_indexes.csv'), 'indexes\n6\n7\n99\nx\n');
  const before = snapshot(root);
  const err = await loadDerm7pt(root).then(
    () => assert.fail('should refuse'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof CfcmlProblemsError, String(err));
  assert.deepEqual(snapshot(root), before);
  const ps = [...err.problems];
  find(ps, { file: META, row: 2, column: 'location', value: 'earlobe' }, "unknown category 'earlobe'", "'upper limbs'", 'missing markers');
  find(ps, { file: META, row: 3, column: 'sex', value: 'alien' });
  find(ps, { file: META, row: 3, column: 'sex' }, "unknown category 'alien'", "'female', 'male'");
  find(ps, { file: META, row: 6, column: 'diagnosis', value: '' }, 'empty diagnosis');
  const unk = find(ps, { file: META, row: 9, column: 'diagnosis', value: 'freckle' }, "unknown diagnosis 'freckle'");
  assert.match(unk.expected ?? '', /'clark nevus'.*'melanoma'/);
  find(ps, { file: META, row: 8, column: 'derm', value: '' }, 'empty image path');
  find(ps, { file: 'train_indexes.csv', row: 6, column: 'indexes', value: '1' }, 'listed twice in train_indexes.csv (also row 3)');
  find(ps, { file: 'valid_indexes.csv', row: 4, column: 'indexes', value: '0' }, 'listed in both train', 'and valid');
  const past = find(ps, { file: 'test_indexes.csv', row: 4, column: 'indexes', value: '99' }, "index '99' is not a row number");
  assert.match(past.expected ?? '', /0\.\.7/);
  find(ps, { file: 'test_indexes.csv', row: 5, column: 'indexes', value: 'x' }, "index 'x'");
  // The message lists every problem, one line each, with file, row and column.
  assert.equal(err.total, ps.length);
  assert.ok(err.total >= 9, `${err.total} problems`);
  assert.match(err.message, new RegExp(`^${err.total} problems in the Derm7pt folder`));
  assert.equal(err.message.split('\n').length, err.total + 1);
  assert.match(err.message, /meta\.csv: row 3, column 'sex': unknown category 'alien'/);

  // Up to a limit, then a count.
  const few = new ProblemList(3);
  await loadDerm7pt(root, { problems: few });
  assert.equal(few.list.length, 3);
  assert.equal(few.total, err.total);
  assert.throws(() => few.throwIfAny('x'), (e: unknown) => e instanceof CfcmlProblemsError && e.message.includes(`… and ${err.total - 3} more`));
});

test('Derm7pt: missing, truncated, 1×1 and non-image files are refused; PNG named .jpg and grey photos accepted', async () => {
  const root = await freshDerm();
  const img = (rel: string) => path.join(root, 'images', rel);
  fs.unlinkSync(img('Aa/c2.jpg')); // row 3, clinic
  const jpeg = fs.readFileSync(img('Bb/c5.jpg'));
  fs.writeFileSync(img('Bb/c5.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2))); // row 6, clinic: truncated
  await sharp({ create: { width: 1, height: 1, channels: 3, background: { r: 1, g: 2, b: 3 } } }).jpeg().toFile(img('Cc/d7.jpg')); // row 8, derm
  fs.writeFileSync(img('Cc/d8.jpg'), 'GIF89a not a photo'); // row 9, derm
  await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 10, b: 10 } } }).png().toFile(img('Aa/d1.jpg')); // PNG named .jpg
  await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 90, g: 90, b: 90 } } }).toColourspace('b-w').jpeg().toFile(img('Cc/c8.jpg')); // grey
  const ps = await problemsOf(root);
  find(ps, { file: META, row: 3, column: 'clinic', value: 'Aa/c2.jpg' }, "missing image 'Aa/c2.jpg'");
  const tr = find(ps, { file: META, row: 6, column: 'clinic', value: 'Bb/c5.jpg' }, 'truncated JPEG', 'no end-of-image marker');
  assert.equal(tr.expected, 'a complete JPEG file');
  const tiny = find(ps, { file: META, row: 8, column: 'derm', value: 'Cc/d7.jpg' }, 'image is 1×1 pixels');
  assert.equal(tiny.expected, 'at least 8×8');
  find(ps, { file: META, row: 9, column: 'derm', value: 'Cc/d8.jpg' }, 'not a JPEG or PNG image', '47494638');
  assert.equal(ps.length, 4, JSON.stringify(ps));

  // The accepted ones load, are reported as notes, and decode to three channels.
  const ok = await freshDerm();
  await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 10, b: 10 } } }).png().toFile(path.join(ok, 'images', 'Aa/d1.jpg'));
  await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 90, g: 90, b: 90 } } }).toColourspace('b-w').jpeg().toFile(path.join(ok, 'images', 'Cc/c8.jpg'));
  const cohort = await loadDerm7pt(ok);
  assert.ok(cohort.warnings?.some((w) => w.includes('d1.jpg: a PNG named .jpg; accepted')), String(cohort.warnings));
  assert.ok(cohort.warnings?.some((w) => w.includes('c8.jpg: a grey (1-channel) image; accepted')), String(cohort.warnings));
  await tf.setBackend('cpu');
  const cache = await ImageCache.load(cohort, { size: [8, 8] });
  const png = cache.get('1', 1);
  assert.equal(png.length, 8 * 8 * 3);
  assert.ok(Math.abs(png[0] - 200 / 255) < 0.02 && png[1] < 0.1, `red PNG decoded: ${png.slice(0, 3)}`);
  const grey = cache.get('8', 0);
  assert.equal(grey.length, 8 * 8 * 3);
  assert.ok(Math.abs(grey[0] - grey[1]) < 1e-6 && Math.abs(grey[1] - grey[2]) < 1e-6, 'grey copied to R, G, B');
});

test('Derm7pt: CRLF line endings, a UTF-8 BOM and quoted fields with commas are accepted unchanged', async () => {
  const plain = await freshDerm();
  const odd = await freshDerm();
  // Quote a field with commas and quotes in both, so that the two differ only in encoding.
  for (const r of [plain, odd]) editMeta(r, 0, 'notes', 'left arm, "dark", irregular');
  for (const f of ['meta.csv', 'train_indexes.csv', 'valid_indexes.csv', 'test_indexes.csv']) {
    const file = path.join(odd, 'meta', f);
    fs.writeFileSync(file, '\ufeff' + fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
  }
  assert.ok(fs.readFileSync(path.join(odd, META)).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  const a = await loadDerm7pt(plain);
  const b = await loadDerm7pt(odd);
  assert.equal(b.cases.length, 6);
  assert.equal(b.fingerprint, a.fingerprint);
  assert.deepEqual(
    b.cases.map((c) => [c.id, c.tabular, c.extra?.notes]),
    a.cases.map((c) => [c.id, c.tabular, c.extra?.notes]),
  );
  assert.equal(b.cases[0].extra?.notes, 'left arm, "dark", irregular');
  assert.equal(b.cases[0].extra?.case_num, '1'); // the BOM did not become part of the first column's name
  assert.ok(!Object.keys(b.cases[0].extra ?? {}).some((k) => k.startsWith('\ufeff')));
  assert.equal(b.cases[0].id, '1');
});

test('a split with a class missing: train is refused naming the class; valid/test get a warning', async () => {
  const root = await freshDerm();
  fs.writeFileSync(path.join(root, 'meta', 'train_indexes.csv'), 'indexes\n0\n2\n3\n'); // NEV only (+BCC)
  const ps = await problemsOf(root);
  const p = find(ps, { file: 'train_indexes.csv' }, "split 'train' has no case of class 'MEL'", 'NEV 2, MEL 0');
  assert.equal(ps.length, 1, JSON.stringify(ps));
  assert.match(p.expected ?? '', /every class/);
  const c = await loadDerm7pt(await freshDerm()); // the fixture's valid split holds only MEL
  assert.ok(c.warnings?.some((w) => w.includes("split 'valid' has no case of class 'NEV'") && w.includes('AUC is undefined')), String(c.warnings));
});

test('a ragged CSV row is a problem with its row number; the other rows are still checked', async () => {
  const root = await freshDerm();
  const file = path.join(root, META);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines[2] = lines[2].replace(/,[^,]*$/, ''); // row 3 loses its last field
  fs.writeFileSync(file, lines.join('\n'));
  const ps = await problemsOf(root);
  const p = find(ps, { file: META, row: 3 }, '18 fields, the header has 19');
  assert.match(p.expected ?? '', /quote fields that hold commas/);
});

// ---------------------------------------------------------------------------------------------- MEN

const SIZE = [6, 10, 10] as const;

async function freshMen(): Promise<string> {
  const root = tmpDir('men13');
  await synthMen({ out: root, seed: 7, scale: 0.05, size: SIZE });
  return root;
}

function patients(root: string): { dir: string; id: string; split: string }[] {
  const out: { dir: string; id: string; split: string }[] = [];
  for (const split of ['train', 'val', 'test']) {
    for (const cls of fs.readdirSync(path.join(root, split))) {
      for (const id of fs.readdirSync(path.join(root, split, cls)).sort()) out.push({ dir: path.join(root, split, cls, id), id, split });
    }
  }
  return out;
}

/** A float32 NIfTI-1 (gzipped) holding `data`, with the synthetic volume's header otherwise. */
function floatNifti(like: string, dims: [number, number, number], data: Float32Array): Buffer {
  const head = Buffer.from(zlib.gunzipSync(fs.readFileSync(like)).subarray(0, 352));
  [3, ...dims, 1, 1, 1, 1].forEach((v, k) => head.writeInt16LE(v, 40 + 2 * k));
  head.writeInt16LE(16, 70);
  head.writeInt16LE(32, 72);
  head.writeFloatLE(1, 112);
  head.writeFloatLE(0, 116);
  return zlib.gzipSync(Buffer.concat([head, Buffer.from(data.buffer)]));
}

test('MEN: missing sequence, 4D NIfTI, non-gzip .nii.gz, NaN/Inf voxels, patients without images or rows — all listed', async () => {
  const root = await freshMen();
  const ps0 = patients(root);
  const [p1, p2, p3, p4, p5, p6] = ps0;
  fs.unlinkSync(path.join(p1.dir, 't2_bbox.nii.gz')); // missing sequence
  const raw = zlib.gunzipSync(fs.readFileSync(path.join(p2.dir, 't1_bbox.nii.gz')));
  raw.writeInt16LE(4, 40);
  raw.writeInt16LE(3, 48); // dim[4] = 3: a 4D series
  fs.writeFileSync(path.join(p2.dir, 't1_bbox.nii.gz'), zlib.gzipSync(raw));
  fs.writeFileSync(path.join(p3.dir, 'adc_bbox.nii.gz'), 'plain text, not gzip'); // non-gzip .nii.gz
  const n = SIZE[0] * SIZE[1] * SIZE[2];
  const withNaN = new Float32Array(n).fill(1);
  withNaN[5] = NaN;
  withNaN[17] = Infinity;
  fs.writeFileSync(path.join(p4.dir, 't2_bbox.nii.gz'), floatNifti(path.join(p4.dir, 't2_bbox.nii.gz'), [SIZE[2], SIZE[1], SIZE[0]], withNaN));
  // A patient folder without a clinical row, and a clinical row without a folder.
  const csv = path.join(root, 'clinical.csv');
  const t = parseCsv(fs.readFileSync(csv, 'utf8'));
  const idCol = t.header[0];
  const rowOf5 = t.rows.findIndex((r) => r[idCol] === p5.id);
  t.rows[rowOf5][idCol] = 'GHOST01';
  fs.writeFileSync(csv, formatCsv(t.header, t.rows));
  // A plain (uncompressed) NIfTI named .nii.gz is accepted with a note.
  fs.writeFileSync(path.join(p6.dir, 't1_bbox.nii.gz'), zlib.gunzipSync(fs.readFileSync(path.join(p6.dir, 't1_bbox.nii.gz'))));

  const before = snapshot(root);
  const err = await loadMen(root).then(
    () => assert.fail('should refuse'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof CfcmlProblemsError, String(err));
  assert.deepEqual(snapshot(root), before);
  const ps = [...err.problems];
  find(ps, { file: p1.dir, value: 't2_bbox.nii.gz' }, "missing sequence 't2'", `patient '${p1.id}'`);
  const four = find(ps, { file: path.join(p2.dir, 't1_bbox.nii.gz') }, 'a 4D volume with dims [10, 10, 6, 3]');
  assert.match(four.expected ?? '', /3D volume/);
  find(ps, { file: path.join(p3.dir, 'adc_bbox.nii.gz') }, 'named .nii.gz but neither gzip data nor a NIfTI header');
  const nan = find(ps, { file: path.join(p4.dir, 't2_bbox.nii.gz') }, '2 non-finite voxel(s)', 'the first NaN at (x 5, y 0, z 0)');
  assert.equal(nan.expected, 'finite intensities');
  find(ps, { file: 'clinical.csv', column: idCol, value: p5.id }, `patient '${p5.id}'`, 'has no row in the clinical CSV');
  assert.equal(ps.length, 5, ps.map((p) => p.message).join('\n'));

  // The reverse (a clinical row without images) is left out and reported, not refused.
  const problems = new ProblemList();
  const cohort = await loadMen(root, { problems });
  assert.ok(cohort.warnings?.some((w) => w.includes("'GHOST01' (row") && w.includes('no image folder')), String(cohort.warnings));
  assert.deepEqual(cohort.excluded, [{ reason: 'clinical CSV row without a patient folder', count: 1 }]);
  assert.ok(cohort.warnings?.some((w) => w.includes('t1_bbox.nii.gz: named .gz but not gzip-compressed; accepted')));
  assert.equal(cohort.cases.length, ps0.length - 5);
  assert.ok(!cohort.cases.some((c) => [p1, p2, p3, p4, p5].some((p) => p.id === c.id)));
});

test('loadCohort with a collector passes it through; without one it throws every problem', async () => {
  const root = await freshDerm();
  editMeta(root, 0, 'sex', 'x');
  editMeta(root, 1, 'sex', 'y');
  const problems = new ProblemList();
  const c = await loadCohort(root, { problems });
  assert.equal(problems.total, 2);
  assert.equal(c.cases.length, 4);
  await assert.rejects(loadCohort(root), (e: unknown) => e instanceof CfcmlProblemsError && e.total === 2 && /row 2, column 'sex'/.test(e.message) && /row 3, column 'sex'/.test(e.message));
});
