import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { relError } from '../../lib/backend/testing';
import { createModel, loadSwinWeights, stageGeometry, SWIN_T, swinEncoder, timmName, windowPartition, windowReverse, type CFCMLConfig, type CFCMLModel, type SwinOptions } from '../../lib/model';
import { lossGradients } from '../../lib/train/step';
import { CfcmlError } from '../../lib/util/errors';
import { encodeSafetensors, readSafetensors } from '../../lib/util/safetensors';
import { dermLike } from './helpers';

/**
 * lib/model/swin against timm's own SwinTransformer (scripts/reference/swin_timm_fixture.py, timm 0.9.16): a
 * small random Swin's state dict (small.safetensors, loaded by the same loader as real timm files), an input
 * batch and timm's four stage outputs (small_io.safetensors); and the names and shapes of timm's
 * swin_tiny_patch4_window7_224 (swin_tiny_names.json).
 */
const DIR = path.join(__dirname, '../../../test/fixtures/reference/swin');
const TOL = 1e-4;

interface FixtureMeta {
  config: { img_size: number; patch_size: number; embed_dim: number; depths: number[]; num_heads: number[]; window_size: number };
  stageShapes: number[][];
  float32ErrorVsFloat64: number[];
  paramsWithoutHead: number;
}
const META = JSON.parse(fs.readFileSync(path.join(DIR, 'small.json'), 'utf8')) as { small: FixtureMeta; padded: FixtureMeta };
const c = META.small.config;

/** The fixture's configuration as cfcml's Swin options and stage widths. */
function swinOf(m: FixtureMeta): { swin: SwinOptions; widths: [number, number, number, number] } {
  const f = m.config;
  return {
    swin: { depths: f.depths as unknown as SwinOptions['depths'], heads: f.num_heads as unknown as SwinOptions['heads'], window: f.window_size, patch: f.patch_size, mlpRatio: 4 },
    widths: [0, 1, 2, 3].map((s) => f.embed_dim * 2 ** s) as unknown as [number, number, number, number],
  };
}
const { swin: SMALL_SWIN, widths: SMALL_WIDTHS } = swinOf(META.small);

function swinModel(m: FixtureMeta, model: Partial<CFCMLConfig['model']> = {}): CFCMLModel {
  const { swin, widths } = swinOf(m);
  const config = dermLike(2, 'full', { backbone: 'swin', swin, encoderWidths: widths, ...model });
  return createModel({ ...config, imageSize: [m.config.img_size, m.config.img_size] });
}
const smallSwinModel = (model: Partial<CFCMLConfig['model']> = {}) => swinModel(META.small, model);

const SMALL_EXPECTED = 'the small timm Swin of scripts/reference/swin_timm_fixture.py';

test('setup: wasm backend with the project kernels', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
});

test('the fixtures exercise shifted windows and their masks in stages 1–3, one whole window in stage 4, and padding', () => {
  const g = stageGeometry([c.img_size, c.img_size], SMALL_WIDTHS, SMALL_SWIN);
  assert.deepEqual(g.map((s) => s.grid[0]), [56, 28, 14, 7]);
  assert.deepEqual(g.map((s) => s.shift[0]), [3, 3, 3, 0]);
  assert.deepEqual(g.map((s) => s.window[0]), [7, 7, 7, 7]);
  const p = swinOf(META.padded);
  const gp = stageGeometry([META.padded.config.img_size, META.padded.config.img_size], p.widths, p.swin);
  assert.deepEqual(gp.map((s) => s.grid[0]), [32, 16, 8, 4], 'not multiples of the window 7: padded');
  assert.deepEqual(gp.map((s) => s.shift[0]), [3, 3, 3, 0]);
  assert.deepEqual(gp.map((s) => s.window[0]), [7, 7, 7, 4]);
});

