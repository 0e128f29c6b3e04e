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
exports.PrototypeMemory = exports.PROTOTYPE_MEMORY_DEFAULTS = void 0;
/**
 * Prototypes kept across batches: an exponential moving average (EMA) of the per-batch prototypes
 * (H1), (H2), on the unit sphere. Not part of the paper (its prototypes live for one batch); off unless a
 * `PrototypeMemory` is passed to `hrmLosses`. Also the way for a notebook to watch prototypes move:
 * `update` after each step, read `snapshot()` or `history`.
 *
 * The rule, for a class present in the batch: m ← normalize(β·m + (1 − β)·p_batch); the first time a
 * class is seen, m ← p_batch. A class absent from the batch keeps its stored value.
 * Storage is on the host (Float32Array), so the memory owns no tensors and cannot leak any.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
const prototypes_1 = require("./prototypes");
exports.PROTOTYPE_MEMORY_DEFAULTS = { momentum: 0.9, keepHistory: false };
class PrototypeMemory {
    constructor(opts = {}) {
        /** Number of `update` calls so far. */
        this.step = 0;
        /** [M, C, D] once the first update has fixed the shape. */
        this.shape = null;
        /** Whether class c has been stored. */
        this.seen = [];
        /** Snapshots after each update, when `keepHistory`. */
        this.history = [];
        this.unimodal = null; // [M·C·D]
        this.crossmodal = null; // [C·D]
        const o = { ...exports.PROTOTYPE_MEMORY_DEFAULTS, ...opts };
        if (!(o.momentum >= 0 && o.momentum < 1)) {
            throw new errors_1.CfcmlError(`momentum must be in [0, 1), got ${o.momentum}`, { where: 'PrototypeMemory' });
        }
        this.momentum = o.momentum;
        this.keepHistory = o.keepHistory;
    }
    /**
     * The prototypes the losses use: the EMA the memory will hold after `update` with this batch. Stored
     * values are constants (no gradient). Tensors in, tensors out; call inside tf.tidy.
     */
    blend(P, Q, present) {
        if (!this.shape || !this.unimodal || !this.crossmodal)
            return { unimodal: P, crossmodal: Q };
        this.checkShape(P.shape);
        const [M, C, D] = this.shape;
        const beta = this.momentum;
        // Per class: β where the class is stored and in the batch, else 0 (take the batch prototype).
        const b = this.seen.map((s, c) => (s && present[c] ? beta : 0));
        const bT = tf.tensor1d(b);
        const storedP = tf.tensor3d(this.unimodal, [M, C, D]);
        const storedQ = tf.tensor2d(this.crossmodal, [C, D]);
        const mix = (stored, batch, w) => (0, prototypes_1.l2Normalize)(tf.add(tf.mul(stored, w), tf.mul(batch, tf.sub(1, w))));
        return {
            unimodal: mix(storedP, P, bT.reshape([1, C, 1])),
            crossmodal: mix(storedQ, Q, bT.reshape([C, 1])),
        };
    }
    /** Fold one batch's prototypes (as returned by `hrmLosses`) into the memory. Reads them once from the device. */
    update(batch) {
        const [M, C, D] = batch.unimodal.shape;
        if (!this.shape) {
            this.shape = [M, C, D];
            this.unimodal = new Float32Array(M * C * D);
            this.crossmodal = new Float32Array(C * D);
            this.seen = new Array(C).fill(false);
        }
        this.checkShape(batch.unimodal.shape);
        const p = batch.unimodal.dataSync();
        const q = batch.crossmodal.dataSync();
        const U = this.unimodal;
        const X = this.crossmodal;
        for (let c = 0; c < C; c++) {
            if (!batch.present[c])
                continue;
            const beta = this.seen[c] ? this.momentum : 0;
            for (let m = 0; m < M; m++)
                emaRow(U, p, (m * C + c) * D, D, beta);
            emaRow(X, q, c * D, D, beta);
            this.seen[c] = true;
        }
        this.step += 1;
        if (this.keepHistory)
            this.history.push(this.snapshot());
    }
    /** The stored prototypes as plain arrays (rows of unseen classes are zero). */
    snapshot() {
        if (!this.shape || !this.unimodal || !this.crossmodal)
            return { step: this.step, unimodal: [], crossmodal: [], seen: [] };
        const [M, C, D] = this.shape;
        const U = this.unimodal;
        const X = this.crossmodal;
        const row = (a, off) => Array.from(a.subarray(off, off + D));
        return {
            step: this.step,
            unimodal: Array.from({ length: M }, (_, m) => Array.from({ length: C }, (_, c) => row(U, (m * C + c) * D))),
            crossmodal: Array.from({ length: C }, (_, c) => row(X, c * D)),
            seen: this.seen.slice(),
        };
    }
    /** Forget everything (e.g. between folds). */
    reset() {
        this.step = 0;
        this.shape = null;
        this.unimodal = null;
        this.crossmodal = null;
        this.seen = [];
        this.history.length = 0;
    }
    checkShape(shape) {
        const s = this.shape;
        if (shape.length !== 3 || shape.some((v, i) => v !== s[i])) {
            throw new errors_1.CfcmlError(`prototypes of shape [${shape}] do not match the stored [${s}]`, { where: 'PrototypeMemory' });
        }
    }
}
exports.PrototypeMemory = PrototypeMemory;
/** dst[off..off+D) ← normalize(β·dst + (1 − β)·src) on the same slice. */
function emaRow(dst, src, off, D, beta) {
    let ss = 0;
    for (let d = 0; d < D; d++) {
        const v = beta * dst[off + d] + (1 - beta) * src[off + d];
        dst[off + d] = v;
        ss += v * v;
    }
    const inv = 1 / Math.max(Math.sqrt(ss), 1e-12);
    for (let d = 0; d < D; d++)
        dst[off + d] *= inv;
}
//# sourceMappingURL=memory.js.map