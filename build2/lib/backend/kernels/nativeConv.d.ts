/**
 * 2-D convolutions (NHWC, dilation 1) and both their gradients as im2col + `cblas_sgemm` on the native-blas
 * path (lib/backend/path.ts), where that beats the wasm kernels (XNNPACK) on the shape; elsewhere the wasm
 * kernels run. With cols[p, (kh, kw, ci)] = xpad[b, oh·sh + kh, ow·sw + kw, ci] for p = (b, oh, ow):
 *
 *   forward           y[P, Cout]      = cols · W[KH·KW·Cin, Cout]
 *   filter gradient   dW[KH·KW·Cin, Cout] = colsᵀ · dy[P, Cout]
 *   input gradient    dcols[P, KH·KW·Cin] = dy · Wᵀ, then scattered back (col2im, summing overlaps)
 *
 * cols lives in a JS scratch buffer (the BLAS reads any Float32Array); the output is written into the wasm heap.
 * `nativeConvRule` is the measured rule of where this is faster (docs/PERFORMANCE.md).
 */
import * as tf from '@tensorflow/tfjs';
import { type Sgemm } from '../blas';
import { KernelArgs } from './util';
/**
 * Where im2col + sgemm beats the wasm kernels, per kernel, from per-shape timings on the presets' shapes
 * (docs/PERFORMANCE.md). The wasm kernels of both gradients build a new XNNPACK operator every call (their
 * filter is a fresh tensor: the flipped weights, or dy), which the BLAS does not pay; the forward pass builds
 * one per step too (the weights change), but with few input channels building cols costs more than XNNPACK.
 * Mutable for benchmarks that time both sides on every shape.
 */
export declare const nativeConvRule: Record<'forward' | 'filter' | 'input', (info: tf.backend_util.Conv2DInfo) => boolean>;
/** Conv2D forward: im2col + sgemm where the rule says so, else the stock (XNNPACK) kernel. */
export declare function nativeConv2D(sgemm: Sgemm): (args: KernelArgs) => tf.TensorInfo;
/** Conv2DBackpropFilter: dW = colsᵀ · dy where the rule says so, else the project's wasm kernel. */
export declare function nativeConv2DBackpropFilter(sgemm: Sgemm): (args: KernelArgs) => tf.TensorInfo;
/** Conv2DBackpropInput: dcols = dy · Wᵀ then col2im where the rule says so, else the project's wasm kernel. */
export declare function nativeConv2DBackpropInput(sgemm: Sgemm): (args: KernelArgs) => tf.TensorInfo;
/**
 * Conv3DBackpropFilterV2 at stride 1 (where the wasm backend has only the stock per-element loop):
 * dW = colsᵀ · dy with 3-D im2col. Strided filters (patchify, the strided path) stay on the wasm kernel.
 */
export declare function nativeConv3DBackpropFilter(sgemm: Sgemm): (args: KernelArgs) => tf.TensorInfo;
