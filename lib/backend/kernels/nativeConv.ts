/**
 * 2-D convolutions (NHWC, dilation 1) and both their gradients as im2col + `cblas_sgemm` on the native-blas
 * path (lib/backend/path.ts), where that beats the wasm kernels (XNNPACK) on the shape; elsewhere the wasm
 * kernels run. With cols[p, (kh, kw, ci)] = xpad[b, oh·sh + kh, ow·sw + kw, ci] for p = (b, oh, ow):
 *
 *   forward           y[P, Cout]      = cols · W[KH·KW·Cin, Cout]
 *   filter gradient   dW[KH·KW·Cin, Cout] = colsᵀ · dy[P, Cout]
 *   input gradient    dcols[P, KH·KW·Cin] = dy · Wᵀ, then scattered back (col2im, summing overlaps)
 *
 * cols lives in a JS scratch buffer (the BLAS reads any Float32Array); the output is written into the wasm heap.
 * `nativeConvRule` is the measured rule of where this is faster (docs/PERFORMANCE.md). Before it, kernels that tile
 * x exactly (kernel = stride) run as patch products (patchify.ts, as depth 1; `patches2d`), and stride-1
 * convolutions as the 3-D ones of depth 1 by shifted products (nativeConv3d.ts `conv2dByShift`) where
 * `nativeConv3dRule` picks `shift` for the shape (grids not much larger than the output).
 */
import * as tf from '@tensorflow/tfjs';
import { CBLAS_NO_TRANS, CBLAS_ROW_MAJOR, CBLAS_TRANS, type Sgemm } from '../blas';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { conv2dBackpropInput } from './conv2dBackpropInput';
import { conv2dByShift, convTrace } from './nativeConv3d';
import { patchConv3d, patchConv3dFilterGrad, patchConv3dInputGrad, patchGrid } from './patchify';
import { KernelArgs, run, scratch, unitDilations, view } from './util';

type ConvAttrs = {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

/**
 * Where im2col + sgemm beats the wasm kernels, per kernel, from per-shape timings on the presets' shapes
 * (docs/PERFORMANCE.md). The wasm kernels of both gradients build a new XNNPACK operator every call (their
 * filter is a fresh tensor: the flipped weights, or dy), which the BLAS does not pay; the forward pass builds
 * one per step too (the weights change), but with few input channels building cols costs more than XNNPACK.
 * Mutable for benchmarks that time both sides on every shape.
 */
export const nativeConvRule: Record<'forward' | 'filter' | 'input', (info: tf.backend_util.Conv2DInfo) => boolean> = {
  forward: (i) => i.inChannels >= 32,
  filter: () => true,
  input: (i) => i.strideHeight > 1 || i.strideWidth > 1 || i.inChannels >= 32,
};

/**
 * Whether a 2-D convolution whose kernel tiles x exactly (kernel = stride: the stem, the 2×2 stride-2 downsamplings of
 * even grids) runs as the patch product of patchify.ts (depth 1): x re-ordered into patches once, one product, no
 * im2col. Mutable for benchmarks and tests.
 */
export const patches2d = {
  on: true,
  /** The forward pass with few input channels (the stem's 3) is faster on XNNPACK than re-ordering x into patches. */
  forward: (info: tf.backend_util.Conv2DInfo): boolean => info.inChannels >= 16,
};

/**
 * Kernel `kind` of a 2-D convolution (NHWC, x [B, H, W, C], W [KH, KW, C, N]) by the patch product, a and b as for
 * the kernel (forward x, W; filter gradient x, dy; input gradient dy, W); null where kernel ≠ stride or the kernel
 * does not tile x (the caller runs its own).
 */
function conv2dByPatches(kind: 'forward' | 'filter' | 'input', backend: KernelArgs['backend'], a: tf.TensorInfo, b: tf.TensorInfo, xShape: readonly number[], filterShape: readonly number[], attrs: ConvAttrs, outShape: number[]): tf.TensorInfo | null {
  if (!patches2d.on || a.dtype !== 'float32' || attrs.dataFormat === 'NCHW' || !unitDilations(attrs.dilations)) return null;
  const [sh, sw] = typeof attrs.strides === 'number' ? [attrs.strides, attrs.strides] : attrs.strides;
  const x5 = [xShape[0], 1, xShape[1], xShape[2], xShape[3]];
  const w5 = [1, ...filterShape];
  const g = patchGrid(x5, w5, [1, sh, sw], 1, attrs.pad);
  if (!g) return null;
  const as5 = (t: tf.TensorInfo) => view(t, [t.shape[0], 1, ...t.shape.slice(1)]);
  const out =
    kind === 'forward'
      ? patchConv3d(backend, g, as5(a), view(b, w5))
      : kind === 'filter'
        ? patchConv3dFilterGrad(backend, g, as5(a), as5(b))
        : patchConv3dInputGrad(backend, g, as5(a), view(b, w5));
  convTrace.method = 'patch';
  return view(out, outShape);
}

function convInfo(xShape: number[], filterShape: number[], attrs: ConvAttrs): tf.backend_util.Conv2DInfo | null {
  if (attrs.dataFormat === 'NCHW') return null;
  if (!unitDilations(attrs.dilations)) return null;
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad as never,
    attrs.dimRoundingMode,
  );
}

