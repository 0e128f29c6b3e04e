/**
 * Plumbing shared by this project's wasm kernels: calling the backend's own kernels from inside a
 * kernel, and freeing intermediates.
 *
 * Inside a kernelFunc we work on `TensorInfo`s ({dataId, shape, dtype}), never on `tf.Tensor`s: an
 * intermediate made by a wasm kernel has refCount 1 and must be freed with `free()`. A reshape is a
 * plain `view()` of the same dataId (no kernel call, no refcount), so it must never be freed or
 * returned unless it views an intermediate whose ownership is handed to the caller.
 */
import * as tf from '@tensorflow/tfjs';

/** The few members of `BackendWasm` the kernels use (kept structural so no deep import is needed). */
export interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: object, force?: boolean): boolean;
  incRef(dataId: object): void;
}

export type Attrs = Record<string, unknown>;
export type KernelArgs = { inputs: Record<string, tf.TensorInfo>; backend: WasmBackend; attrs?: Attrs };
export type Kernel = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

/**
 * The stock wasm kernels, captured before this project overrides any of them, so that an override can
 * still fall through to the original (e.g. plain BatchMatMul inside the transposed BatchMatMul).
 */
const stock = new Map<string, Kernel>();

/** Remember the stock wasm kernel `name` (call before unregistering it). */
export function captureStock(name: string): void {
  if (stock.has(name)) return;
  const k = tf.getKernel(name, 'wasm');
  if (k) stock.set(name, k.kernelFunc as unknown as Kernel);
}

/** The kernel registered for `name` on wasm now. */
function registered(name: string): Kernel {
  const reg = tf.getKernel(name, 'wasm');
  if (!reg) throw new Error(`cfcml backend: wasm kernel ${name} is not registered`);
  return reg.kernelFunc as unknown as Kernel;
}

function call(k: Kernel, backend: WasmBackend, inputs: Record<string, tf.TensorInfo>, attrs: Attrs): tf.TensorInfo {
  const out = k({ inputs, backend, attrs });
  return Array.isArray(out) ? out[0] : out;
}

/** Run the stock wasm kernel `name` (or whatever is registered now if it was never overridden). */
export function run(name: string, backend: WasmBackend, inputs: Record<string, tf.TensorInfo>, attrs: Attrs = {}): tf.TensorInfo {
  return call(stock.get(name) ?? registered(name), backend, inputs, attrs);
}

/**
 * Run whatever kernel is registered for `name` now (the compute path's, lib/backend/path.ts: native BLAS or
 * XNNPACK), not the stock one. For the products and convolutions inside a composite kernel.
 */
export function runRegistered(name: string, backend: WasmBackend, inputs: Record<string, tf.TensorInfo>, attrs: Attrs = {}): tf.TensorInfo {
  return call(registered(name), backend, inputs, attrs);
}

/** Whether conv `dilations` (a number or [h, w]) are all 1. */
export function unitDilations(d: number | number[] | undefined): boolean {
  return d === undefined || d === 1 || (Array.isArray(d) && d.every((x) => x === 1));
}

/** Free an intermediate made by `run` (or by `backend.makeOutput`). */
export function free(backend: WasmBackend, ...infos: tf.TensorInfo[]): void {
  for (const t of infos) backend.disposeData(t.dataId);
}

/** The same data seen with another shape (a reshape that costs nothing; see the file comment). */
export function view(t: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: t.dataId, shape, dtype: t.dtype };
}

export function transpose(backend: WasmBackend, x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
  return run('Transpose', backend, { x }, { perm });
}

const scratchBuffers: Float32Array[] = [];

/**
 * JS scratch buffer number `slot` of at least n floats, for im2col-style intermediates that only the BLAS reads
 * (grown, never shrunk: the same shapes repeat every step). A kernel uses distinct slots for buffers alive at once.
 */
export function scratch(slot: number, n: number): Float32Array {
  const have = scratchBuffers[slot] as Float32Array | undefined;
  if (!have || have.length < n) scratchBuffers[slot] = new Float32Array(n);
  return scratchBuffers[slot].subarray(0, n);
}

export function size(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Put back the stock wasm kernel `name` (or none, if wasm had none). */
export function restoreStock(kernelName: string): void {
  if (tf.getKernel(kernelName, 'wasm')) tf.unregisterKernel(kernelName, 'wasm');
  const k = stock.get(kernelName);
  if (k) tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: k as unknown as tf.KernelFunc });
}

/** Register `kernelFunc` for wasm under `kernelName`, replacing (and capturing) any stock kernel. */
export function registerWasm(kernelName: string, kernelFunc: Kernel): void {
  captureStock(kernelName);
  if (tf.getKernel(kernelName, 'wasm')) tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
}

/**
 * x padded with zeros by `pads[i] = [before, after]` on each axis, where a negative amount crops
 * instead. Returns x itself (not to be freed) when every amount is 0.
 */
export function padOrCrop(backend: WasmBackend, x: tf.TensorInfo, pads: [number, number][]): tf.TensorInfo {
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
    if (cur !== x) free(backend, cur);
    cur = padded;
  }
  return cur;
}

/**
 * dy [B, O1, …, Ok, C] with s_i − 1 zeros after each element along spatial axis i (a "dilated"
 * gradient, length O_i·s_i). One axis at a time, dy is viewed as [before, O_i, 1, after] and the unit
 * axis padded to s_i (XNNPACK's pad takes at most 6 dimensions, so not all axes at once).
 * Returns dy itself (not to be freed) when every stride is 1.
 */
export function insertZeros(backend: WasmBackend, dy: tf.TensorInfo, strides: number[]): tf.TensorInfo {
  let cur = dy;
  strides.forEach((st, i) => {
    if (st === 1) return;
    const shape = cur.shape;
    const before = size(shape.slice(0, i + 1));
    const o = shape[i + 1];
    const after = size(shape.slice(i + 2));
    const padded = run('PadV2', backend, { x: view(cur, [before, o, 1, after]) }, {
      paddings: [[0, 0], [0, 0], [0, st - 1], [0, 0]],
      constantValue: 0,
    });
    if (cur !== dy) free(backend, cur);
    const next = [...shape];
    next[i + 1] = o * st;
    cur = view(padded, next);
  });
  return cur;
}
