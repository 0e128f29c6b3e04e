/**
 * The shift-and-sum half of the model's token convolution (`tokenConv`, lib/model/layers.ts) as one forward and
 * one backward kernel on the wasm backend, in JavaScript on the wasm heap.
 *
 * tokenConv computes Y = xᵀ·W_all, [B, D, 3·L] (the three taps of a kernel-3 Conv1d side by side), then
 *
 *   out[b, l, d] = bias[l] + Σ_{k=0..2} Y[b, d + k − 1, k·L + l]      (terms with d + k − 1 outside 0..D−1 are 0)
 *
 * With plain ops that is a pad, three slices, an addN, a bias add and a transpose forward, and their gradients
 * backward (pads, a slice, adds, a transpose, a sum): about 15 kernels per token convolution, twelve token
 * convolutions per step. Here it is one pass each way, the sum of each output in float64 rounded once:
 *
 *   dY[b, e, k·L + l] = dout[b, l, e − k + 1]   (0 outside 0..D−1),      dbias[l] = Σ_{b,d} dout[b, l, d]
 *
 * Y may also come d-major, [D, B, 3·L] (attr `dMajor`): the image compression makes its product that way, from the
 * projection computed already transposed, so that no Transpose of the [B, N, D] tokens is needed either way.
 *
 * On a backend without the kernels (`cpu`, `tensorflow`) `fusedTokenTaps` returns null and the caller uses the
 * plain ops.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelArgs, WasmBackend } from './util';

/** Kernel names (this project's own; no stock kernel has them). */
export const TOKEN_TAPS = 'CfcmlTokenTaps';
export const TOKEN_TAPS_GRAD = 'CfcmlTokenTapsGrad';

function f32(backend: WasmBackend, t: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/** Y's layout: row (b, d) of length 3·L starts at (b·sb + d·sd)·3·L. */
function strides(dMajor: boolean, B: number, D: number): { sb: number; sd: number } {
  return dMajor ? { sb: 1, sd: B } : { sb: D, sd: 1 };
}

/** inputs y [B, D, 3·L] (or [D, B, 3·L] with attr dMajor), bias [L] → out [B, L, D]. */
export function tokenTaps({ inputs, backend, attrs = {} }: KernelArgs): tf.TensorInfo {
  const { y, bias } = inputs;
  const dMajor = (attrs as { dMajor?: boolean }).dMajor === true;
  const [B, D] = dMajor ? [y.shape[1], y.shape[0]] : [y.shape[0], y.shape[1]];
  const L3 = y.shape[2];
  const L = L3 / 3;
  const { sb, sd } = strides(dMajor, B, D);
  const up = sd * L3; // from row d to row d + 1
  const out = backend.makeOutput([B, L, D], 'float32');
  // Views only after the allocation: makeOutput may grow the heap and detach older views.
  const Y = f32(backend, y);
  const b0 = f32(backend, bias);
  const O = f32(backend, out);
  for (let b = 0; b < B; b++) {
    const ob = b * L * D;
    for (let d = 0; d < D; d++) {
      const row = (b * sb + d * sd) * L3; // Y[b, d, ·]
      for (let l = 0; l < L; l++) {
        let s = b0[l] + Y[row + L + l]; // tap 1 at d
        if (d > 0) s += Y[row - up + l]; // tap 0 at d − 1
        if (d < D - 1) s += Y[row + up + 2 * L + l]; // tap 2 at d + 1
        O[ob + l * D + d] = s;
      }
    }
  }
  return out;
}

/** inputs dout [B, L, D] → [dy [B, D, 3·L] (or [D, B, 3·L] with attr dMajor), dbias [L]]. */
export function tokenTapsGrad({ inputs, backend, attrs = {} }: KernelArgs): tf.TensorInfo[] {
  const { dout } = inputs;
  const dMajor = (attrs as { dMajor?: boolean }).dMajor === true;
  const [B, L, D] = dout.shape;
  const L3 = 3 * L;
  const { sb, sd } = strides(dMajor, B, D);
  const dyOut = backend.makeOutput(dMajor ? [D, B, L3] : [B, D, L3], 'float32');
  const dbOut = backend.makeOutput([L], 'float32');
  const G = f32(backend, dout);
  const DY = f32(backend, dyOut);
  const db = new Float64Array(L);
  for (let b = 0; b < B; b++) {
    const gb = b * L * D;
    for (let e = 0; e < D; e++) {
      const row = (b * sb + e * sd) * L3; // dY[b, e, ·]
      for (let l = 0; l < L; l++) {
        const g = gb + l * D; // dout[b, l, ·]
        DY[row + l] = e < D - 1 ? G[g + e + 1] : 0; // tap 0 feeds d = e + 1
        DY[row + L + l] = G[g + e]; // tap 1 feeds d = e
        DY[row + 2 * L + l] = e > 0 ? G[g + e - 1] : 0; // tap 2 feeds d = e − 1
      }
    }
    for (let l = 0; l < L; l++) {
      let s = 0;
      for (let d = 0, g = gb + l * D; d < D; d++) s += G[g + d];
      db[l] += s;
    }
  }
  f32(backend, dbOut).set(db);
  return [dyOut, dbOut];
}

tf.registerGradient({
  kernelName: TOKEN_TAPS,
  gradFunc: (dout: tf.Tensor | tf.Tensor[], _saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const [dy, dbias] = tf.engine().runKernel(TOKEN_TAPS_GRAD, { dout: dout as tf.Tensor }, { dMajor: attrs.dMajor }) as tf.Tensor[];
    return { y: () => dy, bias: () => dbias };
  },
});

/**
 * out [B, L, D] from the tap products y [B, D, 3·L] (`dMajor`: [D, B, 3·L]) and bias [L] (see the file comment)
 * by the fused kernel where the active backend has it; null otherwise (the caller then uses plain ops).
 */
export function fusedTokenTaps(y: tf.Tensor3D, bias: tf.Tensor, dMajor = false): tf.Tensor3D | null {
  if (!tf.getKernel(TOKEN_TAPS, tf.getBackend())) return null;
  return tf.engine().runKernel(TOKEN_TAPS, { y, bias }, { dMajor }) as tf.Tensor3D;
}
