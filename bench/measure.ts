/**
 * The measuring half of `npm run bench` (bench/step.ts writes the results; bench/report.ts renders them).
 *
 * cfcml runs both compute paths of the wasm backend (lib/backend/path.ts: `native-blas`, the system BLAS for
 * dense products, and `wasm`, XNNPACK only) in one process, on one model and one batch, interleaved rep by
 * rep (A, B, A, B, …) so that a change of the machine's load hits both alike. The model is the one the
 * trainer trains: its config comes from `modelConfig` (lib/train/build.ts) on the trainer's resolved config
 * of a small synthetic cohort (the leakage audit runs as in training, so Derm7pt leaves `management` out).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { computePath, initBackend, nativeBlasAvailable, useComputePath, type ComputePath } from '../lib/backend';
import { DERM7PT, getPreset, ImageCache, loadCohort, makeBatch, MEN, TabularEncoder, disposeBatch } from '../lib/data';
import { synthDerm7pt, synthMen } from '../lib/synth';
import type { DatasetSpec, PresetName, TrainPreset } from '../lib/data/spec';
import { umap } from '../lib/gap/umap';
import { hrmLosses, hrmTotal } from '../lib/hrm';
import { createModel, type CFCMLConfig, type CFCMLModel } from '../lib/model';
import { buildOptimizer, modelConfig } from '../lib/train/build';
import { saveCheckpoint } from '../lib/run/checkpoint';
import { resolveTrainConfig } from '../lib/train/config';
import { cfcmlLoss } from '../lib/train/loss';
import { Adam } from '../lib/train/optimizer';
import { fullBatchGradients, type StepBatch } from '../lib/run/splitStep';
import { Rng } from '../lib/util/random';

export interface Options {
  child: boolean;
  reps: number;
  warmup: number;
  torch: boolean;
  umap: boolean;
  out: string;
  python: string;
}

export function parseArgs(argv: string[]): Options {
  const o: Options = { child: false, reps: 7, warmup: 2, torch: true, umap: true, out: 'bench', python: '/usr/bin/python3' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reps') o.reps = Number(argv[++i]);
    else if (a === '--warmup') o.warmup = Number(argv[++i]);
    else if (a === '--no-torch') o.torch = false;
    else if (a === '--child') o.child = true;
    else if (a === '--no-umap') o.umap = false;
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--python') o.python = argv[++i];
    else throw new Error(`bench: unknown argument ${a}`);
  }
  if (!(o.reps >= 5)) throw new Error('bench: --reps must be >= 5');
  return o;
}

export interface Timing {
  median: number;
  min: number;
  all: number[];
}

function summarise(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], all: s };
}

function clock(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function timed(fn: () => unknown | Promise<unknown>, reps: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return summarise(ms);
}

/**
 * `fn` timed on each side, the sides interleaved rep by rep (each warmed up first): `sides` maps a label to the
 * setup that switches to it (a compute path, a kernel rule). `restore` runs at the end, also on an error.
 */
export function timedSides(sides: Record<string, () => void>, fn: () => unknown, reps: number, warmup: number, restore: () => void): Record<string, Timing> {
  const names = Object.keys(sides);
  const ms: Record<string, number[]> = Object.fromEntries(names.map((p) => [p, []]));
  try {
    for (const p of names) {
      sides[p]();
      for (let i = 0; i < warmup; i++) fn();
    }
    for (let i = 0; i < reps; i++) {
      // Alternate the order too, so that neither side always runs right after the other.
      const order = i % 2 === 0 ? names : [...names].reverse();
      for (const p of order) {
        sides[p]();
        ms[p].push(clock(fn));
      }
    }
  } finally {
    restore();
  }
  return Object.fromEntries(names.map((p) => [p, summarise(ms[p])]));
}

/**
 * `fn` timed on each path, the paths interleaved rep by rep (each path warmed up first). Returns a timing
 * per path; the path in use before the call is restored.
 */
