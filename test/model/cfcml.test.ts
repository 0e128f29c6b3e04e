import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createModel, variantSpec, VARIANTS, type CFCMLConfig } from '../../lib/model';
import { ceLoss, dermLike, menLike, randomInputs } from './helpers';

const B = 2;

/** Spatial size after a 'same'-padded stride. */
const down = (size: readonly number[], stride: readonly number[]) => size.map((n, i) => Math.ceil(n / stride[i]));

function expectedStageShapes(config: CFCMLConfig): number[][] {
  const stem = config.imageSize.length === 2 ? [4, 4] : [2, 4, 4];
  const two = config.imageSize.map(() => 2);
  let size = down(config.imageSize, stem);
  return config.model.encoderWidths.map((c, s) => {
    if (s > 0) size = down(size, two);
    return [B, ...size, c];
  });
}

function checkShapes(config: CFCMLConfig): void {
  const spec = variantSpec(config.variant);
  const model = createModel(config);
  const { images, tabular } = randomInputs(config, B);
  try {
    const I = spec.useImages ? config.images.length : 0;
    const names = [...Array.from({ length: I }, (_, m) => `image${m}`), ...(spec.useTabular ? ['tabular'] : [])];
    assert.deepEqual(model.modalityNames, names);
    const D = config.model.width;
    const L = names.map((n) => (n === 'tabular' ? config.model.tabTokens : config.model.imgTokens));
    const out = model.forward(images, tabular, { training: true, seed: 3, intermediates: true });
    assert.equal(out.z.length, names.length);
    for (const z of out.z) assert.deepEqual(z.shape, [B, D]);
    assert.deepEqual(out.logits.shape, [B, config.numClasses]);
    const it = out.intermediates!;
    assert.equal(it.stageFeatures.length, I);
    const want = expectedStageShapes(config);
    for (const perStage of it.stageFeatures) assert.deepEqual(perStage.map((F) => F.shape), want);
    if (spec.architecture === 'pooled') {
      assert.equal(it.tokens.length, 0);
    } else {
      const stages = spec.multiGranularity ? 4 : 1;
      const cieOn = spec.cie && names.length > 1;
      const heads = spec.singleHead ? 1 : config.model.heads;
      assert.equal(it.tokens.length, stages);
      for (let s = 0; s < stages; s++) {
        names.forEach((_, m) => {
          assert.deepEqual(it.tokens[s][m].shape, [B, L[m], D], `tokens stage ${s} modality ${m}`);
          assert.deepEqual(it.completed[s][m].shape, [B, (cieOn ? 2 : 1) * L[m], D]);
          const A = it.attention[s][m];
          if (!cieOn) assert.equal(A, null);
          else {
            const Lk = L.reduce((a, b) => a + b, 0) - L[m];
            assert.deepEqual(A!.shape, [B, heads, L[m], Lk]);
          }
        });
      }
    }
    tf.dispose(out as unknown as tf.TensorContainer);
    // Backward: every variant trains (the authors' `no-cie` crashed); gradients are finite.
    const vars = model.weights.map((w) => w.variable);
    const { value, grads } = tf.variableGrads(() => ceLoss(model, images, tabular, [0, config.numClasses - 1], true, 5), vars);
    assert.ok(Number.isFinite(value.dataSync()[0]));
    for (const [name, g] of Object.entries(grads)) {
      const ok = tf.tidy(() => tf.all(tf.isFinite(g)).dataSync()[0]);
      assert.equal(ok, 1, `non-finite gradient for ${name}`);
    }
    tf.dispose([value, ...Object.values(grads)]);
  } finally {
    tf.dispose([...images, tabular]);
    model.dispose();
  }
}

before(async () => {
  await tf.setBackend('cpu');
});

/** One variant per distinct architecture: the loss ablations (no-sam, no-up, no-cp, no-hrm) build `full`'s (tested below). */
const ARCHITECTURES = VARIANTS.filter((v) => v === 'full' || JSON.stringify(variantSpec(v)) !== JSON.stringify(variantSpec('full')));

test('the loss ablations build exactly the full model: same weights, same outputs for the same seed', () => {
  assert.deepEqual(ARCHITECTURES.length, VARIANTS.length - 4);
  const config = dermLike(2);
  const full = createModel(config);
  const { images, tabular } = randomInputs(config, B);
  const ref = tf.tidy(() => full.forward(images, tabular, { training: false }).logits.arraySync());
  for (const variant of ['no-sam', 'no-up', 'no-cp', 'no-hrm'] as const) {
    const m = createModel({ ...config, variant });
    assert.deepEqual(
      m.weights.map((w) => [w.key, w.variable.shape]),
      full.weights.map((w) => [w.key, w.variable.shape]),
      variant,
    );
    assert.deepEqual(tf.tidy(() => m.forward(images, tabular, { training: false }).logits.arraySync()), ref, variant);
    m.dispose();
  }
  tf.dispose([...images, tabular]);
  full.dispose();
});

