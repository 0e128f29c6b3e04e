"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MEN = exports.DERM7PT = exports.cfcmlChild = exports.childSide = exports.wasmThreads = exports.umapSide = exports.gemmSide = exports.GEMM_SHAPES = exports.loaderTiming = exports.kernelProfile = exports.torchSide = exports.cfcmlSide = exports.randomBatch = exports.trainerModelConfig = exports.ROOT = exports.availablePaths = exports.timedPaths = exports.timed = exports.parseArgs = void 0;
/**
 * The measuring half of `npm run bench` (bench/step.ts writes the results; bench/report.ts renders them).
 *
 * cfcml runs both compute paths of the wasm backend (lib/backend/path.ts: `native-blas`, the system BLAS for
 * dense products, and `wasm`, XNNPACK only) in one process, on one model and one batch, interleaved rep by
 * rep (A, B, A, B, …) so that a change of the machine's load hits both alike. The model is the one the
 * trainer trains: its config comes from `modelConfig` (lib/train/build.ts) on the trainer's resolved config
 * of a small synthetic cohort (the leakage audit runs as in training, so Derm7pt leaves `management` out).
 */
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../lib/backend");
const data_1 = require("../lib/data");
Object.defineProperty(exports, "DERM7PT", { enumerable: true, get: function () { return data_1.DERM7PT; } });
Object.defineProperty(exports, "MEN", { enumerable: true, get: function () { return data_1.MEN; } });
const synth_1 = require("../lib/synth");
const umap_1 = require("../lib/gap/umap");
const hrm_1 = require("../lib/hrm");
const model_1 = require("../lib/model");
const build_1 = require("../lib/train/build");
const checkpoint_1 = require("../lib/run/checkpoint");
const config_1 = require("../lib/train/config");
const loss_1 = require("../lib/train/loss");
const optimizer_1 = require("../lib/train/optimizer");
const splitStep_1 = require("../lib/run/splitStep");
const random_1 = require("../lib/util/random");
function parseArgs(argv) {
    const o = { child: false, reps: 7, warmup: 2, torch: true, umap: true, out: 'bench', python: '/usr/bin/python3' };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--reps')
            o.reps = Number(argv[++i]);
        else if (a === '--warmup')
            o.warmup = Number(argv[++i]);
        else if (a === '--no-torch')
            o.torch = false;
        else if (a === '--child')
            o.child = true;
        else if (a === '--no-umap')
            o.umap = false;
        else if (a === '--out')
            o.out = argv[++i];
        else if (a === '--python')
            o.python = argv[++i];
        else
            throw new Error(`bench: unknown argument ${a}`);
    }
    if (!(o.reps >= 5))
        throw new Error('bench: --reps must be >= 5');
    return o;
}
exports.parseArgs = parseArgs;
function summarise(ms) {
    const s = [...ms].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], min: s[0], all: s };
}
function clock(fn) {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
}
async function timed(fn, reps, warmup) {
    for (let i = 0; i < warmup; i++)
        await fn();
    const ms = [];
    for (let i = 0; i < reps; i++) {
        const t0 = process.hrtime.bigint();
        await fn();
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return summarise(ms);
}
exports.timed = timed;
/**
 * `fn` timed on each path, the paths interleaved rep by rep (each path warmed up first). Returns a timing
 * per path; the path in use before the call is restored.
 */
function timedPaths(paths, fn, reps, warmup) {
    const before = (0, backend_1.computePath)().path;
    const ms = Object.fromEntries(paths.map((p) => [p, []]));
    try {
        for (const p of paths) {
            (0, backend_1.useComputePath)(p);
            for (let i = 0; i < warmup; i++)
                fn();
        }
        for (let i = 0; i < reps; i++) {
            // Alternate the order too, so that neither path always runs right after the other.
            const order = i % 2 === 0 ? paths : [...paths].reverse();
            for (const p of order) {
                (0, backend_1.useComputePath)(p);
                ms[p].push(clock(fn));
            }
        }
    }
    finally {
        (0, backend_1.useComputePath)(before);
    }
    return Object.fromEntries(paths.map((p) => [p, summarise(ms[p])]));
}
exports.timedPaths = timedPaths;
/** The paths this machine can run: both where a BLAS library loads, else wasm only. */
function availablePaths() {
    return (0, backend_1.nativeBlasAvailable)() ? ['native-blas', 'wasm'] : ['wasm'];
}
exports.availablePaths = availablePaths;
exports.ROOT = [path.join(__dirname, '..', '..'), path.join(__dirname, '..')].find((d) => fs.existsSync(path.join(d, 'bench', 'twin_bench.py'))) ?? process.cwd();
/** A small synthetic cohort of `spec`'s dataset (made once, kept in the temp folder between runs). */
async function benchCohort(spec) {
    const dir = path.join(os.tmpdir(), `cfcml-bench-${spec.name.toLowerCase()}`);
    if (!fs.existsSync(path.join(dir, '.complete'))) {
        fs.rmSync(dir, { recursive: true, force: true });
        if (spec === data_1.MEN)
            await (0, synth_1.synthMen)({ out: dir, seed: 5, scale: 0.2 });
        else
            await (0, synth_1.synthDerm7pt)({ out: dir, seed: 5, scale: 0.1 });
        fs.writeFileSync(path.join(dir, '.complete'), '');
    }
    return dir;
}
/**
 * The model config the trainer would build for `spec`'s `preset` (leakage audit on the training split of a
 * small synthetic cohort, as `cfcml train` does by default), with the preset.
 */
async function trainerModelConfig(spec, preset) {
    const data = await benchCohort(spec);
    const cohort = await (0, data_1.loadCohort)(data, { dataset: spec === data_1.MEN ? 'men' : 'derm7pt' });
    const train = cohort.cases.filter((c) => c.split === 'train');
    const resolved = (0, config_1.resolveTrainConfig)({ data, dataset: spec === data_1.MEN ? 'men' : 'derm7pt', preset }, cohort, train);
    return { config: (0, build_1.modelConfig)(spec, resolved), p: resolved.train, excluded: resolved.excludedFields };
}
exports.trainerModelConfig = trainerModelConfig;
/** A fixed random batch for a config: images (2-D in [0, 1), 3-D z-scored), tabular, balanced labels. */
function randomBatch(config, B, seed) {
    const rng = new random_1.Rng(seed);
    const raw = config.images.map((img) => {
        const n = B * config.imageSize.reduce((a, b) => a * b, 1) * img.channels;
        return Float32Array.from({ length: n }, () => (img.kind === '2d' ? rng.next() : rng.normal()));
    });
    const K = config.tabular.length;
    const tab = new Float32Array(B * K);
    for (let b = 0; b < B; b++)
        config.tabular.forEach((f, k) => (tab[b * K + k] = f.kind === 'categorical' ? rng.int(f.levels ?? 1) : rng.normal()));
    const hostLabels = Array.from({ length: B }, (_, i) => i % config.numClasses);
    return {
        images: raw.map((d, m) => tf.tensor(d, [B, ...config.imageSize, config.images[m].channels])),
        tabular: tf.tensor2d(tab, [B, K]),
        labels: tf.tensor1d(hostLabels, 'int32'),
        hostLabels,
        raw: { images: raw, tabular: tab },
    };
}
exports.randomBatch = randomBatch;
/** cfcml timings on a preset, and the files the twin needs (weights + batch with cfcml's loss terms). */
async function cfcmlSide(spec, o, dir, tag) {
    const { config, p, excluded } = await trainerModelConfig(spec, 'cpu');
    const model = (0, model_1.createModel)(config);
    const batch = randomBatch(config, p.batchSize, 1);
    const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau };
    // The twin's inputs: initial weights (the trainer's `w:` arrays), the batch, cfcml's eval-mode loss terms.
    const terms = tf.tidy(() => {
        const out = model.forward(batch.images, batch.tabular, { training: false });
        const l = (0, loss_1.cfcmlLoss)(out, batch.labels, batch.hostLabels, loss);
        return { total: l.total.dataSync()[0], ce: l.ce.dataSync()[0], sam: l.sam.dataSync()[0], up: l.up.dataSync()[0], cp: l.cp.dataSync()[0] };
    });
    const ckpt = path.join(dir, `${tag}-weights.ckpt`);
    (0, checkpoint_1.saveCheckpoint)(ckpt, { meta: { config }, arrays: model.getWeightData().map((w) => ({ name: `w:${w.key}`, shape: w.shape, data: w.data })) });
    const batchFile = path.join(dir, `${tag}-batch.ckpt`);
    (0, checkpoint_1.saveCheckpoint)(batchFile, {
        meta: { labels: batch.hostLabels, hrmWeights: p.hrm, tau: p.tau, lr: p.lr, weightDecay: p.weightDecay, terms },
        arrays: [
            ...batch.raw.images.map((d, m) => ({ name: `in:image${m}`, shape: batch.images[m].shape, data: d })),
            { name: 'in:tabular', shape: batch.tabular.shape, data: batch.raw.tabular },
        ],
    });
    const adam = new optimizer_1.Adam(model.weights.map((w) => ({ key: w.key, variable: w.variable, lrScale: w.group === 'encoder' ? p.backboneLrScale : 1 })), { weightDecay: p.weightDecay });
    let seed = 0;
    const step = () => {
        const { grads, terms: t } = (0, splitStep_1.fullBatchGradients)(model, batch, { ...loss, dropoutSeed: seed++ });
        adam.apply(grads, p.lr);
        tf.dispose(Object.values(grads));
        t.dataSync();
        t.dispose();
    };
    const infer = () => tf.tidy(() => {
        model.forward(batch.images, batch.tabular, { training: false }).logits.dataSync();
    });
    const zs = tf.tidy(() => model.forward(batch.images, batch.tabular, { training: false }).z);
    const hrm = () => tf.tidy(() => {
        const g = tf.grads((...z) => (0, hrm_1.hrmTotal)(tf.scalar(0), (0, hrm_1.hrmLosses)(z, batch.hostLabels, { numClasses: config.numClasses, tau: p.tau }), p.hrm));
        g(zs).forEach((t) => t.dataSync());
    });
    const paths = availablePaths();
    const res = {
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
exports.cfcmlSide = cfcmlSide;
function torchSide(o, ckpt, batchFile, threads) {
    const script = path.join(exports.ROOT, 'bench', 'twin_bench.py');
    const r = (0, node_child_process_1.spawnSync)(o.python, [script, '--ckpt', ckpt, '--batch', batchFile, '--threads', String(threads), '--reps', String(o.reps), '--warmup', String(o.warmup)], {
        encoding: 'utf8',
        env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE', OMP_NUM_THREADS: String(threads) },
    });
    if (r.status !== 0)
        return { error: (r.error?.message ?? r.stderr.trim().split('\n').slice(-3).join(' ')) || `exit ${r.status}` };
    return JSON.parse(r.stdout.trim().split('\n').pop());
}
exports.torchSide = torchSide;
/** Per-kernel profile of one Derm7pt training step on the path in use: total ms per kernel name, largest first. */
async function kernelProfile(spec) {
    const { config, p } = await trainerModelConfig(spec, 'cpu');
    const model = (0, model_1.createModel)(config);
    const batch = randomBatch(config, p.batchSize, 2);
    const loss = { numClasses: config.numClasses, weights: p.hrm, tau: p.tau, dropoutSeed: 1 };
    const run = () => {
        const { grads, terms } = (0, splitStep_1.fullBatchGradients)(model, batch, loss);
        tf.dispose([...Object.values(grads), terms]);
    };
    run(); // warm-up
    const info = await tf.profile(run);
    const by = new Map();
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
exports.kernelProfile = kernelProfile;
/** makeBatch (augmentation on) at the preset's batch on the small synthetic Derm7pt cohort. */
async function loaderTiming(o) {
    const p = (0, data_1.getPreset)(data_1.DERM7PT, 'cpu');
    const cohort = await (0, data_1.loadCohort)(await benchCohort(data_1.DERM7PT), { dataset: 'derm7pt' });
    const train = cohort.cases.filter((c) => c.split === 'train');
    const tab = data_1.TabularEncoder.fit(cohort.spec, train);
    const images = await data_1.ImageCache.load(cohort, { size: p.imageSize, cases: train });
    const idx = Array.from({ length: p.batchSize }, (_, i) => i % train.length);
    let s = 0;
    const timing = await timed(() => (0, data_1.disposeBatch)((0, data_1.makeBatch)(cohort.spec, train, idx, images, tab, { augment: true, seed: s++ })), o.reps, o.warmup);
    return { timing, cases: train.length };
}
exports.loaderTiming = loaderTiming;
/** Dense products C = A·B (float32) on each cfcml path and on PyTorch with 1 thread: the floor under every matmul. */
exports.GEMM_SHAPES = [
    [128, 128, 128],
    [512, 512, 512],
    [1024, 1024, 1024],
];
async function gemmSide(o) {
    const cfcml = {};
    // A floor is a minimum: more repetitions (cheap here) make it robust to a loaded machine, on both sides.
    const reps = Math.max(o.reps, 15);
    for (const [m, k, n] of exports.GEMM_SHAPES) {
        const a = tf.randomNormal([m, k], 0, 1, 'float32', 1);
        const b = tf.randomNormal([k, n], 0, 1, 'float32', 2);
        // Not inside tf.tidy: tidy walks a returned TypedArray element by element looking for tensors.
        const t = timedPaths(availablePaths(), () => {
            const c = tf.matMul(a, b);
            c.dataSync();
            c.dispose();
        }, reps, o.warmup);
        tf.dispose([a, b]);
        for (const [p, tp] of Object.entries(t))
            (cfcml[p] ?? (cfcml[p] = [])).push({ m, k, n, min_ms: tp.min, gflops: (2 * m * k * n) / tp.min / 1e6 });
    }
    if (!o.torch)
        return { cfcml, torch: null };
    const shapes = exports.GEMM_SHAPES.map((s) => s.join('x')).join(',');
    const r = (0, node_child_process_1.spawnSync)(o.python, [path.join(exports.ROOT, 'bench', 'gemm.py'), '--shapes', shapes, '--reps', String(reps), '--warmup', String(o.warmup)], {
        encoding: 'utf8',
        env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' },
    });
    if (r.status !== 0)
        return { cfcml, torch: null, error: r.stderr.trim().split('\n').slice(-2).join(' ') || `exit ${r.status}` };
    return { cfcml, torch: JSON.parse(r.stdout.trim().split('\n').pop()).gemm };
}
exports.gemmSide = gemmSide;
async function umapSide(o, model, config, dir) {
    // The embedding matrix: concat(z_m) of 300 fixed random cases through the benchmark's model.
    const b = randomBatch(config, 300, 3);
    const z = tf.tidy(() => tf.concat(model.forward(b.images, b.tabular, { training: false }).z, 1));
    const X = z.arraySync();
    tf.dispose([z, ...b.images, b.tabular, b.labels]);
    (0, umap_1.umap)(X, { seed: 1 }); // first fit (JIT warm-up), as umap-learn's numba compile
    const t0 = Date.now();
    const js = (0, umap_1.umap)(X, { seed: 1 });
    const jsMs = Date.now() - t0;
    const file = path.join(dir, 'umap-in.json');
    fs.writeFileSync(file, JSON.stringify({ X, js, k: 10, nNeighbors: 15, minDist: 0.1, seed: 1 }));
    const r = (0, node_child_process_1.spawnSync)(o.python, [path.join(exports.ROOT, 'bench', 'umap_compare.py'), file], { encoding: 'utf8', env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } });
    const py = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()) : { error: r.stderr.trim().split('\n').slice(-2).join(' ') };
    return { js_second_fit_ms: jsMs, ...py };
}
exports.umapSide = umapSide;
function wasmThreads() {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return require('@tensorflow/tfjs-backend-wasm').getThreadsCount();
}
exports.wasmThreads = wasmThreads;
/** The child's side (bench/step.ts --child): both presets, both paths. */
async function childSide(o, dir, env) {
    const d = await cfcmlSide(data_1.DERM7PT, o, dir, 'derm');
    const m = await cfcmlSide(data_1.MEN, o, dir, 'men');
    d.model.dispose();
    m.model.dispose();
    return { env, wasmThreads: wasmThreads(), blasThreads: (0, backend_1.computePath)().blas.threads, derm: { step: d.res.step, infer: d.res.infer }, men: { step: m.res.step, infer: m.res.infer } };
}
exports.childSide = childSide;
/** cfcml's step and inference in a child process under `env` (threads are fixed per process). */
function cfcmlChild(o, script, env) {
    const r = (0, node_child_process_1.spawnSync)(process.execPath, [script, '--child', '--reps', String(o.reps), '--warmup', String(o.warmup)], {
        encoding: 'utf8',
        env: { ...process.env, ...env, CFCML_BENCH_CHILD_ENV: JSON.stringify(env) },
    });
    if (r.status !== 0)
        return { error: r.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${r.status}` };
    return JSON.parse(r.stdout.trim().split('\n').pop());
}
exports.cfcmlChild = cfcmlChild;
//# sourceMappingURL=measure.js.map