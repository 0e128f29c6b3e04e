#!/usr/bin/env node
/**
 * Look inside a trained run on the VALIDATION split (cohort investigation, issue #10): per modality, the mean
 * norm of the embeddings z_m; per stage and modality, the normalised entropy of the crossmodal attention
 * (1 = uniform over the keys) and the mean norm of the compressed tokens P_m^s; plus the selected epoch's
 * validation AUC and the first epoch's loss terms. Never reads the test split.
 *   node scripts/inspect_run.js <runDir> [<runDir> …]     (prints one JSON object per run)
 */
const tf = require('@tensorflow/tfjs');
const { loadRunModel } = require('../dist/lib/train/evalRun');
const { ImageCache, makeBatch, disposeBatch } = require('../dist/lib/data');

const meanNorm = (t) => tf.tidy(() => tf.mean(tf.norm(t, 'euclidean', -1)).dataSync()[0]);

async function inspect(runDir) {
  const { run, cohort, config, tabular, model } = await loadRunModel(runDir);
  try {
    const cases = cohort.cases.filter((c) => c.split === 'valid');
    const images = await ImageCache.load(cohort, { size: config.train.imageSize, cases });
    const acc = { z: [], tokens: [], entropy: [], n: 0 };
    for (let start = 0; start < cases.length; start += 32) {
      const idx = Array.from({ length: Math.min(32, cases.length - start) }, (_, k) => start + k);
      const batch = makeBatch(cohort.spec, cases, idx, images, tabular, { augment: false });
      const out = model.forward(batch.images, batch.tabular, { training: false, intermediates: true });
      const w = idx.length;
      out.z.forEach((z, m) => (acc.z[m] = (acc.z[m] ?? 0) + w * meanNorm(z)));
      out.intermediates.tokens.forEach((perM, s) => perM.forEach((P, m) => ((acc.tokens[s] ??= [])[m] = (acc.tokens[s][m] ?? 0) + w * meanNorm(P))));
      out.intermediates.attention.forEach((perM, s) =>
        perM.forEach((A, m) => {
          if (!A) return;
          const keys = A.shape[3];
          const h = tf.tidy(() => tf.mean(tf.neg(tf.sum(tf.mul(A, tf.log(tf.add(A, 1e-12))), -1))).dataSync()[0] / Math.log(keys));
          (acc.entropy[s] ??= [])[m] = (acc.entropy[s][m] ?? 0) + w * h;
        }),
      );
      acc.n += w;
      tf.dispose(out);
      disposeBatch(batch);
    }
    const r3 = (v) => Math.round(v * 1000) / 1000;
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
      zNorm: Object.fromEntries(model.modalityNames.map((n, m) => [n, r3(acc.z[m] / acc.n)])),
      tokenMeanNorm: acc.tokens.map((perM) => perM.map((v) => r3(v / acc.n))),
      attentionEntropy: acc.entropy.map((perM) => perM.map((v) => r3(v / acc.n))),
      firstEpoch: history[0] ? { ce: r3(history[0].ce), sam: r3(history[0].sam), loss: r3(history[0].loss) } : null,
    };
  } finally {
    model.dispose();
  }
}

(async () => {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node scripts/inspect_run.js <runDir> [<runDir> …]');
    process.exit(2);
  }
  for (const d of dirs) console.log(JSON.stringify(await inspect(d)));
})().catch((e) => {
  console.error(`inspect_run: ${e.message}`);
  process.exit(1);
});
