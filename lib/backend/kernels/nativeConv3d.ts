/**
 * 3-D convolutions (NDHWC, dilation 1) and both their gradients as dense products on the native BLAS
 * (`cblas_sgemm`, lib/backend/path.ts), by one of two methods chosen per shape (`nativeConv3dRule`); elsewhere the
 * wasm kernels run (conv3d.ts, conv3dBackprop.ts: depth taps unrolled into an XNNPACK Conv2D, with a KD-fold copy,
 * a Concat, a weight Transpose and, for the gradients, zero insertion, padding and a flipped filter).
 *
 * `im2col` (any stride): cols[p, (kd, kh, kw, ci)] = xpad[b, od·sd + kd, oh·sh + kh, ow·sw + kw, ci], p = (b, od, oh, ow):
 *   forward           y[P, Cout]               = cols · W[KD·KH·KW·Cin, Cout]
 *   filter gradient   dW[KD·KH·KW·Cin, Cout]   = colsᵀ · dy[P, Cout]
 *   input gradient    dcols[P, KD·KH·KW·Cin]   = dy · Wᵀ, then scattered back (col2im, summing overlaps)
 * cols is KD·KH·KW times the input: on large volumes with few channels, building it costs more than the product.
 *
 * `shift` (stride 1): x is laid out on a padded grid xp, flattened to positions q, where each row (along W, H,
 * and D per batch item) is followed by a gap of zeros that serves as the padding after it and before the next
 * (the larger of the two); `lead` zeros come first. The output at grid position q then reads xp[q + r] for a
 * constant shift r per tap (kd, kh, kw), and a read past a row's end or start lands in a gap, so each tap is one
 * product on xp's rows shifted by r, with no copy of the input beyond its padding:
 *   forward           yp[q] = Σ_taps xp[q + r] · W[kd, kh, kw]      (yp on the grid; y is its valid positions;
 *                                                                   positions as rows, or channel-major where the
 *                                                                   channels are few: `shiftLayout`)
 *   filter gradient   W[kd, kh, kw] = xp[r : r + Q]ᵀ · dyp          (dy placed on the grid, zeros elsewhere)
 *   input gradient    the forward of dy padded by K−1−p with W flipped in (kd, kh, kw) and transposed in (Cin, Cout)
 * Each kernel takes its products block by block (`shiftLayout.blockRows`), so that a block of the grid stays in
 * cache across the taps. It computes the gaps' positions too (more rows than P), so it wins on large volumes,
 * loses on small ones.
 *
 * Exact patch grids (kernel = stride: the MEN stem and the stride-2 downsamplings) keep their own product
 * (patchify.ts), which copies each input value once. Heap views are taken after each allocation (it can grow the heap).
 */
import * as tf from '@tensorflow/tfjs';
import { CBLAS_NO_TRANS, CBLAS_ROW_MAJOR, CBLAS_TRANS, type Sgemm } from '../blas';
import { conv3d } from './conv3d';
import { conv3dBackpropFilter, conv3dBackpropInput } from './conv3dBackprop';
import { patchGrid } from './patchify';
import { KernelArgs, scratch, unitDilations } from './util';

type Shape5 = [number, number, number, number, number];
type Conv3dAttrs = { strides: number | [number, number, number]; pad: 'valid' | 'same'; dilations?: number | number[] };
type Info = tf.backend_util.Conv3DInfo;
export type Conv3dMethod = 'shift' | 'im2col' | 'wasm';
type Kind = 'forward' | 'filter' | 'input';

/**
 * The method the last native convolution kernel call ran (2-D or 3-D): 'patch', 'shift, positions as rows',
 * 'shift, channel-major', 'shift' (filter gradient), 'im2col' or 'wasm'. Read by bench/convcalls.ts after each call.
 */
export const convTrace = { method: '' };

/** How many times the output's positions the padded grid has per batch item (what `shift` computes, gaps included). */
export function gridOverhead(c: Info): number {
  const { Pd, Ph, Pw } = gridSizes(forwardGrid(c));
  return (Pd * Ph * Pw) / (c.outDepth * c.outHeight * c.outWidth);
}

/** `shift` where the padded grid is at most twice the output (large volumes), else `im2col`. */
const byGrid = (c: Info): Conv3dMethod => (gridOverhead(c) <= 2 ? 'shift' : 'im2col');

