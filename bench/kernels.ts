/**
 * Times each of this project's wasm kernels against the stock wasm kernel it replaces, on shapes from
 * a batch-32 CNN + attention step; with --cpu also against the cpu backend (slow: ≈1 min).
 * "wrong" marks a stock kernel that runs but gives wrong results (see the kernel's file).
 *
 *   npx tsc -p tsconfig.json && node build/bench/kernels.js [--cpu]
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, useComputePath } from '../lib/backend';
import { registerWasmKernels, unregisterWasmKernels } from '../lib/backend/kernels';

type Case = {
  name: string;
  kernel: string;
  inputs: () => Record<string, tf.Tensor>;
  attrs: Record<string, unknown>;
  /** The stock wasm kernel runs but gives wrong results here (so its time means nothing). */
  stockWrong?: boolean;
};

const rnd = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

const CASES: Case[] = [
  {
    name: 'matmul Aᵀ·B [4096,128]ᵀ×[4096,128]',
    kernel: 'BatchMatMul',
    inputs: () => ({ a: rnd([1, 4096, 128], 1), b: rnd([1, 4096, 128], 2) }),
    attrs: { transposeA: true, transposeB: false },
  },
  {
    name: 'matmul A·Bᵀ [4096,128]×[256,128]ᵀ',
    kernel: 'BatchMatMul',
    inputs: () => ({ a: rnd([1, 4096, 128], 1), b: rnd([1, 256, 128], 2) }),
    attrs: { transposeA: false, transposeB: true },
  },
  {
    name: 'attention QKᵀ [128,64,16]×[128,64,16]ᵀ',
    kernel: 'BatchMatMul',
    inputs: () => ({ a: rnd([128, 64, 16], 1), b: rnd([128, 64, 16], 2) }),
    attrs: { transposeA: false, transposeB: true },
  },
  {
    name: 'attention A·V [128,64,64]×[128,64,16]',
    kernel: 'BatchMatMul',
    inputs: () => ({ a: rnd([128, 64, 64], 1), b: rnd([128, 64, 16], 2) }),
    attrs: { transposeA: false, transposeB: false },
  },
  {
    name: 'conv dx [32,32,32,16]←[3,3,16,32] s1',
    kernel: 'Conv2DBackpropInput',
    inputs: () => ({ dy: rnd([32, 32, 32, 32], 1), filter: rnd([3, 3, 16, 32], 2) }),
    attrs: { inputShape: [32, 32, 32, 16], strides: 1, pad: 'same', dataFormat: 'NHWC' },
  },
  {
    name: 'conv dx [32,32,32,16]←[3,3,16,32] s2',
    kernel: 'Conv2DBackpropInput',
    inputs: () => ({ dy: rnd([32, 16, 16, 32], 1), filter: rnd([3, 3, 16, 32], 2) }),
    attrs: { inputShape: [32, 32, 32, 16], strides: 2, pad: 'same', dataFormat: 'NHWC' },
  },
  {
    name: 'conv dW [32,32,32,16]→[3,3,16,32] s1',
    kernel: 'Conv2DBackpropFilter',
    inputs: () => ({ x: rnd([32, 32, 32, 16], 1), dy: rnd([32, 32, 32, 32], 2) }),
    attrs: { filterShape: [3, 3, 16, 32], strides: 1, pad: 'same', dataFormat: 'NHWC' },
  },
  {
    name: 'conv3d [4,16,16,16,8]⊛[3,3,3,8,16] s1',
    kernel: 'Conv3D',
    inputs: () => ({ x: rnd([4, 16, 16, 16, 8], 1), filter: rnd([3, 3, 3, 8, 16], 2) }),
    attrs: { strides: 1, pad: 'same', dilations: 1 },
  },
  {
    name: 'slice [4,18,16,16,8]→[4,16,16,16,8]',
    kernel: 'Slice',
    inputs: () => ({ x: rnd([4, 18, 16, 16, 8], 1) }),
    attrs: { begin: [0, 1, 0, 0, 0], size: [4, 16, 16, 16, 8] },
  },
  {
    name: 'slice [32,64,64,16]→[32,32,64,16]',
    kernel: 'Slice',
    inputs: () => ({ x: rnd([32, 64, 64, 16], 1) }),
    attrs: { begin: [0, 16, 0, 0], size: [32, 32, 64, 16] },
  },
  {
    name: 'conv3d dx [4,16,16,16,8]←[3,3,3,8,16] s1',
    kernel: 'Conv3DBackpropInputV2',
    inputs: () => ({ dy: rnd([4, 16, 16, 16, 16], 1), filter: rnd([3, 3, 3, 8, 16], 2) }),
    attrs: { inputShape: [4, 16, 16, 16, 8], strides: 1, pad: 'same' },
    stockWrong: true,
  },
  {
    name: 'conv3d dW [4,16,16,16,8]→[3,3,3,8,16] s2',
    kernel: 'Conv3DBackpropFilterV2',
    inputs: () => ({ x: rnd([4, 16, 16, 16, 8], 1), dy: rnd([4, 8, 8, 8, 16], 2) }),
    attrs: { filterShape: [3, 3, 3, 8, 16], strides: 2, pad: 'same' },
    stockWrong: true,
  },
  {
    name: 'depthwise dW [32,32,32,16] 3×3 s1',
    kernel: 'DepthwiseConv2dNativeBackpropFilter',
    inputs: () => ({ x: rnd([32, 32, 32, 16], 1), dy: rnd([32, 32, 32, 16], 2) }),
    attrs: { filterShape: [3, 3, 16, 1], strides: 1, pad: 'same', dilations: 1 },
  },
  {
    name: 'depthwise dx [32,32,32,16] 3×3 s1',
    kernel: 'DepthwiseConv2dNativeBackpropInput',
    inputs: () => ({ dy: rnd([32, 32, 32, 16], 1), filter: rnd([3, 3, 16, 1], 2) }),
    attrs: { inputShape: [32, 32, 32, 16], strides: 1, pad: 'same', dilations: 1 },
  },
  {
    name: 'avgPool grad [32,64,64,16] 2×2/2',
    kernel: 'AvgPoolGrad',
    inputs: () => ({ dy: rnd([32, 32, 32, 16], 1), input: rnd([32, 64, 64, 16], 2) }),
    attrs: { filterSize: 2, strides: 2, pad: 'valid' },
  },
  {
    name: 'sum of [32,32,32,32] over B,H,W',
    kernel: 'Sum',
    inputs: () => ({ x: rnd([32, 32, 32, 32], 1) }),
    attrs: { axis: [0, 1, 2], keepDims: false },
  },
  {
    name: 'tile [1,1,1,32]→[32,32,32,32]',
    kernel: 'Tile',
    inputs: () => ({ x: rnd([1, 1, 1, 32], 1) }),
    attrs: { reps: [32, 32, 32, 1] },
  },
  {
    name: 'gather grad [2048,64]→[1000,64]',
    kernel: 'UnsortedSegmentSum',
    inputs: () => ({ x: rnd([2048, 64], 1), segmentIds: tf.randomUniform([2048], 0, 1000, 'int32', 3) }),
    attrs: { numSegments: 1000 },
  },
];

