/**
 * The model's linear layer y = x·W + b (`linear`, lib/model/layers.ts) as one kernel on the wasm backend, with its
 * gradient as one registered gradient (two products and the bias's column sum).
 *
 * With plain ops the bias is a second kernel, a broadcast Add of [rows, out] and [out] (about 2.4 ns an element in
 * XNNPACK, a tenth of a Derm7pt step's elementwise time), and autodiff adds a Reshape and the Add's own gradient.
 * Here, on the native-blas path, the output is first filled with the bias rows and the product accumulated onto it
 * by sgemm with β = 1; on the wasm path the kernel runs the product and the stock Add, the plain ops' own kernels
 * (the same bits as plain ops there). The gradient is what autodiff gives the plain ops, in the same kernels:
 * dx = dy·Wᵀ, dW = xᵀ·dy, db = Σ_rows dy.
 *
 * Rounding on native-blas: sgemm with β = 1 adds its float32 accumulator to C once, C + Σ, which is the plain ops'
 * Add of the rounded product while OpenBLAS keeps a dot product in one accumulator: bit for bit the same on the
 * model's layers (in ≤ 192 here), not for long ones (in = 512: K is then blocked and C is added to in the middle;
 * within float32 rounding of the plain ops).
 *
 * On a backend without the kernel (`cpu`, `tensorflow`) `fusedLinear` returns null and the caller uses the plain ops.
 */
import * as tf from '@tensorflow/tfjs';
import { blas, heapGemm } from '../blas';
import { computePath } from '../path';
import { nativeMatMulOptions } from './nativeMatMul';
import { free, KernelArgs, run, runRegistered } from './util';

/** Kernel name (this project's own; no stock kernel has it). */
export const LINEAR = 'CfcmlLinear';

/** inputs x [R, in], w [in, out], b [out] → [R, out]. */
export function linearKernel({ inputs, backend }: KernelArgs): tf.TensorInfo {
  const { x, w, b } = inputs;
  const [R, K] = x.shape;
  const N = w.shape[1];
  const lib = computePath().path === 'native-blas' ? blas() : null;
  if (!lib || x.dtype !== 'float32' || w.dtype !== 'float32' || K === 0) {
    const product = runRegistered('BatchMatMul', backend, { a: x, b: w }, { transposeA: false, transposeB: false });
    const y = run('Add', backend, { a: product, b });
    free(backend, product);
    return y;
  }
  const out = backend.makeOutput([R, N], 'float32');
  if (R * N === 0) return out;
  // Views after makeOutput: the allocation may have grown (and detached) the heap.
  const C = backend.typedArrayFromHeap(out) as Float32Array;
  const bias = backend.typedArrayFromHeap(b) as Float32Array;
  C.set(bias, 0);
  // The bias rows by doubling copies within the output.
  for (let have = 1; have < R; have *= 2) C.copyWithin(have * N, 0, Math.min(have, R - have) * N);
  const gemm = heapGemm(lib, backend.typedArrayFromHeap(x) as Float32Array, backend.typedArrayFromHeap(w) as Float32Array, C, nativeMatMulOptions.byAddress);
  gemm(false, false, R, N, K, 0, K, 0, N, 1, 0, N);
  return out;
}

tf.registerGradient({
  kernelName: LINEAR,
  inputsToSave: ['x', 'w'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
    const g = dy as tf.Tensor2D;
    const [x, w] = saved as tf.Tensor2D[];
    return {
      x: () => tf.matMul(g, w, false, true),
      w: () => tf.matMul(x, g, true, false),
      b: () => tf.sum(g, 0),
    };
  },
});

/** x [R, in] · w [in, out] + b [out] by the kernel where the active backend has it; null otherwise. */
export function fusedLinear(x: tf.Tensor2D, w: tf.Tensor, b: tf.Tensor): tf.Tensor2D | null {
  if (!tf.getKernel(LINEAR, tf.getBackend())) return null;
  return tf.engine().runKernel(LINEAR, { x, w, b }) as tf.Tensor2D;
}
