/**
 * Swin-T forward and training step, cfcml (tfjs, the backend initBackend picks) against timm's Swin-T in
 * PyTorch on the same batch with the same weights:
 *
 *   node dist/bench/swin.js --timm <pytorch-image-models checkout> [--batch 2] [--size 224] [--threads 1]
 *        [--reps 3] [--warmup 1] [--freeze 0] [--plan] [--out bench/swin.json]
 *
 * cfcml builds Swin-T (seeded random weights), writes them by timm's names to a safetensors file with the
 * input batch, and scripts/bench/swin_timm.py loads both into timm's `swin_tiny_patch4_window7_224`. Timed:
 * the forward (four stage maps, inference) and a step (forward, loss Σ_s mean(F_s²), backward to every
 * trainable weight; no optimiser update, the same on both sides). The stage-4 outputs of both sides are compared
 * (`stage4RelDiff`): same weights and batch, so the timings compare like with like. Timings are noisy: compare
 * the ratio from one run. `--plan` also prints the micro-batch the trainer picks for the Derm7pt paper preset
 * (Swin-T at 224 px, batch 36, stages 1–3 frozen) under the wasm memory budget (lib/run/splitStep.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { backendReport, initBackend } from '../lib/backend';
import { DERM7PT, getPreset } from '../lib/data/datasets';
import { tabularInputSpec } from '../lib/data/tabular';
import { createModel, ParamStore, swinEncoder } from '../lib/model';
import { planMicroBatch, randomStepBatch } from '../lib/run/splitStep';
import { hrmWeightsFor } from '../lib/train/loss';
import { Rng } from '../lib/util/random';
import { encodeSafetensors } from '../lib/util/safetensors';
import { writeFileAtomic } from '../lib/util/fs';

interface Options {
  timm: string | null;
  batch: number;
  size: number;
  threads: number;
  reps: number;
  warmup: number;
  freeze: number;
  plan: boolean;
  out: string | null;
  python: string;
}

function parse(argv: string[]): Options {
  const o: Options = { timm: null, batch: 2, size: 224, threads: 1, reps: 3, warmup: 1, freeze: 0, plan: false, out: null, python: '/usr/bin/python3' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--timm') o.timm = next();
    else if (a === '--batch') o.batch = Number(next());
    else if (a === '--size') o.size = Number(next());
    else if (a === '--threads') o.threads = Number(next());
    else if (a === '--reps') o.reps = Number(next());
    else if (a === '--warmup') o.warmup = Number(next());
    else if (a === '--freeze') o.freeze = Number(next());
    else if (a === '--plan') o.plan = true;
    else if (a === '--out') o.out = next();
    else if (a === '--python') o.python = next();
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

function timed(fn: () => void, reps: number, warmup: number): { median: number; min: number } {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0] };
}

async function run(): Promise<void> {
  const o = parse(process.argv.slice(2));
  await initBackend({ quiet: true });
  const backend = backendReport();
  const store = new ParamStore(24);
  const keys: string[] = [];
  const encoder = swinEncoder()({
    kind: '2d',
    channels: 3,
    imageSize: [o.size, o.size],
    widths: [96, 192, 384, 768],
    freezeStages: o.freeze,
    params: {
      add: (key, shape, init) => {
        keys.push(key);
        return store.add(key, shape, init, 'encoder');
      },
      adopt: () => {
        throw new Error('unused');
      },
    },
  });
  const rng = new Rng(5);
  const pixels = Float32Array.from({ length: o.batch * o.size * o.size * 3 }, () => rng.int(256));
  const x = tf.tidy(() => tf.div(tf.tensor4d(pixels, [o.batch, o.size, o.size, 3]), 255));
  const trainable = store.entries.map((e) => e.variable).filter((v) => v.trainable);
  const lossOf = (outs: tf.Tensor[]) => tf.addN(outs.map((f) => tf.mean(tf.square(f)))) as tf.Scalar;

  const forward = () => tf.tidy(() => void encoder.apply(x, false).map((f) => f.dataSync()));
  const step = () =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => lossOf(encoder.apply(x, true)), trainable);
      value.dataSync();
      tf.dispose(Object.values(grads));
    });
  const stage4 = tf.tidy(() => encoder.apply(x, false)[3].dataSync() as Float32Array);
  const ours = { forward: timed(forward, o.reps, o.warmup), step: timed(step, o.reps, o.warmup) };
  const result: Record<string, unknown> = {
    what: `Swin-T, batch ${o.batch} at ${o.size} px, ${o.freeze > 0 ? `stages 1–${o.freeze} frozen` : 'every stage trainable'}`,
    params: store.paramCount(),
    cfcml: { backend, ...ours },
  };

  if (o.timm) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-swin-bench-'));
    const weights = path.join(dir, 'model.safetensors');
    const batch = path.join(dir, 'batch.safetensors');
    fs.writeFileSync(weights, encodeSafetensors(store.entries.map((e, i) => ({ name: keys[i].split('/').join('.'), shape: e.variable.shape.slice(), data: e.variable.dataSync() as Float32Array }))));
    fs.writeFileSync(batch, encodeSafetensors([{ name: 'input', shape: [o.batch, o.size, o.size, 3], data: pixels }, { name: 'stage4', shape: [stage4.length], data: stage4 }]));
    const script = path.join(__dirname, '..', '..', 'scripts', 'bench', 'swin_timm.py');
    const r = spawnSync(o.python, [script, '--timm', o.timm, '--weights', weights, '--batch', batch, '--threads', String(o.threads), '--reps', String(o.reps), '--warmup', String(o.warmup), '--freeze', String(o.freeze)], {
      encoding: 'utf8',
      env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE', OMP_NUM_THREADS: String(o.threads) },
    });
    fs.rmSync(dir, { recursive: true, force: true });
    if (r.status !== 0) result.torch = { error: r.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${r.status}` };
    else {
      const t = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { forward: { median: number }; step: { median: number } };
      result.torch = t;
      result.ratio = { forward: ours.forward.median / t.forward.median, step: ours.step.median / t.step.median };
    }
  }
  tf.dispose(x);
  store.dispose();

  if (o.plan) {
    const spec = DERM7PT;
    const p = getPreset(spec, 'paper');
    const model = createModel({ images: spec.imageModalities.map((m) => ({ kind: m.kind, channels: m.channels })), imageSize: p.imageSize, tabular: tabularInputSpec(spec.tabular), numClasses: 2, variant: 'full', model: p.model, seed: 1 });
    const plan = await planMicroBatch(model, (n) => randomStepBatch(model.config, n), { numClasses: 2, weights: hrmWeightsFor('full', p.hrm), tau: p.tau, dropoutSeed: 0 }, p.batchSize);
    result.paperPlan = { batchSize: p.batchSize, microBatch: plan.microBatch, peakGiB: plan.peakBytes / 2 ** 30, bytesPerCaseMiB: plan.bytesPerCase / 2 ** 20, largestFitting: plan.largestFitting, params: model.paramCount() };
    model.dispose();
  }
  console.log(JSON.stringify(result));
  if (o.out) writeFileAtomic(o.out, JSON.stringify(result, null, 1) + '\n');
}

run().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
