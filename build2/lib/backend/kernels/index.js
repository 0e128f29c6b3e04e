"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unregisterWasmKernels = exports.registeredWasmKernels = exports.registerWasmKernels = exports.WASM_KERNELS = void 0;
/**
 * This project's wasm kernels: the ones tfjs-backend-wasm 4.22 lacks for training, and faster or more
 * precise replacements for some it has. `registerWasmKernels()` must run after the wasm backend has
 * initialised (the stock kernels' setup has to have bound their wasm functions).
 */
const avgPoolGrad_1 = require("./avgPoolGrad");
const batchMatMul_1 = require("./batchMatMul");
const conv2dBackpropFilter_1 = require("./conv2dBackpropFilter");
const conv2dBackpropInput_1 = require("./conv2dBackpropInput");
const conv3d_1 = require("./conv3d");
const conv3dBackprop_1 = require("./conv3dBackprop");
const depthwiseBackprop_1 = require("./depthwiseBackprop");
const identity_1 = require("./identity");
const reduce_1 = require("./reduce");
const slice_1 = require("./slice");
const tile_1 = require("./tile");
const unsortedSegmentSum_1 = require("./unsortedSegmentSum");
const util_1 = require("./util");
/** Kernel name → implementation, with why it is here. */
exports.WASM_KERNELS = [
    ['Conv2DBackpropFilter', conv2dBackpropFilter_1.conv2dBackpropFilter, 'missing in wasm 4.22'],
    ['Conv2DBackpropInput', conv2dBackpropInput_1.conv2dBackpropInput, 'as an XNNPACK convolution, 3–14× faster'],
    ['Conv3D', conv3d_1.conv3d, 'through XNNPACK Conv2D (depth taps unrolled into channels), stock is a plain loop'],
    ['Conv3DBackpropFilterV2', conv3dBackprop_1.conv3dBackpropFilter, 'stock wasm 4.22 kernel is wrong for stride > 1 (kept for stride 1)'],
    ['Conv3DBackpropInputV2', conv3dBackprop_1.conv3dBackpropInput, 'stock wasm 4.22 kernel is wrong'],
    ['DepthwiseConv2dNativeBackpropFilter', depthwiseBackprop_1.depthwiseBackpropFilter, 'missing in wasm 4.22'],
    ['DepthwiseConv2dNativeBackpropInput', depthwiseBackprop_1.depthwiseBackpropInput, 'missing in wasm 4.22'],
    ['BatchMatMul', batchMatMul_1.batchMatMul, 'transposed operands 7–12× faster; batch ≥ 3 as depthwise conv, 1.5–9×'],
    ['_FusedMatMul', batchMatMul_1.fusedMatMul, 'transposed operands 7–12× faster'],
    ['AvgPoolGrad', avgPoolGrad_1.avgPoolGrad, 'k×k/k pooling as one broadcast multiply, 3–5× faster'],
    ['Sum', reduce_1.sum, 'float64 accumulation in JS over contiguous axes, no transpose (2–8× faster); else staged float32'],
    ['Mean', reduce_1.mean, 'as Sum (stock adds naively in one float32 accumulator)'],
    ['Identity', identity_1.identity, 'shares the data (reference count) instead of copying it'],
    ['Slice', slice_1.slice, 'contiguous block copies; stock is per element (very slow at rank ≥ 5)'],
    ['SplitV', slice_1.splitV, 'one block-copy Slice per piece (stock calls its per-element slice)'],
    ['Tile', tile_1.tile, 'block copies instead of per-element indexing'],
    ['UnsortedSegmentSum', unsortedSegmentSum_1.unsortedSegmentSum, 'missing in wasm 4.22 (tf.gather gradient)'],
];
let registered = null;
/**
 * Register every kernel of `WASM_KERNELS` (or only those in `only`) for wasm, unless already done;
 * returns the names registered.
 */
function registerWasmKernels(only) {
    if (registered)
        return registered;
    for (const [name, fn] of exports.WASM_KERNELS)
        if (!only || only.includes(name))
            (0, util_1.registerWasm)(name, fn);
    registered = exports.WASM_KERNELS.map(([name]) => name).filter((name) => !only || only.includes(name));
    return registered;
}
exports.registerWasmKernels = registerWasmKernels;
/** Names registered so far (empty until `registerWasmKernels` ran). */
function registeredWasmKernels() {
    return registered ? [...registered] : [];
}
exports.registeredWasmKernels = registeredWasmKernels;
/** Put the stock wasm kernels back (benchmarks comparing against stock wasm; some ops then fail). */
function unregisterWasmKernels() {
    for (const name of registered ?? [])
        (0, util_1.restoreStock)(name);
    registered = null;
}
exports.unregisterWasmKernels = unregisterWasmKernels;
//# sourceMappingURL=index.js.map