/**
 * Which method runs each kernel on a shape, from per-shape timings on the MEN presets' shapes (bench/conv3d.ts)
 * and, for 2-D convolutions reaching it as depth 1 (`conv2dByShift`), the Derm7pt presets' (bench/conv.ts; where
 * it says `im2col` those keep nativeConv.ts); docs/PERFORMANCE.md has both. `shift` is only taken at stride 1.
 * Mutable for benchmarks and tests that force a method.
 */
export const nativeConv3dRule: Record<Kind, (info: Info) => Conv3dMethod> = {
  forward: byGrid,
  filter: byGrid,
  input: byGrid,
};

/** The Conv3DInfo of a float32 convolution this file can run (dilation 1, not an exact patch grid), else null. */
function info3d(xShape: readonly number[], filterShape: readonly number[], a: Conv3dAttrs, dtype: tf.DataType): Info | null {
  convTrace.method = 'wasm';
  if (dtype !== 'float32' || !unitDilations(a.dilations as number | number[] | undefined)) return null;
  if (patchGrid(xShape, filterShape, a.strides, 1, a.pad)) {
    convTrace.method = 'patch'; // patchify.ts (in the wasm kernel): a product without im2col
    return null;
  }
  return tf.backend_util.computeConv3DInfo(xShape as Shape5, filterShape as Shape5, a.strides, 1, a.pad);
}

/**
 * The shape and method for kernel `kind`, or null where the wasm kernel runs (the rule says so, or the shape is
 * not one this file runs). `shift` falls back to `im2col` off stride 1.
 */
function plan(kind: Kind, xShape: readonly number[], filterShape: readonly number[], attrs: unknown, dtype: tf.DataType): { c: Info; m: 'shift' | 'im2col' } | null {
  const c = info3d(xShape, filterShape, attrs as Conv3dAttrs, dtype);
  if (!c) return null;
  const m = nativeConv3dRule[kind](c);
  if (m === 'wasm') return null;
  const unit = c.strideDepth === 1 && c.strideHeight === 1 && c.strideWidth === 1;
  const shift = m === 'shift' && unit && fits(kind === 'input' ? inputGrid(c) : forwardGrid(c));
  convTrace.method = shift ? 'shift' : 'im2col';
  return { c, m: shift ? 'shift' : 'im2col' };
}