export function timedPaths(paths: readonly ComputePath[], fn: () => unknown, reps: number, warmup: number): Record<string, Timing> {
  const before = computePath().path;
  return timedSides(Object.fromEntries(paths.map((p) => [p, () => useComputePath(p)])), fn, reps, warmup, () => useComputePath(before));
}

/** The paths this machine can run: both where a BLAS library loads, else wasm only. */
export function availablePaths(): ComputePath[] {
  return nativeBlasAvailable() ? ['native-blas', 'wasm'] : ['wasm'];
}

export const ROOT = [path.join(__dirname, '..', '..'), path.join(__dirname, '..')].find((d) => fs.existsSync(path.join(d, 'bench', 'twin_bench.py'))) ?? process.cwd();

/** A small synthetic cohort of `spec`'s dataset (made once, kept in the temp folder between runs). */
async function benchCohort(spec: DatasetSpec): Promise<string> {
  const dir = path.join(os.tmpdir(), `cfcml-bench-${spec.name.toLowerCase()}`);
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (spec === MEN) await synthMen({ out: dir, seed: 5, scale: 0.2 });
    else await synthDerm7pt({ out: dir, seed: 5, scale: 0.1 });
    fs.writeFileSync(path.join(dir, '.complete'), '');
  }
  return dir;
}

/**
 * The model config the trainer would build for `spec`'s `preset` (leakage audit on the training split of a
 * small synthetic cohort, as `cfcml train` does by default), with the preset.
 */
export async function trainerModelConfig(spec: DatasetSpec, preset: PresetName): Promise<{ config: CFCMLConfig; p: TrainPreset; excluded: string[] }> {
  const data = await benchCohort(spec);
  const cohort = await loadCohort(data, { dataset: spec === MEN ? 'men' : 'derm7pt' });
  const train = cohort.cases.filter((c) => c.split === 'train');
  const resolved = resolveTrainConfig({ data, dataset: spec === MEN ? 'men' : 'derm7pt', preset }, cohort, train);
  return { config: modelConfig(spec, resolved), p: resolved.train, excluded: resolved.excludedFields };
}

/** A fixed random batch for a config: images (2-D in [0, 1), 3-D z-scored), tabular, balanced labels. */
export function randomBatch(config: CFCMLConfig, B: number, seed: number): StepBatch & { raw: { images: Float32Array[]; tabular: Float32Array } } {
  const rng = new Rng(seed);
  const raw = config.images.map((img) => {
    const n = B * config.imageSize.reduce((a, b) => a * b, 1) * img.channels;
    return Float32Array.from({ length: n }, () => (img.kind === '2d' ? rng.next() : rng.normal()));
  });
  const K = config.tabular.length;
  const tab = new Float32Array(B * K);
  for (let b = 0; b < B; b++) config.tabular.forEach((f, k) => (tab[b * K + k] = f.kind === 'categorical' ? rng.int(f.levels ?? 1) : rng.normal()));
  const hostLabels = Array.from({ length: B }, (_, i) => i % config.numClasses);
  return {
    images: raw.map((d, m) => tf.tensor(d, [B, ...config.imageSize, config.images[m].channels])),
    tabular: tf.tensor2d(tab, [B, K]),
    labels: tf.tensor1d(hostLabels, 'int32'),
    hostLabels,
    raw: { images: raw, tabular: tab },
  };
}

/**
 * A training step (gradients + Adam with the trainer's parameter groups, `fusedAdam` as Adam.apply) and inference
 * of the trainer's model at `spec`'s cpu preset on a fixed random batch; `dispose` frees them.
 */
