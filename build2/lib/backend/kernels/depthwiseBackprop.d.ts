/**
 * DepthwiseConv2dNativeBackpropFilter / …BackpropInput for wasm (both absent in 4.22, so
 * tf.depthwiseConv2d and tf.separableConv2d cannot train there), composed from the wasm depthwise
 * convolution. Filter W [KH, KW, C, m] (m = channel multiplier), dy [B, OH, OW, C·m]:
 *
 *   dx[b,i,c]     = Σ_{k,q} dyz[b, i+p−k, c·m+q] · W[k,c,q]
 *                 = Σ_q (depthwise conv of dyz with W flipped, viewed [KH, KW, C·m, 1])[b,i,c·m+q]
 *   dW[k,c,q]     = Σ_{b,o} xpad[b, s·o+k, c] · dy[b, o, c·m+q]
 *                 = Σ_b depthwise conv, dilated by s, of xᵀ [1, Hp, Wp, B·C] with dyᵀ [OH, OW, B·C, m]
 *
 * (dyz: dy with s−1 zeros inserted, as in conv2dBackpropInput.ts.)
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAMES: readonly ["DepthwiseConv2dNativeBackpropFilter", "DepthwiseConv2dNativeBackpropInput"];
export declare function depthwiseBackpropFilter(args: KernelArgs): tf.TensorInfo;
export declare function depthwiseBackpropInput(args: KernelArgs): tf.TensorInfo;
