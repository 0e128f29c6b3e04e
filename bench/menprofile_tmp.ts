import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../lib/backend';
import * as M from './measure';
import { createModel } from '../lib/model';
import { fullBatchGradients } from '../lib/run/splitStep';
async function main() {
  await initBackend({ backend: 'wasm', quiet: true });
  const { config, p } = await M.trainerModelConfig(M.MEN, 'cpu');
  const model = createModel(config);
  const batch = M.randomBatch(config, p.batchSize, 2);
  const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau, dropoutSeed: 1 };
  const run = () => { const { grads, terms } = fullBatchGradients(model, batch, loss); tf.dispose([...Object.values(grads), terms]); };
  run();
  const info = await tf.profile(run);
  const by = new Map<string, { ms: number; calls: number }>();
  for (const k of info.kernels) {
    if (!k.name.startsWith('Conv3D')) continue;
    const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
    const e = by.get(key) ?? { ms: 0, calls: 0 };
    e.ms += k.kernelTimeMs as number; e.calls++; by.set(key, e);
  }
  for (const [k, e] of [...by.entries()].sort((a, b) => b[1].ms - a[1].ms)) console.log(e.ms.toFixed(1).padStart(7), e.calls, k);
}
main();
