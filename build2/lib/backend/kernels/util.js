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
exports.insertZeros = exports.padOrCrop = exports.registerWasm = exports.restoreStock = exports.size = exports.transpose = exports.view = exports.free = exports.unitDilations = exports.runRegistered = exports.run = exports.captureStock = void 0;
/**
 * Plumbing shared by this project's wasm kernels: calling the backend's own kernels from inside a
 * kernel, and freeing intermediates.
 *
 * Inside a kernelFunc we work on `TensorInfo`s ({dataId, shape, dtype}), never on `tf.Tensor`s: an
 * intermediate made by a wasm kernel has refCount 1 and must be freed with `free()`. A reshape is a
 * plain `view()` of the same dataId (no kernel call, no refcount), so it must never be freed or
 * returned unless it views an intermediate whose ownership is handed to the caller.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
/**
 * The stock wasm kernels, captured before this project overrides any of them, so that an override can
 * still fall through to the original (e.g. plain BatchMatMul inside the transposed BatchMatMul).
 */
const stock = new Map();
/** Remember the stock wasm kernel `name` (call before unregistering it). */
function captureStock(name) {
    if (stock.has(name))
        return;
    const k = tf.getKernel(name, 'wasm');
    if (k)
        stock.set(name, k.kernelFunc);
}
exports.captureStock = captureStock;
/** The kernel registered for `name` on wasm now. */
function registered(name) {
    const reg = tf.getKernel(name, 'wasm');
    if (!reg)
        throw new Error(`cfcml backend: wasm kernel ${name} is not registered`);
    return reg.kernelFunc;
}
function call(k, backend, inputs, attrs) {
    const out = k({ inputs, backend, attrs });
    return Array.isArray(out) ? out[0] : out;
}
/** Run the stock wasm kernel `name` (or whatever is registered now if it was never overridden). */
function run(name, backend, inputs, attrs = {}) {
    return call(stock.get(name) ?? registered(name), backend, inputs, attrs);
}
exports.run = run;
/**
 * Run whatever kernel is registered for `name` now (the compute path's, lib/backend/path.ts: native BLAS or
 * XNNPACK), not the stock one. For the products and convolutions inside a composite kernel.
 */
function runRegistered(name, backend, inputs, attrs = {}) {
    return call(registered(name), backend, inputs, attrs);
}
exports.runRegistered = runRegistered;
/** Whether conv `dilations` (a number or [h, w]) are all 1. */
function unitDilations(d) {
    return d === undefined || d === 1 || (Array.isArray(d) && d.every((x) => x === 1));
}
exports.unitDilations = unitDilations;
/** Free an intermediate made by `run` (or by `backend.makeOutput`). */
function free(backend, ...infos) {
    for (const t of infos)
        backend.disposeData(t.dataId);
}
exports.free = free;
/** The same data seen with another shape (a reshape that costs nothing; see the file comment). */
function view(t, shape) {
    return { dataId: t.dataId, shape, dtype: t.dtype };
}
exports.view = view;
function transpose(backend, x, perm) {
    return run('Transpose', backend, { x }, { perm });
}
exports.transpose = transpose;
function size(shape) {
    let n = 1;
    for (const d of shape)
        n *= d;
    return n;
}
exports.size = size;
/** Put back the stock wasm kernel `name` (or none, if wasm had none). */
function restoreStock(kernelName) {
    if (tf.getKernel(kernelName, 'wasm'))
        tf.unregisterKernel(kernelName, 'wasm');
    const k = stock.get(kernelName);
    if (k)
        tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: k });
}
exports.restoreStock = restoreStock;
/** Register `kernelFunc` for wasm under `kernelName`, replacing (and capturing) any stock kernel. */
function registerWasm(kernelName, kernelFunc) {
    captureStock(kernelName);
    if (tf.getKernel(kernelName, 'wasm'))
        tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc });
}
exports.registerWasm = registerWasm;
/**
 * x padded with zeros by `pads[i] = [before, after]` on each axis, where a negative amount crops
 * instead. Returns x itself (not to be freed) when every amount is 0.
 */
function padOrCrop(backend, x, pads) {
    let cur = x;
    if (pads.some(([a, b]) => a < 0 || b < 0)) {
        const begin = pads.map(([a]) => Math.max(-a, 0));
        const sz = x.shape.map((d, i) => d - begin[i] - Math.max(-pads[i][1], 0));
        cur = run('Slice', backend, { x }, { begin, size: sz });
    }
    if (pads.some(([a, b]) => a > 0 || b > 0)) {
        const padded = run('PadV2', backend, { x: cur }, {
            paddings: pads.map(([a, b]) => [Math.max(a, 0), Math.max(b, 0)]),
            constantValue: 0,
        });
        if (cur !== x)
            free(backend, cur);
        cur = padded;
    }
    return cur;
}
exports.padOrCrop = padOrCrop;
/**
 * dy [B, O1, …, Ok, C] with s_i − 1 zeros after each element along spatial axis i (a "dilated"
 * gradient, length O_i·s_i). One axis at a time, dy is viewed as [before, O_i, 1, after] and the unit
 * axis padded to s_i (XNNPACK's pad takes at most 6 dimensions, so not all axes at once).
 * Returns dy itself (not to be freed) when every stride is 1.
 */
function insertZeros(backend, dy, strides) {
    let cur = dy;
    strides.forEach((st, i) => {
        if (st === 1)
            return;
        const shape = cur.shape;
        const before = size(shape.slice(0, i + 1));
        const o = shape[i + 1];
        const after = size(shape.slice(i + 2));
        const padded = run('PadV2', backend, { x: view(cur, [before, o, 1, after]) }, {
            paddings: [[0, 0], [0, 0], [0, st - 1], [0, 0]],
            constantValue: 0,
        });
        if (cur !== dy)
            free(backend, cur);
        const next = [...shape];
        next[i + 1] = o * st;
        cur = view(padded, next);
    });
    return cur;
}
exports.insertZeros = insertZeros;
//# sourceMappingURL=util.js.map