/** Median milliseconds of `reps` runs of the kernel (after one warm-up), or NaN if it throws. */
function time(c: Case, reps: number): number {
  const inputs = c.inputs();
  const ms: number[] = [];
  try {
    for (let i = 0; i <= reps; i++) {
      const t0 = process.hrtime.bigint();
      const out = tf.engine().runKernel(c.kernel, inputs, c.attrs as never) as tf.Tensor;
      out.dataSync();
      const t1 = process.hrtime.bigint();
      out.dispose();
      if (i > 0) ms.push(Number(t1 - t0) / 1e6);
    }
  } catch {
    return NaN;
  } finally {
    tf.dispose(inputs);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

async function main(): Promise<void> {
  const reps = Number(process.env.REPS ?? 5);
  const withCpu = process.argv.includes('--cpu');
  const rows: [string, number, number, number][] = [];
  await initBackend({ backend: 'cpu', quiet: true });
  const cpu = CASES.map((c) => (withCpu ? time(c, 1) : NaN));
  await initBackend({ backend: 'wasm', quiet: true });
  useComputePath('wasm'); // the project's wasm kernels against stock (bench/conv.ts and bench/step.ts time the native path)
  unregisterWasmKernels();
  const stock = CASES.map((c) => time(c, reps));
  registerWasmKernels();
  const ours = CASES.map((c) => time(c, reps));
  CASES.forEach((c, i) => rows.push([c.name, cpu[i], stock[i], ours[i]]));
  const f = (x: number, missing = 'missing') => (Number.isNaN(x) ? missing : x.toFixed(1));
  console.log(`${'kernel'.padEnd(44)} ${'cpu ms'.padStart(9)} ${'wasm ms'.padStart(9)} ${'cfcml ms'.padStart(9)} ${'gain'.padStart(6)}`);
  CASES.forEach((c, i) => {
    const [name, cp, st, o] = rows[i];
    const stock = c.stockWrong ? `(wrong) ${f(st)}` : f(st);
    const gain = c.stockWrong || Number.isNaN(st) ? '' : `${(st / o).toFixed(1)}×`;
    console.log(`${name.padEnd(44)} ${f(cp, '-').padStart(9)} ${stock.padStart(9)} ${f(o).padStart(9)} ${gain.padStart(6)}`);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
