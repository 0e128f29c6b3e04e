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
const optimizer_1 = require("../../lib/train/optimizer");
const reference_1 = require("../helpers/reference");
// Reference: torch.optim.Adam(weight_decay=0.1) on the same weights and gradients,
// made by scripts/reference/adam_torch.py.
const ref = (0, reference_1.reference)('adam');
(0, node_test_1.test)('Adam with L2 weight decay matches torch.optim.Adam step by step', async () => {
    await tf.setBackend('cpu');
    const w = tf.variable(tf.tensor2d(ref.w0), true, 'adam_test_w');
    const opt = new optimizer_1.Adam([{ key: 'w', variable: w, lrScale: 1 }], { weightDecay: ref.weight_decay });
    for (let s = 0; s < ref.grads.length; s++) {
        const g = tf.tensor2d(ref.grads[s]);
        opt.apply({ [w.name]: g }, ref.lrs[s]);
        g.dispose();
        const got = (await w.array());
        const want = ref.trace[s];
        for (let i = 0; i < want.length; i++)
            for (let j = 0; j < want[i].length; j++)
                strict_1.default.ok(Math.abs(got[i][j] - want[i][j]) < 1e-6, `step ${s} [${i},${j}]: ${got[i][j]} vs ${want[i][j]}`);
    }
    strict_1.default.equal(opt.step, 3);
    opt.dispose();
    w.dispose();
});
(0, node_test_1.test)('Adam state round-trips: a restored optimiser continues exactly like the original', async () => {
    await tf.setBackend('cpu');
    const a = tf.variable(tf.tensor2d(ref.w0), true, 'adam_rt_a');
    const b = tf.variable(tf.tensor2d(ref.w0), true, 'adam_rt_b');
    const optA = new optimizer_1.Adam([{ key: 'w', variable: a, lrScale: 0.5 }], { weightDecay: 0.01 });
    const g0 = tf.tensor2d(ref.grads[0]);
    const g1 = tf.tensor2d(ref.grads[1]);
    optA.apply({ [a.name]: g0 }, 0.01);
    const optB = new optimizer_1.Adam([{ key: 'w', variable: b, lrScale: 0.5 }], { weightDecay: 0.01 });
    b.assign(a);
    optB.setState(optA.getState());
    const before = tf.memory().numTensors;
    optA.apply({ [a.name]: g1 }, 0.01);
    optB.apply({ [b.name]: g1 }, 0.01);
    strict_1.default.equal(tf.memory().numTensors, before, 'apply() leaks no tensors');
    strict_1.default.deepEqual(Array.from(await a.data()), Array.from(await b.data()));
    strict_1.default.throws(() => optB.setState({ step: 1, slots: [] }), /no slot for weight 'w'/);
    tf.dispose([g0, g1, a, b]);
    optA.dispose();
    optB.dispose();
});
(0, node_test_1.test)('the fused update (one JS pass) gives the same bits as the 14 tfjs ops, on wasm and cpu, leaking nothing', async () => {
    const { initBackend } = await Promise.resolve().then(() => __importStar(require('../../lib/backend')));
    const { Rng } = await Promise.resolve().then(() => __importStar(require('../../lib/util/random')));
    for (const backend of ['wasm', 'cpu']) {
        await initBackend({ backend, quiet: true });
        for (const weightDecay of [0, 1e-4]) {
            const rng = new Rng(9);
            const init = Float32Array.from({ length: 300 }, () => rng.normal());
            const grads = [0, 1, 2, 3].map(() => Float32Array.from({ length: 300 }, () => rng.normal() * 10 ** rng.int(4)));
            const run = (fused) => {
                const w = tf.variable(tf.tensor2d(init, [20, 15]));
                const opt = new optimizer_1.Adam([{ key: 'w', variable: w, lrScale: 0.1 }], { weightDecay });
                const n0 = tf.memory().numTensors;
                for (const [s, g] of grads.entries()) {
                    const gt = tf.tensor2d(g, [20, 15]);
                    opt.apply({ [w.name]: gt }, 1e-3 * (s + 1), fused);
                    gt.dispose();
                }
                strict_1.default.equal(tf.memory().numTensors, n0, 'no tensor left behind');
                const state = opt.getState();
                const out = { w: w.dataSync().slice(), m: state.slots[0].m.slice(), v: state.slots[0].v.slice() };
                opt.dispose();
                w.dispose();
                return out;
            };
            const ops = run(false);
            const fused = run(true);
            strict_1.default.deepEqual(fused, ops, `${backend}, weight decay ${weightDecay}`);
            strict_1.default.notDeepEqual(Array.from(ops.w), Array.from(init), 'the weights moved');
        }
    }
});
//# sourceMappingURL=optimizer.test.js.map