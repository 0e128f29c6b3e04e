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
exports.mean = exports.sum = exports.contiguousSplit = exports.KERNEL_NAMES = void 0;
/**
 * Sum and Mean on wasm: summed in JavaScript with float64 accumulators, straight from the wasm heap, when
 * the reduced axes are contiguous (the bias and batch-norm gradients reduce leading axes, layer norms the
 * last one); otherwise reduced in float32 stages. History and why below.
 *
 * JavaScript path (`contiguousSum`): x viewed as [outer, n, inner] → [outer, inner]. No transpose, no
 * staging, error ≈ ε_float32 of the result. The stock kernel transposes a leading-axis reduction to make it
 * innermost first: in the profile of a Derm7pt training step, Sum of [8192, 64] over axis 0 took 8.9 ms a
 * call; V8's loop over the same 524,288 values takes well under 1 ms.
 *
 * Staged float32 path (non-contiguous axes), the first fix:
 *
 * The stock kernels add every element into one float32 accumulator: the mean of 393,216 values near
 * 100.5 came out 100.213, and batch-norm gradients were off by up to 4e-3 relative. Here the reduced
 * axis (length n) is cut into chunks of c ≈ 64–1024 values, each chunk summed by the stock kernel,
 * and the chunk sums reduced again the same way until one value is left — a c-ary tree whose error
 * grows like c·log_c(n)·ε instead of n·ε (PyTorch and NumPy use a similar cascade).
 *
 * Porting note: a product with a ones vector (1ᵀ·x) looks 4–25× faster for leading-axis sums in a
 * micro-benchmark, but only because XNNPACK caches the packed "weights" (x) by tensor id; with fresh
 * data every call it packs x each time and the training step got 2× slower. Not used.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const util_1 = require("./util");
exports.KERNEL_NAMES = ['Sum', 'Mean'];
/** Reduced lengths up to this are summed in one stage (error ≤ 1024·ε ≈ 6e-5 worst case, far less typically). */
const ONE_STAGE_MAX = 1024;
/** A chunk length that divides n (so no padding copy is needed), or 256 with padding. */
function chunkFor(n) {
    for (let c = 1024; c >= 64; c--)
        if (n % c === 0)
            return c;
    return 256;
}
/** Σ over the last axis of x viewed as [outer, n] → [outer], in stages. Returns a fresh tensor. */
function stagedRowSum(backend, x, outer, n) {
    let cur = (0, util_1.view)(x, [outer, n]);
    let owned = false;
    while (n > ONE_STAGE_MAX) {
        const c = chunkFor(n);
        const chunks = Math.ceil(n / c);
        let src = cur;
        if (chunks * c !== n) {
            src = (0, util_1.run)('PadV2', backend, { x: cur }, { paddings: [[0, 0], [0, chunks * c - n]], constantValue: 0 });
        }
        const partial = (0, util_1.run)('Sum', backend, { x: (0, util_1.view)(src, [outer * chunks, c]) }, { axis: [1], keepDims: false });
        if (src !== cur)
            (0, util_1.free)(backend, src);
        if (owned)
            (0, util_1.free)(backend, cur);
        cur = (0, util_1.view)(partial, [outer, chunks]);
        owned = true;
        n = chunks;
    }
    const out = (0, util_1.run)('Sum', backend, { x: cur }, { axis: [1], keepDims: false });
    if (owned)
        (0, util_1.free)(backend, cur);
    return out;
}
/**
 * If `axes` (sorted, distinct) are contiguous in `shape`, x as [outer, n, inner] with n the reduced
 * length; otherwise null.
 */
function contiguousSplit(shape, axes) {
    if (axes.length === 0)
        return null;
    for (let i = 1; i < axes.length; i++)
        if (axes[i] !== axes[i - 1] + 1)
            return null;
    const first = axes[0];
    const last = axes[axes.length - 1];
    return { outer: (0, util_1.size)(shape.slice(0, first)), n: (0, util_1.size)(shape.slice(first, last + 1)), inner: (0, util_1.size)(shape.slice(last + 1)) };
}
exports.contiguousSplit = contiguousSplit;
/** Σ_j x[o, j, i] for x viewed as [outer, n, inner], float64 accumulators, times `scale`. Returns [outer·inner]. */
function contiguousSum(backend, x, outer, n, inner, scale) {
    const out = backend.makeOutput([outer * inner], 'float32');
    // Views of the heap only after the allocation: makeOutput may grow the heap and detach older views.
    const dst = backend.typedArrayFromHeap(out);
    const src = backend.typedArrayFromHeap(x);
    if (inner === 1) {
        for (let o = 0; o < outer; o++) {
            let acc = 0;
            const base = o * n;
            for (let j = 0; j < n; j++)
                acc += src[base + j];
            dst[o] = acc * scale;
        }
        return out;
    }
    const acc = new Float64Array(inner);
    for (let o = 0; o < outer; o++) {
        acc.fill(0);
        let row = o * n * inner;
        for (let j = 0; j < n; j++, row += inner)
            for (let i = 0; i < inner; i++)
                acc[i] += src[row + i];
        const base = o * inner;
        for (let i = 0; i < inner; i++)
            dst[base + i] = acc[i] * scale;
    }
    return out;
}
function makeReduce(name) {
    return function reduce(args) {
        const { inputs, backend, attrs = {} } = args;
        const { x } = inputs;
        const { axis, keepDims } = attrs;
        const axes = tf.util.parseAxisParam(axis, x.shape);
        const [outShape, reduceShape] = tf.backend_util.computeOutAndReduceShapes(x.shape, axes.length ? axes : []);
        const n = (0, util_1.size)(reduceShape);
        if (x.dtype !== 'float32' || (0, util_1.size)(x.shape) === 0)
            return (0, util_1.run)(name, backend, inputs, attrs);
        const shape = keepDims ? tf.backend_util.expandShapeToKeepDim(outShape, axes) : outShape;
        const split = contiguousSplit(x.shape, [...axes].sort((a, b) => a - b));
        if (split)
            return (0, util_1.view)(contiguousSum(backend, x, split.outer, split.n, split.inner, name === 'Mean' ? 1 / n : 1), shape);
        if (n <= ONE_STAGE_MAX)
            return (0, util_1.run)(name, backend, inputs, attrs);
        const outer = (0, util_1.size)(outShape);
        // Bring the reduced axes innermost (a no-op when they already are).
        const perm = tf.backend_util.getAxesPermutation(axes, x.shape.length);
        const xt = perm ? (0, util_1.transpose)(backend, x, perm) : x;
        let out = stagedRowSum(backend, xt, outer, n);
        if (perm)
            (0, util_1.free)(backend, xt);
        if (name === 'Mean') {
            const scale = backend.makeOutput([], 'float32');
            backend.typedArrayFromHeap(scale)[0] = 1 / n;
            const mean = (0, util_1.run)('Multiply', backend, { a: out, b: scale });
            (0, util_1.free)(backend, out, scale);
            out = mean;
        }
        return (0, util_1.view)(out, shape);
    };
}
exports.sum = makeReduce('Sum');
exports.mean = makeReduce('Mean');
//# sourceMappingURL=reduce.js.map