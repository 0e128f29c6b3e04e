/**
 * The model's linear layers, y = op(a)·op(b) + bias (`linear` in lib/model/layers.ts: x·W + b, the bias per column;
 * the image compression's transposed projection Wᵀ·Fᵀ + b, the bias per row), as one kernel on the wasm backend,
 * with its gradient as one registered gradient (two products and the bias's sum).
 *
 * With plain ops the bias is a second kernel, a broadcast Add of [M, N] and the bias (about 2.4 ns an element in
 * XNNPACK), and autodiff adds Reshapes and the Add's own gradient. Here, on the native-blas path, the output is first
 * filled with the bias and the product accumulated onto it by sgemm with β = 1; on the wasm path the kernel runs the
 * product and the stock Add, the plain ops' own kernels (the same bits as plain ops there). The gradient is what
 * autodiff gives the plain ops, in the same kernels: the products of tfjs's BatchMatMul gradient and the bias's sum
 * over the rows (per column) or over the columns (per row).
 *
 * Rounding on native-blas: sgemm with β = 1 adds its float32 accumulator to C once, C + Σ, which is the plain ops'
 * Add of the rounded product while OpenBLAS keeps a dot product in one accumulator: bit for bit the same on the
 * model's layers (inner dimension ≤ 192 here), not for long ones (512: K is then blocked and C is added to in the
 * middle; within float32 rounding of the plain ops).
 *
 * On a backend without the kernel (`cpu`, `tensorflow`) `fusedLinear` returns null and the caller uses the plain ops.
 */
import * as tf from '@tensorflow/tfjs';
import { blas, heapGemm } from '../blas';
import { computePath } from '../path';
import { nativeMatMulOptions } from './nativeMatMul';
import { free, KernelArgs, run, runRegistered, view } from './util';

/** Kernel name (this project's own; no stock kernel has it). */
export const LINEAR = 'CfcmlLinear';

export interface LinearAttrs {
  transposeA: boolean;
  transposeB: boolean;
  /** The bias is one value per output column ([N]) or per output row ([M]). */
  biasPerRow: boolean;
}

/** inputs a [M, K] (or [K, M]), b [K, N] (or [N, K]), bias [N] (or [M] per row) → [M, N]. */
export function linearKernel({ inputs, backend, attrs = {} }: KernelArgs): tf.TensorInfo {
  const { a, b, bias } = inputs;
  const { transposeA, transposeB, biasPerRow } = attrs as unknown as LinearAttrs;
  const M = transposeA ? a.shape[1] : a.shape[0];
  const K = transposeA ? a.shape[0] : a.shape[1];
  const N = transposeB ? b.shape[0] : b.shape[1];
  const lib = computePath().path === 'native-blas' ? blas() : null;
  if (!lib || a.dtype !== 'float32' || b.dtype !== 'float32' || K === 0) {
    const product = runRegistered('BatchMatMul', backend, { a, b }, { transposeA, transposeB });
    const y = run('Add', backend, { a: product, b: biasPerRow ? view(bias, [M, 1]) : bias });
    free(backend, product);
    return y;
  }
  const out = backend.makeOutput([M, N], 'float32');
  if (M * N === 0) return out;
  // Views after makeOutput: the allocation may have grown (and detached) the heap.
  const C = backend.typedArrayFromHeap(out) as Float32Array;
  const v = backend.typedArrayFromHeap(bias) as Float32Array;
  if (biasPerRow) for (let m = 0; m < M; m++) C.fill(v[m], m * N, (m + 1) * N);
  else {
    C.set(v, 0);
    // The bias rows by doubling copies within the output.
    for (let have = 1; have < M; have *= 2) C.copyWithin(have * N, 0, Math.min(have, M - have) * N);
  }
  const gemm = heapGemm(lib, backend.typedArrayFromHeap(a) as Float32Array, backend.typedArrayFromHeap(b) as Float32Array, C, nativeMatMulOptions.byAddress);
  gemm(transposeA, transposeB, M, N, K, 0, transposeA ? M : K, 0, transposeB ? K : N, 1, 0, N);
  return out;
}

tf.registerGradient({
  kernelName: LINEAR,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const g = dy as tf.Tensor2D;
    const [a, b] = saved as tf.Tensor2D[];
    const { transposeA, transposeB, biasPerRow } = attrs as unknown as LinearAttrs;
    // As tfjs's BatchMatMul gradient, case by case.
    const da = () =>
      !transposeA ? tf.matMul(g, b, false, !transposeB) : !transposeB ? tf.matMul(b, g, false, true) : tf.matMul(b, g, true, true);
    const db = () =>
      !transposeB ? tf.matMul(a, g, !transposeA, false) : !transposeA ? tf.matMul(g, a, true, false) : tf.matMul(g, a, true, true);
    return { a: da, b: db, bias: () => tf.sum(g, biasPerRow ? 1 : 0) };
  },
});

/**
 * op(a)·op(b) + bias by the kernel where the active backend has it; null otherwise (the caller then uses plain ops).
 * `bias` is [N] (per column) or, with `biasPerRow`, [M].
 */
export function fusedLinear(a: tf.Tensor2D, b: tf.Tensor, bias: tf.Tensor, opts: Partial<LinearAttrs> = {}): tf.Tensor2D | null {
  if (!tf.getKernel(LINEAR, tf.getBackend())) return null;
  const attrs: LinearAttrs = { transposeA: false, transposeB: false, biasPerRow: false, ...opts };
  return tf.engine().runKernel(LINEAR, { a, b, bias }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor2D;
}
