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
/**
 * Whole training steps on wasm: gradients of small 2D (CNN + attention + norms + embedding) and 3D
 * conv nets equal those on cpu, and repeated optimiser steps leak no tensors.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const tf = __importStar(require("@tensorflow/tfjs"));
const model_1 = require("../../bench/model");
const testing_1 = require("../../lib/backend/testing");
const random_1 = require("../../lib/util/random");
const SMALL_2D = { ...model_1.NET2D_DEFAULTS, batch: 4, size: 16, channels: [4, 8, 16], groups: 4 };
/** Loss and gradients (by parameter name) of `loss` on `backend`. */
async function gradsOn(backend, build) {
    return (0, testing_1.withBackend)(backend, () => {
        const { p, loss, dispose } = build();
        const { value, grads } = tf.variableGrads(loss, Object.values(p));
        const out = { loss: value.dataSync() };
        for (const [k, v] of Object.entries(p))
            out[k] = grads[v.name].dataSync();
        tf.dispose([value, ...Object.values(grads), ...Object.values(p)]);
        dispose();
        return out;
    });
}
function assertSameGrads(got, want, tol) {
    for (const k of Object.keys(want)) {
        const e = (0, testing_1.relError)(got[k], want[k]);
        strict_1.default.ok(e <= tol, `${k}: relative error ${e.toExponential(2)}`);
    }
}
const build2d = () => {
    const p = (0, model_1.initNet2d)(1, SMALL_2D);
    const x = (0, model_1.randomBatch2d)(2, SMALL_2D);
    return { p, loss: () => (0, model_1.loss2d)(p, x, SMALL_2D), dispose: () => tf.dispose(Object.values(x)) };
};
const build3d = () => {
    const p = (0, model_1.initNet3d)(3, model_1.NET3D_DEFAULTS);
    const { batch, size } = model_1.NET3D_DEFAULTS;
    const x = (0, testing_1.randomTensor)(new random_1.Rng(4), [batch, size, size, size, 1]);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3).toFloat();
    return { p, loss: () => (0, model_1.loss3d)(p, x, y), dispose: () => tf.dispose([x, y]) };
};
(0, node_test_1.test)('2D CNN + attention gradients are equal on wasm and cpu', async () => {
    const want = await gradsOn('cpu', build2d);
    const got = await gradsOn('wasm', build2d);
    assertSameGrads(got, want, 1e-4);
});
(0, node_test_1.test)('3D CNN gradients are equal on wasm and cpu', async () => {
    const want = await gradsOn('cpu', build3d);
    const got = await gradsOn('wasm', build3d);
    assertSameGrads(got, want, 1e-4);
});
(0, node_test_1.test)('repeated training steps on wasm do not grow tf.memory().numTensors', async () => {
    await (0, testing_1.withBackend)('wasm', () => {
        const { p, loss, dispose } = build2d();
        const opt = tf.train.adam(1e-3);
        const step = () => tf.dispose(opt.minimize(loss, true, Object.values(p)) ?? []);
        step(); // the optimiser creates its slot variables on the first step
        const before = tf.memory().numTensors;
        const bytes = tf.memory().numBytes;
        for (let i = 0; i < 5; i++)
            step();
        strict_1.default.equal(tf.memory().numTensors, before);
        strict_1.default.equal(tf.memory().numBytes, bytes);
        opt.dispose();
        tf.dispose(Object.values(p));
        dispose();
    });
});
(0, node_test_1.test)('the wasm heap does not grow over repeated steps (no leak inside project kernels)', async () => {
    for (const build of [build2d, build3d])
        await (0, testing_1.withBackend)('wasm', () => {
            const { p, loss, dispose } = build();
            const backend = tf.backend();
            const step = () => {
                const { value, grads } = tf.variableGrads(loss, Object.values(p));
                tf.dispose([value, ...Object.values(grads)]);
            };
            step();
            const before = backend.dataIdMap.numDataIds();
            for (let i = 0; i < 3; i++)
                step();
            strict_1.default.equal(backend.dataIdMap.numDataIds(), before);
            tf.dispose(Object.values(p));
            dispose();
        });
});
//# sourceMappingURL=training.test.js.map