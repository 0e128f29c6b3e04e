/**
 * What each change of the native path gained, measured in one run: a full training step (gradients + Adam) of
 * the Derm7pt and MEN `cpu` presets under its configurations, interleaved rep by rep so that the machine's
 * load hits them alike:
 *   wasm               dense products and convolutions on XNNPACK, Adam as 14 tfjs ops per weight (before)
 *   + BLAS matmul      matMul and the 3-D stride-1 filter gradient on the native BLAS (2-D convolutions on XNNPACK)
 *   + BLAS conv        also Conv2D and its gradients as im2col + BLAS where `nativeConvRule` says so
 *   + fused Adam       also Adam in one JS pass per weight (same bits, no op dispatch)
 *   + fused LayerNorm  also the channel LayerNorm as one kernel each way (lib/backend/kernels/channelNorm.ts)
 *   + fused token taps also tokenConv's shift-and-sum as one kernel each way (lib/backend/kernels/tokenTaps.ts)
 *   + BLAS 3-D conv    also the 3-D convolutions and both gradients as shifted products or im2col + BLAS
 *                      (nativeConv3d.ts); the rows above run them as before (bench/conv3d.ts `before`)
 *   + shift 2-D conv   also the 2-D stride-1 convolutions as shifted products of a depth-1 grid where
 *                      `nativeConv3dRule` picks them (nativeConv3d.ts `conv2dByShift`); the rows above run them as
 *                      im2col or XNNPACK per `nativeConvRule`
 *   + heap-address products  also the products' operands as heap addresses and the attention's per-head kernel
 *                      (kernels/headMatMul.ts, no head Transposes); the rows above pass views and transpose the heads
 *                      (bench/matmul.ts `productsAsNow`)
 *   + linear kernel, sums  also the linear layer as one kernel (bias rows + sgemm β = 1; kernels/linear.ts), the
 *                      contiguous sums' independent chains and the broadcast Equal (bench/elementwise.ts `before`)
 *   + conv layouts     also the shifted forward pass with positions as rows where channels ≥ 16, every shift kernel in
 *                      cache-sized blocks, 2-D exact patch grids as patch products (bench/convcalls.ts `convChange`)
 *
 *   npx tsc -p tsconfig.json && node build/bench/gains.js [--reps 7] [--last K] [--derm]
 *
 * `--last K` times only the last K configurations (each row adds one change to the row above); `--derm` skips MEN.
 */
import * as os from 'node:os';
import { initBackend, nativeBlasAvailable, useComputePath } from '../lib/backend';
import { toggleWasmKernels } from '../lib/backend/kernels';
import { CHANNEL_NORM, CHANNEL_NORM_GRAD } from '../lib/backend/kernels/channelNorm';
import { TOKEN_TAPS, TOKEN_TAPS_GRAD } from '../lib/backend/kernels/tokenTaps';
import { nativeConvRule } from '../lib/backend/kernels/nativeConv';
import { nativeConv3dRule } from '../lib/backend/kernels/nativeConv3d';
import type { DatasetSpec } from '../lib/data/spec';
import { before, restoreRule } from './conv3d';
import { before as elementwiseBefore, restore as elementwiseNow } from './elementwise';
import { productsAsNow } from './matmul';
import { convChange } from './convcalls';
import { DERM7PT, MEN, stepRig } from './measure';

interface Variant {
  name: string;
  path: 'native-blas' | 'wasm';
  conv: boolean;
  fusedAdam: boolean;
  /** Project kernels that fuse model ops (the model takes plain ops where they are missing). */
  fused: readonly string[];
  conv3d: boolean;
  shift2d: boolean;
  products: boolean;
  elementwise?: boolean;
  convLayout?: boolean;
}

/** Every fusing kernel; a variant registers those in its `fused` and removes the rest. */
const FUSING = [CHANNEL_NORM, CHANNEL_NORM_GRAD, TOKEN_TAPS, TOKEN_TAPS_GRAD];

