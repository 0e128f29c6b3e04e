/**
 * BatchMatMul and _FusedMatMul on the wasm backend computed by the system BLAS (lib/backend/blas.ts):
 * `cblas_sgemm` reads the operands from, and writes the product into, the wasm heap in place. Transposed
 * operands are BLAS flags (no Transpose op).
 *
 * A batched product is one sgemm per batch entry, except where B is shared by every entry and A is not transposed:
 * then the entries of A are the row blocks of one [batch·M, K] matrix and the product is one sgemm. The attention's
 * per-head products are many tiny sgemm calls ([16, 24] · [24, 16] and the like, 96–128 a product) whose cost is the
 * call itself, so the operands are passed as heap addresses (`heapGemm`), not as typed-array views.
 *
 * The heap can grow (and detach earlier views) whenever the backend allocates, so the views and addresses are taken
 * after the output is allocated, on every call.
 *
 * What this kernel does not cover falls through to the wasm kernel (lib/backend/kernels/batchMatMul.ts):
 * non-float32 operands, batch shapes that broadcast other than "equal or one of them 1", and fused
 * activations other than linear.
 */
import * as tf from '@tensorflow/tfjs';
import { heapGemm, type Blas } from '../blas';
import { batchMatMul, fusedMatMul } from './batchMatMul';
import { free, KernelArgs, run, size } from './util';

/**
 * How the native products are called (measured in bench/matmul.ts, docs/PERFORMANCE.md); mutable so that the bench
 * can time the kernel without each: `byAddress` passes heap addresses instead of views (same calls, same bits),
 * `foldBatch` makes a product with a shared B one sgemm (M = batch·m).
 */
export const nativeMatMulOptions = { byAddress: true, foldBatch: true };

/**
 * C[b] = op(A[b]) · op(B[b]) for every batch entry, into a new heap tensor; null where not covered.
 * `a`: [..., M, K] (or [..., K, M] transposed), `b`: [..., K, N] (or [..., N, K]).
 */
function product(args: KernelArgs, lib: Blas): tf.TensorInfo | null {
  const { inputs, backend, attrs = {} } = args;
  const { a, b } = inputs;
  const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  const ra = a.shape.length;
  const rb = b.shape.length;
  const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
  const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  const kb = transposeB ? b.shape[rb - 1] : b.shape[rb - 2];
  if (k !== kb) return null; // let the wasm kernel raise tfjs's own error
  const batchShapeA = a.shape.slice(0, ra - 2);
  const batchShapeB = b.shape.slice(0, rb - 2);
  const batchA = size(batchShapeA);
  const batchB = size(batchShapeB);
  if (batchA !== batchB && batchA !== 1 && batchB !== 1) return null;
  const batchShape = tf.backend_util.assertAndGetBroadcastShape(batchShapeA, batchShapeB);
  const batch = Math.max(batchA, batchB);
  // Equal batch shapes (up to leading ones), or one operand shared by every entry: entry i is at i·stride.
  if (size(batchShape) !== batch) return null;
  const out = backend.makeOutput([...batchShape, m, n], 'float32');
  if (m * n === 0) return out;
  // Views after makeOutput: the allocation may have grown (and detached) the heap.
  const A = backend.typedArrayFromHeap(a) as Float32Array;
  const B = backend.typedArrayFromHeap(b) as Float32Array;
  const C = backend.typedArrayFromHeap(out) as Float32Array;
  if (k === 0) {
    C.fill(0);
    return out;
  }
  const gemm = heapGemm(lib, A, B, C, nativeMatMulOptions.byAddress);
  const lda = transposeA ? m : k;
  const ldb = transposeB ? k : n;
  if (batch === 1 || (batchB === 1 && !transposeA && nativeMatMulOptions.foldBatch)) {
    gemm(transposeA, transposeB, batch * m, n, k, 0, lda, 0, ldb, 0, 0, n);
    return out;
  }
  const sa = batchA === 1 ? 0 : m * k;
  const sb = batchB === 1 ? 0 : k * n;
  for (let i = 0; i < batch; i++) gemm(transposeA, transposeB, m, n, k, i * sa, lda, i * sb, ldb, 0, i * m * n, n);
  return out;
}

/** BatchMatMul through `sgemm` (else the wasm kernel). */
export function nativeBatchMatMul(lib: Blas) {
  return function batchMatMulBlas(args: KernelArgs): tf.TensorInfo {
    return product(args, lib) ?? batchMatMul(args);
  };
}

/** _FusedMatMul through `sgemm`, the bias added by the stock Add (else the wasm kernel). */
export function nativeFusedMatMul(lib: Blas) {
  return function fusedMatMulBlas(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { activation } = attrs as { activation?: string };
    if ((activation && activation !== 'linear') || inputs.preluActivationWeights) return fusedMatMul(args);
    const c = product({ backend, attrs, inputs: { a: inputs.a, b: inputs.b } }, lib);
    if (!c) return fusedMatMul(args);
    if (!inputs.bias) return c;
    const withBias = run('Add', backend, { a: c, b: inputs.bias });
    free(backend, c);
    return withBias;
  };
}
