#!/usr/bin/env node
/**
 * Soak test (`npm run soak`, not part of `npm test`): trains a tiny CFCML model for at least 2,000
 * optimisation steps on a small synthetic Derm7pt cohort and records tf.memory().numTensors and the
 * process RSS after every epoch. After warm-up (the first 10% of steps) both must stay flat: the tensor
 * count exactly equal, RSS within a tolerance (default 64 MiB, --rss-mib). Exits 1 when either grows.
 *
 * Usage: npm run soak [-- --steps 2000 --scale 0.1 --batch 4 --rss-mib 64 --out /tmp/soak]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

function arg(name, def) {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? process.argv[k + 1] : def;
}

async function main() {
  const lib = require('../dist/lib');
  const tf = require('@tensorflow/tfjs');
  const steps = Number(arg('steps', 2000));
  const scale = Number(arg('scale', 0.1));
  const batchSize = Number(arg('batch', 4));
  const rssTolMiB = Number(arg('rss-mib', 64));
  const root = arg('out', fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-soak-')));
  const data = path.join(root, 'derm7pt');
  if (!fs.existsSync(path.join(data, 'meta', 'meta.csv'))) await lib.synthDerm7pt({ out: data, seed: 11, scale });
  const samples = [];
  let stepsDone = 0;
  const t0 = Date.now();
  const trainer = await lib.Trainer.create({
    data,
    preset: 'tiny',
    epochs: 100000,
    batchSize,
    seed: 11,
    out: path.join(root, 'run'),
    progress: 'none',
    overrides: { patience: 0 },
    onStep: () => {
      stepsDone++;
    },
  });
  const epochSteps = trainer.sampler.batches(0).length;
  console.log(`soak: ${trainer.splits.train.length} train cases, batch ${batchSize}, ${epochSteps} steps/epoch, target ${steps} steps`);
  while (stepsDone < steps) {
    const rec = await trainer.trainEpoch();
    if (global.gc) global.gc();
    const s = {
      epoch: rec.epoch,
      steps: stepsDone,
      numTensors: tf.memory().numTensors,
      numBytes: tf.memory().numBytes,
      rssMiB: process.memoryUsage().rss / 2 ** 20,
      heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
      loss: rec.loss,
      seconds: (Date.now() - t0) / 1000,
    };
    samples.push(s);
    if (rec.epoch % 10 === 0 || stepsDone >= steps) {
      console.log(
        `epoch ${String(s.epoch).padStart(4)}  steps ${String(s.steps).padStart(5)}  tensors ${s.numTensors}  tf bytes ${s.numBytes}  rss ${s.rssMiB.toFixed(1)} MiB  heap ${s.heapMiB.toFixed(1)} MiB  loss ${s.loss.toFixed(4)}  ${s.seconds.toFixed(0)}s`,
      );
    }
  }
  trainer.dispose();
  const warm = samples.filter((s) => s.steps >= 0.1 * steps);
  const first = warm[0];
  const last = warm[warm.length - 1];
  const tensorsFlat = warm.every((s) => s.numTensors === first.numTensors);
  const rssMax = Math.max(...warm.map((s) => s.rssMiB));
  const rssMin = Math.min(...warm.map((s) => s.rssMiB));
  // Growth = mean of the last quarter minus mean of the first quarter of the post-warm-up samples.
  const q = Math.max(1, Math.floor(warm.length / 4));
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const rssGrowth = mean(warm.slice(-q).map((s) => s.rssMiB)) - mean(warm.slice(0, q).map((s) => s.rssMiB));
  const summary = {
    steps: stepsDone,
    epochs: samples.length,
    seconds: Math.round((Date.now() - t0) / 1000),
    numTensors: { afterWarmup: first.numTensors, end: last.numTensors, flat: tensorsFlat },
    rssMiB: { afterWarmup: +first.rssMiB.toFixed(1), end: +last.rssMiB.toFixed(1), min: +rssMin.toFixed(1), max: +rssMax.toFixed(1), growth: +rssGrowth.toFixed(1), toleranceMiB: rssTolMiB },
  };
  fs.writeFileSync(path.join(root, 'soak.json'), JSON.stringify({ summary, samples }, null, 2));
  console.log(JSON.stringify(summary));
  const ok = tensorsFlat && rssGrowth <= rssTolMiB;
  console.log(ok ? 'soak: PASS (tensor count and RSS flat after warm-up)' : 'soak: FAIL (memory grows)');
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
