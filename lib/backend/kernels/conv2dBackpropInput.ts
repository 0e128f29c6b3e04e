/**
 * Conv2DBackpropInput on wasm as an ordinary (XNNPACK) convolution; the stock kernel is a plain loop
 * (≈14× slower at stride 1 and ≈4× at stride 2 on [32,32,32,16] ← [3,3,16,32], bench/kernels.ts).
 *
 * With dyz the output gradient with s−1 zeros inserted after each row/column (forward stride s),
 *
 *   dx[b,ih,iw,ci] = Σ_{kh,kw,co} dyz[b, ih+pt−kh, iw+pl−kw, co] · W[kh,kw,ci,co]
 *
 * is a stride-1 correlation of dyz, padded by KH−1−pt before (and whatever makes the length H after),
 * with the filter flipped in (kh, kw) and transposed to [KH, KW, Cout, Cin].
 */
import * as tf from '@tensorflow/tfjs';
import { free, insertZeros, KernelArgs, run, transpose } from './util';

export const KERNEL_NAME = 'Conv2DBackpropInput';

export function conv2dBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { dy, filter } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as {
    strides: number | [number, number];
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    inputShape: [number, number, number, number];
  };
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
  const { inHeight: H, inWidth: W } = info;
  const pt = kh - 1 - info.padInfo.top;
  const pl = kw - 1 - info.padInfo.left;
  if (dataFormat === 'NCHW' || pt < 0 || pl < 0) {
    // Padding wider than the filter never occurs in this project; keep the stock kernel for it.
    return run(KERNEL_NAME, backend, inputs, attrs);
  }

  let dyz = insertZeros(backend, dy, [sh, sw]); // [B, OH·sh, OW·sw, Cout]
  // Length after the leading pad that makes the stride-1 output H (W) long; negative = crop.
  let pb = H + kh - 1 - pt - dyz.shape[1];
  let pr = W + kw - 1 - pl - dyz.shape[2];
  if (pb < 0 || pr < 0) {
    const [b, hz, wz, c] = dyz.shape;
    const cut = run('Slice', backend, { x: dyz }, {
      begin: [0, 0, 0, 0],
      size: [b, hz + Math.min(pb, 0), wz + Math.min(pr, 0), c],
    });
    if (dyz !== dy) free(backend, dyz);
    dyz = cut;
    pb = Math.max(pb, 0);
    pr = Math.max(pr, 0);
  }

  const flipped = run('Reverse', backend, { x: filter }, { dims: [0, 1] }); // W[KH−1−kh, KW−1−kw]
  const wT = transpose(backend, flipped, [0, 1, 3, 2]); // [KH, KW, Cout, Cin]
  // Conv2D takes explicit padding, so the leading/trailing zeros cost no copy.
  const dx = run(
    'Conv2D',
    backend,
    { x: dyz, filter: wT },
    { strides: [1, 1], pad: [[0, 0], [pt, pb], [pl, pr], [0, 0]], dataFormat: 'NHWC', dilations: [1, 1] },
  ); // [B, H, W, Cin]
  free(backend, flipped, wT);
  if (dyz !== dy) free(backend, dyz);
  return dx;
}
