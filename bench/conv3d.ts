/**
 * Times Conv3D and its two gradient kernels on the native-blas path, shifted products and im2col + sgemm (nativeConv3d.ts,
 * every shape forced through each) against the wasm kernels (conv3d.ts, conv3dBackprop.ts: depth taps unrolled into an XNNPACK
 * Conv2D, whose products then run on the BLAS where nativeConvRule says so), interleaved rep by rep in one process,
 * on the MEN `cpu` preset's convolution shapes (batch 24): the measurements behind `nativeConv3dRule`
 * (docs/PERFORMANCE.md). Exact patch grids (kernel = stride) are left out: patchify.ts runs them on both sides.
 * Then the MEN cpu preset's training step (gradients + Adam, as bench/step.ts) and inference with the rule against
 * the native path before nativeConv3d.ts (`before`: wasm kernels, but the stride-1 filter gradient as im2col),
 * interleaved rep by rep.
 *
 *   npx tsc -p tsconfig.json && node build/bench/conv3d.js [--reps 11] [--no-shapes]
 */
import * as tf from '@tensorflow/tfjs';
import { nativeConv3dRule, type Conv3dMethod } from '../lib/backend/kernels/nativeConv3d';
import { convBench, MEN, timedSides } from './measure';

/** [x shape, filter shape, stride], 'same' padding, as the residual encoder's 3-D convolutions at the MEN cpu preset. */
const CASES: [number[], number[], number][] = [
  [[24, 8, 12, 12, 8], [3, 3, 3, 8, 8], 1],
  [[24, 4, 6, 6, 16], [3, 3, 3, 16, 16], 1],
  [[24, 2, 3, 3, 24], [3, 3, 3, 24, 24], 1],
  [[24, 2, 3, 3, 24], [2, 2, 2, 24, 32], 2],
  [[24, 1, 2, 2, 32], [3, 3, 3, 32, 32], 1],
];

const rule = { ...nativeConv3dRule };

/** Put the measured rule back (after `before` or a forced method). */
export function restoreRule(): void {
  Object.assign(nativeConv3dRule, rule);
}

/** The native path before nativeConv3d.ts: the wasm kernels, except the stride-1 filter gradient as im2col. */
export function before(): void {
  nativeConv3dRule.forward = () => 'wasm';
  nativeConv3dRule.input = () => 'wasm';
  nativeConv3dRule.filter = (c) => (c.strideDepth === 1 && c.strideHeight === 1 && c.strideWidth === 1 ? 'im2col' : 'wasm');
}

async function main(): Promise<void> {
  await convBench('conv3d', MEN, shapes, before, restoreRule);
}

/** Per-shape timings of each method (forced), interleaved. */
function shapes(reps: number): void {
  const set = (m: Conv3dMethod) => () => {
    for (const k of ['forward', 'filter', 'input'] as const) nativeConv3dRule[k] = () => m;
  };
  const methods: Conv3dMethod[] = ['shift', 'im2col', 'wasm'];
  console.log(`| x, filter, stride | forward ms ${methods.join(' / ')} | filter gradient | input gradient |\n|---|---|---|---|`);
  for (const [xs, ws, s] of CASES) {
    const x = tf.randomNormal(xs);
    const w = tf.randomNormal(ws);
    const dy = tf.randomNormal(tf.conv3d(x as tf.Tensor5D, w as tf.Tensor5D, s, 'same').shape);
    const attrs = { strides: s, pad: 'same' };
    const ops: (() => tf.Tensor)[] = [
      () => tf.tidy(() => tf.conv3d(x as tf.Tensor5D, tf.clone(w) as tf.Tensor5D, s, 'same')),
      () => tf.engine().runKernel('Conv3DBackpropFilterV2', { x, dy }, { ...attrs, filterShape: ws }) as tf.Tensor,
      () => tf.engine().runKernel('Conv3DBackpropInputV2', { dy, filter: w }, { ...attrs, inputShape: xs }) as tf.Tensor,
    ];
    const cells = ops.map((f) => {
      const sides = Object.fromEntries((s === 1 ? methods : methods.slice(1)).map((m) => [m, set(m)]));
      const t = timedSides(sides, () => f().dispose(), reps, 2, restoreRule);
      return methods.map((m) => (t[m] ? t[m].median.toFixed(2) : '–')).join(' / ');
    });
    console.log(`| ${JSON.stringify(xs)}, ${ws.join('×')}, ${s} | ${cells.join(' | ')} |`);
    tf.dispose([x, w, dy]);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