/** A float32 view of t on the wasm heap, taken now (after any allocation that may have grown the heap). */
function heapF32(backend: KernelArgs['backend'], t: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/** The product's sizes: P output positions, K = KD·KH·KW·Cin (its depth), N = Cout. */
function dims(c: Info): { P: number; K: number; N: number } {
  return {
    P: c.batchSize * c.outDepth * c.outHeight * c.outWidth,
    K: c.filterDepth * c.filterHeight * c.filterWidth * c.inChannels,
    N: c.outChannels,
  };
}

/**
 * im2col (`toCols`: x → cols, zeros over the padding) or its adjoint col2im (cols → x, summing overlapping windows;
 * x must be zero on entry), between x [B, D, H, W, Cin] and cols [P, KD·KH·KW·Cin]. A window row whose KW taps
 * all lie inside x is one contiguous run of KW·Cin values in both.
 */
function im2col3d(x: Float32Array, c: Info, cols: Float32Array, toCols: boolean): void {
  const { batchSize: B, inDepth: D, inHeight: H, inWidth: W, inChannels: C, outDepth: OD, outHeight: OH, outWidth: OW } = c;
  const { filterDepth: KD, filterHeight: KH, filterWidth: KW, strideDepth: sd, strideHeight: sh, strideWidth: sw } = c;
  const { front: pf, top: pt, left: pl } = c.padInfo;
  const run = KW * C;
  let o = 0;
  for (let b = 0; b < B; b++)
    for (let od = 0; od < OD; od++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          const iw0 = ow * sw - pl;
          const inside = iw0 >= 0 && iw0 + KW <= W;
          for (let kd = 0; kd < KD; kd++) {
            const id = od * sd - pf + kd;
            if (id < 0 || id >= D) {
              if (toCols) cols.fill(0, o, o + KH * run);
              o += KH * run;
              continue;
            }
            for (let kh = 0; kh < KH; kh++) {
              const ih = oh * sh - pt + kh;
              if (ih < 0 || ih >= H) {
                if (toCols) cols.fill(0, o, o + run);
              } else if (inside) {
                const src = (((b * D + id) * H + ih) * W + iw0) * C;
                if (toCols) for (let j = 0; j < run; j++) cols[o + j] = x[src + j];
                else for (let j = 0; j < run; j++) x[src + j] += cols[o + j];
              } else {
                for (let kw = 0; kw < KW; kw++) {
                  const iw = iw0 + kw;
                  const dst = o + kw * C;
                  if (iw < 0 || iw >= W) {
                    if (toCols) cols.fill(0, dst, dst + C);
                    continue;
                  }
                  const src = (((b * D + id) * H + ih) * W + iw) * C;
                  if (toCols) for (let ci = 0; ci < C; ci++) cols[dst + ci] = x[src + ci];
                  else for (let ci = 0; ci < C; ci++) x[src + ci] += cols[dst + ci];
                }
              }
              o += run;
            }
          }
        }
}

/** cols of x, read from the heap now (call after allocating the output: the allocation may move the heap). */
function colsOf(backend: KernelArgs['backend'], x: tf.TensorInfo, c: Info): Float32Array {
  const { P, K } = dims(c);
  const buf = scratch(0, P * K);
  im2col3d(heapF32(backend, x), c, buf, true);
  return buf;
}

/**
 * The geometry of a stride-1 convolution: input [B, n] (n = [D, H, W]) padded by `before` zeros in front of each
 * axis (and after it, up to o + k − 1), output [B, o].
 */
interface Grid {
  B: number;
  n: [number, number, number];
  before: [number, number, number];
  o: [number, number, number];
  k: [number, number, number];
}

/** Per axis, the zeros between consecutive rows: one gap serves as the padding after a row and before the next. */
function gaps(g: Grid): [number, number, number] {
  return [0, 1, 2].map((i) => Math.max(g.before[i], g.o[i] + g.k[i] - 1 - g.n[i] - g.before[i])) as [number, number, number];
}

/**
 * The padded grid's layout: per axis a period P (the longer of input and output, then its gap), `lead` zeros in
 * front (the reads before the first position), T positions in all, Q product rows (through the last valid output).
 */
function gridSizes(g: Grid) {
  const gap = gaps(g);
  const [Pd, Ph, Pw] = [0, 1, 2].map((i) => Math.max(g.n[i], g.o[i]) + gap[i]);
  const lead = (g.before[0] * Ph + g.before[1]) * Pw + g.before[2];
  const T = lead + g.B * Pd * Ph * Pw;
  const Q = (((g.B - 1) * Pd + g.o[0] - 1) * Ph + g.o[1] - 1) * Pw + g.o[2];
  return { Pd, Ph, Pw, lead, T, Q };
}

/** Whether x fits the padded grid without cropping (so `shift` applies). */
function fits(g: Grid): boolean {
  return [0, 1, 2].every((i) => g.before[i] >= 0 && g.before[i] + g.n[i] <= g.o[i] + g.k[i] - 1);
}

/**
 * x zero-padded onto the grid (scratch 1): `lead` zeros, then [B, Pd, Ph, Pw] positions with x in each period's
 * front, C values per position (`channelMajor`: C rows of T positions instead).
 */
function paddedInput(x: Float32Array, C: number, g: Grid, channelMajor: boolean): Float32Array {
  const { Pd, Ph, Pw, lead, T } = gridSizes(g);
  const [D, H, W] = g.n;
  const xp = scratch(1, T * C);
  xp.fill(0);
  const row = W * C;
  for (let b = 0; b < g.B; b++)
    for (let d = 0; d < D; d++)
      for (let h = 0; h < H; h++) {
        const pos = lead + ((b * Pd + d) * Ph + h) * Pw;
        const src = ((b * D + d) * H + h) * row;
        if (!channelMajor) xp.set(x.subarray(src, src + row), pos * C); // one block copy per row
        else for (let c = 0, o = pos; c < C; c++, o += T) for (let w = 0, i = src + c; w < W; w++, i += C) xp[o + w] = x[i];
      }
  return xp;
}

/**
 * Each tap's (flat index, row shift r): output row q reads xp[q + r], the input at the output's position moved by
 * (kd − pf, kh − pt, kw − pl); a move past a row's end or start lands in a gap (zeros), never in a neighbour's data.
 */
function taps(g: Grid): [number, number][] {
  const { Ph, Pw, lead } = gridSizes(g);
  const [pf, pt, pl] = g.before;
  const out: [number, number][] = [];
  for (let kd = 0; kd < g.k[0]; kd++)
    for (let kh = 0; kh < g.k[1]; kh++) for (let kw = 0; kw < g.k[2]; kw++) out.push([out.length, lead + ((kd - pf) * Ph + kh - pt) * Pw + kw - pl]);
  return out;
}

/** dy [B, OD, OH, OW, N] placed on the grid's rows (dyp [Q, N], zeros elsewhere). */
function dyOnGrid(g: Grid, N: number, dy: Float32Array, dyp: Float32Array): void {
  const { Pd, Ph, Pw } = gridSizes(g);
  const [OD, OH, OW] = g.o;
  const row = OW * N;
  dyp.fill(0);
  for (let b = 0; b < g.B; b++)
    for (let od = 0; od < OD; od++)
      for (let oh = 0; oh < OH; oh++) {
        const p = ((b * Pd + od) * Ph + oh) * Pw * N;
        const v = ((b * OD + od) * OH + oh) * row;
        dyp.set(dy.subarray(v, v + row), p);
      }
}

/**
 * Measured choices of the `shift` method (bench/convcalls.ts, docs/PERFORMANCE.md); mutable for benchmarks and tests.
 *
 * `positionsAsRows(C, N)`: whether the forward pass (and the input gradient, a forward pass of dy) of a convolution
 * with C input and N output channels computes the grid's positions as the products' rows (yp [Q, N] += xp[r : r + Q] ·
 * W[tap]: the grid and its valid rows are block copies of x and y) rather than channel-major (ypᵀ [N, Q] += W[tap]ᵀ ·
 * xpᵀ[:, r : r + Q]: x transposed onto the grid and y back, element by element, but a faster product where the
 * channels are few). Both sum the same terms in the same order.
 *
 * `blockRows(C, N, kind)`: grid positions per block: every kernel takes its taps' products block by block, so that the
 * block's stretch of the padded input and of the output (forward) or dy (filter gradient), which every tap reads,
 * stays in cache across the taps; about 128 KB of each (at most MAX_BLOCK_ROWS positions) measured fastest.
 */
export const shiftLayout = {
  positionsAsRows: (C: number, N: number): boolean => Math.min(C, N) >= 16,
  blockRows: (C: number, N: number, kind: Kind): number => Math.min(MAX_BLOCK_ROWS, Math.max(512, Math.floor(32768 / Math.max(C, N)))),
};

/**
 * y [B, o, N] = stride-1 convolution of x [B, n, C] (padded by `before`) with W [KD, KH, KW, C, N], written into
 * `out`, one product per tap, positions as rows or channel-major (`shiftLayout`).
 */
function shiftForward(sgemm: Sgemm, x: Float32Array, C: number, g: Grid, W: Float32Array, N: number, out: Float32Array): void {
  const { Pd, Ph, Pw, T, Q } = gridSizes(g);
  const [OD, OH, OW] = g.o;
  const yp = scratch(3, Q * N);
  const rows = shiftLayout.positionsAsRows(C, N);
  convTrace.method = rows ? 'shift, positions as rows' : 'shift, channel-major';
  if (rows) {
    const xp = paddedInput(x, C, g, false);
    const R = shiftLayout.blockRows(C, N, 'forward');
    for (let q0 = 0; q0 < Q; q0 += R) {
      const nr = Math.min(R, Q - q0);
      for (const [t, r] of taps(g)) {
        sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, nr, N, C, 1, xp.subarray((q0 + r) * C), C, W.subarray(t * C * N), N, t === 0 ? 0 : 1, yp.subarray(q0 * N), N);
      }
    }
    const row = OW * N;
    for (let b = 0, v = 0; b < g.B; b++)
      for (let od = 0; od < OD; od++)
        for (let oh = 0; oh < OH; oh++, v += row) {
          const q0 = ((b * Pd + od) * Ph + oh) * Pw * N;
          out.set(yp.subarray(q0, q0 + row), v);
        }
    return;
  }
  const xpT = paddedInput(x, C, g, true);
  const R = shiftLayout.blockRows(C, N, 'forward');
  for (let q0 = 0; q0 < Q; q0 += R) {
    const nr = Math.min(R, Q - q0);
    for (const [t, r] of taps(g)) {
      sgemm(CBLAS_ROW_MAJOR, CBLAS_TRANS, CBLAS_NO_TRANS, N, nr, C, 1, W.subarray(t * C * N), N, xpT.subarray(q0 + r), T, t === 0 ? 0 : 1, yp.subarray(q0), Q);
    }
  }
  for (let b = 0, v = 0; b < g.B; b++)
    for (let od = 0; od < OD; od++)
      for (let oh = 0; oh < OH; oh++, v += OW * N) {
        const q0 = ((b * Pd + od) * Ph + oh) * Pw;
        for (let n = 0, i = q0; n < N; n++, i += Q) for (let ow = 0, o = v + n; ow < OW; ow++, o += N) out[o] = yp[i + ow];
      }
}

