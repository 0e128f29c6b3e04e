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
export type KernelArgs = {
    inputs: Record<string, tf.TensorInfo>;
    backend: WasmBackend;
    attrs?: Attrs;
};
export type Kernel = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];
/** Remember the stock wasm kernel `name` (call before unregistering it). */
export declare function captureStock(name: string): void;
/** Run the stock wasm kernel `name` (or whatever is registered now if it was never overridden). */
export declare function run(name: string, backend: WasmBackend, inputs: Record<string, tf.TensorInfo>, attrs?: Attrs): tf.TensorInfo;
/**
 * Run whatever kernel is registered for `name` now (the compute path's, lib/backend/path.ts: native BLAS or
 * XNNPACK), not the stock one. For the products and convolutions inside a composite kernel.
 */
export declare function runRegistered(name: string, backend: WasmBackend, inputs: Record<string, tf.TensorInfo>, attrs?: Attrs): tf.TensorInfo;
/** Whether conv `dilations` (a number or [h, w]) are all 1. */
export declare function unitDilations(d: number | number[] | undefined): boolean;
/** Free an intermediate made by `run` (or by `backend.makeOutput`). */
export declare function free(backend: WasmBackend, ...infos: tf.TensorInfo[]): void;
/** The same data seen with another shape (a reshape that costs nothing; see the file comment). */
export declare function view(t: tf.TensorInfo, shape: number[]): tf.TensorInfo;
export declare function transpose(backend: WasmBackend, x: tf.TensorInfo, perm: number[]): tf.TensorInfo;
export declare function size(shape: readonly number[]): number;
/** Put back the stock wasm kernel `name` (or none, if wasm had none). */
export declare function restoreStock(kernelName: string): void;
/** Register `kernelFunc` for wasm under `kernelName`, replacing (and capturing) any stock kernel. */
export declare function registerWasm(kernelName: string, kernelFunc: Kernel): void;
/**
 * x padded with zeros by `pads[i] = [before, after]` on each axis, where a negative amount crops
 * instead. Returns x itself (not to be freed) when every amount is 0.
 */
export declare function padOrCrop(backend: WasmBackend, x: tf.TensorInfo, pads: [number, number][]): tf.TensorInfo;
/**
 * dy [B, O1, …, Ok, C] with s_i − 1 zeros after each element along spatial axis i (a "dilated"
 * gradient, length O_i·s_i). One axis at a time, dy is viewed as [before, O_i, 1, after] and the unit
 * axis padded to s_i (XNNPACK's pad takes at most 6 dimensions, so not all axes at once).
 * Returns dy itself (not to be freed) when every stride is 1.
 */
export declare function insertZeros(backend: WasmBackend, dy: tf.TensorInfo, strides: number[]): tf.TensorInfo;
