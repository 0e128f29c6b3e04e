/**
 * UnsortedSegmentSum for wasm (absent in 4.22). tfjs uses it for the gradient of `tf.gather`, i.e. of
 * every embedding lookup: out[s, ...] = Σ_{i: ids[i] = s} x[i, ...]; ids outside [0, numSegments) are
 * dropped, as in TensorFlow.
 *
 * No wasm kernel scatters, so this one is a plain loop over the wasm heap (O(size(x)), no copies).
 * Summation is in float64 per element, which is exact enough and no slower in JS.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs, size } from './util';

export const KERNEL_NAME = 'UnsortedSegmentSum';

export function unsortedSegmentSum(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { x, segmentIds } = inputs;
  const numSegments = attrs.numSegments as number;
  const nIds = size(segmentIds.shape);
  const inner = size(x.shape.slice(segmentIds.shape.length));
  const out = backend.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
  // Views are taken after makeOutput: growing the wasm memory detaches older views.
  const o = backend.typedArrayFromHeap(out);
  const xs = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  o.fill(0);
  for (let i = 0; i < nIds; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    const src = i * inner;
    const dst = s * inner;
    for (let j = 0; j < inner; j++) o[dst + j] += xs[src + j];
  }
  return out;
}