/** cols [B·OH·OW, KH·KW·Cin] of x [B, H, W, Cin] (zeros where the window hangs over the padding). */
function im2col(x: Float32Array, info: tf.backend_util.Conv2DInfo, out: Float32Array): void {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = info;
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;
  const row = KW * C;
  let o = 0;
  for (let b = 0; b < B; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const iw0 = ow * sw - pl;
        const inside = iw0 >= 0 && iw0 + KW <= W;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh - pt + kh;
          if (ih < 0 || ih >= H) {
            out.fill(0, o, o + row);
          } else if (inside) {
            const src = ((b * H + ih) * W + iw0) * C;
            for (let j = 0; j < row; j++) out[o + j] = x[src + j];
          } else {
            for (let kw = 0; kw < KW; kw++) {
              const iw = iw0 + kw;
              const dst = o + kw * C;
              if (iw < 0 || iw >= W) out.fill(0, dst, dst + C);
              else {
                const src = ((b * H + ih) * W + iw) * C;
                for (let c = 0; c < C; c++) out[dst + c] = x[src + c];
              }
            }
          }
          o += row;
        }
      }
    }
  }
}

/** dx [B, H, W, Cin] = Σ over windows of dcols (col2im: the adjoint of im2col). */
function col2im(dcols: Float32Array, info: tf.backend_util.Conv2DInfo, dx: Float32Array): void {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = info;
  const pt = info.padInfo.top;
  const pl = info.padInfo.left;
  dx.fill(0);
  let o = 0;
  for (let b = 0; b < B; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * sh - pt + kh;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * sw - pl + kw;
            if (ih >= 0 && ih < H && iw >= 0 && iw < W) {
              const dst = ((b * H + ih) * W + iw) * C;
              for (let c = 0; c < C; c++) dx[dst + c] += dcols[o + c];
            }
            o += C;
          }
        }
      }
    }
  }
}

/** The product's sizes: P output positions, K = KH·KW·Cin (its depth), N = Cout. */
function dims(info: tf.backend_util.Conv2DInfo): { P: number; K: number; N: number } {
  return { P: info.batchSize * info.outHeight * info.outWidth, K: info.filterHeight * info.filterWidth * info.inChannels, N: info.outChannels };
}

/** cols of x, read from the heap now (call after allocating the output: the allocation may move the heap). */
function colsOf(backend: KernelArgs['backend'], x: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): Float32Array {
  const { P, K } = dims(info);
  const c = scratch(0, P * K);
  im2col(backend.typedArrayFromHeap(x) as Float32Array, info, c);
  return c;
}

