/**
 * Views of different sizes (`ImageInputSpec.size`, the preset's `viewSizes`): each encoder runs at its view's
 * size, the stage token counts N_s and everything after them follow per view, and a shared encoder serves views
 * of several sizes with one set of weights.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createModel, swinEncoder, type CFCMLConfig, type ForwardOutput } from '../../lib/model';
import { disposeForward } from '../../lib/notebook/helpers';
import { CfcmlError } from '../../lib/util/errors';
import { dermLike, maxAbsDiff, menLike, randomInputs } from './helpers';

before(async () => {
  await tf.setBackend('cpu');
});

/** dermLike with the clinic view (image 0) at `clinic` and the dermoscopic one (image 1) at `derm`. */
function sized(clinic: number[], derm: number[], variant: CFCMLConfig['variant'] = 'full', model: Partial<CFCMLConfig['model']> = {}): CFCMLConfig {
  const c = dermLike(2, variant, model);
  return { ...c, images: [{ ...c.images[0], name: 'clinic', size: clinic }, { ...c.images[1], name: 'derm', size: derm }] };
}

const featuresOf = (out: ForwardOutput) => out.intermediates!.stageFeatures;

test('views of different sizes: each view\'s stage maps at its own grid (ceil of the stride-4, then stride-2 steps), logits [B, C]', () => {
  for (const shared of [true, false]) {
    const model = createModel(sized([16, 24], [16, 16], 'full', { sharedEncoder: shared }));
    const { images, tabular } = randomInputs(model.config, 3, 5);
    assert.deepEqual(images.map((x) => x.shape), [[3, 16, 24, 3], [3, 16, 16, 3]]);
    const out = model.forward(images, tabular, { training: false, intermediates: true });
    const grids = featuresOf(out).map((stages) => stages.map((F) => F.shape.slice(1, 3).join('x')));
    assert.deepEqual(grids, [
      ['4x6', '2x3', '1x2', '1x1'],
      ['4x4', '2x2', '1x1', '1x1'],
    ]);
    assert.deepEqual(out.logits.shape, [3, 2]);
    // (C1) compresses every view's N_s tokens to the same L_img tokens, so CIE and fusion see equal shapes.
    for (const stage of out.intermediates!.tokens) assert.deepEqual(stage.map((P) => P.shape), [[3, 3, 8], [3, 3, 8], [3, 2, 8]]);
    tf.dispose([...images, tabular]);
    model.dispose();
  }
});

test('a shared encoder serves two sizes with one set of weights: each view is encoded as a one-size model encodes it', () => {
  const A = [16, 24];
  const B = [16, 16];
  const mixed = createModel(sized(A, B));
  const onlyA = createModel(sized(A, A));
  const onlyB = createModel(sized(B, B));
  // The encoder's weights come first from the same seed: the same values in all three models.
  const encoderKeys = (m: typeof mixed) => m.weights.filter((w) => w.group === 'encoder').map((w) => w.key);
  assert.deepEqual(encoderKeys(mixed), encoderKeys(onlyA));
  assert.ok(encoderKeys(mixed).every((k) => k.startsWith('encoder0/')), 'one encoder, no second copy of its weights');
  const { images: ia, tabular } = randomInputs(onlyA.config, 2, 3);
  const { images: ib } = randomInputs(onlyB.config, 2, 4);
  const fm = featuresOf(mixed.forward([ia[0], ib[1]], tabular, { training: false, intermediates: true }));
  const fa = featuresOf(onlyA.forward(ia, tabular, { training: false, intermediates: true }));
  const fb = featuresOf(onlyB.forward(ib, tabular, { training: false, intermediates: true }));
  for (let s = 0; s < 4; s++) {
    assert.ok(maxAbsDiff(fm[0][s], fa[0][s]) === 0, `view 0, stage ${s + 1}: as the all-${A.join('x')} model`);
    assert.ok(maxAbsDiff(fm[1][s], fb[1][s]) === 0, `view 1, stage ${s + 1}: as the all-${B.join('x')} model`);
  }
  // A step on the mixed model moves the one encoder: its gradient gathers both views.
  const grads = tf.variableGrads(() => tf.sum(mixed.forward([ia[0], ib[1]], tabular, { training: false }).logits) as tf.Scalar);
  const stem = mixed.weights.find((w) => w.key.startsWith('encoder0/stage1/stem/conv'))!;
  assert.ok(tf.tidy(() => tf.max(tf.abs(grads.grads[stem.variable.name])).dataSync()[0]) > 0);
  tf.dispose([...ia, ...ib, tabular, ...Object.values(grads.grads), grads.value]);
  for (const m of [mixed, onlyA, onlyB]) m.dispose();
});

