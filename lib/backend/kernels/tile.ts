/**
 * Tile on wasm by block copies. The stock kernel computes every output index separately (≈55 ms for
 * the [1,1,1,C] → [B,H,W,C] tile in the fused batch-norm gradient); here each axis' block is copied
 * once and then replicated with `copyWithin`, doubling the copied span each time, so the cost is a
 * memcpy of the output.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs, run, size } from './util';

export const KERNEL_NAME = 'Tile';

/** Copy the `len` elements at `start` so that they repeat `times` times in a row (doubling copies). */
function replicate(a: { copyWithin(t: number, s: number, e: number): unknown }, start: number, len: number, times: number): void {
  let have = 1;
  while (have < times) {
    const n = Math.min(have, times - have);
    a.copyWithin(start + have * len, start, start + n * len);
    have += n;
  }
}

export function tile(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { x } = inputs;
  const reps = attrs.reps as number[];
  if (x.dtype === 'string') return run(KERNEL_NAME, backend, inputs, attrs);
  const d = x.shape;
  const r = d.length;
  const outShape = d.map((di, i) => di * reps[i]);
  const out = backend.makeOutput(outShape, x.dtype);
  if (size(outShape) === 0) return out;
  const o = backend.typedArrayFromHeap(out);
  const xs = backend.typedArrayFromHeap(x);
  // inStride[a], outStride[a]: elements per step of axis a in x and in out.
  const inStride = new Array<number>(r).fill(1);
  const outStride = new Array<number>(r).fill(1);
  for (let a = r - 2; a >= 0; a--) {
    inStride[a] = inStride[a + 1] * d[a + 1];
    outStride[a] = outStride[a + 1] * outShape[a + 1];
  }
  // Writes the first replica of x's block at axis a (source offset s, destination offset t), then
  // replicates it reps[a] times.
  const fill = (a: number, s: number, t: number): void => {
    if (a === r - 1) {
      o.set(xs.subarray(s, s + d[a]), t);
    } else {
      for (let i = 0; i < d[a]; i++) fill(a + 1, s + i * inStride[a], t + i * outStride[a]);
    }
    replicate(o, t, d[a] * outStride[a], reps[a]);
  };
  if (r === 0) o[0] = xs[0];
  else fill(0, 0, 0);
  return out;
}