/** The most grid positions a block of `shift` has (`shiftLayout.blockRows`). */
export const MAX_BLOCK_ROWS = 8192;

/** The forward geometry of a stride-1 convolution. */
function forwardGrid(c: Info): Grid {
  return {
    B: c.batchSize,
    n: [c.inDepth, c.inHeight, c.inWidth],
    before: [c.padInfo.front, c.padInfo.top, c.padInfo.left],
    o: [c.outDepth, c.outHeight, c.outWidth],
    k: [c.filterDepth, c.filterHeight, c.filterWidth],
  };
}

/** The input gradient's geometry: dy [B, o] padded by K−1−p in front, convolved to [B, n]. */
function inputGrid(c: Info): Grid {
  const f = forwardGrid(c);
  return { B: f.B, n: f.o, before: [0, 1, 2].map((i) => f.k[i] - 1 - f.before[i]) as [number, number, number], o: f.n, k: f.k };
}

/** Conv3D: the rule's method, else the wasm kernel (patch product or XNNPACK). */
export function nativeConv3D(sgemm: Sgemm) {
  return function conv3DBlas(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { x, filter } = inputs;
    const pl = plan('forward', x.shape, filter.shape, attrs, x.dtype);
    if (!pl) return conv3d(args);
    const { c, m } = pl;
    const { P, K, N } = dims(c);
    const y = backend.makeOutput([c.batchSize, c.outDepth, c.outHeight, c.outWidth, N], 'float32');
    const heap = (t: tf.TensorInfo) => heapF32(backend, t);
    if (m === 'shift') {
      shiftKernel('forward', sgemm, backend, x, filter, c, y);
      return y;
    }
    const cols = colsOf(backend, x, c);
    sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, P, N, K, 1, cols, K, heap(filter), N, 0, heap(y), N);
    return y;
  };
}