export async function stepRig(spec: DatasetSpec): Promise<{ batchSize: number; step: (fusedAdam?: boolean) => void; infer: () => void; dispose: () => void }> {
  const { config, p } = await trainerModelConfig(spec, 'cpu');
  const model = createModel(config);
  const batch = randomBatch(config, p.batchSize, 1);
  const adam = buildOptimizer(model, p);
  const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau };
  let seed = 0;
  return {
    batchSize: p.batchSize,
    step: (fusedAdam = true) => {
      const { grads, terms } = fullBatchGradients(model, batch, { ...loss, dropoutSeed: seed++ });
      adam.apply(grads, p.lr, fusedAdam);
      tf.dispose([...Object.values(grads), terms]);
    },
    infer: () => tf.tidy(() => void model.forward(batch.images, batch.tabular, { training: false }).logits.dataSync()),
    dispose: () => {
      tf.dispose([...batch.images, batch.tabular, batch.labels]);
      adam.dispose();
      model.dispose();
    },
  };
}

/**
 * `spec`'s cpu preset's training step and inference under `sides.before` and `sides.rule` (each sets up the
 * kernels), interleaved rep by rep; prints the medians and the gain.
 */
export async function stepBeforeAfter(spec: DatasetSpec, sides: { before: () => void; rule: () => void }, reps: number, restore: () => void): Promise<void> {
  const rig = await stepRig(spec);
  const ts = timedSides(sides, () => rig.step(), reps, 1, restore);
  const ti = timedSides(sides, rig.infer, reps, 1, restore);
  console.log(`\n${spec.name} cpu preset (batch ${rig.batchSize}), median of ${reps} interleaved reps, ms: before / with the rule (gain)`);
  console.log(`training step ${ts.before.median.toFixed(0)} / ${ts.rule.median.toFixed(0)} (${(ts.before.median / ts.rule.median).toFixed(2)}×)`);
  console.log(`inference     ${ti.before.median.toFixed(0)} / ${ti.rule.median.toFixed(0)} (${(ti.before.median / ti.rule.median).toFixed(2)}×)`);
  rig.dispose();
}

/**
 * A convolution bench (bench/conv.ts, bench/conv3d.ts): on the native-blas path, `shapes` (per-shape timings of
 * each method, skipped with --no-shapes), then `spec`'s training step and inference before vs with the rule.
 * Options: --reps N (default 11), --no-shapes.
 */
export async function convBench(name: string, spec: DatasetSpec, shapes: (reps: number) => void, before: () => void, restore: () => void): Promise<void> {
  const i = process.argv.indexOf('--reps');
  const reps = i > 0 ? Number(process.argv[i + 1]) : 11;
  await initBackend({ backend: 'wasm', quiet: true });
  if (!nativeBlasAvailable()) throw new Error(`bench/${name}: no native BLAS here (cfcml backend says why)`);
  useComputePath('native-blas');
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} vCPUs`);
  if (!process.argv.includes('--no-shapes')) shapes(reps);
  await stepBeforeAfter(spec, { before, rule: restore }, reps, restore);
  console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}`);
}

/** cfcml's timings on one preset, per path. */
export interface SideResult {
  step: Record<string, Timing>;
  infer: Record<string, Timing>;
  /** HRM losses' forward + backward on the batch's embeddings (path in use). */
  hrm: Timing;
  params: number;
  excluded: string[];
  batch: number;
}

export interface TorchResult {
  step: Timing;
  infer: Timing;
  hrm: Timing;
  params: number;
  threads: number;
  torch: string;
  loss_rel_diff: number;
}

export type Failed = { error: string };

