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

/** Run the stock wasm kernel `name` (or whatever is registered now if it was never overridden). */
export function run(
  name: string,
  backend: WasmBackend,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Attrs = {},
): tf.TensorInfo {
  let k = stock.get(name);
  if (!k) {
    const reg = tf.getKernel(name, 'wasm');
    if (!reg) throw new Error(`cfcml backend: wasm kernel ${name} is not registered`);
    k = reg.kernelFunc as unknown as Kernel;
  }
  const out = k({ inputs, backend, attrs });
  return Array.isArray(out) ? out[0] : out;
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
