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
 * Float32 reductions on wasm: the stock Sum/Mean add every element into one accumulator.
 * Reference: the mean of 393,216 copies of 100.5 is 100.5 (stock wasm 4.22 gave 100.213).
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const tf = __importStar(require("@tensorflow/tfjs"));
const testing_1 = require("../../lib/backend/testing");
const random_1 = require("../../lib/util/random");
(0, node_test_1.test)('mean of 393,216 × 100.5 is 100.5 on wasm', async () => {
    await (0, testing_1.withBackend)('wasm', () => {
        const x = tf.fill([32, 64, 64, 3], 100.5);
        strict_1.default.ok(Math.abs(x.mean().dataSync()[0] - 100.5) < 1e-4);
        strict_1.default.ok(Math.abs(x.sum().dataSync()[0] / 393216 - 100.5) < 1e-4);
        // per-channel (batch-norm statistics): reduce over B, H, W
        const m = x.mean([0, 1, 2]).dataSync();
        for (const v of m)
            strict_1.default.ok(Math.abs(v - 100.5) < 1e-4, `channel mean ${v}`);
        x.dispose();
    });
});
(0, node_test_1.test)('sum of 1e6 random values matches a float64 sum to 1e-6 relative', async () => {
    const rng = new random_1.Rng(11);
    const v = new Float32Array(1000000);
    let exact = 0;
    for (let i = 0; i < v.length; i++) {
        v[i] = rng.uniform(0, 2);
        exact += v[i];
    }
    await (0, testing_1.withBackend)('wasm', () => {
        const x = tf.tensor1d(v);
        const got = x.sum().dataSync()[0];
        strict_1.default.ok(Math.abs(got - exact) / exact < 1e-6, `got ${got}, exact ${exact}`);
        x.dispose();
    });
});
//# sourceMappingURL=precision.test.js.map