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
Object.defineProperty(exports, "__esModule", { value: true });
exports.Adam = exports.ADAM_DEFAULTS = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
exports.ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 };
class Adam {
    constructor(weights, options = {}) {
        this.weights = weights;
        this.t = 0;
        this.m = new Map();
        this.v = new Map();
        this.options = { ...exports.ADAM_DEFAULTS, ...options };
        for (const w of weights) {
            this.m.set(w.key, tf.variable(tf.zerosLike(w.variable), false));
            this.v.set(w.key, tf.variable(tf.zerosLike(w.variable), false));
        }
    }
    get step() {
        return this.t;
    }
    /**
     * Apply one update. `grads` maps tf variable *names* (as tf.variableGrads returns) to gradients.
     * `fused` (default: on the wasm and cpu backends) computes the update of each weight in one pass in JS
     * instead of 14 tfjs ops: the same float32 operations in the same order, each rounded to float32 as the
     * backend rounds it, so the same bits (test/train/equivalence.test.ts), without the ops' dispatch cost.
     * On the native TensorFlow backend the ops stay (reading tensors back would cost a device sync).
     */
    apply(grads, lr, fused = tf.getBackend() !== 'tensorflow') {
        this.t += 1;
        const { beta1, beta2, epsilon, weightDecay } = this.options;
        const bc1 = 1 - Math.pow(beta1, this.t);
        const bc2 = 1 - Math.pow(beta2, this.t);
        if (fused) {
            this.applyFused(grads, lr, bc1, bc2);
            return;
        }
        tf.tidy(() => {
            for (const w of this.weights) {
                let g = grads[w.variable.name];
                if (!g)
                    continue; // weight not used by this variant's forward pass
                if (weightDecay > 0)
                    g = tf.add(g, tf.mul(w.variable, weightDecay));
                const m = this.m.get(w.key);
                const v = this.v.get(w.key);
                const m1 = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
                const v1 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
                m.assign(m1);
                v.assign(v1);
                const stepSize = (lr * w.lrScale) / bc1;
                const update = tf.div(m1, tf.add(tf.sqrt(tf.div(v1, bc2)), epsilon));
                w.variable.assign(tf.sub(w.variable, tf.mul(update, stepSize)));
            }
        });
    }
    /** `apply` in one JS pass per weight: every operation of the tfjs version, rounded to float32 (Math.fround). */
    applyFused(grads, lr, bc1, bc2) {
        const f = Math.fround;
        const { beta1, beta2, epsilon, weightDecay } = this.options;
        // The scalars as the tfjs ops see them: float32 tensors made from these JS numbers.
        const [b1, c1, b2, c2, eps, wd, bc2f] = [beta1, 1 - beta1, beta2, 1 - beta2, epsilon, weightDecay, bc2].map(f);
        for (const w of this.weights) {
            const g = grads[w.variable.name];
            if (!g)
                continue; // weight not used by this variant's forward pass
            const m = this.m.get(w.key);
            const v = this.v.get(w.key);
            const G = g.dataSync();
            const W = w.variable.dataSync();
            const M = m.dataSync();
            const V = v.dataSync();
            const n = G.length;
            const W1 = new Float32Array(n);
            const M1 = new Float32Array(n);
            const V1 = new Float32Array(n);
            const step = f((lr * w.lrScale) / bc1);
            for (let i = 0; i < n; i++) {
                const gi = weightDecay > 0 ? f(G[i] + f(W[i] * wd)) : G[i];
                const m1 = f(f(M[i] * b1) + f(gi * c1));
                const v1 = f(f(V[i] * b2) + f(f(gi * gi) * c2));
                const update = f(m1 / f(f(Math.sqrt(f(v1 / bc2f))) + eps));
                M1[i] = m1;
                V1[i] = v1;
                W1[i] = f(W[i] - f(update * step));
            }
            tf.tidy(() => {
                m.assign(tf.tensor(M1, m.shape));
                v.assign(tf.tensor(V1, v.shape));
                w.variable.assign(tf.tensor(W1, w.variable.shape));
            });
        }
    }
    getState() {
        return {
            step: this.t,
            slots: this.weights.map((w) => ({
                key: w.key,
                shape: w.variable.shape.slice(),
                m: this.m.get(w.key).dataSync(),
                v: this.v.get(w.key).dataSync(),
            })),
        };
    }
    setState(state) {
        const byKey = new Map(state.slots.map((s) => [s.key, s]));
        for (const w of this.weights) {
            const s = byKey.get(w.key);
            if (!s)
                throw new errors_1.CfcmlError(`optimizer state has no slot for weight '${w.key}'`);
            if (s.shape.join('x') !== w.variable.shape.join('x')) {
                throw new errors_1.CfcmlError(`optimizer slot '${w.key}' has shape [${s.shape}], the weight has [${w.variable.shape}]`);
            }
            tf.tidy(() => {
                this.m.get(w.key).assign(tf.tensor(s.m, s.shape));
                this.v.get(w.key).assign(tf.tensor(s.v, s.shape));
            });
        }
        this.t = state.step;
    }
    dispose() {
        for (const t of this.m.values())
            t.dispose();
        for (const t of this.v.values())
            t.dispose();
        this.m.clear();
        this.v.clear();
    }
}
exports.Adam = Adam;
//# sourceMappingURL=optimizer.js.map