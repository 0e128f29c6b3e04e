import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initBackend } from '../../lib/backend';
import { main } from '../../lib/cli/main';
import { parsePresetOverrides, resolveTrainPreset } from '../../lib/train/config';
import { DERM7PT } from '../../lib/data/datasets';
import { loadCheckpoint, unpackWeights } from '../../lib/run/checkpoint';
import { readSafetensors } from '../../lib/util/safetensors';

/**
 * The paper preset with a Swin backbone trains end to end from the CLI, with the small timm Swin of
 * scripts/reference/swin_timm_fixture.py as its pretrained weights (`--weights`), on the real-format Derm7pt
 * folder of the equivalence fixtures; stages 1–3 (frozen by the preset) come out bit for bit as loaded.
 */
const DATA = path.join(__dirname, '../../../test/fixtures/equivalence/derm7pt');
const WEIGHTS = path.join(__dirname, '../../../test/fixtures/reference/swin/small.safetensors');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-swin-train-'));

/** The small Swin of the fixture (patch 2 at 112 px, widths 6-12-24-48, depths 2-2-2-2, heads 1-2-3-6) and tiny heads. */
const SMALL = 'model.encoderWidths=6:12:24:48,model.swin.depths=2:2:2:2,model.swin.heads=1:2:3:6,model.swin.patch=2,model.width=16,model.imgTokens=4,model.tabTokens=4,model.heads=2,warmupEpochs=0';

before(async () => {
  await initBackend({ quiet: true });
});

test('the paper preset of Derm7pt is the authors\' fine-tuning: Swin-T, stages 1–3 frozen, backbone lr × 0.1', () => {
  const p = DERM7PT.presets.paper;
  assert.equal(p.model.backbone, 'swin');
  assert.equal(p.model.freezeStages, 3);
  assert.equal(p.backboneLrScale, 0.1);
  assert.deepEqual(p.model.encoderWidths, [96, 192, 384, 768]);
  assert.deepEqual(p.imageSize, [224, 224]);
});

test('--set and --weights reach the preset: small Swin sizes, the weights file resolved, checked', () => {
  const ov = parsePresetOverrides(SMALL + ',model.freezeStages=2,model.backbone=swin');
  const t = resolveTrainPreset({ data: DATA, preset: 'paper', overrides: { ...ov, model: { ...ov.model, backboneWeights: path.relative(process.cwd(), WEIGHTS) } } }, DERM7PT);
  assert.deepEqual(t.model.encoderWidths, [6, 12, 24, 48]);
  assert.deepEqual(t.model.swin, { depths: [2, 2, 2, 2], heads: [1, 2, 3, 6], patch: 2 });
  assert.equal(t.model.freezeStages, 2);
  assert.equal(t.model.backboneWeights, WEIGHTS, 'resolved to an absolute path');
  assert.throws(() => parsePresetOverrides('model.swin.depths=2:2:6'), /four whole numbers/);
  assert.throws(() => parsePresetOverrides('model.backbone=vit'), /expected one of residual, swin/);
  assert.throws(() => resolveTrainPreset({ data: DATA, preset: 'cpu', overrides: { model: { backboneWeights: WEIGHTS } } }, DERM7PT), /need model\.backbone=swin/);
  assert.throws(() => resolveTrainPreset({ data: DATA, preset: 'paper', overrides: { model: { backboneWeights: path.join(root, 'none.safetensors') } } }, DERM7PT), /backbone weights not found/);
  assert.throws(() => resolveTrainPreset({ data: DATA, preset: 'paper', overrides: { model: { freezeStages: 5 } } }, DERM7PT), /freezeStages must be a whole number 0–4/);
});

test('cfcml train --preset paper --weights <timm fixture>: trains; frozen stages 1–3 bit-identical, stage 4 moved', async () => {
  const out = path.join(root, 'run');
  const code = await main(['train', '--data', DATA, '--preset', 'paper', '--weights', WEIGHTS, '--image-size', '112', '--epochs', '1', '--batch-size', '4', '--set', SMALL, '--seed', '3', '--out', out, '--progress', 'none', '--json']);
  assert.equal(code, 0);
  const metrics = JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8')) as Record<string, unknown>;
  assert.ok(metrics, 'metrics.json written');
  const file = readSafetensors(WEIGHTS);
  for (const kind of ['best', 'last']) {
    const weights = new Map(unpackWeights(loadCheckpoint(path.join(out, `${kind}.ckpt`))).map((w) => [w.key, w]));
    let frozen = 0;
    let moved = 0;
    for (const [key, w] of weights) {
      const m = /^encoder0\/(.+)$/.exec(key);
      if (!m) continue;
      const loaded = file.tensor(m[1].split('/').join('.'));
      const same = Buffer.from(w.data.buffer, w.data.byteOffset, w.data.byteLength).equals(Buffer.from(loaded.data.buffer, loaded.data.byteOffset, loaded.data.byteLength));
      if (/^(patch_embed|layers\/[012])\//.test(m[1])) {
        assert.ok(same, `${kind}: frozen ${key} changed`);
        frozen++;
      } else if (!same) moved++;
    }
    assert.equal(frozen, 4 + 6 * 13 + 2 * 3, `${kind}: every frozen tensor compared (patch embedding, 6 blocks of 13, 2 patch mergings of 3)`);
    assert.ok(moved >= 20, `${kind}: stage 4 trained (${moved} tensors moved)`);
  }
});

test('a weights file that does not fit Swin-T is refused before training with the list of mis-shaped tensors', async () => {
  const errors: string[] = [];
  const orig = console.error;
  console.error = (...a: unknown[]) => void errors.push(a.join(' '));
  let code: number;
  try {
    code = await main(['train', '--data', DATA, '--preset', 'paper', '--weights', WEIGHTS, '--image-size', '128', '--set', 'model.width=16,model.imgTokens=4,model.tabTokens=4', '--out', path.join(root, 'bad'), '--progress', 'none']);
  } finally {
    console.error = orig;
  }
  assert.equal(code, 2);
  const msg = errors.join('\n');
  assert.match(msg, /mis-shaped: patch_embed\.proj\.weight \(file \[6,3,2,2\], expected \[96,3,4,4\]\)/);
  assert.match(msg, /missing: layers\.2\.blocks\.2\./);
  assert.match(msg, /52 missing: .*; 119 mis-shaped: /);
  assert.match(msg, /Swin-T: the model\.safetensors of the Hugging Face model timm\/swin_tiny_patch4_window7_224\.ms_in1k/);
  assert.ok(!fs.existsSync(path.join(root, 'bad', 'best.ckpt')));
});
