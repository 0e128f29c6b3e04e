/**
 * The numerics fingerprint: which floating-point arithmetic trained a run.
 *
 * The same seed gives the same run only on the same arithmetic. A kernel that sums in another order, another
 * tfjs version, or another backend (tfjs-node instead of wasm) moves float32 rounding by about 1e-6 relative,
 * and over 40 epochs that can move a selected epoch. Settings (options.json's `train`) cannot show this, so
 * every run also records this fingerprint: a hash of the bits of one training step (loss terms and every
 * weight gradient) of two fixed probe models, a 2-D one at the Derm7pt `cpu` preset's sizes and a small 3-D
 * one, on seeded inputs. It is a property of the process (backend + kernels), computed once per process,
 * frozen by design: the probe configurations below are not the presets, so changing a preset does not change
 * it, and it changes exactly when the arithmetic of these steps does. XNNPACK threads do not change it (their
 * results are bit-identical, test/backend/threads.test.ts).
 *
 * A sweep refuses to put runs with different fingerprints in one table (lib/experiments/settings.ts).
 */
import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import { createModel } from '../model';
import type { CFCMLConfig } from '../model/types';
import { fullBatchGradients, randomStepBatch } from './splitStep';

/** The probe models: fixed here forever (changing them changes every fingerprint). */
const PROBES: readonly { config: CFCMLConfig; batch: number }[] = [
  {
    config: {
      images: [
        { kind: '2d', channels: 3 },
        { kind: '2d', channels: 3 },
      ],
      imageSize: [64, 64],
      tabular: [3, 3, 9, 2, 3].map((levels) => ({ kind: 'categorical' as const, levels })),
      numClasses: 2,
      variant: 'full',
      model: { width: 64, imgTokens: 16, tabTokens: 8, heads: 4, encoderWidths: [16, 32, 48, 64], sharedEncoder: true, dropout: 0.3, tokenNorm: true },
      seed: 101,
    },
    batch: 4,
  },
  {
    config: {
      images: [
        { kind: '3d', channels: 1 },
        { kind: '3d', channels: 1 },
      ],
      imageSize: [8, 16, 16],
      tabular: [{ kind: 'categorical', levels: 5 }, { kind: 'numeric' }, { kind: 'numeric' }],
      numClasses: 3,
      variant: 'full',
      model: { width: 32, imgTokens: 8, tabTokens: 4, heads: 4, encoderWidths: [8, 16, 16, 24], sharedEncoder: false, dropout: 0.3 },
      seed: 102,
    },
    batch: 4,
  },
];

let cached: string | null = null;

/**
 * 16 hex digits of the sha256 over the probes' step results, on the active tfjs backend (initialise it first).
 * Computed once per process (about 0.1–0.3 s on wasm); no tensor is left behind.
 */
export function numericsFingerprint(): string {
  if (cached !== null) return cached;
  const h = createHash('sha256');
  h.update(`${tf.getBackend()}|`);
  for (const { config, batch } of PROBES) {
    const model = createModel(config);
    try {
      tf.tidy(() => {
        const b = randomStepBatch(config, batch, config.seed);
        const r = fullBatchGradients(model, b, { numClasses: config.numClasses, weights: { sam: 0.04, up: 0.06, cp: 0.18 }, tau: 0.07, dropoutSeed: 5 });
        h.update(Buffer.from(r.terms.dataSync().buffer));
        for (const w of model.weights) h.update(Buffer.from(r.grads[w.variable.name].dataSync().buffer));
        r.terms.dispose(); // kept by the step (it outlives tidies): ours to free
      });
    } finally {
      model.dispose();
    }
  }
  cached = h.digest('hex').slice(0, 16);
  return cached;
}