for (const name of ['small', 'padded'] as const) {
  test(`every stage of the ${name} Swin equals timm's, with timm's weights loaded by name (head skipped)`, (t) => {
    const meta = META[name];
    const model = swinModel(meta);
    loadSwinWeights(model, path.join(DIR, `${name}.safetensors`), `the ${name} timm Swin of scripts/reference/swin_timm_fixture.py`);
    const io = readSafetensors(path.join(DIR, `${name}_io.safetensors`));
    const pixels = io.tensor('input'); // U8 [B, H, W, 3] as float32 0..255
    const B = pixels.shape[0];
    const before = tf.memory().numTensors;
    const images = [0, 1].map(() => tf.tidy(() => tf.div(tf.tensor(pixels.data, pixels.shape), 255)));
    const tabular = tf.zeros([B, 5]) as tf.Tensor2D;
    for (let round = 0; round < 2; round++) {
      const out = model.forward(images, tabular, { training: false, intermediates: true });
      for (let s = 0; s < 4; s++) {
        const want = io.tensor(`stage${s + 1}`);
        const got = out.intermediates!.stageFeatures[0][s];
        assert.deepEqual(got.shape, want.shape, `stage ${s + 1} shape`);
        assert.deepEqual(meta.stageShapes[s], want.shape);
        const err = relError(got.dataSync(), want.data);
        const tol = Math.max(TOL, 2 * meta.float32ErrorVsFloat64[s]);
        if (round === 0) t.diagnostic(`stage ${s + 1}: relative error ${err.toExponential(2)} (timm float32 vs float64: ${meta.float32ErrorVsFloat64[s].toExponential(2)})`);
        assert.ok(err <= tol, `stage ${s + 1}: max |cfcml − timm| / max |timm| = ${err.toExponential(2)} > ${tol.toExponential(1)}`);
      }
      tf.dispose(out as unknown as tf.TensorContainer);
    }
    tf.dispose([...images, tabular]);
    assert.equal(tf.memory().numTensors, before, 'no tensor left behind by the Swin forward');
    model.dispose();
  });
}

test('the loader refuses a file of other names or shapes with one error listing them, and assigns nothing', () => {
  const model = smallSwinModel();
  const src = readSafetensors(path.join(DIR, 'small.safetensors'));
  const tensors = [...src.entries.keys()].map((name) => ({ name, ...src.tensor(name) }));
  const renamed = tensors
    .filter((t) => t.name !== 'layers.1.downsample.reduction.weight') // missing
    .map((t) => (t.name === 'norm.weight' ? { ...t, name: 'fc_norm.weight' } : t)) // unexpected (and norm.weight missing)
    .map((t) => (t.name === 'layers.0.blocks.1.attn.qkv.bias' ? { ...t, shape: [t.data.length / 2, 2] } : t)); // mis-shaped
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-swin-')), 'bad.safetensors');
  fs.writeFileSync(file, encodeSafetensors(renamed));
  const key = 'encoder0/patch_embed/proj/weight';
  const before = model.weights.find((w) => w.key === key)!.variable.dataSync().slice();
  assert.throws(
    () => loadSwinWeights(model, file, SMALL_EXPECTED),
    (e: unknown) => {
      assert.ok(e instanceof CfcmlError);
      const m = e.message;
      assert.match(m, /2 missing: layers\.1\.downsample\.reduction\.weight \[12,24\], norm\.weight \[48\]/);
      assert.match(m, /1 unexpected: fc_norm\.weight \[48\]/);
      assert.match(m, /1 mis-shaped: layers\.0\.blocks\.1\.attn\.qkv\.bias \(file \[9,2\], expected \[18\]\)/);
      assert.match(m, /Expected the small timm Swin/);
      assert.ok(m.includes(file), 'names the file');
      return true;
    },
  );
  assert.deepEqual(model.weights.find((w) => w.key === key)!.variable.dataSync(), before, 'nothing assigned');
  model.dispose();
});

test("full Swin-T: every tensor name and shape and the parameter count of timm's swin_tiny_patch4_window7_224 without head", () => {
  const ref = JSON.parse(fs.readFileSync(path.join(DIR, 'swin_tiny_names.json'), 'utf8')) as { params: number; tensors: [string, number[]][] };
  const made: { key: string; v: tf.Variable }[] = [];
  let n = 0;
  const encoder = swinEncoder()({
    kind: '2d',
    channels: 3,
    imageSize: [224, 224],
    widths: [96, 192, 384, 768],
    params: {
      // Zeros: only names and shapes are compared (no 27.5 M random draws).
      add: (key, shape) => {
        const v = tf.variable(tf.zeros(shape), true, `swinT${n++}`);
        made.push({ key, v });
        return v;
      },
      adopt: () => assert.fail('the Swin encoder adopts nothing'),
    },
  });
  assert.deepEqual(encoder.stageChannels, [96, 192, 384, 768]);
  assert.deepEqual(SWIN_T, { depths: [2, 2, 6, 2], heads: [3, 6, 12, 24], window: 7, patch: 4, mlpRatio: 4 });
  const ours = made.map(({ key, v }) => [timmName(key), v.shape] as [string, number[]]);
  assert.deepEqual(ours, ref.tensors, "same names, shapes and order as timm's state dict");
  assert.equal(made.reduce((s, m) => s + m.v.size, 0), ref.params);
  assert.equal(ref.params, 27_519_354);
  made.forEach((m) => m.v.dispose());
});

