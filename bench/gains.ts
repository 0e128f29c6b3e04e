/**
 * What each change of the native path gained, measured in one run: a full training step (gradients + Adam) of
 * the Derm7pt and MEN `cpu` presets under four configurations, interleaved rep by rep so that the machine's
 * load hits them alike:
 *   wasm               dense products and convolutions on XNNPACK, Adam as 14 tfjs ops per weight (before)
 *   + BLAS matmul      matMul and the 3-D stride-1 filter gradient on the native BLAS (2-D convolutions on XNNPACK)
 *   + BLAS conv        also Conv2D and its gradients as im2col + BLAS where `nativeConvRule` says so
 *   + fused Adam       also Adam in one JS pass per weight (same bits, no op dispatch)
 *   + fused LayerNorm  also the channel LayerNorm as one kernel each way (lib/backend/kernels/channelNorm.ts)
 *
 *   npx tsc -p tsconfig.json && node build/bench/gains.js [--reps 7]
 */
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { initBackend, nativeBlasAvailable, useComputePath } from '../lib/backend';
import { toggleWasmKernels } from '../lib/backend/kernels';
import { CHANNEL_NORM, CHANNEL_NORM_GRAD } from '../lib/backend/kernels/channelNorm';
import { nativeConvRule } from '../lib/backend/kernels/nativeConv';
import type { DatasetSpec } from '../lib/data/spec';
import { createModel } from '../lib/model';
import { buildOptimizer } from '../lib/train/build';
import { fullBatchGradients } from '../lib/run/splitStep';
import { DERM7PT, MEN, randomBatch, trainerModelConfig } from './measure';

interface Variant {
  name: string;
  path: 'native-blas' | 'wasm';
  conv: boolean;
  fusedAdam: boolean;
  /** Project kernels that fuse model ops (the model takes plain ops where they are missing). */
  fused: readonly string[];
}

/** Every fusing kernel; a variant registers those in its `fused` and removes the rest. */
const FUSING = [CHANNEL_NORM, CHANNEL_NORM_GRAD];

const VARIANTS: Variant[] = [
  { name: 'wasm', path: 'wasm', conv: false, fusedAdam: false, fused: [] },
  { name: '+ BLAS matmul (and 3-D filter gradient)', path: 'native-blas', conv: false, fusedAdam: false, fused: [] },
  { name: '+ BLAS conv', path: 'native-blas', conv: true, fusedAdam: false, fused: [] },
  { name: '+ fused Adam', path: 'native-blas', conv: true, fusedAdam: true, fused: [] },
  { name: '+ fused LayerNorm', path: 'native-blas', conv: true, fusedAdam: true, fused: [CHANNEL_NORM, CHANNEL_NORM_GRAD] },
];

const rule = { ...nativeConvRule };
const never = () => false;

function select(v: Variant): void {
  useComputePath(v.path);
  nativeConvRule.forward = v.conv ? rule.forward : never;
  nativeConvRule.filter = v.conv ? rule.filter : never;
  nativeConvRule.input = v.conv ? rule.input : never;
  toggleWasmKernels(FUSING.filter((k) => !v.fused.includes(k)), false);
  toggleWasmKernels(v.fused, true);
}

async function gains(spec: DatasetSpec, reps: number): Promise<Record<string, number>> {
  const { config, p } = await trainerModelConfig(spec, 'cpu');
  const model = createModel(config);
  const batch = randomBatch(config, p.batchSize, 1);
  const adam = buildOptimizer(model, p);
  const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau };
  let seed = 0;
  const step = (fusedAdam: boolean) => {
    const { grads, terms } = fullBatchGradients(model, batch, { ...loss, dropoutSeed: seed++ });
    adam.apply(grads, p.lr, fusedAdam);
    tf.dispose([...Object.values(grads), terms]);
  };
  const ms: Record<string, number[]> = Object.fromEntries(VARIANTS.map((v) => [v.name, []]));
  for (const v of VARIANTS) {
    select(v);
    step(v.fusedAdam); // warm-up
  }
  for (let r = 0; r < reps; r++) {
    for (const v of r % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
      select(v);
      const t0 = process.hrtime.bigint();
      step(v.fusedAdam);
      ms[v.name].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  select(VARIANTS[VARIANTS.length - 1]);
  tf.dispose([...batch.images, batch.tabular, batch.labels]);
  adam.dispose();
  model.dispose();
  return Object.fromEntries(Object.entries(ms).map(([k, xs]) => [k, [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]]));
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--reps');
  const reps = i > 0 ? Number(process.argv[i + 1]) : 7;
  await initBackend({ backend: 'wasm', quiet: true });
  if (!nativeBlasAvailable()) throw new Error('bench/gains: no native BLAS here (cfcml backend says why)');
  const load = os.loadavg()[0];
  const derm = await gains(DERM7PT, reps);
  const men = await gains(MEN, reps);
  console.log(`Training step, median of ${reps} interleaved reps, ms (× faster than wasm); load average ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} vCPUs\n`);
  console.log('| configuration | Derm7pt cpu | MEN cpu |\n|---|---:|---:|');
  for (const v of VARIANTS) {
    console.log(`| ${v.name} | ${derm[v.name].toFixed(0)} (${(derm.wasm / derm[v.name]).toFixed(2)}×) | ${men[v.name].toFixed(0)} (${(men.wasm / men[v.name]).toFixed(2)}×) |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
