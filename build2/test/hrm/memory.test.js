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
 * PrototypeMemory: the EMA of prototypes across batches (off by default), its history for notebooks, and
 * the losses computed with it.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const tf = __importStar(require("@tensorflow/tfjs"));
const hrm_1 = require("../../lib/hrm");
const random_1 = require("../../lib/util/random");
function close(actual, expected, what, rtol = 1e-5, atol = 1e-6) {
    strict_1.default.ok(Math.abs(actual - expected) <= rtol * Math.abs(expected) + atol, `${what}: got ${actual}, expected ${expected}`);
}
function randomZ(rng, M, B, D) {
    return Array.from({ length: M }, () => tf.tensor2d(Array.from({ length: B * D }, () => rng.normal()), [B, D]));
}
node_test_1.test.before(async () => {
    await tf.setBackend('cpu');
});
(0, node_test_1.test)('PrototypeMemory: EMA on the sphere; losses with memory use the prototypes the memory will hold', () => {
    const rng = new random_1.Rng(7);
    const memory = new hrm_1.PrototypeMemory({ momentum: 0.5, keepHistory: true });
    const labels = [0, 1, 0, 1];
    const z1 = randomZ(rng, 2, 4, 3);
    const z2 = randomZ(rng, 2, 4, 3);
    tf.tidy(() => {
        const first = (0, hrm_1.hrmLosses)(z1, labels, { numClasses: 3, memory });
        memory.update(first);
        strict_1.default.deepEqual(memory.seen, [true, true, false]);
        const p1 = first.crossmodal.arraySync();
        const second = (0, hrm_1.hrmLosses)(z2, labels, { numClasses: 3 }); // batch prototypes of z2
        const blended = (0, hrm_1.hrmLosses)(z2, labels, { numClasses: 3, memory }); // losses see the EMA
        memory.update(second);
        const snap = memory.snapshot();
        const p2 = second.crossmodal.arraySync();
        for (let c = 0; c < 2; c++) {
            const raw = p1[c].map((v, d) => 0.5 * v + 0.5 * p2[c][d]);
            const n = Math.hypot(...raw);
            for (let d = 0; d < 3; d++)
                close(snap.crossmodal[c][d], raw[d] / n, `EMA q[${c}][${d}]`, 1e-5, 1e-6);
            strict_1.default.ok(Math.abs(Math.hypot(...snap.unimodal[1][c]) - 1) < 1e-5);
        }
        // the default (no memory) is the paper's per-batch loss; with memory the loss differs
        strict_1.default.notEqual(blended.up.dataSync()[0], second.up.dataSync()[0]);
        strict_1.default.equal(memory.history.length, 2);
    });
    tf.dispose([...z1, ...z2]);
});
(0, node_test_1.test)('PrototypeMemory: a class absent from a batch keeps its stored prototype; reset forgets; bad momentum is an error', () => {
    const rng = new random_1.Rng(9);
    const memory = new hrm_1.PrototypeMemory();
    strict_1.default.equal(memory.momentum, 0.9);
    const z1 = randomZ(rng, 2, 4, 3);
    const z2 = randomZ(rng, 2, 4, 3);
    tf.tidy(() => {
        memory.update((0, hrm_1.hrmLosses)(z1, [0, 1, 0, 1], { numClasses: 2 }));
        const before = memory.snapshot().crossmodal[1];
        memory.update((0, hrm_1.hrmLosses)(z2, [0, 0, 0, 0], { numClasses: 2 }));
        strict_1.default.deepEqual(memory.snapshot().crossmodal[1], before);
    });
    memory.reset();
    strict_1.default.equal(memory.shape, null);
    strict_1.default.equal(memory.step, 0);
    strict_1.default.throws(() => new hrm_1.PrototypeMemory({ momentum: 1 }), /momentum must be in \[0, 1\)/);
    tf.dispose([...z1, ...z2]);
});
//# sourceMappingURL=memory.test.js.map