/**
 * UnsortedSegmentSum for wasm (absent in 4.22). tfjs uses it for the gradient of `tf.gather`, i.e. of
 * every embedding lookup: out[s, ...] = Σ_{i: ids[i] = s} x[i, ...]; ids outside [0, numSegments) are
 * dropped, as in TensorFlow.
 *
 * No wasm kernel scatters, so this one is a plain loop over the wasm heap (O(size(x)), no copies).
 * Summation is in float64 per element, which is exact enough and no slower in JS.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare const KERNEL_NAME = "UnsortedSegmentSum";
export declare function unsortedSegmentSum(args: KernelArgs): tf.TensorInfo;