/** Conv2D forward: im2col + sgemm where the rule says so, else the stock (XNNPACK) kernel. */
export function nativeConv2D(sgemm: Sgemm) {
  return function conv2DBlas(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { x, filter } = inputs;
    const info = x.dtype === 'float32' ? convInfo(x.shape, filter.shape, attrs as ConvAttrs) : null;
    if (!info) return run('Conv2D', backend, inputs, attrs);
    const patched = patches2d.forward(info) && conv2dByPatches('forward', backend, x, filter, x.shape, filter.shape, attrs as ConvAttrs, [info.batchSize, info.outHeight, info.outWidth, info.outChannels]);
    if (patched) return patched;
    const shifted = conv2dByShift('forward', sgemm, backend, x, filter, x.shape, filter.shape, attrs as ConvAttrs, [info.batchSize, info.outHeight, info.outWidth, info.outChannels]);
    if (shifted) return shifted;
    convTrace.method = nativeConvRule.forward(info) ? 'im2col' : 'wasm';
    if (!nativeConvRule.forward(info)) return run('Conv2D', backend, inputs, attrs);
    const { P, K, N } = dims(info);
    const y = backend.makeOutput([info.batchSize, info.outHeight, info.outWidth, N], 'float32');
    const c = colsOf(backend, x, info);
    const W = backend.typedArrayFromHeap(filter) as Float32Array;
    sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, P, N, K, 1, c, K, W, N, 0, backend.typedArrayFromHeap(y) as Float32Array, N);
    return y;
  };
}

/** Conv2DBackpropFilter: dW = colsᵀ · dy where the rule says so, else the project's wasm kernel. */
export function nativeConv2DBackpropFilter(sgemm: Sgemm) {
  return function conv2DBackpropFilterBlas(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { x, dy } = inputs;
    const filterShape = (attrs as { filterShape: number[] }).filterShape;
    const info = x.dtype === 'float32' ? convInfo(x.shape, filterShape, attrs as ConvAttrs) : null;
    if (!info) return conv2dBackpropFilter(args);
    const patched = conv2dByPatches('filter', backend, x, dy, x.shape, filterShape, attrs as ConvAttrs, [...filterShape]);
    if (patched) return patched;
    const shifted = conv2dByShift('filter', sgemm, backend, x, dy, x.shape, filterShape, attrs as ConvAttrs, [...filterShape]);
    if (shifted) return shifted;
    convTrace.method = nativeConvRule.filter(info) ? 'im2col' : 'wasm';
    if (!nativeConvRule.filter(info)) return conv2dBackpropFilter(args);
    const { P, K, N } = dims(info);
    const dW = backend.makeOutput([...filterShape], 'float32');
    const c = colsOf(backend, x, info);
    const DY = backend.typedArrayFromHeap(dy) as Float32Array;
    sgemm(CBLAS_ROW_MAJOR, CBLAS_TRANS, CBLAS_NO_TRANS, K, N, P, 1, c, K, DY, N, 0, backend.typedArrayFromHeap(dW) as Float32Array, N);
    return dW;
  };
}

/** Conv2DBackpropInput: dcols = dy · Wᵀ then col2im where the rule says so, else the project's wasm kernel. */
export function nativeConv2DBackpropInput(sgemm: Sgemm) {
  return function conv2DBackpropInputBlas(args: KernelArgs): tf.TensorInfo {
    const { inputs, backend, attrs = {} } = args;
    const { dy, filter } = inputs;
    const inputShape = (attrs as { inputShape: number[] }).inputShape;
    const info = dy.dtype === 'float32' ? convInfo(inputShape, filter.shape, attrs as ConvAttrs) : null;
    if (!info) return conv2dBackpropInput(args);
    const patched = conv2dByPatches('input', backend, dy, filter, inputShape, filter.shape, attrs as ConvAttrs, [...inputShape]);
    if (patched) return patched;
    const shifted = conv2dByShift('input', sgemm, backend, dy, filter, inputShape, filter.shape, attrs as ConvAttrs, [...inputShape]);
    if (shifted) return shifted;
    convTrace.method = nativeConvRule.input(info) ? 'im2col' : 'wasm';
    if (!nativeConvRule.input(info)) return conv2dBackpropInput(args);
    const { P, K, N } = dims(info);
    const dx = backend.makeOutput([...inputShape], 'float32');
    const c = scratch(0, P * K);
    const DY = backend.typedArrayFromHeap(dy) as Float32Array;
    const W = backend.typedArrayFromHeap(filter) as Float32Array;
    sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_TRANS, P, K, N, 1, DY, N, W, N, 0, c, K);
    col2im(c, info, backend.typedArrayFromHeap(dx) as Float32Array);
    return dx;
  };
}
