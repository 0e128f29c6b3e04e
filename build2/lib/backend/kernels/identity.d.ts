/**
 * Identity on wasm without a copy. The stock wasm kernel allocates a new buffer and copies every value;
 * the cpu and webgl backends share the data and count a reference, as wasm's own Reshape does. Every
 * tensor is immutable (no kernel writes into an input), so sharing is safe. A Derm7pt training step calls
 * Identity about 1,400 times (tf.grad, clones), 4–8% of the step's kernel time before this.
 */
import type * as tf from '@tensorflow/tfjs';
import { KernelArgs } from './util';
export declare function identity(args: KernelArgs): tf.TensorInfo;
