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
const helpers_1 = require("./helpers");
(0, node_test_1.before)(async () => {
    await tf.setBackend('cpu');
});
function step(model, opt, images, tabular, labels, seed) {
    const vars = model.weights.map((w) => w.variable);
    const { value, grads } = tf.variableGrads(() => (0, helpers_1.ceLoss)(model, images, tabular, labels, true, seed), vars);
    opt.applyGradients(grads);
    const loss = value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
    return loss;
}
for (const [label, config] of [
    ['2D', (0, helpers_1.dermLike)(2)],
    ['3D', (0, helpers_1.menLike)(3)],
]) {
    (0, node_test_1.test)(`one training step leaks no tensors (${label}, with intermediates-free forward)`, () => {
        const model = (0, model_1.createModel)(config);
        const { images, tabular } = (0, helpers_1.randomInputs)(config, 4);
        const opt = tf.train.adam(1e-3);
        step(model, opt, images, tabular, [0, 1, 0, 1], 1); // creates Adam's slots
        const before = tf.memory().numTensors;
        step(model, opt, images, tabular, [0, 1, 0, 1], 2);
        strict_1.default.equal(tf.memory().numTensors, before);
        // A forward with intermediates inside tf.tidy leaks nothing either.
        tf.tidy(() => {
            model.forward(images, tabular, { training: false, intermediates: true });
        });
        strict_1.default.equal(tf.memory().numTensors, before);
        opt.dispose();
        tf.dispose([...images, tabular]);
        model.dispose();
    });
}
// Done-when: a tiny model overfits a handful of synthetic cases (random inputs, random labels).
for (const [label, config, steps] of [
    ['2D, Derm7pt-like, 2 classes', (0, helpers_1.dermLike)(2, 'full', { dropout: 0 }), 80],
    ['3D, MEN-like, 3 classes', (0, helpers_1.menLike)(3, 'full', { dropout: 0 }), 80],
]) {
    (0, node_test_1.test)(`a tiny model overfits 6 synthetic cases (${label})`, () => {
        const model = (0, model_1.createModel)(config);
        const { images, tabular } = (0, helpers_1.randomInputs)(config, 6, 9);
        const labels = [0, 1, 1, 0, 1, 0].map((y, i) => (config.numClasses === 3 ? i % 3 : y));
        const opt = tf.train.adam(3e-3); // 1e-2 can stall on a plateau with these 8-wide models
        const losses = [];
        for (let s = 0; s < steps; s++)
            losses.push(step(model, opt, images, tabular, labels, s));
        const final = tf.tidy(() => (0, helpers_1.ceLoss)(model, images, tabular, labels).dataSync()[0]);
        strict_1.default.ok(final < 0.05, `loss ${losses[0].toFixed(3)} → ${final.toFixed(4)} after ${steps} steps`);
        const pred = tf.tidy(() => tf.argMax(model.forward(images, tabular, { training: false }).logits, 1).arraySync());
        strict_1.default.deepEqual(pred, labels);
        opt.dispose();
        tf.dispose([...images, tabular]);
        model.dispose();
    });
}
//# sourceMappingURL=training.test.js.map