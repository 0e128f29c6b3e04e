/**
 * Every convolution kernel call (Conv2D, Conv3D and their gradients) of one training step and one inference of the
 * Derm7pt and MEN `cpu` presets on the native-blas path: kernel, shapes, the method it ran (nativeConv3d.ts
 * `convTrace`) and its time, before and now, the two interleaved rep by rep in one process. Then the whole step and
 * inference before / now (`stepBeforeAfter`). Now is the path as it is; before is without this change's two parts:
 * 2-D exact patch grids as patch products (nativeConv.ts `patches2d`), the shifted forward pass with positions
 * as rows and the filter gradient's row blocks sized by the channels (nativeConv3d.ts `shiftLayout`).
 *
 *   npx tsc -p tsconfig.json && node build/bench/convcalls.js [--reps 7] [--derm | --men] [--no-log]
 */
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { initBackend, nativeBlasAvailable, useComputePath } from '../lib/backend';
import { patches2d } from '../lib/backend/kernels/nativeConv';
import { convTrace, MAX_BLOCK_ROWS, shiftLayout } from '../lib/backend/kernels/nativeConv3d';
import type { Kernel, KernelArgs } from '../lib/backend/kernels/util';
import type { DatasetSpec } from '../lib/data/spec';
import { DERM7PT, MEN, stepBeforeAfter, stepRig } from './measure';

const CONV_KERNELS = ['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'Conv3D', 'Conv3DBackpropFilterV2', 'Conv3DBackpropInputV2'];
const now = { ...shiftLayout, ...patches2d };

/**
 * The convolutions' choices as measured (`on`), or as before this change (no 2-D patch products, the shifted forward
 * pass channel-major everywhere and in one block, the filter gradient in blocks of MAX_BLOCK_ROWS grid rows).
 */
export function convChange(on: boolean): void {
  Object.assign(shiftLayout, on ? { positionsAsRows: now.positionsAsRows, blockRows: now.blockRows } : {
    positionsAsRows: () => false,
    blockRows: (_c: number, _n: number, kind: string) => (kind === 'filter' ? MAX_BLOCK_ROWS : Infinity),
  });
  Object.assign(patches2d, { on: on ? now.on : false, forward: now.forward });
}

/** The native path as measured. */
function convAsNow(): void {
  useComputePath('native-blas');
  convChange(true);
}

/** The native path before this change. */
function convBefore(): void {
  useComputePath('native-blas');
  convChange(false);
}

type Pass = Map<string, { ms: number; calls: number; method: string }>;

/** Wrap the registered convolution kernels so that each call adds its time, method and one call to `pass`. */
function instrument(pass: Pass): void {
  for (const name of CONV_KERNELS) {
    const inner = tf.getKernel(name, 'wasm')!.kernelFunc as unknown as Kernel;
    const timedKernel = (args: KernelArgs) => {
      convTrace.method = '?';
      const t0 = process.hrtime.bigint();
      const out = inner(args);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const outs = Array.isArray(out) ? out : [out];
      const key = `${name} ${Object.values(args.inputs).map((t) => `[${t.shape}]`).join(' ')} → [${outs[0].shape}]`;
      const e = pass.get(key) ?? { ms: 0, calls: 0, method: convTrace.method };
      pass.set(key, { ms: e.ms + ms, calls: e.calls + 1, method: convTrace.method });
      return out;
    };
    // Not registerWasm: that would capture the path's kernel as the "stock" one (util.ts); useComputePath undoes this.
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: timedKernel as unknown as tf.KernelFunc });
  }
}

interface Row {
  calls: number;
  ms: Record<'before' | 'now', number[]>;
  method: Record<'before' | 'now', string>;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** The per-call table of `spec`'s training step and inference, before and now interleaved rep by rep. */
async function log(spec: DatasetSpec, reps: number): Promise<void> {
  const rig = await stepRig(spec);
  const sides = { before: convBefore, now: convAsNow } as const;
  for (const [mode, fn] of [['training step', () => rig.step()], ['inference', rig.infer]] as const) {
    const rows = new Map<string, Row>();
    for (const side of ['before', 'now'] as const) {
      sides[side]();
      fn(); // warm-up
    }
    for (let r = 0; r < reps; r++) {
      for (const side of r % 2 === 0 ? (['before', 'now'] as const) : (['now', 'before'] as const)) {
        sides[side]();
        const pass: Pass = new Map();
        instrument(pass);
        fn();
        for (const [key, e] of pass) {
          const row = rows.get(key) ?? { calls: e.calls, ms: { before: [], now: [] }, method: { before: '', now: '' } };
          row.ms[side].push(e.ms);
          row.method[side] = e.method;
          rows.set(key, row);
        }
      }
    }
    convAsNow();
    const table = [...rows.entries()].map(([key, r]) => ({ key, r, b: median(r.ms.before), n: median(r.ms.now) })).sort((x, y) => y.b - x.b);
    const sum = (k: 'b' | 'n') => table.reduce((s, t) => s + t[k], 0);
    const calls = table.reduce((s, t) => s + t.r.calls, 0);
    console.log(`\n${spec.name} ${mode}: ${calls} convolution calls, ${sum('b').toFixed(2)} → ${sum('n').toFixed(2)} ms (${(sum('b') / sum('n')).toFixed(2)}×; medians over ${reps} interleaved reps)`);
    console.log('| call | calls | method before → now | ms before | ms now | gain |\n|---|---:|---|---:|---:|---:|');
    for (const { key, r, b, n } of table) {
      const m = r.method.before === r.method.now ? r.method.now : `${r.method.before} → ${r.method.now}`;
      console.log(`| ${key} | ${r.calls} | ${m} | ${b.toFixed(2)} | ${n.toFixed(2)} | ${(b / n).toFixed(2)}× |`);
    }
  }
  rig.dispose();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--reps');
  const reps = i >= 0 ? Number(argv[i + 1]) : 7;
  const specs = argv.includes('--derm') ? [DERM7PT] : argv.includes('--men') ? [MEN] : [DERM7PT, MEN];
  await initBackend({ backend: 'wasm', quiet: true });
  if (!nativeBlasAvailable()) throw new Error('bench/convcalls: no native BLAS here (cfcml backend says why)');
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} vCPUs`);
  for (const spec of specs) {
    if (!argv.includes('--no-log')) await log(spec, reps);
    await stepBeforeAfter(spec, { before: convBefore, rule: convAsNow }, reps, convAsNow);
  }
  console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
