/**
 * Conv2DBackpropInput on wasm as an ordinary (XNNPACK) convolution; the stock kernel is a plain loop
 * (≈14× slower at stride 1 and ≈4× at stride 2 on [32,32,32,16] ← [3,3,16,32], bench/kernels.ts).
 *
 * With dyz the output gradient with s−1 zeros inserted after each row/column (forward stride s),
 *
 *   dx[b,ih,iw,ci] = Σ_{kh,kw,co} dyz[b, ih+pt−kh, iw+pl−kw, co] · W[kh,kw,ci,co]
 *
 * is a stride-1 correlation of dyz, padded by KH−1−pt before (and whatever makes the length H after),
 * with the filter flipped in (kh, kw) and transposed to [KH, KW, Cout, Cin].
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAME = "Conv2DBackpropInput";
export declare function conv2dBackpropInput(args: KernelArgs): tf.TensorInfo;
