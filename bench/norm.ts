/**
 * Times the fused channel LayerNorm kernels (lib/backend/kernels/channelNorm.ts) with their WebAssembly SIMD module
 * (channelNormWasm.ts) against their JavaScript loops, interleaved rep by rep, per call on the [P, C] shapes the
 * Derm7pt and MEN cpu presets' models normalise (`node dist/bench/profile.js --shapes` lists them), then each
 * preset's training step and inference with the SIMD module against without it (native-blas path): the
 * measurements behind docs/PERFORMANCE.md's LayerNorm section.
 *
 *   npx tsc -p tsconfig.json && node build/bench/norm.js [--reps 11] [--no-shapes]
 */
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { initBackend, nativeBlasAvailable, useComputePath } from '../lib/backend';
import { CHANNEL_NORM, CHANNEL_NORM_GRAD, channelNormKernelPath, channelNormSimd } from '../lib/backend/kernels/channelNorm';
import { DERM7PT, MEN, stepBeforeAfter, timedSides } from './measure';

/** [P, C] and the calls per training step: Derm7pt's, then MEN's. */
const SHAPES: [string, number, number, number][] = [
  ['Derm7pt', 16384, 16, 3],
  ['Derm7pt', 4096, 32, 3],
  ['Derm7pt', 1024, 48, 3],
  ['Derm7pt', 512, 64, 8],
  ['Derm7pt', 256, 64, 4],
  ['MEN', 27648, 8, 9],
  ['MEN', 3456, 16, 9],
  ['MEN', 432, 24, 9],
  ['MEN', 96, 32, 9],
];

const SIDES = { before: () => (channelNormSimd.enabled = false), rule: () => (channelNormSimd.enabled = true) };
const restore = (): void => {
  channelNormSimd.enabled = true;
};

function shapes(reps: number): void {
  console.log('| model | [P, C] | calls/step | forward ms JS / SIMD (gain) | gradient ms JS / SIMD (gain) |\n|---|---|---|---|---|');
  for (const [model, P, C, calls] of SHAPES) {
    const x = tf.randomNormal([P, C]);
    const dy = tf.randomNormal([P, C]);
    const gamma = tf.randomNormal([C]);
    const beta = tf.randomNormal([C]);
    const ops = [
      () => (tf.engine().runKernel(CHANNEL_NORM, { x, gamma, beta }, { eps: 1e-5 }) as tf.Tensor).dispose(),
      () => tf.dispose(tf.engine().runKernel(CHANNEL_NORM_GRAD, { dy, x, gamma }, { eps: 1e-5 }) as tf.Tensor[]),
    ];
    const cells = ops.map((f) => {
      const t = timedSides(SIDES, f, reps, 3, restore);
      return `${t.before.median.toFixed(3)} / ${t.rule.median.toFixed(3)} (${(t.before.median / t.rule.median).toFixed(2)}×)`;
    });
    console.log(`| ${model} | [${P}, ${C}] | ${calls} | ${cells.join(' | ')} |`);
    tf.dispose([x, dy, gamma, beta]);
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--reps');
  const reps = i > 0 ? Number(process.argv[i + 1]) : 11;
  await initBackend({ backend: 'wasm', quiet: true });
  if (nativeBlasAvailable()) useComputePath('native-blas');
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} vCPUs; channel norm: ${channelNormKernelPath()}`);
  if (!process.argv.includes('--no-shapes')) shapes(reps);
  for (const spec of [DERM7PT, MEN]) await stepBeforeAfter(spec, SIDES, reps, restore);
  console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
