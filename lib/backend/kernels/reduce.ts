/**
 * Sum and Mean on wasm: summed in JavaScript with float64 accumulators, straight from the wasm heap, when
 * the reduced axes are contiguous (the bias and batch-norm gradients reduce leading axes, layer norms the
 * last one); otherwise reduced in float32 stages. History and why below.
 *
 * JavaScript path (`contiguousSum`): x viewed as [outer, n, inner] → [outer, inner]. No transpose, no
 * staging, error ≈ ε_float32 of the result. The stock kernel transposes a leading-axis reduction to make it
 * innermost first: in the profile of a Derm7pt training step, Sum of [8192, 64] over axis 0 took 8.9 ms a
 * call; V8's loop over the same 524,288 values takes well under 1 ms.
 *
 * Staged float32 path (non-contiguous axes), the first fix:
 *
 * The stock kernels add every element into one float32 accumulator: the mean of 393,216 values near
 * 100.5 came out 100.213, and batch-norm gradients were off by up to 4e-3 relative. Here the reduced
 * axis (length n) is cut into chunks of c ≈ 64–1024 values, each chunk summed by the stock kernel,
 * and the chunk sums reduced again the same way until one value is left — a c-ary tree whose error
 * grows like c·log_c(n)·ε instead of n·ε (PyTorch and NumPy use a similar cascade).
 *
 * Porting note: a product with a ones vector (1ᵀ·x) looks 4–25× faster for leading-axis sums in a
 * micro-benchmark, but only because XNNPACK caches the packed "weights" (x) by tensor id; with fresh
 * data every call it packs x each time and the training step got 2× slower. Not used.
 */
import * as tf from '@tensorflow/tfjs';
import { free, KernelArgs, run, size, transpose, view, WasmBackend } from './util';

export const KERNEL_NAMES = ['Sum', 'Mean'] as const;

/** Reduced lengths up to this are summed in one stage (error ≤ 1024·ε ≈ 6e-5 worst case, far less typically). */
const ONE_STAGE_MAX = 1024;

/** A chunk length that divides n (so no padding copy is needed), or 256 with padding. */
function chunkFor(n: number): number {
  for (let c = 1024; c >= 64; c--) if (n % c === 0) return c;
  return 256;
}

/** Σ over the last axis of x viewed as [outer, n] → [outer], in stages. Returns a fresh tensor. */
function stagedRowSum(backend: WasmBackend, x: tf.TensorInfo, outer: number, n: number): tf.TensorInfo {
  let cur = view(x, [outer, n]);
  let owned = false;
  while (n > ONE_STAGE_MAX) {
    const c = chunkFor(n);
    const chunks = Math.ceil(n / c);
    let src = cur;
    if (chunks * c !== n) {
      src = run('PadV2', backend, { x: cur }, { paddings: [[0, 0], [0, chunks * c - n]], constantValue: 0 });
    }
    const partial = run('Sum', backend, { x: view(src, [outer * chunks, c]) }, { axis: [1], keepDims: false });
    if (src !== cur) free(backend, src);
    if (owned) free(backend, cur);
    cur = view(partial, [outer, chunks]);
    owned = true;
    n = chunks;
  }
  const out = run('Sum', backend, { x: cur }, { axis: [1], keepDims: false });
  if (owned) free(backend, cur);
  return out;
}

/**
 * If `axes` (sorted, distinct) are contiguous in `shape`, x as [outer, n, inner] with n the reduced
 * length; otherwise null.
 */
export function contiguousSplit(shape: readonly number[], axes: readonly number[]): { outer: number; n: number; inner: number } | null {
  if (axes.length === 0) return null;
  for (let i = 1; i < axes.length; i++) if (axes[i] !== axes[i - 1] + 1) return null;
  const first = axes[0];
  const last = axes[axes.length - 1];
  return { outer: size(shape.slice(0, first)), n: size(shape.slice(first, last + 1)), inner: size(shape.slice(last + 1)) };
}

/** Σ_j x[o, j, i] for x viewed as [outer, n, inner], float64 accumulators, times `scale`. Returns [outer·inner]. */
function contiguousSum(backend: WasmBackend, x: tf.TensorInfo, outer: number, n: number, inner: number, scale: number): tf.TensorInfo {
  const out = backend.makeOutput([outer * inner], 'float32');
  // Views of the heap only after the allocation: makeOutput may grow the heap and detach older views.
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  const src = backend.typedArrayFromHeap(x) as Float32Array;
  if (inner === 1) {
    for (let o = 0; o < outer; o++) {
      let acc = 0;
      const base = o * n;
      for (let j = 0; j < n; j++) acc += src[base + j];
      dst[o] = acc * scale;
    }
    return out;
  }
  const acc = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    acc.fill(0);
    let row = o * n * inner;
    for (let j = 0; j < n; j++, row += inner) for (let i = 0; i < inner; i++) acc[i] += src[row + i];
    const base = o * inner;
    for (let i = 0; i < inner; i++) dst[base + i] = acc[i] * scale;
  }
  return out;
}

function makeReduce(name: 'Sum' | 'Mean') {
  return function reduce(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { x } = inputs;
    const { axis, keepDims } = attrs as { axis: number | number[]; keepDims: boolean };
    const axes = tf.util.parseAxisParam(axis, x.shape);
    const [outShape, reduceShape] = tf.backend_util.computeOutAndReduceShapes(x.shape, axes.length ? axes : []);
    const n = size(reduceShape);
    if (x.dtype !== 'float32' || size(x.shape) === 0) return run(name, backend, inputs, attrs);
    const shape = keepDims ? tf.backend_util.expandShapeToKeepDim(outShape, axes) : outShape;
    const split = contiguousSplit(x.shape, [...axes].sort((a, b) => a - b));
    if (split) return view(contiguousSum(backend, x, split.outer, split.n, split.inner, name === 'Mean' ? 1 / n : 1), shape);
    if (n <= ONE_STAGE_MAX) return run(name, backend, inputs, attrs);

    const outer = size(outShape);
    // Bring the reduced axes innermost (a no-op when they already are).
    const perm = tf.backend_util.getAxesPermutation(axes, x.shape.length);
    const xt = perm ? transpose(backend, x, perm) : x;
    let out = stagedRowSum(backend, xt, outer, n);
    if (perm) free(backend, xt);

    if (name === 'Mean') {
      const scale = backend.makeOutput([], 'float32');
      (backend.typedArrayFromHeap(scale) as Float32Array)[0] = 1 / n;
      const mean = run('Multiply', backend, { a: out, b: scale });
      free(backend, out, scale);
      out = mean;
    }
    return view(out, shape);
  };
}

export const sum = makeReduce('Sum');
export const mean = makeReduce('Mean');
