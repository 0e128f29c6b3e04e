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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../../lib/backend");
const synth_1 = require("../../lib/synth");
const train_1 = require("../../lib/train");
// A small synthetic Derm7pt cohort (about 80 NEV/MEL cases) and the `tiny` preset: a few seconds per run.
let data = '';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-train-'));
(0, node_test_1.before)(async () => {
    await (0, backend_1.initBackend)({ quiet: true });
    data = path.join(root, 'derm7pt');
    await (0, synth_1.synthDerm7pt)({ out: data, seed: 3, scale: 0.1 });
});
const base = () => ({ data, preset: 'tiny', epochs: 3, progress: 'none' });
const strip = (h) => h.map(({ seconds: _s, ...rest }) => rest);
(0, node_test_1.test)('same seed → identical history and metrics; another seed → different', async () => {
    const a = await (0, train_1.train)({ ...base(), seed: 5, out: path.join(root, 'a') });
    const b = await (0, train_1.train)({ ...base(), seed: 5, out: path.join(root, 'b') });
    const c = await (0, train_1.train)({ ...base(), seed: 6, out: path.join(root, 'c') });
    strict_1.default.equal(a.history.length, 3);
    strict_1.default.deepEqual(strip(a.history), strip(b.history));
    strict_1.default.deepEqual(a.testMetrics, b.testMetrics);
    strict_1.default.notDeepEqual(strip(a.history), strip(c.history));
    for (const r of a.history) {
        strict_1.default.ok(Number.isFinite(r.loss) && r.loss > 0, `loss ${r.loss}`);
        strict_1.default.ok(r.ce > 0 && r.sam > 0 && r.up >= 0 && r.cp >= 0, 'every loss term is computed');
        strict_1.default.ok(r.val_auc >= 0 && r.val_auc <= 1);
    }
    // (H8): the total is CE plus the weighted HRM terms (tiny preset: 0.04, 0.06, 0.18), averaged per step.
    const r0 = a.history[0];
    strict_1.default.ok(Math.abs(r0.loss - (r0.ce + 0.04 * r0.sam + 0.06 * r0.up + 0.18 * r0.cp)) < 1e-4);
    // The selected epoch is the best validation AUC.
    const bestAuc = Math.max(...a.history.map((r) => r.val_auc));
    strict_1.default.equal(a.history[a.bestEpoch - 1].val_auc, bestAuc);
    // The test split is evaluated once, with the selected weights, and written with the metrics.
    const metrics = JSON.parse(fs.readFileSync(path.join(a.runDir, 'metrics.json'), 'utf8'));
    strict_1.default.equal(metrics.bestEpoch, a.bestEpoch);
    strict_1.default.deepEqual(metrics.test, JSON.parse(JSON.stringify(a.testMetrics)));
});
(0, node_test_1.test)('an interrupted run resumed from last.ckpt has the same history as an uninterrupted one', async () => {
    const full = await (0, train_1.train)({ ...base(), seed: 9, out: path.join(root, 'full') });
    const out = path.join(root, 'resumed');
    const first = await (0, train_1.train)({ ...base(), seed: 9, out, stopAfterEpoch: 1 });
    strict_1.default.equal(first.interrupted, true);
    strict_1.default.equal(first.history.length, 1);
    strict_1.default.ok(fs.existsSync(path.join(out, 'last.ckpt')));
    const resumed = await (0, train_1.train)({ ...base(), seed: 9, out, resume: true });
    strict_1.default.equal(resumed.interrupted, false);
    strict_1.default.deepEqual(strip(resumed.history), strip(full.history));
    strict_1.default.deepEqual(resumed.testMetrics, full.testMetrics);
    // Resuming with different options is refused.
    await strict_1.default.rejects((0, train_1.train)({ ...base(), seed: 10, out, resume: true }), /options differ from the interrupted run/);
});
(0, node_test_1.test)('tf.memory().numTensors does not grow across epochs', async () => {
    const trainer = await train_1.Trainer.create({ ...base(), seed: 1, out: path.join(root, 'mem') });
    try {
        await trainer.trainEpoch();
        const after1 = tf.memory().numTensors;
        await trainer.trainEpoch();
        const after2 = tf.memory().numTensors;
        await trainer.trainEpoch();
        strict_1.default.equal(tf.memory().numTensors, after1);
        strict_1.default.equal(after2, after1);
    }
    finally {
        trainer.dispose();
    }
});
(0, node_test_1.test)('bad options are refused with clear messages', async () => {
    await strict_1.default.rejects((0, train_1.train)({ ...base(), epochs: 0, out: path.join(root, 'bad') }), /epochs must be a whole number ≥ 1, got 0/);
    await strict_1.default.rejects((0, train_1.train)({ ...base(), excludeFields: ['weight'], out: path.join(root, 'bad') }), /cannot exclude unknown tabular field 'weight'/);
    await strict_1.default.rejects((0, train_1.train)({ ...base(), data: path.join(root, 'nowhere') }), /nowhere/);
});
(0, node_test_1.test)('MEN (three 3D volumes, three classes): a tiny run trains, evaluates and reports multi-class metrics', async () => {
    const { synthMen } = await Promise.resolve().then(() => __importStar(require('../../lib/synth')));
    const men = path.join(root, 'men');
    await synthMen({ out: men, seed: 2, scale: 0.15 });
    const r = await (0, train_1.train)({ data: men, preset: 'tiny', epochs: 1, seed: 3, out: path.join(root, 'men-run'), progress: 'none' });
    strict_1.default.equal(r.config.dataset, 'men');
    strict_1.default.equal(r.history.length, 1);
    strict_1.default.ok(Number.isFinite(r.history[0].loss) && r.history[0].cp >= 0);
    const m = r.testMetrics;
    strict_1.default.ok(m && m.kind === 'multiclass', 'three classes give multi-class metrics');
    strict_1.default.equal(m.per_class_accuracy.length, 3);
    strict_1.default.ok(m.macro_auc >= 0 && m.macro_auc <= 1);
    const probs = fs.readFileSync(path.join(r.runDir, 'predictions_test.csv'), 'utf8').split('\n')[0];
    strict_1.default.equal(probs, 'id,label,prob_0,prob_1,prob_2');
});
(0, node_test_1.test)('hrmWarmupEpochs: epoch 1 trains on cross-entropy alone, epoch 2 with half the HRM weights, epoch 3 with all of them', async () => {
    const r = await (0, train_1.train)({ ...base(), seed: 5, out: path.join(root, 'warm'), overrides: { hrmWarmupEpochs: 2, model: { tokenNorm: true } } });
    const [e1, e2, e3] = r.history;
    strict_1.default.equal(e1.sam, 0, 'a zero-weight HRM term is not computed (reported as 0)');
    strict_1.default.ok(e2.sam > 0 && e3.sam > 0);
    strict_1.default.ok(Math.abs(e1.loss - e1.ce) < 1e-5, `epoch 1: loss ${e1.loss} = ce ${e1.ce}`);
    strict_1.default.ok(Math.abs(e2.loss - (e2.ce + 0.5 * (0.04 * e2.sam + 0.06 * e2.up + 0.18 * e2.cp))) < 1e-4, 'epoch 2: half weights');
    strict_1.default.ok(Math.abs(e3.loss - (e3.ce + 0.04 * e3.sam + 0.06 * e3.up + 0.18 * e3.cp)) < 1e-4, 'epoch 3: full weights');
});
//# sourceMappingURL=trainer.test.js.map