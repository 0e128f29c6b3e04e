/**
 * This project's wasm kernels: the ones tfjs-backend-wasm 4.22 lacks for training, and faster or more
 * precise replacements for some it has. `registerWasmKernels()` must run after the wasm backend has
 * initialised (the stock kernels' setup has to have bound their wasm functions).
 */
import * as tf from '@tensorflow/tfjs';
import { avgPoolGrad } from './avgPoolGrad';
import { batchMatMul, fusedMatMul } from './batchMatMul';
import { CHANNEL_NORM, CHANNEL_NORM_GRAD, channelNorm, channelNormGrad } from './channelNorm';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { conv2dBackpropInput } from './conv2dBackpropInput';
import { conv3d } from './conv3d';
import { conv3dBackpropFilter, conv3dBackpropInput } from './conv3dBackprop';
import { depthwiseBackpropFilter, depthwiseBackpropInput } from './depthwiseBackprop';
import { equal } from './equal';
import { identity } from './identity';
import { LINEAR, linearKernel } from './linear';
import { mean, sum } from './reduce';
import { slice, splitV } from './slice';
import { tile } from './tile';
import { TOKEN_TAPS, TOKEN_TAPS_GRAD, tokenTaps, tokenTapsGrad } from './tokenTaps';
import { unsortedSegmentSum } from './unsortedSegmentSum';
import { Kernel, registerWasm, restoreStock } from './util';

/** Kernel name → implementation, with why it is here. */
export const WASM_KERNELS: ReadonlyArray<readonly [string, Kernel, string]> = [
  ['Conv2DBackpropFilter', conv2dBackpropFilter, 'missing in wasm 4.22'],
  ['Conv2DBackpropInput', conv2dBackpropInput, 'as an XNNPACK convolution, 3–14× faster'],
  ['Conv3D', conv3d, 'through XNNPACK Conv2D (depth taps unrolled into channels), stock is a plain loop'],
  ['Conv3DBackpropFilterV2', conv3dBackpropFilter, 'stock wasm 4.22 kernel is wrong for stride > 1 (kept for stride 1)'],
  ['Conv3DBackpropInputV2', conv3dBackpropInput, 'stock wasm 4.22 kernel is wrong'],
  ['DepthwiseConv2dNativeBackpropFilter', depthwiseBackpropFilter, 'missing in wasm 4.22'],
  ['DepthwiseConv2dNativeBackpropInput', depthwiseBackpropInput, 'missing in wasm 4.22'],
  ['BatchMatMul', batchMatMul, 'transposed operands 7–12× faster; batch ≥ 3 as depthwise conv, 1.5–9×'],
  ['_FusedMatMul', fusedMatMul, 'transposed operands 7–12× faster'],
  ['AvgPoolGrad', avgPoolGrad, 'k×k/k pooling as one broadcast multiply, 3–5× faster'],
  ['Sum', sum, 'float64 accumulation in JS over contiguous axes, no transpose (2–8× faster); else staged float32'],
  ['Mean', mean, 'as Sum (stock adds naively in one float32 accumulator)'],
  ['Identity', identity, 'shares the data (reference count) instead of copying it'],
  ['Slice', slice, 'contiguous block copies; stock is per element (very slow at rank ≥ 5)'],
  ['SplitV', splitV, 'one block-copy Slice per piece (stock calls its per-element slice)'],
  ['Tile', tile, 'block copies instead of per-element indexing'],
  [LINEAR, linearKernel, 'linear layer x·W + b: bias rows, then sgemm with β = 1 on native-blas (plain ops: product, broadcast Add)'],
  ['Equal', equal, 'broadcast operands by strides (stock: a per-element index path, 20× a Sub)'],
  ['UnsortedSegmentSum', unsortedSegmentSum, 'missing in wasm 4.22 (tf.gather gradient)'],
  [CHANNEL_NORM, channelNorm, 'LayerNorm over the last axis per row, WebAssembly SIMD on the heap (plain ops: ~9 kernels)'],
  [CHANNEL_NORM_GRAD, channelNormGrad, 'its gradient in one pass per row (plain ops: ~15 kernels)'],
  [TOKEN_TAPS, tokenTaps, "tokenConv's shift, sum, bias and transpose in one pass (plain ops: 7 kernels)"],
  [TOKEN_TAPS_GRAD, tokenTapsGrad, 'its gradient in one pass (plain ops: ~8 kernels)'],
];

let registered: string[] | null = null;

/**
 * Register every kernel of `WASM_KERNELS` (or only those in `only`) for wasm, unless already done;
 * returns the names registered.
 */
export function registerWasmKernels(only?: readonly string[]): string[] {
  if (registered) return registered;
  for (const [name, fn] of WASM_KERNELS) if (!only || only.includes(name)) registerWasm(name, fn);
  registered = WASM_KERNELS.map(([name]) => name).filter((name) => !only || only.includes(name));
  return registered;
}

/** Names registered so far (empty until `registerWasmKernels` ran). */
export function registeredWasmKernels(): string[] {
  return registered ? [...registered] : [];
}

/**
 * Register (`on`) or remove (`off`: the stock kernel back, or none) the project kernels `names` of
 * `WASM_KERNELS`, for benchmarks and tests that compare with and without them. Registering a kernel over itself
 * would capture it as the "stock" one (util.ts), so a kernel already in place is left alone.
 */
export function toggleWasmKernels(names: readonly string[], on: boolean): void {
  for (const name of names) {
    const entry = WASM_KERNELS.find(([n]) => n === name);
    if (!entry) throw new Error(`cfcml backend: no project kernel ${name}`);
    const now = tf.getKernel(name, 'wasm')?.kernelFunc as unknown;
    if (on && now !== entry[1]) registerWasm(name, entry[1]);
    if (!on && now === entry[1]) restoreStock(name);
  }
}

/** Put the stock wasm kernels back (benchmarks comparing against stock wasm; some ops then fail). */
export function unregisterWasmKernels(): void {
  for (const name of registered ?? []) restoreStock(name);
  registered = null;
}