/** cfcml timings on a preset, and the files the twin needs (weights + batch with cfcml's loss terms). */
export async function cfcmlSide(spec: DatasetSpec, o: Options, dir: string, tag: string): Promise<{ res: SideResult; ckpt: string; batchFile: string; model: CFCMLModel; config: CFCMLConfig }> {
  const { config, p, excluded } = await trainerModelConfig(spec, 'cpu');
  const model = createModel(config);
  const batch = randomBatch(config, p.batchSize, 1);
  const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau };
  // The twin's inputs: initial weights (the trainer's `w:` arrays), the batch, cfcml's eval-mode loss terms.
  const terms = tf.tidy(() => {
    const out = model.forward(batch.images, batch.tabular, { training: false });
    const l = cfcmlLoss(out, batch.labels, batch.hostLabels, loss);
    return { total: l.total.dataSync()[0], ce: l.ce.dataSync()[0], sam: l.sam.dataSync()[0], up: l.up.dataSync()[0], cp: l.cp.dataSync()[0] };
  });
  const ckpt = path.join(dir, `${tag}-weights.ckpt`);
  saveCheckpoint(ckpt, { meta: { config }, arrays: model.getWeightData().map((w) => ({ name: `w:${w.key}`, shape: w.shape, data: w.data })) });
  const batchFile = path.join(dir, `${tag}-batch.ckpt`);
  saveCheckpoint(batchFile, {
    meta: { labels: batch.hostLabels, hrmWeights: p.hrm, tau: p.tau, lr: p.lr, weightDecay: p.weightDecay, terms },
    arrays: [
      ...batch.raw.images.map((d, m) => ({ name: `in:image${m}`, shape: batch.images[m].shape, data: d })),
      { name: 'in:tabular', shape: batch.tabular.shape, data: batch.raw.tabular },
    ],
  });

  const adam = new Adam(
    model.weights.map((w) => ({ key: w.key, variable: w.variable, lrScale: w.group === 'encoder' ? p.backboneLrScale : 1 })),
    { weightDecay: p.weightDecay },
  );
  let seed = 0;
  const step = () => {
    const { grads, terms: t } = fullBatchGradients(model, batch, { ...loss, dropoutSeed: seed++ });
    adam.apply(grads, p.lr);
    tf.dispose(Object.values(grads));
    t.dataSync();
    t.dispose();
  };
  const infer = () =>
    tf.tidy(() => {
      model.forward(batch.images, batch.tabular, { training: false }).logits.dataSync();
    });
  const zs = tf.tidy(() => model.forward(batch.images, batch.tabular, { training: false }).z);
  const hrm = () =>
    tf.tidy(() => {
      const g = tf.grads((...z: tf.Tensor[]) => hrmTotal(tf.scalar(0), hrmLosses(z as tf.Tensor2D[], batch.hostLabels, { numClasses: config.numClasses, tau: p.tau }), p.hrm));
      g(zs).forEach((t) => t.dataSync());
    });
  const paths = availablePaths();
  const res: SideResult = {
    step: timedPaths(paths, step, o.reps, o.warmup),
    infer: timedPaths(paths, infer, o.reps, o.warmup),
    hrm: await timed(hrm, o.reps, o.warmup),
    params: model.paramCount(),
    excluded,
    batch: p.batchSize,
  };
  tf.dispose([...zs, ...batch.images, batch.tabular, batch.labels]);
  adam.dispose();
  return { res, ckpt, batchFile, model, config };
}

export function torchSide(o: Options, ckpt: string, batchFile: string, threads: number): TorchResult | Failed {
  const script = path.join(ROOT, 'bench', 'twin_bench.py');
  const r = spawnSync(o.python, [script, '--ckpt', ckpt, '--batch', batchFile, '--threads', String(threads), '--reps', String(o.reps), '--warmup', String(o.warmup)], {
    encoding: 'utf8',
    env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE', OMP_NUM_THREADS: String(threads) },
  });
  if (r.status !== 0) return { error: (r.error?.message ?? r.stderr.trim().split('\n').slice(-3).join(' ')) || `exit ${r.status}` };
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as TorchResult;
}

export interface ProfileRow {
  kernel: string;
  ms: number;
  calls: number;
}

/**
 * Kernel time per kernel name of a Derm7pt or MEN training step (gradients, no Adam) or, with `mode: 'infer'`, one
 * inference (forward, eval mode) at the cpu preset on the path in use, each the median over `reps` profiled runs
 * (robust to a loaded machine); with `shapes`, per kernel name and input/output shapes (to trace each call to its op
 * in the model). Sorted by time.
 */
