/**
 * BatchMatMul (and _FusedMatMul) on wasm with transposed operands done as an explicit Transpose
 * followed by a plain product: the stock kernel's transposed path is ≈10× slower
 * ([4096,128]ᵀ × [4096,128]: 125 ms vs 10 ms). Every matmul gradient uses transposed operands.
 *
 * Batched products (attention scores and mixing, batch ≥ 3) go through a depthwise convolution
 * instead, which XNNPACK runs 1.5–9× faster than the stock batched loop; see `batchedAsDepthwise`.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAMES: readonly ["BatchMatMul", "_FusedMatMul"];
/**
 * Batched products with at least this many batch entries go through a depthwise convolution. The
 * stock kernel hands only batch-1 products to XNNPACK's GEMM and loops naively otherwise; measured on
 * wasm 4.22 (build/scratch timings, 2-core x86): batch ≥ 3 was 1.5–9× faster as depthwise for every
 * shape tried (M, N 8–1024, K 8–1024), batch 2 with large M·K·N up to 2× slower, so it stays stock.
 */
export declare const DEPTHWISE_MIN_BATCH = 3;
export declare const batchMatMul: (args: KernelArgs) => tf.TensorInfo;
export declare const fusedMatMul: (args: KernelArgs) => tf.TensorInfo;
