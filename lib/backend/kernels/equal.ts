/**
 * Equal on wasm by JavaScript loops over the heap. The stock kernel handles a broadcast operand through a generic
 * per-element index path: the max-gradient's `x == max(x)` on [3, 32, 40] vs [3, 32, 1] (the HRM losses'
 * logSumExp) cost about 0.3 ms, twenty times a Sub of the same shapes. Here each operand gets a stride per output
 * axis (0 where it is broadcast) and the last axis runs as a plain loop. A comparison has one exact answer, so
 * the output is the stock kernel's bit for bit.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs, run, size } from './util';

export const KERNEL_NAME = 'Equal';

/** Element strides of `shape` over an output of rank r (left-padded with 1s), 0 on broadcast axes. */
function broadcastStrides(shape: readonly number[], out: readonly number[]): number[] {
  const r = out.length;
  const padded = [...new Array<number>(r - shape.length).fill(1), ...shape];
  const strides = new Array<number>(r).fill(0);
  let s = 1;
  for (let a = r - 1; a >= 0; a--) {
    strides[a] = padded[a] === 1 && out[a] !== 1 ? 0 : s;
    s *= padded[a];
  }
  return strides;
}

export function equal(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend } = args;
  const { a, b } = inputs;
  if (a.dtype === 'string' || b.dtype === 'string' || a.dtype === 'complex64' || b.dtype === 'complex64') return run(KERNEL_NAME, backend, inputs);
  const shape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
  const out = backend.makeOutput(shape, 'bool');
  const n = size(shape);
  if (n === 0) return out;
  // Views of the heap only after the allocation: makeOutput may grow the heap and detach older views.
  const o = backend.typedArrayFromHeap(out);
  const x = backend.typedArrayFromHeap(a);
  const y = backend.typedArrayFromHeap(b);
  const r = shape.length;
  if (r === 0) {
    o[0] = x[0] === y[0] ? 1 : 0;
    return out;
  }
  const sa = broadcastStrides(a.shape, shape);
  const sb = broadcastStrides(b.shape, shape);
  const last = shape[r - 1];
  const la = sa[r - 1];
  const lb = sb[r - 1];
  // An odometer over the leading axes; ia, ib follow it.
  const idx = new Array<number>(r).fill(0);
  let ia = 0;
  let ib = 0;
  for (let p = 0; p < n; p += last) {
    for (let k = 0, pa = ia, pb = ib; k < last; k++, pa += la, pb += lb) o[p + k] = x[pa] === y[pb] ? 1 : 0;
    for (let ax = r - 2; ax >= 0; ax--) {
      ia += sa[ax];
      ib += sb[ax];
      if (++idx[ax] < shape[ax]) break;
      ia -= sa[ax] * shape[ax];
      ib -= sb[ax] * shape[ax];
      idx[ax] = 0;
    }
  }
  return out;
}
