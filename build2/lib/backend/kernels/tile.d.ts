/**
 * Tile on wasm by block copies. The stock kernel computes every output index separately (≈55 ms for
 * the [1,1,1,C] → [B,H,W,C] tile in the fused batch-norm gradient); here each axis' block is copied
 * once and then replicated with `copyWithin`, doubling the copied span each time, so the cost is a
 * memcpy of the output.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAME = "Tile";
export declare function tile(args: KernelArgs): tf.TensorInfo;
