/**
 * Conv3D on wasm through XNNPACK's 2D convolution. The stock kernel is a plain loop (≈0.2 GMAC/s:
 * 340 ms for [4,16,16,16,8] ⊛ [3,3,3,8,16]); here the depth taps are unrolled into channels
 * ("im2col along depth") and one Conv2D does the rest:
 *
 *   xc[b·OD + od, h, w, kd·C + c] = xpad[b, od·sd + kd·dd, h, w, c]          [B·OD, H, W, KD·C]
 *   y[b, od] = Conv2D(xc[b·OD + od], Wᵀ)   with Wᵀ = W viewed [KH, KW, KD·C, Cout]
 *
 * at the cost of a KD-fold copy of the input. Depth padding is applied to x first (PadV2/Slice);
 * height/width padding, strides and dilations go to Conv2D.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs, WasmBackend } from './util';
export declare const KERNEL_NAME = "Conv3D";
export declare function conv3dVia2d(backend: WasmBackend, x: tf.TensorInfo, filter: tf.TensorInfo, strides: number | [number, number, number], pad: 'valid' | 'same', dilations: number | [number, number, number]): tf.TensorInfo;
export declare function conv3d(args: KernelArgs): tf.TensorInfo;