/** Conv3DBackpropFilterV2: dW = colsᵀ · dy (im2col) or Σ shifted products (shift), else the wasm kernel. */
export function nativeConv3DBackpropFilter(sgemm: Sgemm) {
  return function conv3DBackpropFilterBlas(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { x, dy } = inputs;
    const filterShape = (attrs as { filterShape: Shape5 }).filterShape;
    const pl = plan('filter', x.shape, filterShape, attrs, x.dtype);
    if (!pl) return conv3dBackpropFilter(args);
    const { c, m } = pl;
    const { P, K, N } = dims(c);
    const dW = backend.makeOutput([...filterShape], 'float32');
    const heap = (t: tf.TensorInfo) => heapF32(backend, t);
    if (m === 'shift') {
      shiftKernel('filter', sgemm, backend, x, dy, c, dW);
      return dW;
    }
    const cols = colsOf(backend, x, c);
    sgemm(CBLAS_ROW_MAJOR, CBLAS_TRANS, CBLAS_NO_TRANS, K, N, P, 1, cols, K, heap(dy), N, 0, heap(dW), N);
    return dW;
  };
}

/** W [KD, KH, KW, Cin, Cout] flipped in (kd, kh, kw) and transposed to [KD, KH, KW, Cout, Cin] (scratch 4). */
function flipTranspose(W: Float32Array, k: [number, number, number], cin: number, cout: number): Float32Array {
  const taps = k[0] * k[1] * k[2];
  const per = cin * cout;
  const out = scratch(4, taps * per);
  for (let t = 0; t < taps; t++) {
    const src = (taps - 1 - t) * per; // (KD−1−kd, KH−1−kh, KW−1−kw) is the reversed flat tap index
    const dst = t * per;
    for (let ci = 0; ci < cin; ci++) for (let co = 0; co < cout; co++) out[dst + co * cin + ci] = W[src + ci * cout + co];
  }
  return out;
}

/**
 * Kernel `kind` by `shift` (stride 1) into `out`, on a = x, b = W (forward), a = x, b = dy (filter gradient) or
 * a = dy, b = W (input gradient). Heap views are taken here, after the caller allocated `out`.
 */
