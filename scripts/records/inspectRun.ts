/**
 * Look inside trained runs on the VALIDATION split (docs/TUNING.md: inside the models of the cohort
 * investigation): per modality the mean norm of the embeddings z_m; per stage and modality the normalised
 * entropy of the crossmodal attention (1 = uniform over the keys) and the mean norm of the compressed tokens P_m^s; the selected epoch's
 * validation AUC and the first epoch's loss terms. Never reads the test split.
 *   node dist/scripts/records/inspectRun.js <runDir> [<runDir> …]     (one JSON object per run)
 */
import * as tf from '@tensorflow/tfjs';
import { disposeBatch, disposeForward, ImageCache, makeBatch } from '../../lib';
import { presetImageOptions } from '../../lib/data/imageCache';
import { loadRunModel } from '../../lib/train/evalRun';
import { runMain } from './runs';

const BATCH = 32;
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const meanNorm = (t: tf.Tensor) => tf.tidy(() => tf.mean(tf.norm(t, 'euclidean', -1)).dataSync()[0]);
/** Mean over queries of the attention's entropy, divided by log(keys): 1 = uniform. */
const normalisedEntropy = (a: tf.Tensor4D) =>
  tf.tidy(() => tf.mean(tf.neg(tf.sum(tf.mul(a, tf.log(tf.add(a, 1e-12))), -1))).dataSync()[0]) / Math.log(a.shape[3]);

/** Add `w · v` to `acc[s][m]`. */
function add(acc: number[][], s: number, m: number, v: number, w: number): void {
  (acc[s] ??= [])[m] = (acc[s][m] ?? 0) + w * v;
}

export async function inspectRun(runDir: string): Promise<Record<string, unknown>> {
  const { run, cohort, config, tabular, model } = await loadRunModel(runDir);
  try {
    const cases = cohort.cases.filter((c) => c.split === 'valid');
    const images = await ImageCache.load(cohort, { ...presetImageOptions(config.train), cases });
    const z: number[] = [];
    const tokens: number[][] = [];
    const entropy: number[][] = [];
    let n = 0;
    for (let start = 0; start < cases.length; start += BATCH) {
      const idx = Array.from({ length: Math.min(BATCH, cases.length - start) }, (_, k) => start + k);
      const batch = makeBatch(cohort.spec, cases, idx, images, tabular, { augment: false });
      const out = model.forward(batch.images, batch.tabular, { training: false, intermediates: true });
      const w = idx.length;
      out.z.forEach((zm, m) => (z[m] = (z[m] ?? 0) + w * meanNorm(zm)));
      out.intermediates?.tokens.forEach((perM, s) => perM.forEach((p, m) => add(tokens, s, m, meanNorm(p), w)));
      out.intermediates?.attention.forEach((perM, s) => perM.forEach((a, m) => a && add(entropy, s, m, normalisedEntropy(a), w)));
      n += w;
      disposeForward(out);
      disposeBatch(batch);
    }
    const history = run.readHistory();
    const metrics = run.readMetrics();
    return {
      run: runDir,
      variant: config.variant,
      seed: config.seed,
      tokenNorm: !!config.train.model.tokenNorm,
      hrmWarmupEpochs: config.train.hrmWarmupEpochs ?? 0,
      bestEpoch: metrics.bestEpoch,
      epochs: metrics.epochs,
      validAuc: r3(metrics.valid.auc),
      zNorm: Object.fromEntries(model.modalityNames.map((name, m) => [name, r3(z[m] / n)])),
      tokenMeanNorm: tokens.map((perM) => perM.map((v) => r3(v / n))),
      attentionEntropy: entropy.map((perM) => perM.map((v) => r3(v / n))),
      firstEpoch: history[0] ? { ce: r3(history[0].ce), sam: r3(history[0].sam), loss: r3(history[0].loss) } : null,
    };
  } finally {
    model.dispose();
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    console.error('usage: node dist/scripts/records/inspectRun.js <runDir> [<runDir> …]');
    return 2;
  }
  for (const d of argv) console.log(JSON.stringify(await inspectRun(d)));
  return 0;
}

if (require.main === module) runMain('inspectRun', main);
