import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { relError } from '../../lib/backend/testing';
import { createModel, type CFCMLConfig } from '../../lib/model';
import { loadCheckpoint, type NamedArray } from '../../lib/run/checkpoint';
import { cfcmlLoss, type HrmWeights } from '../../lib/train/loss';

/**
 * cfcml against its PyTorch twin (scripts/reference/cfcml_twin.py): fixtures made by
 * scripts/reference/make_twin_fixtures.py hold fixed weights (cfcml keys and layouts), a fixed batch, and the
 * twin's logits, embeddings z, loss terms and weight gradients (float64). cfcml on wasm (float32) must match
 * within 1e-4 relative, per tensor: max |cfcml − twin| / max |twin|; a weight gradient where PyTorch's own float32
 * is further than that from its float64 (recorded in the fixture: LayerNorms over 2–8 channels are
 * ill-conditioned; worst 1.6e-3, 2d-full-tokennorm) may be off by twice PyTorch's own error. Dropout is 0 in the fixtures (the two
 * libraries draw different masks), so the training-mode forward is deterministic on both sides.
 */
const DIR = path.join(__dirname, '../../../test/fixtures/reference/twin');
const TOL = 1e-4;

interface TwinMeta {
  config: CFCMLConfig;
  labels: number[];
  hrmWeights: HrmWeights;
  tau: number;
  terms: Record<'total' | 'ce' | 'sam' | 'up' | 'cp', number>;
  paramCount: number;
  /** PyTorch float32's own relative error against the float64 reference, per gradient key (fixture conditioning). */
  torchFloat32RelError?: Record<string, number>;
}

test('setup: wasm backend with the project kernels', async () => {
  await initBackend({ backend: 'wasm', quiet: true });
});

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ckpt')).sort();

test('fixtures cover full and two other variants, in 2-D and in 3-D', () => {
  for (const dims of ['2d', '3d']) {
    const variants = files.filter((f) => f.startsWith(`${dims}-`));
    assert.ok(variants.includes(`${dims}-full.ckpt`), `${dims}: full`);
    assert.ok(variants.length >= 3, `${dims}: ${variants.join(', ')}`);
  }
});

test('fixtures with missing cells: every field has a missing token and the batch has missing categorical and numeric cells', () => {
  const withMissing = files.filter((f) => f.endsWith('-missing.ckpt'));
  assert.deepEqual(withMissing, ['2d-full-missing.ckpt', '3d-late-fusion-missing.ckpt']);
  let categorical = 0;
  let numeric = 0;
  for (const f of withMissing) {
    const ck = loadCheckpoint<TwinMeta>(path.join(DIR, f));
    const fields = ck.meta.config.tabular;
    assert.ok(fields.every((x) => x.missing === true), f);
    const tab = ck.arrays.find((a) => a.name === 'in:tabular')!;
    const K = fields.length;
    tab.data.forEach((v, i) => {
      const field = fields[i % K];
      if (field.kind === 'categorical' && v === field.levels) categorical++;
      if (field.kind === 'numeric' && Number.isNaN(v)) numeric++;
    });
    assert.ok(ck.arrays.some((a) => a.name === 'g:tabular/tokenizer/missing'), `${f}: the twin's gradient of the missing tokens`);
  }
  assert.ok(categorical >= 4 && numeric >= 4, `${categorical} categorical and ${numeric} numeric missing cells`);
});

