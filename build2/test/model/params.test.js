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
const tf = __importStar(require("@tensorflow/tfjs"));
const model_1 = require("../../lib/model");
const datasets_1 = require("../../lib/data/datasets");
const build_1 = require("../../lib/train/build");
const helpers_1 = require("./helpers");
(0, node_test_1.before)(async () => {
    await tf.setBackend('cpu');
});
(0, node_test_1.test)('save/load round-trips exactly into a fresh instance (same keys, other seed)', () => {
    const config = (0, helpers_1.menLike)(3);
    const a = (0, model_1.createModel)(config);
    const b = (0, model_1.createModel)({ ...config, seed: 999 });
    const { images, tabular } = (0, helpers_1.randomInputs)(config, 3);
    const ya = a.forward(images, tabular, { training: false }).logits;
    const yb0 = b.forward(images, tabular, { training: false }).logits;
    strict_1.default.ok((0, helpers_1.maxAbsDiff)(ya, yb0) > 0, 'different seeds give different models');
    const saved = a.getWeightData();
    strict_1.default.deepEqual(saved.map((w) => w.key), b.weights.map((w) => w.key), 'keys are stable across instances');
    b.setWeightData(saved);
    const yb = b.forward(images, tabular, { training: false }).logits;
    strict_1.default.equal((0, helpers_1.maxAbsDiff)(ya, yb), 0);
    const again = b.getWeightData();
    saved.forEach((w, i) => strict_1.default.deepEqual(again[i].data, w.data));
    tf.dispose([ya, yb0, yb, ...images, tabular]);
    a.dispose();
    b.dispose();
});
(0, node_test_1.test)('setWeightData names missing, unknown and mis-shaped keys and assigns nothing', () => {
    const model = (0, model_1.createModel)((0, helpers_1.dermLike)(2));
    const saved = model.getWeightData();
    const before = model.getWeightData();
    const broken = saved.filter((w) => w.key !== 'classifier/out/bias').map((w) => (w.key === 'classifier/out/kernel' ? { ...w, shape: [1, 1], data: new Float32Array(1) } : w));
    broken.push({ key: 'nope/kernel', shape: [1], data: new Float32Array(1) });
    broken[0] = { ...broken[0], data: broken[0].data.map(() => 5) };
    strict_1.default.throws(() => model.setWeightData(broken), (e) => /missing keys: classifier\/out\/bias/.test(e.message) && /unknown keys: nope\/kernel/.test(e.message) && /shape mismatch: classifier\/out\/kernel/.test(e.message));
    const after = model.getWeightData();
    before.forEach((w, i) => strict_1.default.deepEqual(after[i].data, w.data));
    model.dispose();
});
(0, node_test_1.test)('two instances coexist (unique tf variable names); weights carry groups', () => {
    const a = (0, model_1.createModel)((0, helpers_1.dermLike)(2));
    const b = (0, model_1.createModel)((0, helpers_1.dermLike)(2));
    const names = new Set([...a.weights, ...b.weights].map((w) => w.variable.name));
    strict_1.default.equal(names.size, a.weights.length + b.weights.length);
    strict_1.default.ok(a.weights.some((w) => w.group === 'encoder') && a.weights.some((w) => w.group === 'head'));
    strict_1.default.ok(a.weights.filter((w) => w.group === 'encoder').every((w) => w.key.startsWith('encoder')));
    a.dispose();
    b.dispose();
});
(0, node_test_1.test)('dispose frees every variable', () => {
    const n = tf.memory().numTensors;
    const model = (0, model_1.createModel)((0, helpers_1.menLike)(2));
    strict_1.default.ok(tf.memory().numTensors > n);
    model.dispose();
    strict_1.default.equal(tf.memory().numTensors, n);
});
/** The `cpu` preset's model as the trainer builds it (lib/train/build.ts), every tabular field kept. */
function presetConfig(spec, excludedFields = []) {
    return (0, build_1.modelConfig)(spec, { variant: 'full', seed: 666, train: spec.presets.cpu, excludedFields });
}
(0, node_test_1.test)('modelConfig: the tabular fields the run leaves out are not in the model (Derm7pt without management)', () => {
    const all = presetConfig(datasets_1.DERM7PT);
    const without = presetConfig(datasets_1.DERM7PT, ['management']);
    strict_1.default.equal(all.tabular.length, datasets_1.DERM7PT.tabular.length);
    strict_1.default.equal(without.tabular.length, datasets_1.DERM7PT.tabular.length - 1);
    const i = datasets_1.DERM7PT.tabular.findIndex((f) => f.name === 'management');
    strict_1.default.deepEqual(without.tabular, all.tabular.filter((_, k) => k !== i));
    const a = (0, model_1.createModel)(without);
    const b = (0, model_1.createModel)(all);
    strict_1.default.ok(a.paramCount() < b.paramCount(), `${a.paramCount()} < ${b.paramCount()}`);
    a.dispose();
    b.dispose();
});
(0, node_test_1.test)('summary() prints a table with the parameter count (cpu presets of Derm7pt and MEN)', () => {
    for (const spec of [datasets_1.DERM7PT, datasets_1.MEN]) {
        const model = (0, model_1.createModel)(presetConfig(spec));
        const s = model.summary();
        const total = model.paramCount();
        strict_1.default.equal(total, model.weights.reduce((n, w) => n + w.variable.size, 0));
        strict_1.default.match(s, new RegExp(`total params:\\s+${total.toLocaleString('en-US')}`));
        strict_1.default.match(s, /block\s+shape\s+params/);
        strict_1.default.match(s, /encoder0\/stage1\/stem\/conv/);
        console.log(`${spec.name} cpu preset: ${total} parameters`);
        model.dispose();
    }
});
//# sourceMappingURL=params.test.js.map