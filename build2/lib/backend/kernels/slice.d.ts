/**
 * Slice on wasm as contiguous block copies. The stock kernel copies element by element, through a
 * generic per-element path for rank ≥ 5 (138 ms to cut [4,18,16,16,8] to [4,16,16,16,8]; 9 ms to halve
 * a [32,64,64,16] tensor). Here the trailing axes that are taken whole are merged with the last
 * partial axis into one contiguous run, copied with `TypedArray.set` for every index of the axes
 * before it.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAME = "Slice";
export declare function slice(args: KernelArgs): tf.TensorInfo;
/**
 * SplitV through the Slice above: the stock wasm SplitV calls the stock per-element slice once per piece
 * (a Derm7pt step splits [32, 128, 64] and [32, 24, 64] tensors along the token axis dozens of times).
 */
export declare function splitV(args: KernelArgs): tf.TensorInfo[];
