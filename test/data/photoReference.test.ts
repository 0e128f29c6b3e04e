/**
 * Photos against PIL: every file of the corpus written by scripts/reference/photo_corpus.py (EXIF
 * orientations, progressive and CMYK JPEGs, grey, palette, alpha and 16-bit PNGs, lying extensions) must
 * decode through cfcml's photo path as `ImageOps.exif_transpose(Image.open(f)).convert('RGB')` gives it: the
 * same size and every value within 2 levels (JPEG decoders may round differently).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodePhoto } from '../../lib/data/imageCache';
import { checkPhoto } from '../../lib/data/imageCheck';
import { CfcmlError } from '../../lib/util/errors';

const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'photo');

interface Entry {
  file: string;
  covers: string;
  width: number;
  height: number;
  orientation: number | null;
  reference: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(FIX, 'manifest.json'), 'utf8')) as Entry[];

test('photo corpus: at least 12 files covering orientation, CMYK, grey, palette, alpha, 16-bit, progressive and lying names', () => {
  assert.ok(manifest.length >= 12, `${manifest.length} files`);
  const covers = manifest.map((m) => m.covers).join(' | ');
  for (const word of ['EXIF orientation 6', 'CMYK', 'grey', 'palette', 'alpha', '16-bit', 'progressive', 'named .jpg']) assert.ok(covers.includes(word), `no file covers ${word}`);
});

for (const m of manifest) {
  test(`photo ${m.file} decodes as PIL decodes it (${m.covers})`, async (t) => {
    const got = await decodePhoto(path.join(FIX, m.file));
    assert.deepEqual([got.width, got.height], [m.width, m.height]);
    const want = fs.readFileSync(path.join(FIX, m.reference));
    assert.equal(got.data.length, want.length);
    let max = 0;
    for (let i = 0; i < want.length; i++) max = Math.max(max, Math.abs(got.data[i] - want[i]));
    t.diagnostic(`max abs difference ${max} levels`);
    assert.ok(max <= 2, `max abs difference ${max} levels`);
  });
}

test('photo: a photo tagged orientation 6 decodes as the same pixels without the tag turned 90° clockwise (not learned sideways)', async () => {
  const upright = await decodePhoto(path.join(FIX, 'baseline_444.jpg'));
  const six = await decodePhoto(path.join(FIX, 'exif_orientation_6.jpg'));
  // The corpus stores the same scene pixels in both files, one with the tag: applied, it turns 90° clockwise.
  assert.deepEqual([six.width, six.height], [upright.height, upright.width]);
  let max = 0;
  for (let y = 0; y < upright.height; y++) {
    for (let x = 0; x < upright.width; x++) {
      // Rotating clockwise: upright (x, y) lands at column H-1-y, row x.
      const a = (y * upright.width + x) * 3;
      const b = (x * six.width + (six.width - 1 - y)) * 3;
      for (let c = 0; c < 3; c++) max = Math.max(max, Math.abs(upright.data[a + c] - six.data[b + c]));
    }
  }
  assert.ok(max <= 2, `upright vs orientation-6 rotated back: ${max} levels`);
});

test('photo: a lying extension is read by content and noted; a GIF named .jpg and a text file are named in errors', async () => {
  const png = checkPhoto(path.join(FIX, 'png_named.jpg'));
  assert.equal(png.error, undefined);
  assert.equal(png.info?.format, 'png');
  assert.ok(png.notes.some((n) => n.includes('png_named.jpg') && n.includes('a PNG named .jpg')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-photo-'));
  const gif = path.join(dir, 'lesion.jpg');
  fs.writeFileSync(gif, Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(40)]));
  const c = checkPhoto(gif);
  assert.match(c.error?.message ?? '', /not a JPEG or PNG image \(first bytes 47494638\)/);
  const text = path.join(dir, 'notes.png');
  fs.writeFileSync(text, 'a text file with a picture name');
  await assert.rejects(decodePhoto(text), (e: unknown) => e instanceof CfcmlError && e.message.startsWith(`${text}: corrupt or unreadable image`));
});

/**
 * Resized photos against PIL: the landscape photo of scripts/reference/photo_resize.py (W×H 192×128, as PNG and
 * JPEG) resized through cfcml's photo path to H×W targets (aspect-preserving 64×96, square 64×64, 48×72, portrait
 * 96×64) must equal `Image.resize((W, H), Image.LANCZOS)` within 2 levels (3 from the JPEG) and 0.5 on average:
 * the same axes, aspect and kernel.
 */
const RESIZE = path.join(FIX, '..', 'photo_resize');
const resized = JSON.parse(fs.readFileSync(path.join(RESIZE, 'manifest.json'), 'utf8')) as {
  source: { height: number; width: number };
  resized: { file: string; height: number; width: number; reference: string }[];
};

test('photo resize corpus: a landscape source and non-square targets of both orientations', () => {
  assert.deepEqual(resized.source, { height: 128, width: 192 });
  const targets = resized.resized.map((e) => `${e.height}x${e.width}`);
  for (const t of ['64x96', '64x64', '96x64']) assert.ok(targets.includes(t), `no target ${t}`);
});

for (const e of resized.resized) {
  test(`photo ${e.file} resized to H×W ${e.height}×${e.width} equals PIL's Lanczos resize`, async (t) => {
    const got = await decodePhoto(path.join(RESIZE, e.file), [e.height, e.width]);
    assert.deepEqual([got.height, got.width], [e.height, e.width]);
    const want = fs.readFileSync(path.join(RESIZE, e.reference));
    assert.equal(got.data.length, want.length);
    let max = 0;
    let sum = 0;
    for (let i = 0; i < want.length; i++) {
      const d = Math.abs(got.data[i] - want[i]);
      max = Math.max(max, d);
      sum += d;
    }
    const mean = sum / want.length;
    t.diagnostic(`max abs difference ${max} levels, mean ${mean.toFixed(3)}`);
    // A PNG decodes exactly: only the two resizers' rounding differs. A JPEG adds its decoders' (up to 2 levels,
    // as above). A wrong axis order, aspect or kernel moves the mean by whole levels.
    assert.ok(max <= (e.file.endsWith('.png') ? 2 : 3), `max abs difference ${max} levels`);
    assert.ok(mean < 0.5, `mean abs difference ${mean.toFixed(3)} levels`);
  });
}
