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

/**
 * Σ_j x[o, j, i] for x viewed as [outer, n, inner], float64 accumulators, times `scale`. Returns [outer·inner].
 *
 * Each output is one float64 chain over j in order (so the bits do not depend on the loop layout below); what the
 * layout changes is speed. A chain is bound by the add's latency, so several independent chains run at once:
 * four rows at a time when a row is reduced (inner = 1), eight columns at a time, held in locals, when leading
 * axes are (the bias gradients: [rows, C] → [C]); a Float64Array accumulator per column costs a load and a store
 * per add.
 */
export function contiguousSum(src: Float32Array, outer: number, n: number, inner: number, scale: number, dst: Float32Array): void {
  if (inner === 1) {
    let o = 0;
    for (; o + 4 <= outer; o += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      const b0 = o * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        a0 += src[b0 + j];
        a1 += src[b1 + j];
        a2 += src[b2 + j];
        a3 += src[b3 + j];
      }
      dst[o] = a0 * scale;
      dst[o + 1] = a1 * scale;
      dst[o + 2] = a2 * scale;
      dst[o + 3] = a3 * scale;
    }
    for (; o < outer; o++) {
      let acc = 0;
      const base = o * n;
      for (let j = 0; j < n; j++) acc += src[base + j];
      dst[o] = acc * scale;
    }
    return;
  }
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    let i = 0;
    for (; i + 8 <= inner; i += 8) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      let a7 = 0;
      for (let j = 0, r = base + i; j < n; j++, r += inner) {
        a0 += src[r];
        a1 += src[r + 1];
        a2 += src[r + 2];
        a3 += src[r + 3];
        a4 += src[r + 4];
        a5 += src[r + 5];
        a6 += src[r + 6];
        a7 += src[r + 7];
      }
      const d = o * inner + i;
      dst[d] = a0 * scale;
      dst[d + 1] = a1 * scale;
      dst[d + 2] = a2 * scale;
      dst[d + 3] = a3 * scale;
      dst[d + 4] = a4 * scale;
      dst[d + 5] = a5 * scale;
      dst[d + 6] = a6 * scale;
      dst[d + 7] = a7 * scale;
    }
    for (; i < inner; i++) {
      let acc = 0;
      for (let j = 0, r = base + i; j < n; j++, r += inner) acc += src[r];
      dst[o * inner + i] = acc * scale;
    }
  }
}

/** The loop the kernel sums with (bench/elementwise.ts swaps in the earlier one to time the change). */
export const reduceLoop = { contiguousSum };

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
    if (split) {
      const out = backend.makeOutput([split.outer * split.inner], 'float32');
      // Views of the heap only after the allocation: makeOutput may grow the heap and detach older views.
      const dst = backend.typedArrayFromHeap(out) as Float32Array;
      reduceLoop.contiguousSum(backend.typedArrayFromHeap(x) as Float32Array, split.outer, split.n, split.inner, name === 'Mean' ? 1 / n : 1, dst);
      return view(out, shape);
    }
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
