import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { createModel } from '../../lib/model';
import { dermLike, menLike, randomInputs } from './helpers';

/** Mean and population variance over the last axis of every token, on the host. */
function tokenMoments(t: tf.Tensor3D): { mean: number; variance: number }[] {
  const [B, L, D] = t.shape;
  const v = t.dataSync();
  const out: { mean: number; variance: number }[] = [];
  for (let i = 0; i < B * L; i++) {
    const row = Array.from(v.subarray(i * D, (i + 1) * D));
    const mean = row.reduce((a, b) => a + b, 0) / D;
    out.push({ mean, variance: row.reduce((a, b) => a + (b - mean) ** 2, 0) / D });
  }
  return out;
}

test('model.tokenNorm: every compressed token P_m^s has mean 0 and variance 1 over D at initialisation (γ = 1, β = 0)', () => {
  for (const config of [dermLike(2, 'full', { tokenNorm: true }), menLike(3, 'full', { tokenNorm: true })]) {
    const model = createModel(config);
    const { images, tabular } = randomInputs(config, 3);
    const out = model.forward(images, tabular, { training: false, intermediates: true });
    for (const [s, perModality] of out.intermediates!.tokens.entries()) {
      for (const [m, P] of perModality.entries()) {
        for (const { mean, variance } of tokenMoments(P)) {
          assert.ok(Math.abs(mean) < 1e-4, `stage ${s} modality ${m}: token mean ${mean}`);
          assert.ok(Math.abs(variance - 1) < 2e-3, `stage ${s} modality ${m}: token variance ${variance}`);
        }
      }
    }
    tf.dispose([images, tabular, out as unknown as tf.TensorContainer]);
    model.dispose();
  }
});

test('model.tokenNorm adds exactly 2·D weights per (stage, image modality) and one pair for the record; off = the authors\' architecture', () => {
  const base = createModel(dermLike(2, 'full'));
  const normed = createModel(dermLike(2, 'full', { tokenNorm: true }));
  const noMg = createModel(dermLike(2, 'no-mg', { tokenNorm: true }));
  const noMgBase = createModel(dermLike(2, 'no-mg'));
  const D = base.config.model.width;
  assert.equal(normed.paramCount() - base.paramCount(), (4 * 2 + 1) * 2 * D);
  assert.equal(noMg.paramCount() - noMgBase.paramCount(), (1 * 2 + 1) * 2 * D);
  // Off: no norm weights at all, and the shared weights start identical (same keys, same initial values).
  const isTokenNorm = (key: string) => /^(compress\/stage\d\/image\d|tabular\/compress)\/norm\//.test(key);
  assert.ok(!base.weights.some((w) => isTokenNorm(w.key)));
  assert.equal(normed.weights.filter((w) => isTokenNorm(w.key)).length, (4 * 2 + 1) * 2);
  const byKey = new Map(normed.weights.map((w) => [w.key, w.variable]));
  for (const w of base.weights) {
    const other = byKey.get(w.key);
    assert.ok(other, `${w.key} missing with tokenNorm`);
    assert.deepEqual(Array.from(other!.dataSync()), Array.from(w.variable.dataSync()), w.key);
  }
  // The pooled baselines have no tokens: tokenNorm changes nothing there.
  const lf = createModel(dermLike(2, 'late-fusion'));
  const lfNorm = createModel(dermLike(2, 'late-fusion', { tokenNorm: true }));
  assert.equal(lfNorm.paramCount(), lf.paramCount());
  for (const m of [base, normed, noMg, noMgBase, lf, lfNorm]) m.dispose();
});

test('model.tokenNorm: the crossmodal attention is no longer uniform at initialisation when image tokens are small', () => {
  // The defect it fixes: tokens ~10× smaller than the record's make Q·Kᵀ ≈ 0 and the softmax uniform.
  const spread = (tokenNorm: boolean): number => {
    const config = dermLike(2, 'full', { tokenNorm, width: 16, heads: 2 });
    const model = createModel(config);
    const { images, tabular } = randomInputs(config, 4);
    const small = images.map((x) => tf.mul(x, 0.05));
    const out = model.forward(small, tabular, { training: false, intermediates: true });
    // Largest deviation of any attention weight from uniform (1 / number of keys), over stages and modalities.
    let worst = 0;
    for (const perModality of out.intermediates!.attention) {
      for (const A of perModality) {
        const keys = A!.shape[3];
        for (const v of A!.dataSync()) worst = Math.max(worst, Math.abs(v - 1 / keys));
      }
    }
    tf.dispose([images, small, tabular, out as unknown as tf.TensorContainer]);
    model.dispose();
    return worst;
  };
  const off = spread(false);
  const on = spread(true);
  assert.ok(on > 3 * off, `max |a − 1/L| with token norm ${on.toFixed(4)} should be well above without ${off.toFixed(4)}`);
});
