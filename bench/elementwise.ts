/**
 * The linear layer's kernel, the reductions and comparisons of a step (kernels/linear.ts, reduce.ts, equal.ts): each
 * against what ran before it, per shape of a Derm7pt step, then a Derm7pt (and, without --derm, MEN) training step and inference
 * before vs with them, interleaved rep by rep in one process (native-blas path).
 *
 *   npx tsc -p tsconfig.json && node build/bench/elementwise.js [--reps 11] [--no-shapes] [--derm] [--profile]
 *
 * `--profile`: also the kernel time of a step and of an inference before and now (bench/measure.ts `kernelProfile`: the sum of
 * per-kernel medians over 5 profiled runs, the two sides alternated 3 times each), steadier than wall time on a
 * loaded machine.
 */
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { initBackend, nativeBlasAvailable, useComputePath } from '../lib/backend';
import { toggleWasmKernels } from '../lib/backend/kernels';
import { fusedLinear, LINEAR } from '../lib/backend/kernels/linear';
import { reduceLoop } from '../lib/backend/kernels/reduce';
import { DERM7PT, kernelProfile, MEN, stepBeforeAfter, timedSides } from './measure';
import type { DatasetSpec } from '../lib/data/spec';

/** The kernels this change adds (LINEAR: the model then takes its plain product + Add). */
export const KERNELS = ['Equal', LINEAR];
const now = reduceLoop.contiguousSum;

/** The contiguous sum as it was: one Float64Array accumulator per column, one row at a time (same bits). */
function sumAsBefore(src: Float32Array, outer: number, n: number, inner: number, scale: number, dst: Float32Array): void {
  if (inner === 1) {
    for (let o = 0; o < outer; o++) {
      let acc = 0;
      const base = o * n;
      for (let j = 0; j < n; j++) acc += src[base + j];
      dst[o] = acc * scale;
    }
    return;
  }
  const acc = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    acc.fill(0);
    let row = o * n * inner;
    for (let j = 0; j < n; j++, row += inner) for (let i = 0; i < inner; i++) acc[i] += src[row + i];
    const base = o * inner;
    for (let i = 0; i < inner; i++) dst[base + i] = acc[i] * scale;
  }
}

/** The kernels as before this change: no linear kernel, stock Equal, the earlier sum loop. */
export function before(): void {
  toggleWasmKernels(KERNELS, false);
  reduceLoop.contiguousSum = sumAsBefore;
}

export function restore(): void {
  toggleWasmKernels(KERNELS, true);
  reduceLoop.contiguousSum = now;
}

/** The layer as the model runs it: the kernel where registered, else the plain ops. */
function linearOrPlain(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return fusedLinear(x, w, b) ?? tf.add(tf.matMul(x, w), b);
}

function shapes(reps: number): void {
  const cases: [string, tf.Tensor[], (...t: tf.Tensor[]) => tf.Tensor][] = [
    ['x·W + b [768,64]·[64,64] (linear)', [tf.randomNormal([768, 64]), tf.randomNormal([64, 64]), tf.randomNormal([64])], (x, w, b) => linearOrPlain(x as tf.Tensor2D, w, b)],
    ['Sum [768,64] axis 0 (bias gradient)', [tf.randomNormal([768, 64])], (x) => tf.sum(x, 0)],
    ['Sum [512,64] axis 0', [tf.randomNormal([512, 64])], (x) => tf.sum(x, 0)],
    ['Sum [64,8192] axis 1', [tf.randomNormal([64, 8192])], (x) => tf.sum(x, 1)],
    ['Sum [32,4,16,24] axis 3 (softmax)', [tf.randomNormal([32, 4, 16, 24])], (x) => tf.sum(x, 3, true)],
    ['Equal [3,32,40] [3,32,1]', [tf.randomNormal([3, 32, 40]), tf.randomNormal([3, 32, 1])], (x, m) => tf.equal(x, m)],
  ];
  console.log(`\nper shape, median of ${reps} interleaved calls, ms: before / now (gain)`);
  for (const [name, inputs, f] of cases) {
    const t = timedSides({ before, now: restore }, () => f(...inputs).dispose(), reps, 3, restore);
    console.log(`${name.padEnd(40)} ${t.before.median.toFixed(3)} / ${t.now.median.toFixed(3)} (${(t.before.median / t.now.median).toFixed(2)}×)`);
    tf.dispose(inputs);
  }
}

/** Kernel time of a step and of an inference (sum of per-kernel medians), before and now, alternated. */
async function profiles(spec: DatasetSpec): Promise<void> {
  const sides = { before, now: restore };
  for (const mode of ['step', 'infer'] as const) {
    const total: Record<string, number[]> = { before: [], now: [] };
    const calls: Record<string, number> = {};
    for (let r = 0; r < 3; r++)
      for (const [name, set] of r % 2 === 0 ? Object.entries(sides) : Object.entries(sides).reverse()) {
        set();
        const rows = await kernelProfile(spec, { reps: 5, mode });
        total[name].push(rows.reduce((a, x) => a + x.ms, 0));
        calls[name] = rows.reduce((a, x) => a + x.calls, 0);
      }
    restore();
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
    const what = mode === 'step' ? 'step' : 'inference';
    console.log(`\n${spec.name} ${what} kernel time, ms (median of 3 alternated profiles): before ${med(total.before).toFixed(1)} in ${calls.before} calls / now ${med(total.now).toFixed(1)} in ${calls.now} calls (${(med(total.before) / med(total.now)).toFixed(2)}×)`);
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--reps');
  const reps = i > 0 ? Number(process.argv[i + 1]) : 11;
  await initBackend({ backend: 'wasm', quiet: true });
  if (!nativeBlasAvailable()) throw new Error('bench/elementwise: no native BLAS here (cfcml backend says why)');
  useComputePath('native-blas');
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} vCPUs`);
  if (!process.argv.includes('--no-shapes')) shapes(Math.max(reps, 21));
  for (const spec of process.argv.includes('--derm') ? [DERM7PT] : [DERM7PT, MEN]) {
    if (process.argv.includes('--profile')) await profiles(spec);
    await stepBeforeAfter(spec, { before, rule: restore }, reps, restore);
  }
  console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
