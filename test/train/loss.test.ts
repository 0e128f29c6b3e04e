import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { hrmLosses } from '../../lib/hrm';
import { createModel, VARIANTS, type CFCMLModel, type Variant } from '../../lib/model';
import { cfcmlLoss, crossEntropy, hrmWeightsFor, type HrmWeights } from '../../lib/train/loss';
import { dermLike, randomInputs } from '../model/helpers';

before(async () => {
  await tf.setBackend('cpu');
});

const BASE: HrmWeights = { sam: 0.04, up: 0.06, cp: 0.18 };

test('variant → loss weights: each loss ablation zeroes its term, baselines train on CE alone, the rest keep all', () => {
  const want: Record<Variant, HrmWeights> = {
    full: BASE,
    'no-mg': BASE,
    'no-cie': BASE,
    'single-head': BASE,
    'no-tabular': BASE,
    'no-sam': { ...BASE, sam: 0 },
    'no-up': { ...BASE, up: 0 },
    'no-cp': { ...BASE, cp: 0 },
    'no-hrm': { sam: 0, up: 0, cp: 0 },
    'image-only': { sam: 0, up: 0, cp: 0 },
    'tabular-only': { sam: 0, up: 0, cp: 0 },
    'late-fusion': { sam: 0, up: 0, cp: 0 },
    additive: { sam: 0, up: 0, cp: 0 },
  };
  for (const v of VARIANTS) assert.deepEqual(hrmWeightsFor(v, BASE), want[v], v);
});

/** d(loss)/d(weights), flattened in weight order (0 for a weight the loss does not reach). */
function gradient(model: CFCMLModel, loss: () => tf.Scalar): Float32Array {
  const { value, grads } = tf.variableGrads(loss, model.weights.map((w) => w.variable));
  const flat = tf.tidy(
    () => tf.concat(model.weights.map((w) => tf.reshape(grads[w.variable.name] ?? tf.zerosLike(w.variable), [-1]))).dataSync() as Float32Array,
  );
  tf.dispose([value, ...Object.values(grads)]);
  return flat;
}

const maxAbs = (a: Float32Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const diff = (a: Float32Array, b: Float32Array) => a.map((v, i) => v - b[i]);

test("the trained gradient really drops a zero-weight term: no-sam's is CE + w_up·L_up + w_cp·L_cp, full's adds w_sam·L_sam", () => {
  const config = dermLike(2);
  const model = createModel(config);
  const { images, tabular } = randomInputs(config, 4, 5);
  const hostLabels = [0, 1, 0, 1];
  const labels = tf.tensor1d(hostLabels, 'int32');
  const trained = (variant: Variant) => () =>
    cfcmlLoss(model.forward(images, tabular, { training: false }), labels, hostLabels, { numClasses: 2, weights: hrmWeightsFor(variant, BASE), tau: 0.07 }).total;
  /** CE plus the named terms with the BASE weights, written out from hrmLosses. */
  const byHand = (terms: ('sam' | 'up' | 'cp')[]) => () => {
    const out = model.forward(images, tabular, { training: false });
    const h = hrmLosses(out.z, hostLabels, { numClasses: 2, tau: 0.07 });
    return terms.reduce<tf.Scalar>((acc, k) => tf.add(acc, tf.mul(h[k], BASE[k])), crossEntropy(out.logits, labels));
  };
  const g = {
    full: gradient(model, trained('full')),
    noSam: gradient(model, trained('no-sam')),
    noHrm: gradient(model, trained('no-hrm')),
    handFull: gradient(model, byHand(['sam', 'up', 'cp'])),
    handNoSam: gradient(model, byHand(['up', 'cp'])),
    handCe: gradient(model, byHand([])),
    sam: gradient(model, () => hrmLosses(model.forward(images, tabular, { training: false }).z, hostLabels, { numClasses: 2, tau: 0.07 }).sam),
  };
  const scale = maxAbs(g.full);
  const tol = 1e-5 * scale;
  assert.ok(maxAbs(diff(g.full, g.handFull)) <= tol, 'full = CE + all three terms');
  assert.ok(maxAbs(diff(g.noSam, g.handNoSam)) <= tol, 'no-sam = CE + L_up + L_cp');
  assert.ok(maxAbs(diff(g.noHrm, g.handCe)) <= tol, 'no-hrm = CE');
  // And L_sam matters: full − no-sam is w_sam · ∇L_sam, which is not small.
  const delta = diff(g.full, g.noSam);
  assert.ok(maxAbs(delta) > 100 * tol, `L_sam must move the gradient (max |Δ| ${maxAbs(delta)})`);
  assert.ok(maxAbs(diff(delta, g.sam.map((v) => v * BASE.sam))) <= tol, 'full − no-sam = w_sam · ∇L_sam');
  tf.dispose([labels, ...images, tabular]);
  model.dispose();
});
