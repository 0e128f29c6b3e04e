import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { encodePng, pngDataUri } from '../../lib/plots/png';
import { CfcmlError } from '../../lib/util/errors';

test('encodePng: an RGB and a grey image decode (libvips) to the same pixels', async () => {
  const w = 37, h = 23;
  const rgb = new Uint8Array(w * h * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 7919 + (i % 5) * 13) & 0xff; // rough, every filter gets used
  const back = await sharp(encodePng(rgb, w, h, 3)).raw().toBuffer({ resolveWithObject: true });
  assert.deepEqual([back.info.width, back.info.height, back.info.channels], [w, h, 3]);
  assert.deepEqual(new Uint8Array(back.data), rgb);
  const grey = new Uint8Array(w * h).map((_, i) => (i % w) * 6);
  const greyPng = encodePng(grey, w, h, 1);
  assert.equal((await sharp(greyPng).metadata()).channels, 1);
  const g = await sharp(greyPng).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  assert.deepEqual(new Uint8Array(g.data), grey);
});

test('encodePng: a smooth image compresses far below its raw size; bad sizes are CfcmlErrors', () => {
  const w = 96, h = 96;
  const px = new Uint8Array(w * h * 3).map((_, i) => Math.floor(i / 3) % w + Math.floor(i / 3 / w));
  const png = encodePng(px, w, h, 3);
  assert.ok(png.length < px.length / 10, `${png.length} bytes for ${px.length} raw`);
  assert.match(pngDataUri(png), /^data:image\/png;base64,iVBORw0KGgo/);
  assert.throws(() => encodePng(px, w, h + 1, 3), CfcmlError);
  assert.throws(() => encodePng(px, 0, h, 3), CfcmlError);
});
