/**
 * `npm run bench`: the real CFCML model, cfcml (tfjs wasm + the project's kernels) side by side with its
 * PyTorch twin (scripts/reference/cfcml_twin.py, Debian's python3-torch) in one run, on the same weights and
 * the same batch. Writes bench/RESULTS.md and bench/results.json.
 *
 *   npm run bench [-- --reps 7] [--warmup 2] [--no-torch] [--no-umap] [--out bench] [--python /usr/bin/python3]
 *
 * Measured: a training step (forward, (H8) loss, backward, Adam) of `full` at the Derm7pt cpu preset (its
 * batch) and at the MEN cpu preset (3-D); inference (forward on the batch); the HRM losses' share of a step
 * (their forward + backward on the batch's embeddings); data loading + augmentation per batch (makeBatch on a
 * small synthetic cohort); umap-js vs umap-learn on one embedding matrix. PyTorch runs with 1 and 2 threads
 * (OMP_WAIT_POLICY=PASSIVE); ratios use PyTorch's best. Times are medians over `reps` after `warmup`.
 * `npm start`'s wall time and peak memory are measured once by scripts/bench/npm_start.sh (not looped here)
 * and copied from bench/npm_start.json when present.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../lib/backend';
import { DERM7PT, getPreset, ImageCache, loadCohort, makeBatch, MEN, TabularEncoder, disposeBatch } from '../lib/data';
import { synthDerm7pt } from '../lib/synth';
import type { DatasetSpec } from '../lib/data/spec';
import { tabularInputSpec } from '../lib/data/tabular';
import { umap } from '../lib/gap/umap';
import { hrmLosses, hrmTotal } from '../lib/hrm';
import { createModel, type CFCMLConfig, type CFCMLModel } from '../lib/model';
import { saveCheckpoint } from '../lib/run/checkpoint';
import { cfcmlLoss } from '../lib/train/loss';
import { Adam } from '../lib/train/optimizer';
import { fullBatchGradients, type StepBatch } from '../lib/run/splitStep';
import { Rng } from '../lib/util/random';

interface Options {
  child: boolean;
  reps: number;
  warmup: number;
  torch: boolean;
  umap: boolean;
  out: string;
  python: string;
}

function parseArgs(argv: string[]): Options {
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

interface Timing {
  median: number;
  min: number;
  all: number[];
}

async function timed(fn: () => unknown | Promise<unknown>, reps: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], min: ms[0], all: ms };
}

const ROOT = [path.join(__dirname, '..', '..'), path.join(__dirname, '..')].find((d) => fs.existsSync(path.join(d, 'scripts', 'bench', 'twin_bench.py'))) ?? process.cwd();

/** The model config of a dataset's preset, as the trainer builds it (all tabular fields). */
function configOf(spec: DatasetSpec, preset: string): { config: CFCMLConfig; p: ReturnType<typeof getPreset> } {
  const p = getPreset(spec, preset);
  const config: CFCMLConfig = {
    images: spec.imageModalities.map((m) => ({ kind: m.kind, channels: m.channels })),
    imageSize: p.imageSize,
    tabular: tabularInputSpec(spec.tabular),
    numClasses: spec.classes.length,
    variant: 'full',
    model: p.model,
    seed: 666,
  };
  return { config, p };
}