function shiftKernel(kind: Kind, sgemm: Sgemm, backend: KernelArgs['backend'], a: tf.TensorInfo, b: tf.TensorInfo, c: Info, out: tf.TensorInfo): void {
  const heap = (t: tf.TensorInfo) => heapF32(backend, t);
  const { inChannels: C, outChannels: N } = c;
  if (kind === 'forward') {
    shiftForward(sgemm, heap(a), C, forwardGrid(c), heap(b), N, heap(out));
  } else if (kind === 'input') {
    const g = inputGrid(c);
    const wT = flipTranspose(heap(b), g.k, C, N);
    shiftForward(sgemm, heap(a), N, g, wT, C, heap(out));
  } else {
    const g = forwardGrid(c);
    const { Q } = gridSizes(g);
    const xp = paddedInput(heap(a), C, g, false);
    const dyp = scratch(3, Q * N);
    dyOnGrid(g, N, heap(b), dyp);
    const dW = heap(out);
    const tp = taps(g);
    const block = shiftLayout.blockRows(C, N, 'filter');
    for (let q0 = 0; q0 < Q; q0 += block) {
      const rows = Math.min(block, Q - q0);
      for (const [t, r] of tp) {
        sgemm(CBLAS_ROW_MAJOR, CBLAS_TRANS, CBLAS_NO_TRANS, C, N, rows, 1, xp.subarray((q0 + r) * C), C, dyp.subarray(q0 * N), N, q0 === 0 ? 0 : 1, dW.subarray(t * C * N), N);
      }
    }
  }
}

/** The attributes of a 2-D convolution that `conv2dByShift` reads. */
export interface Conv2dShiftAttrs {
  strides: number | [number, number];
  pad: unknown;
  dataFormat?: string;
  dilations?: number | number[];
}

/**
 * A 2-D convolution's kernel `kind` (NHWC, x [B, H, W, C], W [KH, KW, C, N]) run as the 3-D one of depth 1, by
 * `shift` where `nativeConv3dRule` picks it for that shape (the same grid and products: depth 1 adds no gap), into
 * a new output of `outShape`; null where it does not apply or the rule says otherwise (the caller runs its own).
 * a and b are as for the 3-D kernel (forward x, W; filter gradient x, dy; input gradient dy, W).
 */
export function conv2dByShift(kind: Kind, sgemm: Sgemm, backend: KernelArgs['backend'], a: tf.TensorInfo, b: tf.TensorInfo, xShape: readonly number[], filterShape: readonly number[], attrs: Conv2dShiftAttrs, outShape: number[]): tf.TensorInfo | null {
  if (a.dtype !== 'float32' || attrs.dataFormat === 'NCHW' || (attrs.pad !== 'same' && attrs.pad !== 'valid')) return null;
  const [sh, sw] = typeof attrs.strides === 'number' ? [attrs.strides, attrs.strides] : attrs.strides;
  if (sh !== 1 || sw !== 1) return null;
  const attrs3: Conv3dAttrs = { strides: 1, pad: attrs.pad, dilations: attrs.dilations };
  const pl = plan(kind, [xShape[0], 1, xShape[1], xShape[2], xShape[3]], [1, ...filterShape], attrs3, a.dtype);
  if (!pl || pl.m !== 'shift') return null;
  const out = backend.makeOutput(outShape, 'float32');
  shiftKernel(kind, sgemm, backend, a, b, pl.c, out);
  return out;
}

/** Conv3DBackpropInputV2: dcols = dy · Wᵀ then col2im (im2col), or a shifted forward of dy (shift), else wasm. */
export function nativeConv3DBackpropInput(sgemm: Sgemm) {
  return function conv3DBackpropInputBlas(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { dy, filter } = inputs;
    const inputShape = (attrs as { inputShape: Shape5 }).inputShape;
    const pl = plan('input', inputShape, filter.shape, attrs, dy.dtype);
    if (!pl) return conv3dBackpropInput(args);
    const { c, m } = pl;
    const { P, K, N } = dims(c);
    const dx = backend.makeOutput([...inputShape], 'float32');
    const heap = (t: tf.TensorInfo) => heapF32(backend, t);
    if (m === 'shift') {
      shiftKernel('input', sgemm, backend, dy, filter, c, dx);
      return dx;
    }
    const dcols = scratch(0, P * K);
    sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_TRANS, P, K, N, 1, heap(dy), N, heap(filter), N, 0, dcols, K);
    const out = heap(dx);
    out.fill(0);
    im2col3d(out, c, dcols, false);
    return dx;
  };
}
