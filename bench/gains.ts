/**
 * What each change of the native path gained, measured in one run: a full training step (gradients + Adam) of
 * the Derm7pt and MEN `cpu` presets under five configurations, interleaved rep by rep so that the machine's
 * load hits them alike:
 *   wasm               dense products and convolutions on XNNPACK, Adam as 14 tfjs ops per weight (before)
 *   + BLAS matmul      matMul and the 3-D stride-1 filter gradient on the native BLAS (2-D convolutions on XNNPACK)
 *   + BLAS conv        also Conv2D and its gradients as im2col + BLAS where `nativeConvRule` says so
 *   + fused Adam       also Adam in one JS pass per weight (same bits, no op dispatch)
 *   + BLAS 3-D conv    also the 3-D convolutions and both gradients as shifted products or im2col + BLAS
 *                      (nativeConv3d.ts); the rows above run them as before (bench/conv3d.ts `before`)
 *
 *   npx tsc -p tsconfig.json && node build/bench/gains.js [--reps 7]
 */
import * as os from 'node:os';
import { initBackend, nativeBlasAvailable, useComputePath } from '../lib/backend';
import { nativeConvRule } from '../lib/backend/kernels/nativeConv';
import type { DatasetSpec } from '../lib/data/spec';
import { before, restoreRule } from './conv3d';
import { DERM7PT, MEN, stepRig } from './measure';

interface Variant {
  name: string;
  path: 'native-blas' | 'wasm';
  conv: boolean;
  fusedAdam: boolean;
  conv3d: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'wasm', path: 'wasm', conv: false, fusedAdam: false, conv3d: false },
  { name: '+ BLAS matmul (and 3-D filter gradient)', path: 'native-blas', conv: false, fusedAdam: false, conv3d: false },
  { name: '+ BLAS conv', path: 'native-blas', conv: true, fusedAdam: false, conv3d: false },
  { name: '+ fused Adam', path: 'native-blas', conv: true, fusedAdam: true, conv3d: false },
  { name: '+ BLAS 3-D conv', path: 'native-blas', conv: true, fusedAdam: true, conv3d: true },
];

const rule = { ...nativeConvRule };
const never = () => false;

function select(v: Variant): void {
  useComputePath(v.path);
  nativeConvRule.forward = v.conv ? rule.forward : never;
  nativeConvRule.filter = v.conv ? rule.filter : never;
  nativeConvRule.input = v.conv ? rule.input : never;
  if (v.conv3d) restoreRule();
  else before();
}

async function gains(spec: DatasetSpec, reps: number): Promise<Record<string, number>> {
  const rig = await stepRig(spec);
  const step = (fusedAdam: boolean) => rig.step(fusedAdam);
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
  rig.dispose();
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