export async function kernelProfile(spec: DatasetSpec, opts: { reps?: number; shapes?: boolean; mode?: 'step' | 'infer' } = {}): Promise<ProfileRow[]> {
  const { reps = 1, shapes = false, mode = 'step' } = opts;
  const { config, p } = await trainerModelConfig(spec, 'cpu');
  const model = createModel(config);
  const batch = randomBatch(config, p.batchSize, 2);
  const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau, dropoutSeed: 1 };
  const run =
    mode === 'step'
      ? () => {
          const { grads, terms } = fullBatchGradients(model, batch, loss);
          tf.dispose([...Object.values(grads), terms]);
        }
      : () => tf.tidy(() => void model.forward(batch.images, batch.tabular, { training: false }).logits.dataSync());
  run(); // warm-up
  const perRep: Map<string, number>[] = [];
  const calls = new Map<string, number>();
  for (let r = 0; r < reps; r++) {
    const info = await tf.profile(run);
    const ms = new Map<string, number>();
    for (const k of info.kernels) {
      const key = shapes ? `${k.name} ${k.inputShapes.map((s) => `[${s}]`).join(' ')} → ${k.outputShapes.map((s) => `[${s}]`).join(' ')}` : k.name;
      ms.set(key, (ms.get(key) ?? 0) + (typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0));
      if (r === 0) calls.set(key, (calls.get(key) ?? 0) + 1);
    }
    perRep.push(ms);
  }
  tf.dispose([...batch.images, batch.tabular, batch.labels]);
  model.dispose();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [...calls.entries()].map(([kernel, n]) => ({ kernel, ms: median(perRep.map((m) => m.get(kernel) ?? 0)), calls: n })).sort((a, b) => b.ms - a.ms);
}

/** makeBatch (augmentation on) at the preset's batch on the small synthetic Derm7pt cohort. */
export async function loaderTiming(o: Options): Promise<{ timing: Timing; cases: number }> {
  const p = getPreset(DERM7PT, 'cpu');
  const cohort = await loadCohort(await benchCohort(DERM7PT), { dataset: 'derm7pt' });
  const train = cohort.cases.filter((c) => c.split === 'train');
  const tab = TabularEncoder.fit(cohort.spec, train);
  const images = await ImageCache.load(cohort, { size: p.imageSize, cases: train });
  const idx = Array.from({ length: p.batchSize }, (_, i) => i % train.length);
  let s = 0;
  const timing = await timed(
    () => disposeBatch(makeBatch(cohort.spec, train, idx, images, tab, { augment: true, seed: s++ })),
    o.reps,
    o.warmup,
  );
  return { timing, cases: train.length };
}

/** Dense products C = A·B (float32) on each cfcml path and on PyTorch with 1 thread: the floor under every matmul. */
export const GEMM_SHAPES: [number, number, number][] = [
  [128, 128, 128],
  [512, 512, 512],
  [1024, 1024, 1024],
];
export interface GemmRow {
  m: number;
  k: number;
  n: number;
  min_ms: number;
  gflops: number;
}
export async function gemmSide(o: Options): Promise<{ cfcml: Record<string, GemmRow[]>; torch: GemmRow[] | null; error?: string }> {
  const cfcml: Record<string, GemmRow[]> = {};
  // A floor is a minimum: more repetitions (cheap here) make it robust to a loaded machine, on both sides.
  const reps = Math.max(o.reps, 15);
  for (const [m, k, n] of GEMM_SHAPES) {
    const a = tf.randomNormal([m, k], 0, 1, 'float32', 1);
    const b = tf.randomNormal([k, n], 0, 1, 'float32', 2);
    // Not inside tf.tidy: tidy walks a returned TypedArray element by element looking for tensors.
    const t = timedPaths(availablePaths(), () => {
      const c = tf.matMul(a, b);
      c.dataSync();
      c.dispose();
    }, reps, o.warmup);
    tf.dispose([a, b]);
    for (const [p, tp] of Object.entries(t)) (cfcml[p] ??= []).push({ m, k, n, min_ms: tp.min, gflops: (2 * m * k * n) / tp.min / 1e6 });
  }
  if (!o.torch) return { cfcml, torch: null };
  const shapes = GEMM_SHAPES.map((s) => s.join('x')).join(',');
  const r = spawnSync(o.python, [path.join(ROOT, 'bench', 'gemm.py'), '--shapes', shapes, '--reps', String(reps), '--warmup', String(o.warmup)], {
    encoding: 'utf8',
    env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' },
  });
  if (r.status !== 0) return { cfcml, torch: null, error: r.stderr.trim().split('\n').slice(-2).join(' ') || `exit ${r.status}` };
  return { cfcml, torch: (JSON.parse(r.stdout.trim().split('\n').pop() as string) as { gemm: GemmRow[] }).gemm };
}

