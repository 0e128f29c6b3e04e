/**
 * Conv3DBackpropFilterV2 and Conv3DBackpropInputV2 on wasm, composed from the wasm Conv3D kernel.
 *
 * The stock wasm 4.22 kernels are wrong (checked against cpu): Conv3DBackpropInputV2 for every shape
 * tried (relative error ≈ 1), Conv3DBackpropFilterV2 whenever the stride is > 1. Conv3D, MaxPool3D,
 * AvgPool3D and their pool gradients are right. The same identities as the 2D kernels are used:
 *
 *   dW[kd,kh,kw,ci,co] = Σ_{b,o} xpad[b, s∘o + k, ci] · dy[b, o, co]
 *     = VALID stride-1 conv of xpadᵀ [Cin, Dp, Hp, Wp, B] with dyᵀ [OD, OH, OW, B, Cout], dilated by s
 *   dx = VALID stride-1 conv of (dy with zeros inserted, padded K−1−p before) with W flipped in
 *        (kd, kh, kw) and transposed to [KD, KH, KW, Cout, Cin]
 *
 * Conv3D takes only 'same'/'valid' padding, so padding (or cropping) is done first with PadV2/Slice.
 *
 * Both use this project's Conv3D (conv3d.ts, through XNNPACK); the stock filter gradient, correct at
 * stride 1, is kept there.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAMES: readonly ["Conv3DBackpropFilterV2", "Conv3DBackpropInputV2"];
export declare function conv3dBackpropFilter(args: KernelArgs): tf.TensorInfo;
export declare function conv3dBackpropInput(args: KernelArgs): tf.TensorInfo;
