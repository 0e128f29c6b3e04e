/**
 * AvgPoolGrad on wasm for non-overlapping, unpadded windows (filter = stride, e.g. 2×2/2): the
 * gradient is dy spread evenly over each window,
 *   dx[b, oh·kh + i, ow·kw + j, c] = dy[b, oh, ow, c] / (kh·kw),
 * i.e. one broadcasting Multiply of dy viewed [B, OH, 1, OW, 1, C] by a [1, 1, KH, 1, KW, 1] constant.
 * The stock kernel loops per element (≈33 ms for [32,64,64,16] → [32,32,32,16]). Other pooling
 * geometries fall back to it.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAME = "AvgPoolGrad";
export declare function avgPoolGrad(args: KernelArgs): tf.TensorInfo;