/** A fixed random batch for a config: images (2-D in [0, 1), 3-D z-scored), tabular, balanced labels. */
function randomBatch(config: CFCMLConfig, B: number, seed: number): StepBatch & { raw: { images: Float32Array[]; tabular: Float32Array } } {
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

interface SideResult {
  step: Timing;
  infer: Timing;
  hrm: Timing;
  params: number;
}

interface TorchResult extends SideResult {
  threads: number;
  torch: string;
  loss_rel_diff: number;
}

/** cfcml timings on a preset, and the files the twin needs (weights + batch with cfcml's loss terms). */
async function cfcmlSide(spec: DatasetSpec, o: Options, dir: string, tag: string): Promise<{ res: SideResult; ckpt: string; batchFile: string; model: CFCMLModel; config: CFCMLConfig }> {
  const { config, p } = configOf(spec, 'cpu');
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
  const res: SideResult = {
    step: await timed(step, o.reps, o.warmup),
    infer: await timed(infer, o.reps, o.warmup),
    hrm: await timed(hrm, o.reps, o.warmup),
    params: model.paramCount(),
  };
  tf.dispose([...zs, ...batch.images, batch.tabular, batch.labels]);
  adam.dispose();
  return { res, ckpt, batchFile, model, config };
}

function torchSide(o: Options, ckpt: string, batchFile: string, threads: number): TorchResult | { error: string } {
  const script = path.join(ROOT, 'scripts', 'bench', 'twin_bench.py');
  const r = spawnSync(o.python, [script, '--ckpt', ckpt, '--batch', batchFile, '--threads', String(threads), '--reps', String(o.reps), '--warmup', String(o.warmup)], {
    encoding: 'utf8',
    env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE', OMP_NUM_THREADS: String(threads) },
  });
  if (r.status !== 0) return { error: (r.error?.message ?? r.stderr.trim().split('\n').slice(-3).join(' ')) || `exit ${r.status}` };
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as TorchResult;
}

/** Per-kernel profile of one training step: total ms per kernel name, largest first. */
async function kernelProfile(spec: DatasetSpec): Promise<{ kernel: string; ms: number; calls: number }[]> {
  const { config, p } = configOf(spec, 'cpu');
  const model = createModel(config);
  const batch = randomBatch(config, p.batchSize, 2);
  const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau, dropoutSeed: 1 };
  const run = () => {
    const { grads, terms } = fullBatchGradients(model, batch, loss);
    tf.dispose([...Object.values(grads), terms]);
  };
  run(); // warm-up
  const info = await tf.profile(run);
  const by = new Map<string, { ms: number; calls: number }>();
  for (const k of info.kernels) {
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    const e = by.get(k.name) ?? { ms: 0, calls: 0 };
    e.ms += ms;
    e.calls += 1;
    by.set(k.name, e);
  }
  tf.dispose([...batch.images, batch.tabular, batch.labels]);
  model.dispose();
  return [...by.entries()].map(([kernel, e]) => ({ kernel, ...e })).sort((a, b) => b.ms - a.ms);
}

/** makeBatch (augmentation on) at the preset's batch on a small synthetic Derm7pt cohort. */
async function loaderTiming(o: Options): Promise<{ timing: Timing; cases: number }> {
  const p = getPreset(DERM7PT, 'cpu');
  const dir = path.join(os.tmpdir(), 'cfcml-bench-derm7pt');
  if (!fs.existsSync(path.join(dir, 'meta'))) await synthDerm7pt({ out: dir, seed: 5, scale: 0.1 });
  const cohort = await loadCohort(dir, { dataset: 'derm7pt' });
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

/** Dense products C = A·B (float32) on cfcml's backend and on PyTorch with 1 thread: the floor under every matmul. */
const GEMM_SHAPES: [number, number, number][] = [
  [512, 512, 512],
  [1024, 1024, 1024],
];
interface GemmRow {
  m: number;
  k: number;
  n: number;
  min_ms: number;
  gflops: number;
}
async function gemmSide(o: Options): Promise<{ cfcml: GemmRow[]; torch: GemmRow[] | null; error?: string }> {
  const cfcml: GemmRow[] = [];
  for (const [m, k, n] of GEMM_SHAPES) {
    const a = tf.randomNormal([m, k], 0, 1, 'float32', 1);
    const b = tf.randomNormal([k, n], 0, 1, 'float32', 2);
    // Not inside tf.tidy: tidy walks a returned TypedArray element by element looking for tensors.
    const t = await timed(() => {
      const c = tf.matMul(a, b);
      c.dataSync();
      c.dispose();
    }, o.reps, o.warmup);
    tf.dispose([a, b]);
    cfcml.push({ m, k, n, min_ms: t.min, gflops: (2 * m * k * n) / t.min / 1e6 });
  }
  if (!o.torch) return { cfcml, torch: null };
  const shapes = GEMM_SHAPES.map((s) => s.join('x')).join(',');
  const r = spawnSync(o.python, [path.join(ROOT, 'scripts', 'bench', 'gemm.py'), '--shapes', shapes, '--reps', String(o.reps), '--warmup', String(o.warmup)], {
    encoding: 'utf8',
    env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' },
  });
  if (r.status !== 0) return { cfcml, torch: null, error: r.stderr.trim().split('\n').slice(-2).join(' ') || `exit ${r.status}` };
  return { cfcml, torch: (JSON.parse(r.stdout.trim().split('\n').pop() as string) as { gemm: GemmRow[] }).gemm };
}

async function umapSide(o: Options, model: CFCMLModel, config: CFCMLConfig, dir: string) {
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
  const r = spawnSync(o.python, [path.join(ROOT, 'scripts', 'bench', 'umap_compare.py'), file], { encoding: 'utf8', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } });
  const py = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop() as string) : { error: r.stderr.trim().split('\n').slice(-2).join(' ') };
  return { js_second_fit_ms: jsMs, ...py };
}

