/**
 * What a change of the model code gained, measured in one process: the model of another checkout (`--old`, a
 * built checkout of an earlier commit: `git worktree add /tmp/old <commit> && cd /tmp/old && ln -s
 * $PWD/node_modules node_modules && npx tsc -p tsconfig.build.json`) and this one's, on the same config, weights and
 * batch, a training step (gradients) and an inference of each interleaved rep by rep. Both run on this checkout's
 * backend and kernels (so a kernel change is measured by bench/gains.ts instead). It prints the largest difference
 * of their logits (a refactoring of the same function gives 0 or float32 rounding) and the medians.
 *
 *   node dist/bench/versus.js --old /tmp/old [--reps 15] [--men]
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';

type ModelModule = typeof import('../lib/model');
type StepModule = typeof import('../lib/run/splitStep');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const oldDir = at('--old');
  if (!oldDir) throw new Error('versus: --old <built checkout> is required');
  const reps = Number(at('--reps') ?? 15);
  // The other checkout's compiled modules, typed as this one's (the same API). They are loaded first: the kernel
  // modules register their gradients when loaded, and this checkout's must be the ones in force.
  const oldModel = require(path.resolve(oldDir, 'dist/lib/model')) as ModelModule;
  const oldStep = require(path.resolve(oldDir, 'dist/lib/run/splitStep')) as StepModule;
  const { initBackend } = require('../lib/backend') as typeof import('../lib/backend');
  const { DERM7PT, MEN } = require('../lib/data') as typeof import('../lib/data');
  const newModel = require('../lib/model') as ModelModule;
  const newStep = require('../lib/run/splitStep') as StepModule;
  const { randomBatch, trainerModelConfig } = require('./measure') as typeof import('./measure');
  const spec = argv.includes('--men') ? MEN : DERM7PT;
  await initBackend({ backend: 'wasm', quiet: true });
  const { config, p } = await trainerModelConfig(spec, 'cpu');
  const batch = randomBatch(config, p.batchSize, 1);
  const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau, dropoutSeed: 1 };
  // Both copies name their variables from their own counter: move this one's on so that the names differ.
  newModel.createModel(config).dispose();
  const sides = ([['new', newModel, newStep], ['old', oldModel, oldStep]] as const).map(([name, M, S]) => {
    const model = M.createModel(config);
    const step = () => {
      const { grads, terms } = S.fullBatchGradients(model, batch, loss);
      terms.dataSync();
      tf.dispose([...Object.values(grads), terms]);
    };
    const infer = () => tf.tidy(() => void model.forward(batch.images, batch.tabular, { training: false }).logits.dataSync());
    const logits = () => tf.tidy(() => model.forward(batch.images, batch.tabular, { training: false }).logits.dataSync());
    return { name, model, step, infer, logits, t: { step: [] as number[], infer: [] as number[] } };
  });
  const [a, b] = sides.map((s) => s.logits());
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
  const clock = (fn: () => void) => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (const s of sides) {
    s.step();
    s.infer();
  }
  for (let r = 0; r < reps; r++) {
    for (const s of r % 2 ? [...sides].reverse() : sides) {
      s.t.step.push(clock(s.step));
      s.t.infer.push(clock(s.infer));
    }
  }
  const med = (x: number[]) => [...x].sort((u, v) => u - v)[Math.floor(x.length / 2)];
  const [n, o] = sides;
  const row = (k: 'step' | 'infer') => `${med(o.t[k]).toFixed(1)} → ${med(n.t[k]).toFixed(1)} ms (new/old ${(med(n.t[k]) / med(o.t[k])).toFixed(3)})`;
  console.log(`${spec.name} cpu preset: max |logit old − new| ${diff.toExponential(2)}; step ${row('step')}; inference ${row('infer')}; medians of ${reps} interleaved reps, load average ${os.loadavg()[0].toFixed(1)}`);
  for (const s of sides) s.model.dispose();
  tf.dispose([...batch.images, batch.tabular, batch.labels]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
