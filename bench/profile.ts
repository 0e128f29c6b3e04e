/**
 * The per-kernel profile of a Derm7pt (or MEN) cpu-preset training step, or with `--infer` of one inference, alone
 * (no PyTorch, no other measurements): which kernels take the time and, with `--shapes`, on which input shapes, so that each call can
 * be traced to its op in the model. Each kernel's time is its median over `--reps` profiled steps.
 *
 *   node dist/bench/profile.js [--men] [--infer] [--shapes] [--top 40] [--reps 5] [--path native-blas|wasm]
 *
 * What a change gains is measured by bench/gains.ts (configurations interleaved in one run).
 */
import { initBackend, useComputePath, type ComputePath } from '../lib/backend';
import { DERM7PT, MEN } from '../lib/data';
import { kernelProfile } from './measure';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let spec = DERM7PT;
  let shapes = false;
  let mode: 'step' | 'infer' = 'step';
  let top = 40;
  let reps = 5;
  let path: ComputePath | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--men') spec = MEN;
    else if (a === '--shapes') shapes = true;
    else if (a === '--infer') mode = 'infer';
    else if (a === '--top') top = Number(argv[++i]);
    else if (a === '--reps') reps = Number(argv[++i]);
    else if (a === '--path') path = argv[++i] as ComputePath;
    else throw new Error(`profile: unknown argument ${a}`);
  }
  await initBackend({ backend: 'wasm', quiet: true });
  if (path) useComputePath(path);
  const rows = await kernelProfile(spec, { reps, shapes, mode });
  const total = rows.reduce((a, r) => a + r.ms, 0);
  const calls = rows.reduce((a, r) => a + r.calls, 0);
  console.log(`kernel time ${total.toFixed(1)} ms (sum of per-kernel medians over ${reps} ${mode === 'step' ? 'steps' : 'inferences'}) in ${calls} calls`);
  for (const r of rows.slice(0, top)) console.log(`${r.ms.toFixed(2).padStart(8)} ms ${String(r.calls).padStart(5)}×  ${r.kernel}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
