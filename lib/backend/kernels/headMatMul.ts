/**
 * The attention's per-head products without the head Transposes, on the native-blas path (one sgemm per batch entry
 * and head, lib/backend/blas.ts `heapGemm`).
 *
 * Multi-head attention splits the width D of its projections [B, L, D] into h heads of width D/h. With plain ops each
 * projection is transposed to [B, h, L, D/h] before the per-head BatchMatMul, and the mixed heads transposed back
 * (eight Transposes per attention forward and backward). Here an operand or the output may stay in the projections'
 * layout, **cols** [B, R, h·c]: head j's matrix is R × c at column j·c, read or written with leading dimension h·c,
 * which the BLAS takes as it is. The other layout, **blocks** [B, h, R, c], is the per-head one (the scores and the
 * softmax weights). `CfcmlHeadMatMul` computes, for every batch entry b and head j,
 *
 *   C[b, j] = op(A[b, j]) · op(B[b, j])        op = transpose where `transposeA` / `transposeB`
 *
 * with A, B and C each in either layout (attrs `aCols`, `bCols`, `outCols`); its gradients are the same kernel with
 * other flags and layouts. The sums are the same sgemm products as the plain ops' BatchMatMul on the transposed
 * tensors, only with other strides.
 *
 * The kernel is registered on the native-blas path only (lib/backend/path.ts); elsewhere `headMatMul` returns null
 * and the model keeps its plain ops (so the wasm path's bits do not change).
 */
import * as tf from '@tensorflow/tfjs';
import { heapGemm, type Blas } from '../blas';
import { KernelArgs } from './util';

/** Kernel name (this project's own). */
export const HEAD_MATMUL = 'CfcmlHeadMatMul';

export interface HeadMatMulAttrs {
  heads: number;
  transposeA: boolean;
  transposeB: boolean;
  /** A in cols layout [B, R, h·c] (else blocks [B, h, R, c]); likewise B and the output. */
  aCols: boolean;
  bCols: boolean;
  outCols: boolean;
}

/** One operand's per-head matrix R × c: where head j of batch entry b starts, and the leading dimension. */
interface Layout {
  R: number;
  c: number;
  at: (b: number, j: number) => number;
  ld: number;
}

function layout(shape: number[], cols: boolean, h: number, what: string): Layout {
  if (shape.length !== (cols ? 3 : 4) || (!cols && shape[1] !== h) || (cols && shape[2] % h !== 0)) {
    throw new Error(`${HEAD_MATMUL}: ${what} [${shape}] is not ${cols ? `[B, R, ${h}·c]` : `[B, ${h}, R, c]`}`);
  }
  const R = cols ? shape[1] : shape[2];
  const c = cols ? shape[2] / h : shape[3];
  return cols ? { R, c, at: (b, j) => b * R * h * c + j * c, ld: h * c } : { R, c, at: (b, j) => (b * h + j) * R * c, ld: c };
}

/** `CfcmlHeadMatMul` on the BLAS (see the file comment). */
export function nativeHeadMatMul(lib: Blas) {
  return function headMatMulBlas({ inputs, backend, attrs = {} }: KernelArgs): tf.TensorInfo {
    const { a, b } = inputs;
    const { heads: h, transposeA, transposeB, aCols, bCols, outCols } = attrs as unknown as HeadMatMulAttrs;
    const A = layout(a.shape, aCols, h, 'a');
    const Bl = layout(b.shape, bCols, h, 'b');
    const batch = a.shape[0];
    const [m, k] = transposeA ? [A.c, A.R] : [A.R, A.c];
    const [kb, n] = transposeB ? [Bl.c, Bl.R] : [Bl.R, Bl.c];
    if (k !== kb || b.shape[0] !== batch) throw new Error(`${HEAD_MATMUL}: a [${a.shape}] and b [${b.shape}] do not multiply (heads ${h})`);
    const out = backend.makeOutput(outCols ? [batch, m, h * n] : [batch, h, m, n], 'float32');
    const C = layout(out.shape, outCols, h, 'out');
    // Views after makeOutput: the allocation may have grown (and detached) the heap.
    const Cv = backend.typedArrayFromHeap(out) as Float32Array;
    if (m * n === 0) return out;
    if (k === 0) {
      Cv.fill(0);
      return out;
    }
    const gemm = heapGemm(lib, backend.typedArrayFromHeap(a) as Float32Array, backend.typedArrayFromHeap(b) as Float32Array, Cv);
    for (let i = 0; i < batch; i++) {
      for (let j = 0; j < h; j++) gemm(transposeA, transposeB, m, n, k, A.at(i, j), A.ld, Bl.at(i, j), Bl.ld, 0, C.at(i, j), C.ld);
    }
    return out;
  };
}

function product(a: tf.Tensor, b: tf.Tensor, attrs: HeadMatMulAttrs): tf.Tensor {
  return tf.engine().runKernel(HEAD_MATMUL, { a, b }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
}

/*
 * Gradients of C = op(A)·op(B), per head, each the kernel again; an operand's gradient takes that operand's layout,
 * dC is in the output's:
 *   C = A B:    dA = dC Bᵀ,    dB = Aᵀ dC          C = A Bᵀ:   dA = dC B,     dB = dCᵀ A
 *   C = Aᵀ B:   dA = B dCᵀ,    dB = A dC           C = Aᵀ Bᵀ:  dA = Bᵀ dCᵀ,   dB = dCᵀ Aᵀ
 */
tf.registerGradient({
  kernelName: HEAD_MATMUL,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const [a, b] = saved;
    const dc = dy as tf.Tensor;
    const { heads, transposeA: ta, transposeB: tb, aCols, bCols, outCols } = attrs as unknown as HeadMatMulAttrs;
    const at = (x: tf.Tensor, y: tf.Tensor, xCols: boolean, yCols: boolean, tx: boolean, ty: boolean, cols: boolean) =>
      product(x, y, { heads, transposeA: tx, transposeB: ty, aCols: xCols, bCols: yCols, outCols: cols });
    const da = () => (ta ? at(b, dc, bCols, outCols, tb, true, aCols) : at(dc, b, outCols, bCols, false, !tb, aCols));
    const db = () => (tb ? at(dc, a, outCols, aCols, true, ta, bCols) : at(a, dc, aCols, outCols, !ta, false, bCols));
    return { a: da, b: db };
  },
});

/**
 * Per-head products C[b, j] = op(A[b, j])·op(B[b, j]) with operands and output in cols or blocks layout (see the file
 * comment), by the kernel where the active backend has it (the native-blas path); null otherwise (the caller then
 * transposes the heads and uses tf.matMul).
 */
export function headMatMul(a: tf.Tensor, b: tf.Tensor, attrs: HeadMatMulAttrs): tf.Tensor | null {
  if (!tf.getKernel(HEAD_MATMUL, tf.getBackend())) return null;
  return product(a, b, attrs);
}
