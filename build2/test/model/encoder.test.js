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
(0, node_test_1.test)('encoder depth and stem are configurable through the factory', () => {
    const config = { ...(0, helpers_1.menLike)(2), encoder: (0, model_1.residualEncoder)({ blocksPerStage: 2, stemStride: [1, 2, 2] }) };
    const model = (0, model_1.createModel)(config);
    strict_1.default.ok(model.weights.some((w) => w.key === 'encoder2/stage4/block1/conv2/kernel'));
    const { images, tabular } = (0, helpers_1.randomInputs)(config, 2);
    const out = model.forward(images, tabular, { training: false, intermediates: true });
    strict_1.default.deepEqual(out.intermediates.stageFeatures[0][0].shape, [2, 4, 4, 4, 2]);
    tf.dispose([out, ...images, tabular]);
    model.dispose();
});
(0, node_test_1.test)('shared encoder: one set of encoder weights for both Derm7pt images; per-modality: one each', () => {
    const shared = (0, model_1.createModel)((0, helpers_1.dermLike)(2));
    const separate = (0, model_1.createModel)((0, helpers_1.dermLike)(2, 'full', { sharedEncoder: false }));
    const encoders = (m) => new Set(m.weights.filter((w) => w.group === 'encoder').map((w) => w.key.split('/')[0]));
    strict_1.default.deepEqual([...encoders(shared)], ['encoder0']);
    strict_1.default.deepEqual([...encoders(separate)], ['encoder0', 'encoder1']);
    shared.dispose();
    separate.dispose();
});
(0, node_test_1.test)('pluggable encoder: a tfjs LayersModel with four stage outputs (e.g. a pretrained backbone)', () => {
    const input = tf.input({ shape: [16, 16, 3] });
    let h = input;
    const outs = [];
    for (const [i, c] of [4, 6, 6, 8].entries()) {
        h = tf.layers.conv2d({ filters: c, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', name: `s${i + 1}` }).apply(h);
        outs.push(h);
    }
    const backbone = tf.model({ inputs: input, outputs: outs });
    const factory = (0, model_1.layersModelEncoder)(backbone);
    const config = { ...(0, helpers_1.dermLike)(2), encoder: factory };
    const model = (0, model_1.createModel)(config);
    const keys = model.weights.filter((w) => w.group === 'encoder').map((w) => w.key);
    strict_1.default.ok(keys.includes('encoder0/s1/kernel') && keys.includes('encoder0/s4/bias'), keys.join(','));
    const { images, tabular } = (0, helpers_1.randomInputs)(config, 2);
    const out = model.forward(images, tabular, { training: false, intermediates: true });
    strict_1.default.deepEqual(out.intermediates.stageFeatures[1].map((F) => F.shape), [[2, 8, 8, 4], [2, 4, 4, 6], [2, 2, 2, 6], [2, 1, 1, 8]]);
    // The backbone trains with the rest (its variables get gradients).
    const { value, grads } = tf.variableGrads(() => (0, helpers_1.ceLoss)(model, images, tabular, [0, 1]), model.weights.map((w) => w.variable));
    const g = grads[model.weights.find((w) => w.key === 'encoder0/s1/kernel').variable.name];
    strict_1.default.ok(g && tf.sum(tf.abs(g)).dataSync()[0] > 0);
    tf.dispose([value, ...Object.values(grads), out, ...images, tabular]);
    model.dispose(); // leaves the user's backbone alone
    strict_1.default.equal(backbone.getLayer('s1').getWeights()[0].isDisposed, false);
    backbone.dispose();
});
(0, node_test_1.test)('the 2D encoder keeps brightness: uniform images of one hue at different intensities give different features', async () => {
    // Regression: with a per-position LayerNorm right after the patchify stem, an input c·v gave the same
    // normalised features for every c (dark lesion = pale skin of the same hue), and image-only models
    // stayed at chance. Inputs are now centred first.
    const params = new Map();
    let n = 0;
    const enc = (0, model_1.residualEncoder)()({
        kind: '2d',
        channels: 3,
        imageSize: [16, 16],
        widths: [4, 4, 4, 4],
        params: {
            add: (key, shape) => {
                const v = tf.variable(tf.randomNormal(shape, 0, 0.5, 'float32', ++n), true, `brightness_${key}_${n}`);
                params.set(key, v);
                return v;
            },
            adopt: (key, v) => v,
        },
    });
    const hue = [0.6, 0.4, 0.3];
    const img = (c) => tf.tensor4d(Array.from({ length: 16 * 16 }, () => hue.map((h) => h * c)).flat(), [1, 16, 16, 3]);
    const [dark, light] = [img(0.4), img(1.2)];
    const fd = enc.apply(dark, false);
    const fl = enc.apply(light, false);
    const diff = (await tf.max(tf.abs(tf.sub(fd[0], fl[0]))).data())[0];
    strict_1.default.ok(diff > 1e-2, `stage-1 features differ by ${diff}`);
    tf.dispose([dark, light, ...fd, ...fl, ...params.values()]);
});
//# sourceMappingURL=encoder.test.js.map