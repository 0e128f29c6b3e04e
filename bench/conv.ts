/**
 * Times Conv2D and its two gradient kernels on the native-blas path (im2col + sgemm, every shape forced through
 * it) against the wasm path, interleaved, on the Derm7pt `cpu` preset's convolution shapes: the measurements
 * behind `nativeConvRule` (lib/backend/kernels/nativeConv.ts, docs/PERFORMANCE.md). The forward pass gets fresh
 * weights every call, as in training (XNNPACK caches an operator per weight tensor).
 *
 *   npx tsc -p tsconfig.json && node build/bench/conv.js [--reps 11]
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, nativeBlasAvailable } from '../lib/backend';
import { nativeConvRule } from '../lib/backend/kernels/nativeConv';
import { timedPaths } from './measure';

/** [x shape, filter shape, stride], 'same' padding, as the residual encoder's convolutions. */
const CASES: [number[], number[], number][] = [
  [[64, 64, 64, 3], [4, 4, 3, 16], 4],
  [[64, 16, 16, 16], [3, 3, 16, 16], 1],
  [[64, 16, 16, 16], [2, 2, 16, 32], 2],
  [[64, 8, 8, 32], [3, 3, 32, 32], 1],
  [[64, 8, 8, 32], [2, 2, 32, 48], 2],
  [[64, 4, 4, 48], [3, 3, 48, 48], 1],
  [[64, 4, 4, 48], [2, 2, 48, 64], 2],
  [[64, 2, 2, 64], [3, 3, 64, 64], 1],
];

async function main(): Promise<void> {
  const i = process.argv.indexOf('--reps');
  const reps = i > 0 ? Number(process.argv[i + 1]) : 11;
  await initBackend({ backend: 'wasm', quiet: true });
  if (!nativeBlasAvailable()) throw new Error('bench/conv: no native BLAS here (cfcml backend says why)');
  for (const k of ['forward', 'filter', 'input'] as const) nativeConvRule[k] = () => true;
  console.log('| x, filter, stride | forward ms native / wasm | filter gradient | input gradient |\n|---|---|---|---|');
  for (const [xs, ws, s] of CASES) {
    const x = tf.randomNormal(xs);
    const w = tf.randomNormal(ws);
    const dy = tf.randomNormal(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, s, 'same').shape);
    const attrs = { strides: s, pad: 'same', dataFormat: 'NHWC' };
    const ops: (() => tf.Tensor)[] = [
      () => tf.tidy(() => tf.conv2d(x as tf.Tensor4D, tf.clone(w) as tf.Tensor4D, s, 'same')),
      () => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: ws }) as tf.Tensor,
      () => tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: xs }) as tf.Tensor,
    ];
    const cells = ops.map((f) => {
      const t = timedPaths(['native-blas', 'wasm'], () => f().dispose(), reps, 2);
      return `${t['native-blas'].median.toFixed(2)} / ${t.wasm.median.toFixed(2)}`;
    });
    console.log(`| ${JSON.stringify(xs)}, ${ws.join('×')}, ${s} | ${cells.join(' | ')} |`);
    tf.dispose([x, w, dy]);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
