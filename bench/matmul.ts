/**
 * Every BatchMatMul / _FusedMatMul call of one Derm7pt (or MEN) cpu-preset training step and one inference on the
 * native-blas path: shapes, transpose flags, batch and broadcast pattern, time per call (the kernel wrapped and
 * timed around the registered one, a sync kernel). Grouped by pattern, sorted by time. Then each pattern's product
 * before (one sgemm per batch entry, operands as typed-array views) and now (`nativeMatMulOptions`: heap addresses,
 * a shared B folded into M), interleaved call by call, and the whole step and inference before / now
 * (`stepBeforeAfter`; before is also without the attention's per-head kernel, kernels/headMatMul.ts, whose calls
 * the log lists too).
 *
 *   npx tsc -p tsconfig.json && node build/bench/matmul.js [--men] [--reps 5] [--no-log] [--no-shapes]
 */
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { initBackend, nativeBlasAvailable, useComputePath } from '../lib/backend';
import { HEAD_MATMUL, type HeadMatMulAttrs } from '../lib/backend/kernels/headMatMul';
import { nativeMatMulOptions } from '../lib/backend/kernels/nativeMatMul';
import type { Kernel, KernelArgs } from '../lib/backend/kernels/util';
import { restoreStock } from '../lib/backend/kernels/util';
import { crossAttention, makeCrossAttention } from '../lib/model/crossAttention';
import { ParamStore } from '../lib/model';
import { DERM7PT, MEN, stepBeforeAfter, stepRig, timedSides } from './measure';

interface Row {
  key: string;
  calls: number;
  ms: number[];
}

/** The pattern of one product: kernel, shapes, flags, batches of A and B. */
function describe(name: string, args: KernelArgs): string {
  const { a, b } = args.inputs;
  const { transposeA, transposeB } = (args.attrs ?? {}) as { transposeA?: boolean; transposeB?: boolean };
  const batch = (s: number[]) => s.slice(0, -2).reduce((x, y) => x * y, 1);
  const bias = args.inputs.bias ? ` bias[${args.inputs.bias.shape}]` : '';
  if (name === HEAD_MATMUL) {
    const o = args.attrs as unknown as HeadMatMulAttrs;
    const lay = (cols: boolean) => (cols ? 'cols' : 'blocks');
    return `${name} [${a.shape}]${transposeA ? 'ᵀ' : ''} ${lay(o.aCols)} · [${b.shape}]${transposeB ? 'ᵀ' : ''} ${lay(o.bCols)} → ${lay(o.outCols)}, ${o.heads} heads`;
  }
  return `${name} [${a.shape}]${transposeA ? 'ᵀ' : ''} · [${b.shape}]${transposeB ? 'ᵀ' : ''}${bias}  batch ${batch(a.shape)}/${batch(b.shape)}`;
}

/** Wrap the registered product kernels so that each call adds its time and one call to `pass`. */
function instrument(pass: Map<string, { ms: number; calls: number }>): void {
  for (const name of ['BatchMatMul', '_FusedMatMul', HEAD_MATMUL]) {
    const inner = tf.getKernel(name, 'wasm')!.kernelFunc as unknown as Kernel;
    const timedKernel = (args: KernelArgs) => {
      const t0 = process.hrtime.bigint();
      const out = inner(args);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const key = describe(name, args);
      const e = pass.get(key) ?? { ms: 0, calls: 0 };
      pass.set(key, { ms: e.ms + ms, calls: e.calls + 1 });
      return out;
    };
    // Not registerWasm: that would capture the path's kernel as the "stock" one (util.ts); useComputePath undoes this.
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: timedKernel as unknown as tf.KernelFunc });
  }
}

const options = { ...nativeMatMulOptions };

/**
 * The native products as measured (`on`) or as before them (views, one sgemm per batch entry, the attention's heads
 * transposed: no head kernel). Call after `useComputePath('native-blas')`, which registers the head kernel.
 */
export function productsAsNow(on: boolean): void {
  Object.assign(nativeMatMulOptions, on ? options : { byAddress: false, foldBatch: false });
  if (!on) restoreStock(HEAD_MATMUL);
}

/** The measured options and the native path back. */
function restore(): void {
  useComputePath('native-blas');
  productsAsNow(true);
}

function before(): void {
  useComputePath('native-blas');
  productsAsNow(false);
}

/** [a, b, transposeA, transposeB]: the step's patterns (bench/matmul.ts's log) and a shared-B product. */
const CASES: [number[], number[], boolean, boolean][] = [
  [[32, 4, 16, 24], [32, 4, 24, 16], false, false], // attention scores, Derm7pt
  [[32, 4, 16, 16], [32, 4, 16, 24], false, false], // attention mixing
  [[32, 4, 16, 16], [32, 4, 24, 16], false, true], // gradients of the two
  [[32, 4, 16, 16], [32, 4, 16, 24], true, false],
  [[32, 4, 16, 24], [32, 4, 16, 24], false, true],
  [[24, 4, 12, 32], [24, 4, 32, 12], false, false], // attention scores, MEN
  [[768, 64], [64, 64], false, false], // a linear layer (batch 1)
  [[768, 64], [64, 64], false, true],
  [[2048, 256], [256, 48], false, false],
  [[32, 24, 64], [64, 64], false, false], // rank 3 × rank 2: B shared (folded)
  [[128, 16, 24], [24, 16], false, false],
];