test('freezeStages 3: stages 1–3 get no gradient and are non-trainable; stage 4 and the head get one', () => {
  const model = smallSwinModel({ freezeStages: 3 });
  const enc = model.weights.filter((w) => w.key.startsWith('encoder0/'));
  const frozen = enc.filter((w) => !w.variable.trainable).map((w) => w.key);
  assert.ok(frozen.includes('encoder0/patch_embed/proj/weight') && frozen.includes('encoder0/layers/2/blocks/1/mlp/fc2/bias'));
  assert.ok(frozen.every((k) => /^encoder0\/(patch_embed|layers\/[012])\//.test(k)), frozen.join(', '));
  assert.equal(frozen.length, enc.filter((w) => /^encoder0\/(patch_embed|layers\/[012])\//.test(w.key)).length);
  const x = tf.tidy(() => [0, 1].map(() => tf.randomUniform([2, c.img_size, c.img_size, 3], 0, 1, 'float32', 3)));
  const tabular = tf.zeros([2, 5]) as tf.Tensor2D;
  const labels = tf.tensor1d([0, 1], 'int32');
  const g = tf.tidy(() => {
    const r = lossGradients({ model, batch: { images: x, tabular, labels }, hostLabels: [0, 1], dropoutSeed: 1, numClasses: 2, weights: { sam: 0.1, up: 0.1, cp: 0.1 }, tau: 0.07 });
    r.terms.dispose();
    return r.grads;
  });
  const byKey = new Map(model.weights.map((w) => [w.variable.name, w.key]));
  const withGrad = new Set(Object.entries(g).filter(([, t]) => t != null).map(([name]) => byKey.get(name)));
  for (const k of frozen) assert.ok(!withGrad.has(k), `frozen ${k} has a gradient`);
  for (const k of ['encoder0/layers/3/blocks/0/attn/qkv/weight', 'encoder0/layers/3/downsample/reduction/weight', 'encoder0/norm/weight']) {
    assert.ok(withGrad.has(k), `${k} has a gradient`);
  }
  const gNorm = tf.tidy(() => tf.norm(g[model.weights.find((w) => w.key === 'encoder0/layers/3/downsample/reduction/weight')!.variable.name]).dataSync()[0]);
  assert.ok(gNorm > 0, 'stage 4 gradient is not zero');
  tf.dispose([...x, tabular, labels, ...Object.values(g)]);
  model.dispose();
});

test('frozen stages run off the gradient tape: a step with stages 1–3 frozen holds far less memory', async (t) => {
  const peak = async (freezeStages: number): Promise<number> => {
    const model = smallSwinModel({ freezeStages });
    const x = tf.tidy(() => [0, 1].map(() => tf.randomUniform([2, c.img_size, c.img_size, 3], 0, 1, 'float32', 3)));
    const tabular = tf.zeros([2, 5]) as tf.Tensor2D;
    const labels = tf.tensor1d([0, 1], 'int32');
    const info = await tf.profile(() => {
      const r = lossGradients({ model, batch: { images: x, tabular, labels }, hostLabels: [0, 1], dropoutSeed: 1, numClasses: 2, weights: { sam: 0.1, up: 0.1, cp: 0.1 }, tau: 0.07 });
      tf.dispose([r.terms, ...Object.values(r.grads)]);
    });
    tf.dispose([...x, tabular, labels]);
    model.dispose();
    return info.peakBytes;
  };
  const all = await peak(0);
  const frozen = await peak(3);
  t.diagnostic(`peak bytes of a step: ${all} trainable, ${frozen} with stages 1–3 frozen (${(frozen / all).toFixed(3)})`);
  assert.ok(frozen < 0.5 * all, `frozen ${frozen} vs ${all}`);
});

test('window partition and reverse are inverse, in timm order (batch, window row, window column, row-major inside)', () => {
  tf.tidy(() => {
    const x = tf.reshape(tf.range(0, 2 * 4 * 6 * 1), [2, 4, 6, 1]) as tf.Tensor4D;
    const w = windowPartition(x, [2, 3]);
    assert.deepEqual(w.shape, [2 * 2 * 2, 6, 1]);
    assert.deepEqual(Array.from(w.dataSync().slice(0, 12)), [0, 1, 2, 6, 7, 8, 3, 4, 5, 9, 10, 11]);
    assert.deepEqual(windowReverse(w, [2, 3], 4, 6).dataSync(), x.dataSync());
  });
});

test('a Swin backbone refuses sizes timm refuses, and 3D or grey images, with a CfcmlError', () => {
  assert.throws(() => smallSwinModel({ encoderWidths: [6, 12, 24, 50] }), /stage 4: 50 channels cannot be split over 6 heads/);
  assert.throws(() => createModel({ ...dermLike(2, 'full', { backbone: 'swin', swin: SMALL_SWIN, encoderWidths: SMALL_WIDTHS }), imageSize: [36, 36] }), /patch merging needs an even token grid/);
  assert.throws(() => createModel({ ...dermLike(2, 'full', { backbone: 'swin', encoderWidths: SMALL_WIDTHS }), images: [{ kind: '2d', channels: 1 }], imageSize: [32, 32] }), /2D RGB images/);
});