const f0 = (x: number) => x.toFixed(0);
const f2 = (x: number) => x.toFixed(2);

function wasmThreads(): number {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return (require('@tensorflow/tfjs-backend-wasm') as { getThreadsCount(): number }).getThreadsCount();
}

interface ChildResult {
  threads: number;
  derm: { step: Timing; infer: Timing };
  men: { step: Timing; infer: Timing };
}

/** cfcml's step and inference in a child process with CFCML_WASM_THREADS=threads (the backend is per process). */
function cfcmlThreaded(o: Options, threads: number): ChildResult | { error: string } {
  const r = spawnSync(process.execPath, [__filename, '--child', '--reps', String(o.reps), '--warmup', String(o.warmup)], {
    encoding: 'utf8',
    env: { ...process.env, CFCML_WASM_THREADS: String(threads) },
  });
  if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${r.status}` };
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as ChildResult;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const loadBefore = os.loadavg();
  await initBackend({ backend: 'wasm', quiet: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-bench-'));
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  if (o.child) {
    const d = await cfcmlSide(DERM7PT, o, dir, 'derm');
    const m = await cfcmlSide(MEN, o, dir, 'men');
    const res: ChildResult = { threads: wasmThreads(), derm: { step: d.res.step, infer: d.res.infer }, men: { step: m.res.step, infer: m.res.infer } };
    console.log(JSON.stringify(res));
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  const mainThreads = wasmThreads();

  log('Derm7pt cpu preset: cfcml step / inference / HRM');
  const derm = await cfcmlSide(DERM7PT, o, dir, 'derm');
  const torchDerm = o.torch ? [1, 2].map((t) => (log(`Derm7pt: PyTorch twin, ${t} thread(s)`), torchSide(o, derm.ckpt, derm.batchFile, t))) : [];
  log('MEN cpu preset (3-D): cfcml');
  const men = await cfcmlSide(MEN, o, dir, 'men');
  const torchMen = o.torch ? [1, 2].map((t) => (log(`MEN: PyTorch twin, ${t} thread(s)`), torchSide(o, men.ckpt, men.batchFile, t))) : [];
  men.model.dispose();
  const otherThreads = mainThreads === 1 ? 2 : 1;
  log(`cfcml with ${otherThreads} wasm thread(s) (child process)`);
  const other = cfcmlThreaded(o, otherThreads);
  log('data loading + augmentation');
  const loader = await loaderTiming(o);
  log('per-kernel profile of a Derm7pt step');
  const profile = await kernelProfile(DERM7PT);
  const umapRes = o.umap ? (log('umap-js vs umap-learn'), await umapSide(o, derm.model, derm.config, dir)) : null;
  log('GEMM floor: dense products, cfcml vs PyTorch 1 thread');
  const gemm = await gemmSide(o);
  derm.model.dispose();

  const ok = (xs: (TorchResult | { error: string })[]) => xs.filter((x): x is TorchResult => !('error' in x));
  const best = (xs: TorchResult[], k: 'step' | 'infer') => (xs.length ? xs.reduce((a, b) => (b[k].median < a[k].median ? b : a)) : null);
  const tDerm = ok(torchDerm);
  const tMen = ok(torchMen);
  const bStep = best(tDerm, 'step');
  const bInfer = best(tDerm, 'infer');
  const bMen = best(tMen, 'step');
  let npmStart: unknown = null;
  const npmFile = path.join(ROOT, 'bench', 'npm_start.json');
  if (fs.existsSync(npmFile)) npmStart = JSON.parse(fs.readFileSync(npmFile, 'utf8'));

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '?', memGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, loadavg_1min_before: +loadBefore[0].toFixed(2), loadavg_1min_after: +os.loadavg()[0].toFixed(2) },
    reps: o.reps,
    warmup: o.warmup,
    cfcml_params: derm.res.params,
    torch_params: bStep?.params ?? null,
    men_cfcml_params: men.res.params,
    men_torch_params: bMen?.params ?? null,
    twin_loss_rel_diff: { derm: tDerm.map((t) => t.loss_rel_diff), men: tMen.map((t) => t.loss_rel_diff) },
    train_step_ms: { cfcml: derm.res.step.median, torch: Object.fromEntries(tDerm.map((t) => [`${t.threads}t`, t.step.median])) },
    train_step_ratio: bStep ? derm.res.step.median / bStep.step.median : null,
    cfcml_wasm_threads: mainThreads,
    cfcml_other_threads: other,
    train_step_ratio_other_threads: bStep && !('error' in other) ? other.derm.step.median / bStep.step.median : null,
    inference_ratio_other_threads: bInfer && !('error' in other) ? other.derm.infer.median / bInfer.infer.median : null,
    men_step_ratio_other_threads: bMen && !('error' in other) ? other.men.step.median / bMen.step.median : null,
    inference_ms: { cfcml: derm.res.infer.median, torch: Object.fromEntries(tDerm.map((t) => [`${t.threads}t`, t.infer.median])) },
    inference_ratio: bInfer ? derm.res.infer.median / bInfer.infer.median : null,
    men_step_ms: { cfcml: men.res.step.median, torch: Object.fromEntries(tMen.map((t) => [`${t.threads}t`, t.step.median])) },
    men_step_ratio: bMen ? men.res.step.median / bMen.step.median : null,
    men_inference_ms: { cfcml: men.res.infer.median, torch: Object.fromEntries(tMen.map((t) => [`${t.threads}t`, t.infer.median])) },
    hrm_ms: { cfcml: derm.res.hrm.median, torch: tDerm[0]?.hrm.median ?? null },
    hrm_share_of_step: { cfcml: derm.res.hrm.median / derm.res.step.median, torch: tDerm[0] ? tDerm[0].hrm.median / tDerm[0].step.median : null },
    men_hrm_share_of_step: { cfcml: men.res.hrm.median / men.res.step.median },
    loader_ms_per_batch: loader.timing.median,
    loader_share_of_step: loader.timing.median / (loader.timing.median + derm.res.step.median),
    kernel_profile: profile.slice(0, 15),
    gemm,
    umap: umapRes,
    npm_start: npmStart,
    errors: [...torchDerm, ...torchMen].filter((x) => 'error' in x),
    raw: { derm: derm.res, men: men.res, torchDerm: tDerm, torchMen: tMen, loader: loader.timing },
  };
  fs.mkdirSync(o.out, { recursive: true });
  fs.writeFileSync(path.join(o.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');

  const row = (name: string, c: number, t: TorchResult[], k: 'step' | 'infer') => {
    const bt = best(t, k);
    return `| ${name} | ${f0(c)} | ${t.map((x) => f0(x[k].median)).join(' / ') || '–'} | ${bt ? f2(c / bt[k].median) + '×' : '–'} |`;
  };
  const totalProfile = profile.reduce((n, k) => n + k.ms, 0);
  const md = [
    '# Benchmark: cfcml vs its PyTorch twin',
    '',
    `Made by \`npm run bench\` (bench/step.ts) on ${results.date}. Machine: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memGiB} GiB, Node ${process.version}, PyTorch ${tDerm[0]?.torch ?? 'n/a'}.`,
    `Load average (1 min) ${results.machine.loadavg_1min_before} before the run and ${results.machine.loadavg_1min_after} at its end, on ${results.machine.cpus} vCPUs: ` +
      'above about 1 other jobs shared the machine, and absolute times are noisy; the ratios within this one run are what count.',
    `Medians over ${o.reps} repetitions after ${o.warmup} warm-ups. cfcml: tfjs-wasm (SIMD, 1 thread) + the project's kernels. PyTorch: the twin (scripts/reference/cfcml_twin.py) loading cfcml's saved weights; 1 and 2 threads, OMP_WAIT_POLICY=PASSIVE; ratios against PyTorch's best.`,
    '',
    `Model \`full\`: cfcml ${derm.res.params.toLocaleString('en-US')} parameters, twin ${bStep?.params.toLocaleString('en-US') ?? 'n/a'} (Derm7pt cpu preset); MEN: ${men.res.params.toLocaleString('en-US')} vs ${bMen?.params.toLocaleString('en-US') ?? 'n/a'}.`,
    `The twin reproduces cfcml's loss on the benchmark batch from the saved weights: largest relative difference of the loss terms ${Math.max(...tDerm.map((t) => t.loss_rel_diff), ...tMen.map((t) => t.loss_rel_diff)).toExponential(1)}.`,
    '',
    `| ms (median) | cfcml (${mainThreads} wasm thread${mainThreads === 1 ? '' : 's'}) | PyTorch 1 / 2 threads | ratio |`,
    '|---|---:|---:|---:|',
    row(`train step, Derm7pt cpu preset (batch ${getPreset(DERM7PT, 'cpu').batchSize}, 2×64² + 5 fields)`, derm.res.step.median, tDerm, 'step'),
    row('inference (forward), same batch', derm.res.infer.median, tDerm, 'infer'),
    row(`train step, MEN cpu preset (batch ${getPreset(MEN, 'cpu').batchSize}, 3×16×48² + 6 fields)`, men.res.step.median, tMen, 'step'),
    row('inference, MEN batch', men.res.infer.median, tMen, 'infer'),
    '',
    'error' in other
      ? `cfcml with ${otherThreads} wasm threads (CFCML_WASM_THREADS, lib/backend/threads.ts): failed: ${other.error}`
      : `cfcml with ${other.threads} wasm thread(s) (CFCML_WASM_THREADS=${otherThreads}, lib/backend/threads.ts; same numbers bit for bit): ` +
        `Derm7pt step ${f0(other.derm.step.median)} ms (ratio ${results.train_step_ratio_other_threads?.toFixed(2) ?? '–'}×), inference ${f0(other.derm.infer.median)} ms (${results.inference_ratio_other_threads?.toFixed(2) ?? '–'}×), ` +
        `MEN step ${f0(other.men.step.median)} ms (${results.men_step_ratio_other_threads?.toFixed(2) ?? '–'}×).`,
    '',
    `HRM losses (forward + backward on the batch's z): cfcml ${f2(derm.res.hrm.median)} ms = ${(100 * results.hrm_share_of_step.cfcml).toFixed(1)}% of a Derm7pt step` +
      (tDerm[0] ? `; PyTorch ${f2(tDerm[0].hrm.median)} ms = ${(100 * (results.hrm_share_of_step.torch ?? 0)).toFixed(1)}%` : '') +
      `; MEN ${(100 * results.men_hrm_share_of_step.cfcml).toFixed(1)}%.`,
    `Data loading + augmentation (makeBatch, batch ${getPreset(DERM7PT, 'cpu').batchSize}, 64², synthetic Derm7pt): ${f2(loader.timing.median)} ms per batch = ${(100 * results.loader_share_of_step).toFixed(1)}% of (loader + step); it runs before each step in the trainer (not overlapped).`,
    '',
    '## Per-kernel profile of a Derm7pt training step (cfcml, tf.profile)',
    '',
    `Total kernel time ${f0(totalProfile)} ms.`,
    '',
    '| kernel | ms | share | calls |',
    '|---|---:|---:|---:|',
    ...profile.slice(0, 15).map((k) => `| ${k.kernel} | ${f2(k.ms)} | ${((100 * k.ms) / totalProfile).toFixed(1)}% | ${k.calls} |`),
    '',
    '## GEMM floor: one dense product, cfcml\'s backend vs PyTorch (1 thread)',
    '',
    'C = A·B in float32, minimum over the repetitions. tfjs-wasm runs XNNPACK on 128-bit WebAssembly SIMD without fused multiply-add; ' +
      'PyTorch runs MKL/oneDNN with the CPU\'s own vector units (AVX2/AVX-512 with FMA where present). This ratio bounds what any ' +
      'kernel work in cfcml can reach on a step whose time is mostly dense products.',
    '',
    '| M × K × N | cfcml ms | GFLOP/s | PyTorch ms | GFLOP/s | ratio |',
    '|---|---:|---:|---:|---:|---:|',
    ...gemm.cfcml.map((c, i) => {
      const t = gemm.torch?.[i];
      return `| ${c.m} × ${c.k} × ${c.n} | ${f2(c.min_ms)} | ${c.gflops.toFixed(1)} | ${t ? f2(t.min_ms) : '–'} | ${t ? t.gflops.toFixed(1) : '–'} | ${t ? f2(c.min_ms / t.min_ms) + '×' : '–'} |`;
    }),
    ...(gemm.error ? ['', `PyTorch: ${gemm.error}`] : []),
    '',
    '## UMAP: umap-js vs umap-learn on one matrix',
    '',
    umapRes && !('error' in umapRes && !('js' in umapRes))
      ? `Matrix: ${umapRes.rows ?? '?'} × ${umapRes.cols ?? '?'} (concatenated z of 300 random cases through the benchmark model). ` +
        `umap-js: second fit ${f0(umapRes.js_second_fit_ms)} ms, trustworthiness ${umapRes.js ? f2(umapRes.js.trustworthiness) : '?'}, kNN agreement (k = 10) ${umapRes.js ? f2(umapRes.js.knn_agreement) : '?'}. ` +
        (umapRes.py
          ? `umap-learn ${umapRes.py.version}: second fit ${f0(umapRes.py.second_fit_ms)} ms (first, with numba compilation, ${f0(umapRes.py.first_fit_ms)} ms), trustworthiness ${f2(umapRes.py.trustworthiness)}, kNN agreement ${f2(umapRes.py.knn_agreement)}.`
          : `umap-learn: ${umapRes.error ?? 'not run'}.`)
      : 'not run',
    '',
    '## npm start',
    '',
    npmStart ? '```\n' + JSON.stringify(npmStart, null, 2) + '\n```' : 'not measured (scripts/bench/npm_start.sh writes bench/npm_start.json).',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(o.out, 'RESULTS.md'), md);
  console.log(md);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