test('views of different sizes: forward passes leak no tensors (shared and separate encoders, CFCML and pooled heads)', () => {
  for (const [variant, shared] of [['full', true], ['full', false], ['late-fusion', true]] as const) {
    const model = createModel(sized([16, 24], [16, 16], variant, { sharedEncoder: shared }));
    const { images, tabular } = randomInputs(model.config, 2, 1);
    const once = () => disposeForward(model.forward(images, tabular, { training: true, seed: 1, intermediates: true }));
    once();
    const n = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) once();
    assert.equal(tf.memory().numTensors, n, `${variant}, shared ${shared}`);
    tf.dispose([...images, tabular]);
    model.dispose();
  }
});

test('views of different sizes: inputs at another view\'s size are refused, naming the image and the shape expected', () => {
  const model = createModel(sized([16, 24], [16, 16]));
  const { images, tabular } = randomInputs(model.config, 2, 1);
  assert.throws(
    () => model.forward([images[1], images[0]], tabular, { training: false }),
    (e: unknown) => e instanceof CfcmlError && /image 0 has shape \[2,16,16,3\], expected \[2,16,24,3\]/.test(e.message),
  );
  tf.dispose([...images, tabular]);
  model.dispose();
});

test('a size the encoder cannot take is refused naming the view, its size and sizes that work', () => {
  const swin = { backbone: 'swin' as const, encoderWidths: [4, 8, 8, 8] as [number, number, number, number], swin: { depths: [1, 1, 1, 1] as [number, number, number, number], heads: [1, 1, 1, 1] as [number, number, number, number], window: 2 } };
  const fails = (config: CFCMLConfig, pattern: RegExp) =>
    assert.throws(() => createModel(config), (e: unknown) => e instanceof CfcmlError && pattern.test(e.message), pattern.source);
  fails(
    sized([32, 48], [32, 32], 'full', { ...swin, sharedEncoder: false }),
    /view 'clinic' at 32×48 \(H×W\): stage 4: patch merging needs an even token grid, got 2×3 \(image 32×48, patch 4\); sides that are multiples of 32 \(patch 4 × 8\) work, e.g. 32×64/,
  );
  fails(sized([32, 32], [30, 32], 'full', { ...swin, sharedEncoder: false }), /view 'derm' at 30×32 \(H×W\): image 30×32 is not a multiple of the Swin patch 4; .* e.g. 32×32/);
  // Swin's relative-position tables follow the window, which shrinks to a small grid: such an encoder's weights
  // depend on the size, so one shared encoder cannot serve both.
  fails(sized([32, 64], [32, 32], 'full', swin), /a shared encoder cannot serve view 'clinic' at 32×64 and view 'derm' at 32×32: its weight 'layers\/3\/blocks\/0\/attn\/relative_position_bias_table' is \[3,1\] at one size and \[1,1\] at the other/);
  // Separate encoders take the same sizes.
  const ok = createModel(sized([32, 64], [32, 32], 'full', { ...swin, sharedEncoder: false }));
  const { images, tabular } = randomInputs(ok.config, 1, 2);
  assert.deepEqual(ok.forward(images, tabular, { training: false }).logits.shape, [1, 2]);
  tf.dispose([...images, tabular]);
  ok.dispose();
  // A pluggable encoder gets its view's size.
  const seen: string[] = [];
  const probe = createModel({ ...sized([16, 32], [16, 16], 'full', { sharedEncoder: false }), encoder: (args) => (seen.push(args.imageSize.join('x')), swinEncoder({ depths: [1, 1, 1, 1], heads: [1, 1, 1, 1], window: 2, patch: 2 })(args)) });
  assert.deepEqual(seen, ['16x32', '16x16']);
  probe.dispose();
});

test('3D views of different sizes (D×H×W): each volume encoder at its own grid', () => {
  const c = menLike(3);
  const config: CFCMLConfig = { ...c, images: c.images.map((img, m) => ({ ...img, size: m === 2 ? [2, 8, 12] : undefined })) };
  const model = createModel(config);
  const { images, tabular } = randomInputs(model.config, 2, 6);
  assert.deepEqual(images.map((x) => x.shape), [[2, 4, 8, 8, 1], [2, 4, 8, 8, 1], [2, 2, 8, 12, 1]]);
  const out = model.forward(images, tabular, { training: false, intermediates: true });
  assert.deepEqual(featuresOf(out).map((stages) => stages[0].shape.slice(1, 4).join('x')), ['2x2x2', '2x2x2', '1x2x3']);
  assert.deepEqual(out.logits.shape, [2, 3]);
  disposeForward(out);
  tf.dispose([...images, tabular]);
  model.dispose();
});
