/**
 * Conv2DBackpropFilter for wasm (tfjs-backend-wasm 4.22 has none, so no CNN can train there).
 *
 *   dW[kh,kw,ci,co] = Σ_{b,oh,ow} xpad[b, s·oh+kh, s·ow+kw, ci] · dy[b,oh,ow,co]
 *
 * is a VALID, stride-1 convolution, dilated by the forward stride s, of xᵀ = [Cin, Hp, Wp, B] (the
 * batch plays the channel) with dyᵀ = [OH, OW, B, Cout] as the filter; its output [Cin, KH, KW, Cout] is
 * transposed to [KH, KW, Cin, Cout]. The forward padding becomes the convolution's explicit padding,
 * so XNNPACK does all the arithmetic.
 */
import * as tf from '@tensorflow/tfjs';
import { free, KernelArgs, run, transpose, view, WasmBackend } from './util';

export const KERNEL_NAME = 'Conv2DBackpropFilter';

/**
 * Padding (and cropping, where negative) that maps an input of length `n` onto exactly the
 * `(o - 1)·s + k` positions a VALID stride-s window visits.
 */
function spanPads(n: number, before: number, o: number, s: number, k: number): [number, number] {
  const after = (o - 1) * s + k - n - before;
  return [before, after];
}

/** Crop x [B, H, W, C] to rows [0, h) and columns [0, w) where h < H or w < W. */
function cropHW(backend: WasmBackend, x: tf.TensorInfo, h: number, w: number): tf.TensorInfo | null {
  const [b, H, W, c] = x.shape;
  if (h >= H && w >= W) return null;
  return run('Slice', backend, { x }, { begin: [0, 0, 0, 0], size: [b, Math.min(h, H), Math.min(w, W), c] });
}

export function conv2dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { x, dy } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as {
    strides: number | [number, number];
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  if (dataFormat === 'NCHW') throw new Error('cfcml wasm Conv2DBackpropFilter: only NHWC is supported');
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
  const { outHeight: oh, outWidth: ow, inChannels: cin, outChannels: cout } = info;

  let [pt, pb] = spanPads(info.inHeight, info.padInfo.top, oh, sh, kh);
  let [pl, pr] = spanPads(info.inWidth, info.padInfo.left, ow, sw, kw);
  // Rows/columns the strided window never reaches (pb/pr < 0) are cropped away first.
  const cropped = cropHW(backend, x, info.inHeight + Math.min(pb, 0), info.inWidth + Math.min(pr, 0));
  pb = Math.max(pb, 0);
  pr = Math.max(pr, 0);
  const xc = cropped ?? x;

  const xT = transpose(backend, xc, [3, 1, 2, 0]); // [Cin, H, W, B]
  const dyT = transpose(backend, dy, [1, 2, 0, 3]); // [OH, OW, B, Cout]
  const dWt = run(
    'Conv2D',
    backend,
    { x: xT, filter: dyT },
    {
      strides: [1, 1],
      pad: [[0, 0], [pt, pb], [pl, pr], [0, 0]],
      dataFormat: 'NHWC',
      dilations: [sh, sw],
      dimRoundingMode: undefined,
    },
  ); // [Cin, KH, KW, Cout]
  const dW = transpose(backend, view(dWt, [cin, kh, kw, cout]), [1, 2, 0, 3]); // [KH, KW, Cin, Cout]
  free(backend, xT, dyT, dWt);
  if (cropped) free(backend, cropped);
  return dW;
}
