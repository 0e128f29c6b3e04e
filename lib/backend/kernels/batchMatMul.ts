/**
 * BatchMatMul (and _FusedMatMul) on wasm with transposed operands done as an explicit Transpose
 * followed by a plain product: the stock kernel's transposed path is ≈10× slower
 * ([4096,128]ᵀ × [4096,128]: 125 ms vs 10 ms). Every matmul gradient uses transposed operands.
 *
 * Batched products (attention scores and mixing, batch ≥ 3) go through a depthwise convolution
 * instead, which XNNPACK runs 1.5–9× faster than the stock batched loop; see `batchedAsDepthwise`.
 */
import * as tf from '@tensorflow/tfjs';
import { free, KernelArgs, run, size, transpose, view, WasmBackend } from './util';

export const KERNEL_NAMES = ['BatchMatMul', '_FusedMatMul'] as const;

function swapLastTwo(backend: WasmBackend, x: tf.TensorInfo): tf.TensorInfo {
  const r = x.shape.length;
  const perm = [...Array(r).keys()];
  perm[r - 2] = r - 1;
  perm[r - 1] = r - 2;
  return transpose(backend, x, perm);
}

/**
 * Batched products with at least this many batch entries go through a depthwise convolution. The
 * stock kernel hands only batch-1 products to XNNPACK's GEMM and loops naively otherwise; measured on
 * wasm 4.22 (build/scratch timings, 2-core x86): batch ≥ 3 was 1.5–9× faster as depthwise for every
 * shape tried (M, N 8–1024, K 8–1024), batch 2 with large M·K·N up to 2× slower, so it stays stock.
 */
export const DEPTHWISE_MIN_BATCH = 3;

/**
 * A[b,m,k] × B[b,k,n] as a depthwise convolution: the input is Aᵀ = [1, M, K, batch] (channels =
 * batch), the filter is Bᵀ = [1, K, batch, N] (channel multiplier = N), VALID:
 *   out[0, m, 0, b·N+n] = Σ_j A[b,m,j] · B[b,j,n]
 * and out viewed as [M, batch, N] is transposed back to [batch, M, N].
 */
function batchedAsDepthwise(
  backend: WasmBackend,
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  batch: number,
  m: number,
  k: number,
  n: number,
): tf.TensorInfo {
  const aT = transpose(backend, view(a, [batch, m, k]), [1, 2, 0]); // [M, K, batch]
  const bT = transpose(backend, view(b, [batch, k, n]), [1, 0, 2]); // [K, batch, N]
  const out = run(
    'DepthwiseConv2dNative',
    backend,
    { x: view(aT, [1, m, k, batch]), filter: view(bT, [1, k, batch, n]) },
    { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined },
  ); // [1, M, 1, batch·N]
  const c = transpose(backend, view(out, [m, batch, n]), [1, 0, 2]); // [batch, M, N]
  free(backend, aT, bT, out);
  return c;
}

function makeMatMul(name: 'BatchMatMul' | '_FusedMatMul') {
  return function matMul(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    if (name === 'BatchMatMul' && inputs.a.dtype === 'float32') {
      // k = 0: the stock kernel leaves the output unwritten (whatever the heap held); the product is zeros.
      const sa = inputs.a.shape;
      const sb = inputs.b.shape;
      const k0 = transposeA ? sa[sa.length - 2] : sa[sa.length - 1];
      if (k0 === 0) {
        const m0 = transposeA ? sa[sa.length - 1] : sa[sa.length - 2];
        const n0 = transposeB ? sb[sb.length - 2] : sb[sb.length - 1];
        const batch = tf.backend_util.assertAndGetBroadcastShape(sa.slice(0, -2), sb.slice(0, -2));
        const zeros = backend.makeOutput([...batch, m0, n0], 'float32');
        if (size(zeros.shape) > 0) (backend.typedArrayFromHeap(zeros) as Float32Array).fill(0);
        return zeros;
      }
    }
    const a = transposeA ? swapLastTwo(backend, inputs.a) : inputs.a;
    const b = transposeB ? swapLastTwo(backend, inputs.b) : inputs.b;
    const ra = a.shape.length;
    const rb = b.shape.length;
    const [m, k] = a.shape.slice(ra - 2);
    const n = b.shape[rb - 1];
    const batchA = size(a.shape.slice(0, ra - 2));
    const batchB = size(b.shape.slice(0, rb - 2));
    let out: tf.TensorInfo;
    if (
      name === 'BatchMatMul' &&
      a.dtype === 'float32' &&
      batchA === batchB &&
      batchA >= DEPTHWISE_MIN_BATCH &&
      ra === rb
    ) {
      const c = batchedAsDepthwise(backend, a, b, batchA, m, k, n);
      out = view(c, [...a.shape.slice(0, ra - 2), m, n]);
    } else {
      out = run(name, backend, { ...inputs, a, b }, { ...attrs, transposeA: false, transposeB: false });
    }
    if (transposeA) free(backend, a);
    if (transposeB) free(backend, b);
    return out;
  };
}

export const batchMatMul = makeMatMul('BatchMatMul');
export const fusedMatMul = makeMatMul('_FusedMatMul');