/** Median µs of each case before and now, interleaved call by call. */
function shapes(reps: number): void {
  console.log('\n| a · b | before µs | now µs | gain |\n|---|---:|---:|---:|');
  for (const [sa, sb, ta, tb] of CASES) {
    const a = tf.randomNormal(sa);
    const b = tf.randomNormal(sb);
    const t = timedSides({ before, now: restore }, () => tf.matMul(a, b, ta, tb).dispose(), reps, 3, restore);
    const label = `[${sa}]${ta ? 'ᵀ' : ''} · [${sb}]${tb ? 'ᵀ' : ''}`;
    console.log(`| ${label} | ${(t.before.median * 1e3).toFixed(0)} | ${(t.now.median * 1e3).toFixed(0)} | ${(t.before.median / t.now.median).toFixed(2)}× |`);
    tf.dispose([a, b]);
  }
  // The attention forward and backward (bench: the per-head kernel against head Transposes + BatchMatMul).
  const store = new ParamStore(3);
  for (const [B, Lq, Lk, D] of [[32, 16, 24, 64], [32, 8, 32, 64], [24, 12, 32, 48]]) {
    const p = makeCrossAttention(store, `a${Lq}x${Lk}`, D, 4);
    const query = tf.randomNormal([B, Lq, D]) as tf.Tensor3D;
    const context = tf.randomNormal([B, Lk, D]) as tf.Tensor3D;
    const loss = (q: tf.Tensor, c: tf.Tensor) => tf.sum(crossAttention(q as tf.Tensor3D, c as tf.Tensor3D, p).S);
    const fwd = () => tf.tidy(() => void crossAttention(query, context, p).S.dataSync());
    const both = () => tf.tidy(() => void tf.grads(loss)([query, context])[0].dataSync());
    const tf1 = timedSides({ before, now: restore }, fwd, reps, 3, restore);
    const tb = timedSides({ before, now: restore }, both, reps, 3, restore);
    const row = (what: string, t: typeof tf1) =>
      console.log(`| attention [${B},${Lq},${D}] × [${B},${Lk},${D}], 4 heads, ${what} | ${(t.before.median * 1e3).toFixed(0)} | ${(t.now.median * 1e3).toFixed(0)} | ${(t.before.median / t.now.median).toFixed(2)}× |`);
    row('forward', tf1);
    row('forward + backward', tb);
    tf.dispose([query, context]);
  }
  store.dispose();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const spec = argv.includes('--men') ? MEN : DERM7PT;
  const i = argv.indexOf('--reps');
  const reps = i >= 0 ? Number(argv[i + 1]) : 5;
  await initBackend({ backend: 'wasm', quiet: true });
  if (!nativeBlasAvailable()) throw new Error('bench/matmul: no native BLAS here (cfcml backend says why)');
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} vCPUs`);
  if (!argv.includes('--no-log')) await log(spec, reps);
  if (!argv.includes('--no-shapes')) shapes(Math.max(reps, 51));
  await stepBeforeAfter(spec, { before, rule: restore }, reps, restore);
  console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
}

/** The per-call table of a training step and an inference on the native path as it is now. */
async function log(spec: typeof DERM7PT, reps: number): Promise<void> {
  const rig = await stepRig(spec);
  for (const [mode, fn] of [['training step', () => rig.step()], ['inference', rig.infer]] as const) {
    useComputePath('native-blas');
    fn(); // warm-up
    const pass = new Map<string, { ms: number; calls: number }>();
    instrument(pass);
    const rows = new Map<string, Row>();
    for (let r = 0; r < reps; r++) {
      pass.clear();
      fn();
      for (const [key, e] of pass) {
        const row = rows.get(key) ?? { key, calls: e.calls, ms: [] };
        row.ms.push(e.ms);
        rows.set(key, row);
      }
    }
    useComputePath('native-blas');
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const table = [...rows.values()].map((r) => ({ ...r, med: median(r.ms) })).sort((x, y) => y.med - x.med);
    const total = table.reduce((s, r) => s + r.med, 0);
    const calls = table.reduce((s, r) => s + r.calls, 0);
    console.log(`\n${spec.name} ${mode}: ${calls} product calls, ${total.toFixed(2)} ms (medians over ${reps})`);
    console.log('| call | calls | ms | µs per call |\n|---|---:|---:|---:|');
    for (const r of table) console.log(`| ${r.key} | ${r.calls} | ${r.med.toFixed(2)} | ${((r.med / r.calls) * 1000).toFixed(0)} |`);
  }
  rig.dispose();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
