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
const backend_1 = require("../../lib/backend");
const model_1 = require("../../lib/model");
const helpers_1 = require("./helpers");
/** Largest |a − b| relative to the largest |b| (logits and embeddings are O(1)). */
function relErr(a, b) {
    let num = 0;
    let den = 1e-12;
    a.forEach((v, i) => {
        num = Math.max(num, Math.abs(v - b[i]));
        den = Math.max(den, Math.abs(b[i]));
    });
    return num / den;
}
function forwardValues(config) {
    const model = (0, model_1.createModel)(config); // same seed → same weights on every backend (initialised in JS)
    const { images, tabular } = (0, helpers_1.randomInputs)(config, 3, 4);
    const values = tf.tidy(() => {
        const out = model.forward(images, tabular, { training: true, seed: 12 }); // dropout masks are seeded too
        return [...out.logits.dataSync(), ...out.z.flatMap((z) => [...z.dataSync()])];
    });
    tf.dispose([...images, tabular]);
    model.dispose();
    return values;
}
const CASES = [
    ['2D', (0, helpers_1.dermLike)(2)],
    ['3D', (0, helpers_1.menLike)(3)],
];
// lib/backend's initBackend registers this project's wasm kernels (gradients tfjs-backend-wasm lacks).
const useBackend = (name) => (0, backend_1.initBackend)({ backend: name, quiet: true });
(0, node_test_1.test)('forward on wasm equals forward on cpu (≤ 1e-4 relative), 2D and 3D', async () => {
    await useBackend('cpu');
    const onCpu = CASES.map(([, c]) => forwardValues(c));
    await useBackend('wasm');
    strict_1.default.equal(tf.getBackend(), 'wasm');
    CASES.forEach(([label, c], i) => {
        const onWasm = forwardValues(c);
        const err = relErr(onWasm, onCpu[i]);
        strict_1.default.ok(err <= 1e-4, `${label}: relative difference ${err}`);
    });
});
(0, node_test_1.test)('every variant runs forward on wasm (2D and 3D)', async () => {
    await useBackend('wasm');
    for (const [, base] of CASES) {
        for (const variant of model_1.VARIANTS) {
            const config = { ...base, variant };
            const model = (0, model_1.createModel)(config);
            const { images, tabular } = (0, helpers_1.randomInputs)(config, 2);
            const logits = tf.tidy(() => model.forward(images, tabular, { training: true, seed: 1 }).logits.arraySync());
            strict_1.default.ok(logits.flat().every(Number.isFinite), variant);
            tf.dispose([...images, tabular]);
            model.dispose();
        }
    }
});
// Done-when: forward + backward of every variant on the wasm backend, 2D and 3D.
(0, node_test_1.test)('forward + backward on wasm with every variant (2D and 3D), gradients finite and non-trivial', async () => {
    await useBackend('wasm');
    strict_1.default.equal(tf.getBackend(), 'wasm');
    for (const [label, base] of CASES) {
        for (const variant of model_1.VARIANTS) {
            const config = { ...base, variant };
            const model = (0, model_1.createModel)(config);
            const { images, tabular } = (0, helpers_1.randomInputs)(config, 2);
            const { value, grads } = tf.variableGrads(() => (0, helpers_1.ceLoss)(model, images, tabular, [0, 1], true, 3), model.weights.map((w) => w.variable));
            strict_1.default.ok(Number.isFinite(value.dataSync()[0]), `${label} ${variant}: loss`);
            const total = tf.tidy(() => tf.addN(Object.values(grads).map((g) => tf.sum(tf.abs(g)))).dataSync()[0]);
            strict_1.default.ok(Number.isFinite(total) && total > 0, `${label} ${variant}: gradient norm ${total}`);
            tf.dispose([value, ...Object.values(grads), ...images, tabular]);
            model.dispose();
        }
    }
});
(0, node_test_1.test)('wasm backward equals cpu backward (full model, 2D and 3D, ≤ 1e-3 relative)', async () => {
    const grads = async (name, config) => {
        await useBackend(name);
        const model = (0, model_1.createModel)(config);
        const { images, tabular } = (0, helpers_1.randomInputs)(config, 2);
        const { value, grads: g } = tf.variableGrads(() => (0, helpers_1.ceLoss)(model, images, tabular, [0, 1], false), model.weights.map((w) => w.variable));
        const flat = model.weights.flatMap((w) => [...g[w.variable.name].dataSync()]);
        tf.dispose([value, ...Object.values(g), ...images, tabular]);
        model.dispose();
        return flat;
    };
    for (const [label, config] of CASES) {
        const err = relErr(await grads('wasm', config), await grads('cpu', config));
        strict_1.default.ok(err <= 1e-3, `${label}: relative gradient difference ${err}`);
    }
    await useBackend('cpu');
});
//# sourceMappingURL=backends.test.js.map