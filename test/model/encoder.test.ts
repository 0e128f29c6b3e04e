import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createModel, layersModelEncoder, residualEncoder, type ImageEncoderFactory } from '../../lib/model';
import { ceLoss, dermLike, menLike, randomInputs } from './helpers';

before(async () => {
  await tf.setBackend('cpu');
});

test('encoder depth and stem are configurable through the factory', () => {
  const config = { ...menLike(2), encoder: residualEncoder({ blocksPerStage: 2, stemStride: [1, 2, 2] }) };
  const model = createModel(config);
  assert.ok(model.weights.some((w) => w.key === 'encoder2/stage4/block1/conv2/kernel'));
  const { images, tabular } = randomInputs(config, 2);
  const out = model.forward(images, tabular, { training: false, intermediates: true });
  assert.deepEqual(out.intermediates!.stageFeatures[0][0].shape, [2, 4, 4, 4, 2]);
  tf.dispose([out as unknown as tf.TensorContainer, ...images, tabular]);
  model.dispose();
});

test('shared encoder: one set of encoder weights for both Derm7pt images; per-modality: one each', () => {
  const shared = createModel(dermLike(2));
  const separate = createModel(dermLike(2, 'full', { sharedEncoder: false }));
  const encoders = (m: typeof shared) => new Set(m.weights.filter((w) => w.group === 'encoder').map((w) => w.key.split('/')[0]));
  assert.deepEqual([...encoders(shared)], ['encoder0']);
  assert.deepEqual([...encoders(separate)], ['encoder0', 'encoder1']);
  shared.dispose();
  separate.dispose();
});

test('pluggable encoder: a tfjs LayersModel with four stage outputs (e.g. a pretrained backbone)', () => {
  const input = tf.input({ shape: [16, 16, 3] });
  let h: tf.SymbolicTensor = input;
  const outs: tf.SymbolicTensor[] = [];
  for (const [i, c] of [4, 6, 6, 8].entries()) {
    h = tf.layers.conv2d({ filters: c, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: `s${i + 1}` }).apply(h) as tf.SymbolicTensor;
    outs.push(h);
  }
  const backbone = tf.model({ inputs: input, outputs: outs });
  const factory: ImageEncoderFactory = layersModelEncoder(backbone);
  const config = { ...dermLike(2), encoder: factory };
  const model = createModel(config);
  const keys = model.weights.filter((w) => w.group === 'encoder').map((w) => w.key);
  assert.ok(keys.includes('encoder0/s1/kernel') && keys.includes('encoder0/s4/bias'), keys.join(','));
  const { images, tabular } = randomInputs(config, 2);
  const out = model.forward(images, tabular, { training: false, intermediates: true });
  assert.deepEqual(out.intermediates!.stageFeatures[1].map((F) => F.shape), [[2, 8, 8, 4], [2, 4, 4, 6], [2, 2, 2, 6], [2, 1, 1, 8]]);
  // The backbone trains with the rest (its variables get gradients).
  const { value, grads } = tf.variableGrads(() => ceLoss(model, images, tabular, [0, 1]), model.weights.map((w) => w.variable));
  const g = grads[model.weights.find((w) => w.key === 'encoder0/s1/kernel')!.variable.name];
  assert.ok(g && tf.sum(tf.abs(g)).dataSync()[0] > 0);
  tf.dispose([value, ...Object.values(grads), out as unknown as tf.TensorContainer, ...images, tabular]);
  model.dispose(); // leaves the user's backbone alone
  assert.equal(backbone.getLayer('s1').getWeights()[0].isDisposed, false);
  backbone.dispose();
});

test('the 2D encoder keeps brightness: uniform images of one hue at different intensities give different features', async () => {
  // Regression: with a per-position LayerNorm right after the patchify stem, an input c·v gave the same
  // normalised features for every c (dark lesion = pale skin of the same hue), and image-only models
  // stayed at chance. Inputs are now centred first.
  const params = new Map<string, tf.Variable>();
  let n = 0;
  const enc = residualEncoder()({
    kind: '2d',
    channels: 3,
    imageSize: [16, 16],
    widths: [4, 4, 4, 4],
    params: {
      add: (key, shape) => {
        const v = tf.variable(tf.randomNormal(shape, 0, 0.5, 'float32', ++n), true, `brightness_${key}_${n}`);
        params.set(key, v);
        return v;
      },
      adopt: (key, v) => v,
    },
  });
  const hue = [0.6, 0.4, 0.3];
  const img = (c: number) => tf.tensor4d(Array.from({ length: 16 * 16 }, () => hue.map((h) => h * c)).flat(), [1, 16, 16, 3]);
  const [dark, light] = [img(0.4), img(1.2)];
  const fd = enc.apply(dark, false);
  const fl = enc.apply(light, false);
  const diff = (await tf.max(tf.abs(tf.sub(fd[0], fl[0]))).data())[0];
  assert.ok(diff > 1e-2, `stage-1 features differ by ${diff}`);
  tf.dispose([dark, light, ...fd, ...fl, ...params.values()]);
});
