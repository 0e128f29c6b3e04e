/**
 * Conv2DBackpropFilter for wasm (tfjs-backend-wasm 4.22 has none, so no CNN can train there).
 *
 *   dW[kh,kw,ci,co] = Σ_{b,oh,ow} xpad[b, s·oh+kh, s·ow+kw, ci] · dy[b,oh,ow,co]
 *
 * is a VALID, stride-1 convolution, dilated by the forward stride s, of xᵀ = [Cin, Hp, Wp, B] (the
 * batch plays the channel) with dyᵀ = [OH, OW, B, Cout] as the filter; its output [Cin, KH, KW, Cout] is
 * transposed to [KH, KW, Cin, Cout]. The forward padding becomes the convolution's explicit padding,
 * so XNNPACK does all the arithmetic.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAME = "Conv2DBackpropFilter";
export declare function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo;
