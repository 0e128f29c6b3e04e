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
exports.splitV = exports.slice = exports.KERNEL_NAME = void 0;
/**
 * Slice on wasm as contiguous block copies. The stock kernel copies element by element, through a
 * generic per-element path for rank ≥ 5 (138 ms to cut [4,18,16,16,8] to [4,16,16,16,8]; 9 ms to halve
 * a [32,64,64,16] tensor). Here the trailing axes that are taken whole are merged with the last
 * partial axis into one contiguous run, copied with `TypedArray.set` for every index of the axes
 * before it.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const util_1 = require("./util");
exports.KERNEL_NAME = 'Slice';
function slice(args) {
    const { inputs, backend, attrs = {} } = args;
    const { x } = inputs;
    if (x.dtype === 'string')
        return (0, util_1.run)(exports.KERNEL_NAME, backend, inputs, attrs);
    const [begin, sz] = tf.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
    const out = backend.makeOutput(sz, x.dtype);
    if ((0, util_1.size)(sz) === 0)
        return out;
    const o = backend.typedArrayFromHeap(out);
    const xs = backend.typedArrayFromHeap(x);
    const shape = x.shape;
    const r = shape.length;
    const stride = new Array(r).fill(1);
    for (let i = r - 2; i >= 0; i--)
        stride[i] = stride[i + 1] * shape[i + 1];
    // k: the last axis not taken whole; everything after it is one contiguous block per index of k.
    let k = r - 1;
    while (k > 0 && begin[k] === 0 && sz[k] === shape[k])
        k--;
    const run_ = sz[k] * stride[k]; // elements per contiguous run
    const base = begin[k] * stride[k];
    const idx = new Array(k).fill(0);
    const runs = (0, util_1.size)(sz.slice(0, k));
    let dst = 0;
    for (let n = 0; n < runs; n++) {
        let src = base;
        for (let i = 0; i < k; i++)
            src += (begin[i] + idx[i]) * stride[i];
        // TypedArray.set of a subarray of the wasm heap costs about 0.3 µs a call: an element loop is faster below
        // 64 values (a [32,66,48] → [32,64,16] slice, 2,048 runs of 16: 0.70 → 0.09 ms).
        if (run_ >= 64)
            o.set(xs.subarray(src, src + run_), dst);
        else
            for (let j = 0; j < run_; j++)
                o[dst + j] = xs[src + j];
        dst += run_;
        for (let i = k - 1; i >= 0; i--) {
            if (++idx[i] < sz[i])
                break;
            idx[i] = 0;
        }
    }
    return out;
}
exports.slice = slice;
/**
 * SplitV through the Slice above: the stock wasm SplitV calls the stock per-element slice once per piece
 * (a Derm7pt step splits [32, 128, 64] and [32, 24, 64] tensors along the token axis dozens of times).
 */
function splitV(args) {
    const { inputs, backend, attrs = {} } = args;
    const { x } = inputs;
    const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x, attrs.numOrSizeSplits, axis);
    const begin = new Array(x.shape.length).fill(0);
    return sizes.map((s) => {
        const sz = [...x.shape];
        sz[axis] = s;
        const piece = slice({ inputs: { x }, backend, attrs: { begin: [...begin], size: sz } });
        begin[axis] += s;
        return piece;
    });
}
exports.splitV = splitV;
//# sourceMappingURL=slice.js.map