for (const file of files) {
  test(`logits, z, loss terms and weight gradients equal the PyTorch twin's: ${file}`, () => {
    const ck = loadCheckpoint<TwinMeta>(path.join(DIR, file));
    const { config, labels, hrmWeights, tau, terms } = ck.meta;
    const arrays = new Map(ck.arrays.map((a) => [a.name, a]));
    const get = (name: string): NamedArray => {
      const a = arrays.get(name);
      assert.ok(a, `fixture ${file} has no array '${name}'`);
      return a;
    };
    const model = createModel(config);
    assert.equal(model.paramCount(), ck.meta.paramCount, 'same parameter count as the twin');
    // setWeightData throws on a missing, unknown or mis-shaped key: the twin has exactly cfcml's weights.
    model.setWeightData(ck.arrays.filter((a) => a.name.startsWith('w:')).map((a) => ({ key: a.name.slice(2), shape: a.shape, data: a.data })));
    const before = tf.memory().numTensors;

    const images = config.images.map((_, m) => tf.tensor(get(`in:image${m}`).data, get(`in:image${m}`).shape));
    const tab = get('in:tabular');
    const tabular = tf.tensor2d(tab.data, tab.shape as [number, number]);
    const y = tf.tensor1d(labels, 'int32');
    const vars = model.weights.map((w) => w.variable);
    let kept: tf.Tensor[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const out = model.forward(images, tabular, { training: true, seed: 1 });
      const l = cfcmlLoss(out, y, labels, { numClasses: config.numClasses, weights: hrmWeights, tau });
      kept = [out.logits, ...out.z, l.ce, l.sam, l.up, l.cp].map((t) => tf.keep(t));
      return l.total;
    }, vars);

    const errors: string[] = [];
    const check = (what: string, actual: tf.Tensor, expected: NamedArray | number, tol = TOL) => {
      const e = typeof expected === 'number' ? [expected] : expected.data;
      if (typeof expected !== 'number') assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
      const err = relError(actual.dataSync(), e, 1e-12);
      if (!(err <= tol)) errors.push(`${what}: relative error ${err.toExponential(2)} (allowed ${tol.toExponential(1)})`);
    };
    const [logits, ...rest] = kept;
    const z = rest.slice(0, rest.length - 4);
    const [ce, sam, up, cp] = rest.slice(rest.length - 4);
    check('logits', logits, get('out:logits'));
    z.forEach((zm, m) => check(`z${m}`, zm, get(`out:z${m}`)));
    check('total', value, terms.total);
    check('ce', ce, terms.ce);
    for (const [k, t] of [['sam', sam], ['up', up], ['cp', cp]] as const) {
      if (hrmWeights.sam > 0 || hrmWeights.up > 0 || hrmWeights.cp > 0) check(k, t, terms[k]);
    }
    // The attention's key bias gets an exactly zero gradient (it adds q·b_k to every score of a query, and
    // softmax ignores a shift): both sides hold rounding noise there, so it is checked against the scale of
    // the whole gradient instead of its own. So does, with model.tokenNorm, the bias of every compression conv
    // whose tokens are then layer-normalised: it adds one constant across a token's D channels, which the norm
    // subtracts again.
    const zeroGradient = (key: string) =>
      key.endsWith('/k/bias') || (config.model.tokenNorm === true && /^(compress\/stage\d\/image\d|tabular\/compress)\/conv\/bias$/.test(key));
    let scale = 0;
    for (const w of model.weights) for (const v of get(`g:${w.key}`).data) scale = Math.max(scale, Math.abs(v));
    for (const w of model.weights) {
      const g = grads[w.variable.name];
      assert.ok(g, `no gradient for ${w.key}`);
      if (zeroGradient(w.key)) {
        const worst = Math.max(...Array.from(g.dataSync(), Math.abs), ...Array.from(get(`g:${w.key}`).data, Math.abs));
        if (!(worst <= 1e-5 * scale)) errors.push(`d total / d ${w.key} should be 0: ${worst.toExponential(2)} vs gradient scale ${scale.toExponential(2)}`);
      } else {
        // As close to the float64 truth as PyTorch's own float32 gets on this fixture (or 1e-4, whichever is larger):
        // a LayerNorm over few channels is ill-conditioned, and both float32 implementations round there.
        const torch32 = ck.meta.torchFloat32RelError?.[w.key] ?? 0;
        check(`d total / d ${w.key}`, g, get(`g:${w.key}`), Math.max(TOL, 2 * torch32));
      }
    }
    assert.deepEqual(errors, [], errors.join('\n'));
    // Not trivially equal: the gradient reaches the HRM terms (they are weighted ×10 in the fixtures).
    assert.ok(Math.abs(terms.total - terms.ce) > 1e-3 || hrmWeights.sam + hrmWeights.up + hrmWeights.cp === 0);

    tf.dispose([value, ...Object.values(grads), ...kept]);
    assert.equal(tf.memory().numTensors, before + images.length + 2, 'no tensors leak beyond the inputs');
    tf.dispose([...images, tabular, y]);
    model.dispose();
  });
}