export interface UmapResult {
  js_second_fit_ms: number;
  rows?: number;
  cols?: number;
  js?: { trustworthiness: number; knn_agreement: number };
  py?: { version: string; first_fit_ms: number; second_fit_ms: number; trustworthiness: number; knn_agreement: number };
  error?: string;
}

export async function umapSide(o: Options, model: CFCMLModel, config: CFCMLConfig, dir: string): Promise<UmapResult> {
  // The embedding matrix: concat(z_m) of 300 fixed random cases through the benchmark's model.
  const b = randomBatch(config, 300, 3);
  const z = tf.tidy(() => tf.concat(model.forward(b.images, b.tabular, { training: false }).z, 1));
  const X = z.arraySync() as number[][];
  tf.dispose([z, ...b.images, b.tabular, b.labels]);
  umap(X, { seed: 1 }); // first fit (JIT warm-up), as umap-learn's numba compile
  const t0 = Date.now();
  const js = umap(X, { seed: 1 });
  const jsMs = Date.now() - t0;
  const file = path.join(dir, 'umap-in.json');
  fs.writeFileSync(file, JSON.stringify({ X, js, k: 10, nNeighbors: 15, minDist: 0.1, seed: 1 }));
  const r = spawnSync(o.python, [path.join(ROOT, 'bench', 'umap_compare.py'), file], { encoding: 'utf8', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } });
  const py = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop() as string) : { error: r.stderr.trim().split('\n').slice(-2).join(' ') };
  return { js_second_fit_ms: jsMs, ...py };
}

export function wasmThreads(): number {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require('@tensorflow/tfjs-backend-wasm') as { getThreadsCount(): number }).getThreadsCount();
}

/** What a child process (another thread setting) measures: step and inference per path, Derm7pt and MEN. */
export interface ChildResult {
  env: Record<string, string>;
  wasmThreads: number;
  blasThreads: number;
  derm: { step: Record<string, Timing>; infer: Record<string, Timing> };
  men: { step: Record<string, Timing>; infer: Record<string, Timing> };
}

/** The child's side (bench/step.ts --child): both presets, both paths. */
export async function childSide(o: Options, dir: string, env: Record<string, string>): Promise<ChildResult> {
  const d = await cfcmlSide(DERM7PT, o, dir, 'derm');
  const m = await cfcmlSide(MEN, o, dir, 'men');
  d.model.dispose();
  m.model.dispose();
  return { env, wasmThreads: wasmThreads(), blasThreads: computePath().blas.threads, derm: { step: d.res.step, infer: d.res.infer }, men: { step: m.res.step, infer: m.res.infer } };
}

/** cfcml's step and inference in a child process under `env` (threads are fixed per process). */
export function cfcmlChild(o: Options, script: string, env: Record<string, string>): ChildResult | Failed {
  const r = spawnSync(process.execPath, [script, '--child', '--reps', String(o.reps), '--warmup', String(o.warmup)], {
    encoding: 'utf8',
    env: { ...process.env, ...env, CFCML_BENCH_CHILD_ENV: JSON.stringify(env) },
  });
  if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${r.status}` };
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as ChildResult;
}

export { DERM7PT, MEN };
