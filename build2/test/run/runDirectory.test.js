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
const datasets_1 = require("../../lib/data/datasets");
const checkpoint_1 = require("../../lib/run/checkpoint");
const config_1 = require("../../lib/train/config");
const runDirectory_1 = require("../../lib/run/runDirectory");
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-rundir-'));
(0, node_test_1.test)('predictions written by a RunDirectory read back with ids, labels and probabilities', () => {
    const run = new runDirectory_1.RunDirectory(tmp());
    run.reset();
    const p = { ids: ['a', 'b,c'], labels: [1, 0], probs: [[0.25, 0.75], [0.9, 0.1]], loss: 0.3 };
    const file = run.writePredictions('test', p, datasets_1.DERM7PT);
    strict_1.default.equal(path.basename(file), 'predictions_test.csv');
    strict_1.default.equal(fs.readFileSync(file, 'utf8').split('\n')[0], 'id,label,prob_0,prob_1');
    const back = run.readPredictions('test');
    strict_1.default.deepEqual(back, { ids: ['a', 'b,c'], labels: [1, 0], probs: [[0.25, 0.75], [0.9, 0.1]] });
    fs.writeFileSync(file, 'id,label,prob_0,prob_1\nx,2,0.5,0.5\n');
    strict_1.default.throws(() => run.readPredictions('test'), /row 2, column 'label': '2' is not a class index in 0..1/);
});
(0, node_test_1.test)('history, metrics and options round-trip; reset removes only the run outputs', () => {
    const dir = tmp();
    const run = new runDirectory_1.RunDirectory(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    fs.writeFileSync(path.join(dir, 'metrics.json'), '{}');
    run.reset();
    strict_1.default.deepEqual(fs.readdirSync(dir), ['notes.txt']);
    const rec = { epoch: 1, lr: 1e-3, loss: 1.5, ce: 0.7, sam: 5, up: 4, cp: 2, val_loss: 0.6, val_auc: 0.75, val_accuracy: 0.5, val_balanced_accuracy: 0.5, seconds: 1, best: true };
    run.writeHistory([rec]);
    strict_1.default.deepEqual(run.readHistory(), [rec]);
    strict_1.default.equal(fs.readFileSync(run.file('history.csv'), 'utf8').split('\n')[0], 'epoch,lr,loss,ce,sam,up,cp,val_loss,val_auc,val_accuracy,val_balanced_accuracy,seconds,best');
    strict_1.default.throws(() => run.readMetrics(), /no metrics.json in the run directory/);
});
(0, node_test_1.test)('a run checkpoint keeps weights and Adam moments apart and names a missing slot', () => {
    const w = [{ key: 'enc/k', shape: [2], data: new Float32Array([1, 2]) }];
    const meta = { adamStep: 7 };
    const last = (0, checkpoint_1.packRunCheckpoint)(meta, w, { step: 7, slots: [{ key: 'enc/k', shape: [2], m: new Float32Array([3, 4]), v: new Float32Array([5, 6]) }] });
    strict_1.default.deepEqual(last.arrays.map((a) => a.name), ['w:enc/k', 'm:enc/k', 'v:enc/k']);
    strict_1.default.deepEqual((0, checkpoint_1.unpackWeights)(last).map((x) => [x.key, Array.from(x.data)]), [['enc/k', [1, 2]]]);
    const st = (0, checkpoint_1.unpackOptimizerState)(last, ['enc/k'], 'last.ckpt');
    strict_1.default.equal(st.step, 7);
    strict_1.default.deepEqual(Array.from(st.slots[0].v), [5, 6]);
    const best = (0, checkpoint_1.packRunCheckpoint)(meta, w);
    strict_1.default.throws(() => (0, checkpoint_1.unpackOptimizerState)(best, ['enc/k'], 'best.ckpt'), /no optimizer state for 'enc\/k'/);
});
function cohortOf(spec = datasets_1.DERM7PT) {
    const cases = ['train', 'train', 'valid', 'test'].map((split, i) => ({ id: `c${i}`, split, label: i % 2, tabular: {}, images: [] }));
    return { spec, root: '/nowhere', cases, excluded: [], fingerprint: 'f' };
}
(0, node_test_1.test)('resolveTrainConfig: the defaults come from TRAIN_DEFAULTS and the preset; shorthands override it', () => {
    const cohort = cohortOf();
    const c = (0, config_1.resolveTrainConfig)({ data: 'd', excludeFields: 'none' }, cohort, []);
    strict_1.default.equal(c.seed, 666);
    strict_1.default.equal(c.seed, config_1.TRAIN_DEFAULTS.seed);
    strict_1.default.equal(c.preset, 'cpu');
    strict_1.default.equal(c.variant, 'full');
    strict_1.default.deepEqual(c.train, datasets_1.DERM7PT.presets.cpu);
    strict_1.default.deepEqual(c.hrmWeights, datasets_1.DERM7PT.presets.cpu.hrm);
    const d = (0, config_1.resolveTrainConfig)({ data: 'd', preset: 'tiny', variant: 'no-sam', epochs: 3, imageSize: 24, overrides: { model: { width: 8 } }, excludeFields: ['sex'] }, cohort, []);
    strict_1.default.equal(d.train.epochs, 3);
    strict_1.default.deepEqual(d.train.imageSize, [24, 24]);
    strict_1.default.equal(d.train.model.width, 8);
    strict_1.default.equal(d.train.model.heads, datasets_1.DERM7PT.presets.tiny.model.heads);
    strict_1.default.equal(d.hrmWeights.sam, 0);
    strict_1.default.deepEqual(d.excludedFields, ['sex']);
    // 3D: one number sets H = W, the preset's depth stays.
    strict_1.default.deepEqual((0, config_1.resolveTrainConfig)({ data: 'd', preset: 'tiny', imageSize: 20, excludeFields: 'none' }, cohortOf(datasets_1.MEN), []).train.imageSize, [8, 20, 20]);
    strict_1.default.equal((0, config_1.runDirFor)({}, d), path.resolve('runs/derm7pt-no-sam-seed666'));
    strict_1.default.throws(() => (0, config_1.resolveTrainConfig)({ data: 'd', lr: -1, excludeFields: 'none' }, cohort, []), /lr must be > 0, got -1/);
});
(0, node_test_1.test)('splitCases refuses an empty valid split and a class absent from train', () => {
    const c = cohortOf();
    strict_1.default.deepEqual(Object.values((0, config_1.splitCases)(c)).map((s) => s.length), [2, 1, 1]);
    strict_1.default.throws(() => (0, config_1.splitCases)({ ...c, cases: c.cases.filter((x) => x.split !== 'valid') }), /the valid split is empty/);
    strict_1.default.throws(() => (0, config_1.splitCases)({ ...c, cases: c.cases.filter((x) => !(x.split === 'train' && x.label === 1)) }), /class 'MEL' has no case in the train split/);
});
(0, node_test_1.test)('state follows metrics.json > failed.json > last.ckpt; the failure record and the readers check their files', () => {
    const run = new runDirectory_1.RunDirectory(tmp());
    strict_1.default.equal(run.state(), 'missing');
    fs.writeFileSync(run.checkpointFile('last'), '');
    strict_1.default.equal(run.state(), 'partial');
    const failure = { exitCode: 3, signal: null, tail: 'boom', at: '2026-12-02T00:00:00.000Z' };
    strict_1.default.equal(run.readFailure(), null);
    run.writeFailure(failure);
    strict_1.default.equal(run.state(), 'failed');
    strict_1.default.deepEqual(run.readFailure(), failure);
    fs.writeFileSync(run.file('metrics.json'), JSON.stringify({ bestEpoch: 1, epochs: 2, test: null }));
    strict_1.default.equal(run.state(), 'done');
    strict_1.default.throws(() => run.readMetrics(), /metrics\.json: field 'valid' is missing/);
    run.clearFailure();
    strict_1.default.equal(run.readFailure(), null);
    fs.writeFileSync(run.file('options.json'), JSON.stringify({ dataset: 'derm7pt', variant: 'full', preset: 'cpu' }));
    strict_1.default.throws(() => run.readOptions(), /options\.json: field 'excludedFields' is missing or not a list/);
    fs.writeFileSync(run.predictionsFile('valid'), 'label,prob_0,prob_1\n1,0.2,0.8\n');
    strict_1.default.throws(() => run.readPredictions('valid'), /missing column\(s\) 'id'/);
});
//# sourceMappingURL=runDirectory.test.js.map