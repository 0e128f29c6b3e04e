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
// All four encoder stages are trained (the authors read Derm7pt's stages 1–3 under no_grad): every weight,
// encoder stages 1–3 included, must get a non-zero gradient from the classification loss.
for (const [label, config] of [
    ['2D, shared encoder', (0, helpers_1.dermLike)(2)],
    ['3D, one encoder per volume', (0, helpers_1.menLike)(3)],
]) {
    (0, node_test_1.test)(`gradients reach every trainable weight (${label})`, () => {
        const model = (0, model_1.createModel)(config);
        const { images, tabular } = (0, helpers_1.randomInputs)(config, 6, 2);
        const labels = [0, 1, 0, 1, 0, config.numClasses - 1];
        const { value, grads } = tf.variableGrads(() => (0, helpers_1.ceLoss)(model, images, tabular, labels), model.weights.map((w) => w.variable));
        const dead = [];
        for (const w of model.weights) {
            const g = grads[w.variable.name];
            strict_1.default.ok(g, `no gradient for ${w.key}`);
            const norm = tf.tidy(() => tf.sum(tf.abs(g)).dataSync()[0]);
            if (!(norm > 0))
                dead.push(w.key);
        }
        strict_1.default.deepEqual(dead, [], `weights without gradient: ${dead.join(', ')}`);
        strict_1.default.ok(model.weights.some((w) => w.key.startsWith('encoder0/stage1/')), 'stage 1 is among the trained weights');
        tf.dispose([value, ...Object.values(grads), ...images, tabular]);
        model.dispose();
    });
}
//# sourceMappingURL=gradients.test.js.map