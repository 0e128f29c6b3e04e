/**
 * Times one training step (forward, backward, Adam update) of a batch-32 two-image 2D CNN +
 * attention model (bench/model.ts) on wasm with this project's kernels and on the stock cpu backend,
 * and, when Debian's python3 has torch, the same step in PyTorch on one thread
 * (scripts/bench/step_torch.py). Prints a table of milliseconds per step and ratios.
 *
 *   npx tsc -p tsconfig.json && node build/bench/step.js [--steps 5] [--cpu-steps 1] [--no-cpu] [--no-torch]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../lib/backend';
import { initNet2d, loss2d, NET2D_DEFAULTS, randomBatch2d } from './model';

interface Options {
  steps: number;
  cpuSteps: number;
  cpu: boolean;
  torch: boolean;
  python: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { steps: 5, cpuSteps: 1, cpu: true, torch: true, python: '/usr/bin/python3' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--steps') o.steps = Number(argv[++i]);
    else if (a === '--cpu-steps') o.cpuSteps = Number(argv[++i]);
    else if (a === '--no-cpu') o.cpu = false;
    else if (a === '--no-torch') o.torch = false;
    else if (a === '--python') o.python = argv[++i];
    else throw new Error(`bench/step: unknown argument ${a}`);
  }
  return o;
}

interface Timing {
  /** Fastest step (ms): the least disturbed by other processes on a shared machine. */
  min: number;
  /** Median step (ms). */
  median: number;
}

/**
 * ms per training step on `backend` over `steps` steps, after `warmup` untimed steps (wasm builds
 * XNNPACK operators on first use; the cpu backend has nothing to warm and is slow, so 0 there).
 */
async function timeSteps(backend: 'wasm' | 'cpu', steps: number, warmup: number): Promise<Timing> {
  await initBackend({ backend, quiet: true });
  const p = initNet2d(1);
  const x = randomBatch2d(2);
  const opt = tf.train.adam(1e-3);
  const vars = Object.values(p);
  const step = (): number => {
    const loss = opt.minimize(() => loss2d(p, x), true, vars) as tf.Scalar;
    const v = loss.dataSync()[0];
    loss.dispose();
    return v;
  };
  for (let i = 0; i < warmup; i++) step();
  const ms: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = process.hrtime.bigint();
    step();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  opt.dispose();
  tf.dispose([...vars, ...Object.values(x)]);
  ms.sort((a, b) => a - b);
  return { min: ms[0], median: ms[Math.floor(ms.length / 2)] };
}

/** PyTorch ms per step, or null (with the reason on stderr) when it cannot run. */
function torchSteps(o: Options): Timing | null {
  const script = [path.join(__dirname, '../../scripts/bench/step_torch.py'), path.join(__dirname, '../../../scripts/bench/step_torch.py')].find((f) =>
    fs.existsSync(f),
  );
  if (!script) {
    console.error('bench/step: scripts/bench/step_torch.py not found');
    return null;
  }
  const r = spawnSync(o.python, [script, '--steps', String(Math.max(o.steps, 5))], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`bench/step: PyTorch run failed: ${r.error?.message ?? r.stderr.trim().split('\n').pop()}`);
    return null;
  }
  const j = JSON.parse(r.stdout.trim().split('\n').pop() as string);
  return { min: j.min, median: j.ms };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const { batch, size, channels, heads } = NET2D_DEFAULTS;
  console.log(`training step: batch ${batch}, two ${size}×${size} images, channels ${channels}, ${heads}-head attention`);
  const rows: [string, Timing][] = [];
  rows.push(['tfjs wasm + cfcml kernels', await timeSteps('wasm', o.steps, 1)]);
  if (o.cpu) rows.push(['tfjs cpu (stock)', await timeSteps('cpu', o.cpuSteps, 0)]);
  if (o.torch) {
    const t = torchSteps(o);
    if (t !== null) rows.push(['PyTorch 1.13, 1 thread', t]);
  }
  // Stock wasm cannot train this model at all (Conv2DBackpropFilter and UnsortedSegmentSum are missing).
  const [refName, ref] = rows.find(([n]) => n.startsWith('PyTorch')) ?? rows[0];
  console.log(`${'runtime'.padEnd(28)} ${'min ms'.padStart(8)} ${'median'.padStart(8)}  ratio to ${refName} (min)`);
  for (const [name, t] of rows) {
    console.log(`${name.padEnd(28)} ${t.min.toFixed(0).padStart(8)} ${t.median.toFixed(0).padStart(8)}  ${(t.min / ref.min).toFixed(2)}×`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
