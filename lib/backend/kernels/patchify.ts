/**
 * Non-overlapping 3-D convolutions (kernel = stride on every axis, no dilation, no padding: the MEN encoder's
 * patchify stem, [2, 4, 4] on 16×48×48 volumes) as one matrix product:
 *
 *   P[(b, od, oh, ow), (kd, kh, kw, c)] = x[b, od·KD + kd, oh·KH + kh, ow·KW + kw, c]       (a pure re-ordering)
 *   y = P · W            W viewed [KD·KH·KW·C, Cout]
 *   dW = Pᵀ · dy         dx = re-order back (dy · Wᵀ)    (each input value is in exactly one patch)
 *
 * The general path (conv3d.ts: depth taps unrolled into channels, then an XNNPACK Conv2D) interleaves
 * single-channel volumes element by element and runs a 2-channel convolution: 44 ms a call for the MEN stem
 * at the cpu preset, against a few ms here. The re-ordering is done in JavaScript, `KW·C` values at a time.
 */
import * as tf from '@tensorflow/tfjs';
import { free, runRegistered, view, WasmBackend } from './util';

type Shape5 = [number, number, number, number, number];

/** The patch grid of x ⊛ filter when the convolution tiles x exactly; null when it does not. */
export function patchGrid(
  xShape: readonly number[],
  filterShape: readonly number[],
  strides: number | readonly number[],
  dilations: number | readonly number[],
  pad: unknown,
): { b: number; o: [number, number, number]; k: [number, number, number]; c: number; cout: number } | null {
  const s = typeof strides === 'number' ? [strides, strides, strides] : strides;
  const d = typeof dilations === 'number' ? [dilations, dilations, dilations] : dilations;
  if (pad !== 'valid' && pad !== 'same') return null;
  const k = filterShape.slice(0, 3);
  for (let i = 0; i < 3; i++) {
    if (s[i] !== k[i] || d[i] !== 1 || xShape[i + 1] % k[i] !== 0) return null;
  }
  // With exact tiling 'same' and 'valid' agree (no padding).
  return {
    b: xShape[0],
    o: [xShape[1] / k[0], xShape[2] / k[1], xShape[3] / k[2]],
    k: [k[0], k[1], k[2]],
    c: xShape[4],
    cout: filterShape[4],
  };
}

type Grid = NonNullable<ReturnType<typeof patchGrid>>;

/**
 * Copy between x [B, OD·KD, OH·KH, OW·KW, C] and P [B·OD·OH·OW, KD·KH·KW·C] (`toPatches`: x → P, else P → x).
 */
function reorder(g: Grid, x: Float32Array, p: Float32Array, toPatches: boolean): void {
  const [od, oh, ow] = g.o;
  const [kd, kh, kw] = g.k;
  const run = kw * g.c; // contiguous in both layouts
  const kp = kd * kh * run; // one patch (row of P)
  // In x's order: each (b, depth, height) row of x is OW runs, one in each of OW consecutive patches.
  let src = 0;
  for (let bo = 0; bo < g.b * od; bo++) {
    for (let a = 0; a < kd; a++) {
      for (let i = 0; i < oh; i++) {
        for (let e = 0; e < kh; e++) {
          let dst = (bo * oh + i) * ow * kp + (a * kh + e) * run;
          if (toPatches && run % 4 === 0) {
            // Runs are short (KW·C); four values per iteration halve the loop's overhead.
            for (let j = 0; j < ow; j++, dst += kp, src += run) {
              for (let t = 0; t < run; t += 4) {
                p[dst + t] = x[src + t];
                p[dst + t + 1] = x[src + t + 1];
                p[dst + t + 2] = x[src + t + 2];
                p[dst + t + 3] = x[src + t + 3];
              }
            }
          } else if (toPatches) {
            for (let j = 0; j < ow; j++, dst += kp, src += run) for (let t = 0; t < run; t++) p[dst + t] = x[src + t];
          } else {
            for (let j = 0; j < ow; j++, dst += kp, src += run) for (let t = 0; t < run; t++) x[src + t] = p[dst + t];
          }
        }
      }
    }
  }
}

function patches(backend: WasmBackend, g: Grid, x: tf.TensorInfo): tf.TensorInfo {
  const n = g.b * g.o[0] * g.o[1] * g.o[2];
  const kp = g.k[0] * g.k[1] * g.k[2] * g.c;
  const p = backend.makeOutput([n, kp], 'float32');
  // Views after the allocation (makeOutput may grow the heap).
  reorder(g, backend.typedArrayFromHeap(x) as Float32Array, backend.typedArrayFromHeap(p) as Float32Array, true);
  return p;
}

function matMul(backend: WasmBackend, a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): tf.TensorInfo {
  return runRegistered('BatchMatMul', backend, { a, b }, { transposeA, transposeB }); // native BLAS or wasm (lib/backend/path.ts)
}

/** y = x ⊛ filter for an exact patch grid: [B, OD, OH, OW, Cout]. */
export function patchConv3d(backend: WasmBackend, g: Grid, x: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  const p = patches(backend, g, x);
  const kp = p.shape[1];
  const y = matMul(backend, view(p, [1, p.shape[0], kp]), view(filter, [1, kp, g.cout]), false, false);
  free(backend, p);
  return view(y, [g.b, ...g.o, g.cout]);
}

/** dW for an exact patch grid: Pᵀ · dy, as [KD, KH, KW, C, Cout]. */
export function patchConv3dFilterGrad(backend: WasmBackend, g: Grid, x: tf.TensorInfo, dy: tf.TensorInfo): tf.TensorInfo {
  const p = patches(backend, g, x);
  const [n, kp] = p.shape;
  const dw = matMul(backend, view(p, [1, n, kp]), view(dy, [1, n, g.cout]), true, false);
  free(backend, p);
  return view(dw, [...g.k, g.c, g.cout]);
}

/** dx for an exact patch grid: dy · Wᵀ re-ordered back to [B, D, H, W, C]. */
export function patchConv3dInputGrad(backend: WasmBackend, g: Grid, dy: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo {
  const n = g.b * g.o[0] * g.o[1] * g.o[2];
  const kp = g.k[0] * g.k[1] * g.k[2] * g.c;
  const dp = matMul(backend, view(dy, [1, n, g.cout]), view(filter, [1, kp, g.cout]), false, true);
  const shape: Shape5 = [g.b, g.o[0] * g.k[0], g.o[1] * g.k[1], g.o[2] * g.k[2], g.c];
  const dx = backend.makeOutput(shape, 'float32');
  reorder(g, backend.typedArrayFromHeap(dx) as Float32Array, backend.typedArrayFromHeap(dp) as Float32Array, false);
  free(backend, dp);
  return dx;
}
