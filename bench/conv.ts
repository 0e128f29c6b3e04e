/**
 * Times Conv2D and its two gradient kernels on the native-blas path, as shifted products of a depth-1 grid
 * (nativeConv3d.ts `conv2dByShift`, stride 1 only) and as im2col + sgemm (nativeConv.ts), every shape forced
 * through each, against the wasm path, interleaved rep by rep, on the Derm7pt `cpu` preset's convolution shapes:
 * the measurements behind `nativeConvRule` and `nativeConv3dRule` for 2-D (docs/PERFORMANCE.md). The forward pass
 * gets fresh weights every call, as in training (XNNPACK caches an operator per weight tensor). Then the Derm7pt
 * cpu preset's training step and inference with the rules against the native path before the depth-1 shifted
 * products (`before`: im2col or XNNPACK per `nativeConvRule`), interleaved rep by rep.
 *
 *   npx tsc -p tsconfig.json && node build/bench/conv.js [--reps 11] [--no-shapes]
 */
import * as tf from '@tensorflow/tfjs';
import { useComputePath } from '../lib/backend';
import { nativeConvRule } from '../lib/backend/kernels/nativeConv';
import { nativeConv3dRule } from '../lib/backend/kernels/nativeConv3d';
import { convBench, DERM7PT, timedSides } from './measure';

const KINDS = ['forward', 'filter', 'input'] as const;
const rule = { ...nativeConvRule };
const rule3 = { ...nativeConv3dRule };

/** Put the measured rules and the native path back. */
function restore(): void {
  Object.assign(nativeConvRule, rule);
  Object.assign(nativeConv3dRule, rule3);
  useComputePath('native-blas');
}

/** The native path before the depth-1 shifted products: no `shift` for 2-D (Derm7pt has no 3-D convolutions). */
function before(): void {
  restore();
  for (const k of KINDS) nativeConv3dRule[k] = () => 'im2col';
}

/** Each kernel forced through one method: shifted products, im2col, or the wasm path. */
const METHODS: Record<string, () => void> = {
  shift: () => {
    restore();
    for (const k of KINDS) nativeConv3dRule[k] = () => 'shift';
  },
  im2col: () => {
    before();
    for (const k of KINDS) nativeConvRule[k] = () => true;
  },
  wasm: () => useComputePath('wasm'),
};

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
  await convBench('conv', DERM7PT, shapes, before, restore);
}

/** Per-shape medians of each method (forced), interleaved; `shift` only at stride 1. */
function shapes(reps: number): void {
  const names = Object.keys(METHODS);
  console.log(`| x, filter, stride | forward ms ${names.join(' / ')} | filter gradient | input gradient |\n|---|---|---|---|`);
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
      const sides = Object.fromEntries(names.filter((m) => s === 1 || m !== 'shift').map((m) => [m, METHODS[m]]));
      const t = timedSides(sides, () => f().dispose(), reps, 2, restore);
      return names.map((m) => (t[m] ? t[m].median.toFixed(2) : '–')).join(' / ');
    });
    console.log(`| ${JSON.stringify(xs)}, ${ws.join('×')}, ${s} | ${cells.join(' | ')} |`);
    tf.dispose([x, w, dy]);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