const VARIANTS: Variant[] = [
  { name: 'wasm', path: 'wasm', conv: false, fusedAdam: false, fused: [], conv3d: false, shift2d: false, products: false },
  { name: '+ BLAS matmul (and 3-D filter gradient)', path: 'native-blas', conv: false, fusedAdam: false, fused: [], conv3d: false, shift2d: false, products: false },
  { name: '+ BLAS conv', path: 'native-blas', conv: true, fusedAdam: false, fused: [], conv3d: false, shift2d: false, products: false },
  { name: '+ fused Adam', path: 'native-blas', conv: true, fusedAdam: true, fused: [], conv3d: false, shift2d: false, products: false },
  { name: '+ fused LayerNorm', path: 'native-blas', conv: true, fusedAdam: true, fused: [CHANNEL_NORM, CHANNEL_NORM_GRAD], conv3d: false, shift2d: false, products: false },
  { name: '+ fused token taps', path: 'native-blas', conv: true, fusedAdam: true, fused: FUSING, conv3d: false, shift2d: false, products: false },
  { name: '+ BLAS 3-D conv', path: 'native-blas', conv: true, fusedAdam: true, fused: FUSING, conv3d: true, shift2d: false, products: false },
  { name: '+ shift 2-D conv', path: 'native-blas', conv: true, fusedAdam: true, fused: FUSING, conv3d: true, shift2d: true, products: false },
  { name: '+ heap-address products, per-head kernel', path: 'native-blas', conv: true, fusedAdam: true, fused: FUSING, conv3d: true, shift2d: true, products: true },
  { name: '+ linear kernel, sums', path: 'native-blas', conv: true, fusedAdam: true, fused: FUSING, conv3d: true, shift2d: true, products: true, elementwise: true },
  { name: '+ conv layouts, blocks, 2-D patches', path: 'native-blas', conv: true, fusedAdam: true, fused: FUSING, conv3d: true, shift2d: true, products: true, elementwise: true, convLayout: true },
];

const rule = { ...nativeConvRule };
const never = () => false;

function select(v: Variant): void {
  useComputePath(v.path);
  if (v.path === 'native-blas') productsAsNow(v.products);
  convChange(v.convLayout === true);
  nativeConvRule.forward = v.conv ? rule.forward : never;
  nativeConvRule.filter = v.conv ? rule.filter : never;
  nativeConvRule.input = v.conv ? rule.input : never;
  toggleWasmKernels(FUSING.filter((k) => !v.fused.includes(k)), false);
  toggleWasmKernels(v.fused, true);
  if (v.elementwise) elementwiseNow();
  else elementwiseBefore();
  if (v.conv3d) restoreRule();
  else before();
  // A 2-D convolution reaches the 3-D rule as depth 1; without `shift2d` it keeps the 2-D kernels.
  if (!v.shift2d)
    for (const k of ['forward', 'filter', 'input'] as const) {
      const r = nativeConv3dRule[k];
      nativeConv3dRule[k] = (c) => (c.inDepth === 1 && c.filterDepth === 1 ? 'im2col' : r(c));
    }
}

type Timings = Record<string, { step: number; infer: number }>;

async function gains(spec: DatasetSpec, reps: number, variants: Variant[]): Promise<Timings> {
  const rig = await stepRig(spec);
  const step = (fusedAdam: boolean) => rig.step(fusedAdam);
  const infer = rig.infer;
  const clock = (fn: () => void) => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const ms: Record<string, { step: number[]; infer: number[] }> = Object.fromEntries(variants.map((v) => [v.name, { step: [], infer: [] }]));
  for (const v of variants) {
    select(v);
    step(v.fusedAdam); // warm-up
    infer();
  }
  for (let r = 0; r < reps; r++) {
    for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
      select(v);
      ms[v.name].step.push(clock(() => step(v.fusedAdam)));
      ms[v.name].infer.push(clock(infer));
    }
  }
  select(VARIANTS[VARIANTS.length - 1]);
  rig.dispose();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries(Object.entries(ms).map(([k, t]) => [k, { step: median(t.step), infer: median(t.infer) }]));
}

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : null;
  };
  const reps = arg('--reps') ?? 7;
  const variants = VARIANTS.slice(-(arg('--last') ?? VARIANTS.length));
  const specs = process.argv.includes('--derm') ? [DERM7PT] : [DERM7PT, MEN];
  await initBackend({ backend: 'wasm', quiet: true });
  if (!nativeBlasAvailable()) throw new Error('bench/gains: no native BLAS here (cfcml backend says why)');
  const load = os.loadavg()[0];
  const results: Timings[] = [];
  for (const spec of specs) results.push(await gains(spec, reps, variants));
  const base = variants[0].name;
  console.log(`Median of ${reps} interleaved reps, ms (× faster than '${base}'); load average ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} vCPUs\n`);
  console.log(`| configuration | ${specs.map((s) => `${s.name} step | ${s.name} inference`).join(' | ')} |\n|---|${specs.map(() => '---:|---:|').join('')}`);
  const cell = (t: Timings, k: 'step' | 'infer', v: Variant) => `${t[v.name][k].toFixed(0)} (${(t[base][k] / t[v.name][k]).toFixed(2)}×)`;
  for (const v of variants) console.log(`| ${v.name} | ${results.map((t) => `${cell(t, 'step', v)} | ${cell(t, 'infer', v)}`).join(' | ')} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
