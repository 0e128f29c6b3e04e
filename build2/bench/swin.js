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
/**
 * Swin-T forward and training step, cfcml (tfjs, the backend initBackend picks) against timm's Swin-T in
 * PyTorch on the same batch with the same weights:
 *
 *   node dist/bench/swin.js --timm <pytorch-image-models checkout> [--batch 2] [--size 224] [--threads 1]
 *        [--reps 3] [--warmup 1] [--freeze 0] [--plan] [--out bench/swin.json]
 *
 * cfcml builds Swin-T (seeded random weights), writes them by timm's names to a safetensors file with the
 * input batch, and bench/swin_timm.py loads both into timm's `swin_tiny_patch4_window7_224`. Timed:
 * the forward (four stage maps, inference) and a step (forward, loss Σ_s mean(F_s²), backward to every
 * trainable weight; no optimiser update, the same on both sides). The stage-4 outputs of both sides are compared
 * (`stage4RelDiff`): same weights and batch, so the timings compare like with like. Timings are noisy: compare
 * the ratio from one run. `--plan` also prints the micro-batch the trainer picks for the Derm7pt paper preset
 * (Swin-T at 224 px, batch 36, stages 1–3 frozen) under the wasm memory budget (lib/run/splitStep.ts).
 */
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../lib/backend");
const datasets_1 = require("../lib/data/datasets");
const tabular_1 = require("../lib/data/tabular");
const model_1 = require("../lib/model");
const splitStep_1 = require("../lib/run/splitStep");
const loss_1 = require("../lib/train/loss");
const random_1 = require("../lib/util/random");
const safetensors_1 = require("../lib/util/safetensors");
const fs_1 = require("../lib/util/fs");
function parse(argv) {
    const o = { timm: null, batch: 2, size: 224, threads: 1, reps: 3, warmup: 1, freeze: 0, plan: false, out: null, python: '/usr/bin/python3' };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const next = () => argv[++i];
        if (a === '--timm')
            o.timm = next();
        else if (a === '--batch')
            o.batch = Number(next());
        else if (a === '--size')
            o.size = Number(next());
        else if (a === '--threads')
            o.threads = Number(next());
        else if (a === '--reps')
            o.reps = Number(next());
        else if (a === '--warmup')
            o.warmup = Number(next());
        else if (a === '--freeze')
            o.freeze = Number(next());
        else if (a === '--plan')
            o.plan = true;
        else if (a === '--out')
            o.out = next();
        else if (a === '--python')
            o.python = next();
        else
            throw new Error(`unknown option ${a}`);
    }
    return o;
}
function timed(fn, reps, warmup) {
    for (let i = 0; i < warmup; i++)
        fn();
    const ms = [];
    for (let i = 0; i < reps; i++) {
        const t0 = process.hrtime.bigint();
        fn();
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    ms.sort((a, b) => a - b);
    return { median: ms[Math.floor(ms.length / 2)], min: ms[0] };
}
async function run() {
    const o = parse(process.argv.slice(2));
    await (0, backend_1.initBackend)({ quiet: true });
    const backend = (0, backend_1.backendReport)();
    const store = new model_1.ParamStore(24);
    const keys = [];
    const encoder = (0, model_1.swinEncoder)()({
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
    const rng = new random_1.Rng(5);
    const pixels = Float32Array.from({ length: o.batch * o.size * o.size * 3 }, () => rng.int(256));
    const x = tf.tidy(() => tf.div(tf.tensor4d(pixels, [o.batch, o.size, o.size, 3]), 255));
    const trainable = store.entries.map((e) => e.variable).filter((v) => v.trainable);
    const lossOf = (outs) => tf.addN(outs.map((f) => tf.mean(tf.square(f))));
    const forward = () => tf.tidy(() => void encoder.apply(x, false).map((f) => f.dataSync()));
    const step = () => tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => lossOf(encoder.apply(x, true)), trainable);
        value.dataSync();
        tf.dispose(Object.values(grads));
    });
    const stage4 = tf.tidy(() => encoder.apply(x, false)[3].dataSync());
    const ours = { forward: timed(forward, o.reps, o.warmup), step: timed(step, o.reps, o.warmup) };
    const result = {
        what: `Swin-T, batch ${o.batch} at ${o.size} px, ${o.freeze > 0 ? `stages 1–${o.freeze} frozen` : 'every stage trainable'}`,
        params: store.paramCount(),
        cfcml: { backend, ...ours },
    };
    if (o.timm) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-swin-bench-'));
        const weights = path.join(dir, 'model.safetensors');
        const batch = path.join(dir, 'batch.safetensors');
        fs.writeFileSync(weights, (0, safetensors_1.encodeSafetensors)(store.entries.map((e, i) => ({ name: keys[i].split('/').join('.'), shape: e.variable.shape.slice(), data: e.variable.dataSync() }))));
        fs.writeFileSync(batch, (0, safetensors_1.encodeSafetensors)([{ name: 'input', shape: [o.batch, o.size, o.size, 3], data: pixels }, { name: 'stage4', shape: [stage4.length], data: stage4 }]));
        const script = path.join(__dirname, '..', '..', 'bench', 'swin_timm.py');
        const r = (0, child_process_1.spawnSync)(o.python, [script, '--timm', o.timm, '--weights', weights, '--batch', batch, '--threads', String(o.threads), '--reps', String(o.reps), '--warmup', String(o.warmup), '--freeze', String(o.freeze)], {
            encoding: 'utf8',
            env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE', OMP_NUM_THREADS: String(o.threads) },
        });
        fs.rmSync(dir, { recursive: true, force: true });
        if (r.status !== 0)
            result.torch = { error: r.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${r.status}` };
        else {
            const t = JSON.parse(r.stdout.trim().split('\n').pop());
            result.torch = t;
            result.ratio = { forward: ours.forward.median / t.forward.median, step: ours.step.median / t.step.median };
        }
    }
    tf.dispose(x);
    store.dispose();
    if (o.plan) {
        const spec = datasets_1.DERM7PT;
        const p = (0, datasets_1.getPreset)(spec, 'paper');
        const model = (0, model_1.createModel)({ images: spec.imageModalities.map((m) => ({ kind: m.kind, channels: m.channels })), imageSize: p.imageSize, tabular: (0, tabular_1.tabularInputSpec)(spec.tabular), numClasses: 2, variant: 'full', model: p.model, seed: 1 });
        const plan = await (0, splitStep_1.planMicroBatch)(model, (n) => (0, splitStep_1.randomStepBatch)(model.config, n), { numClasses: 2, weights: (0, loss_1.hrmWeightsFor)('full', p.hrm), tau: p.tau, dropoutSeed: 0 }, p.batchSize);
        result.paperPlan = { batchSize: p.batchSize, microBatch: plan.microBatch, peakGiB: plan.peakBytes / 2 ** 30, bytesPerCaseMiB: plan.bytesPerCase / 2 ** 20, largestFitting: plan.largestFitting, params: model.paramCount() };
        model.dispose();
    }
    console.log(JSON.stringify(result));
    if (o.out)
        (0, fs_1.writeFileAtomic)(o.out, JSON.stringify(result, null, 1) + '\n');
}
run().catch((e) => {
    console.error(e instanceof Error ? e.stack ?? e.message : e);
    process.exit(1);
});
//# sourceMappingURL=swin.js.map