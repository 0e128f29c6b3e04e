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
import { KernelArgs } from './util';
export declare const KERNEL_NAMES: readonly ["Sum", "Mean"];
/**
 * If `axes` (sorted, distinct) are contiguous in `shape`, x as [outer, n, inner] with n the reduced
 * length; otherwise null.
 */
export declare function contiguousSplit(shape: readonly number[], axes: readonly number[]): {
    outer: number;
    n: number;
    inner: number;
} | null;
export declare const sum: (args: KernelArgs) => tf.TensorInfo;
export declare const mean: (args: KernelArgs) => tf.TensorInfo;