for (const [label, make] of [
  ['Derm7pt-like (2 images, 2D)', dermLike],
  ['MEN-like (3 volumes, 3D)', menLike],
] as const) {
  for (const classes of [2, 3]) {
    for (const variant of ARCHITECTURES) {
      test(`shapes + backward: ${label}, ${classes} classes, variant ${variant}`, () => {
        checkShapes(make(classes, variant));
      });
    }
  }
}

test('a single image modality with no tabular has no CIE partner: CIE is off, the model still runs', () => {
  const config = { ...dermLike(2, 'no-tabular'), images: [{ kind: '2d' as const, channels: 3 }] };
  const model = createModel(config);
  const { images, tabular } = randomInputs(config, B);
  const out = model.forward(images, tabular, { training: false, intermediates: true });
  assert.equal(out.intermediates!.attention[0][0], null);
  assert.deepEqual(out.logits.shape, [B, 2]);
  tf.dispose([out as unknown as tf.TensorContainer, ...images, tabular]);
  model.dispose();
});

test('tabular-only accepts no image tensors', () => {
  const config = menLike(3, 'tabular-only');
  const model = createModel(config);
  const { images, tabular } = randomInputs(config, B);
  const out = model.forward([], tabular, { training: false });
  assert.deepEqual(out.logits.shape, [B, 3]);
  assert.ok(model.weights.every((w) => w.group === 'head'), 'tabular-only has no encoder weights');
  tf.dispose([out as unknown as tf.TensorContainer, ...images, tabular]);
  model.dispose();
});

test('bad inputs and configs give CfcmlErrors that say what is wrong', () => {
  const config = dermLike(2);
  const model = createModel(config);
  const { images, tabular } = randomInputs(config, B);
  assert.throws(() => model.forward([images[0]], tabular, { training: false }), /expected 2 image tensors/);
  assert.throws(() => model.forward(images, tf.zeros([B, 3]) as tf.Tensor2D, { training: false }), /tabular has shape \[2,3\], expected \[2, 5\]/);
  assert.throws(() => createModel(dermLike(2, 'full', { heads: 3 })), /heads \(3\) must divide/);
  assert.throws(() => createModel({ ...dermLike(2), imageSize: [4, 16, 16] }), /imageSize/);
  tf.dispose([...images, tabular]);
  model.dispose();
});

test('evaluation is deterministic and dropout is seeded', () => {
  const config = dermLike(2);
  const model = createModel(config);
  const { images, tabular } = randomInputs(config, 4);
  const a = model.forward(images, tabular, { training: false }).logits;
  const b = model.forward(images, tabular, { training: false }).logits;
  assert.deepEqual(a.arraySync(), b.arraySync());
  const c = model.forward(images, tabular, { training: true, seed: 42 }).logits;
  const d = model.forward(images, tabular, { training: true, seed: 42 }).logits;
  assert.deepEqual(c.arraySync(), d.arraySync());
  tf.dispose([a, b, c, d, ...images, tabular]);
  model.dispose();
});

test("'additive' is additive in logit space (the record's effect does not depend on the images); 'late-fusion' is not", () => {
  // f(i, t) = g(i) + h(t) exactly when f(i1, t1) − f(i1, t2) = f(i2, t1) − f(i2, t2) for every pair of inputs.
  const interaction = (variant: 'additive' | 'late-fusion'): number => {
    const config = dermLike(2, variant);
    const model = createModel(config);
    const a = randomInputs(config, B, 1);
    const b = randomInputs(config, B, 2);
    const f = (images: tf.Tensor[], tab: tf.Tensor2D) => tf.tidy(() => model.forward(images, tab, { training: false }).logits.arraySync() as number[][]);
    const [f11, f12, f21, f22] = [f(a.images, a.tabular), f(a.images, b.tabular), f(b.images, a.tabular), f(b.images, b.tabular)];
    let worst = 0;
    for (let i = 0; i < B; i++) for (let k = 0; k < 2; k++) worst = Math.max(worst, Math.abs(f11[i][k] - f12[i][k] - (f21[i][k] - f22[i][k])));
    tf.dispose([...a.images, a.tabular, ...b.images, b.tabular]);
    model.dispose();
    return worst;
  };
  assert.ok(interaction('additive') < 1e-5, `additive: interaction ${interaction('additive')}`);
  assert.ok(interaction('late-fusion') > 1e-4, `late-fusion: interaction ${interaction('late-fusion')} (its MLP mixes the modalities)`);
  const m = createModel(dermLike(2, 'additive'));
  assert.deepEqual(m.classifierVariables.length, 18, 'one (C4) classifier per modality (2 images + record), 6 variables each');
  m.dispose();
});
