/**
 * DepthwiseConv2dNativeBackpropFilter / …BackpropInput for wasm (both absent in 4.22, so
 * tf.depthwiseConv2d and tf.separableConv2d cannot train there), composed from the wasm depthwise
 * convolution. Filter W [KH, KW, C, m] (m = channel multiplier), dy [B, OH, OW, C·m]:
 *
 *   dx[b,i,c]     = Σ_{k,q} dyz[b, i+p−k, c·m+q] · W[k,c,q]
 *                 = Σ_q (depthwise conv of dyz with W flipped, viewed [KH, KW, C·m, 1])[b,i,c·m+q]
 *   dW[k,c,q]     = Σ_{b,o} xpad[b, s·o+k, c] · dy[b, o, c·m+q]
 *                 = Σ_b depthwise conv, dilated by s, of xᵀ [1, Hp, Wp, B·C] with dyᵀ [OH, OW, B·C, m]
 *
 * (dyz: dy with s−1 zeros inserted, as in conv2dBackpropInput.ts.)
 */
import * as tf from '@tensorflow/tfjs';
import { free, insertZeros, KernelArgs, run, transpose, view } from './util';

export const KERNEL_NAMES = ['DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput'] as const;

type DwAttrs = {
  strides: number | [number, number];
  dilations?: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};

function info(xShape: number[], wShape: number[], a: DwAttrs) {
  const d = a.dilations ?? 1;
  if (d !== 1 && !(Array.isArray(d) && d[0] === 1 && d[1] === 1)) {
    throw new Error('cfcml wasm depthwise gradients: dilations > 1 are not supported');
  }
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    wShape as [number, number, number, number],
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
    true,
  );
}

export function depthwiseBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { x, dy } = inputs;
  const fs = attrs.filterShape as number[];
  const ci = info(x.shape, fs, attrs as unknown as DwAttrs);
  const [kh, kw, c, m] = fs;
  const b = ci.batchSize;
  const pt = ci.padInfo.top;
  const pl = ci.padInfo.left;
  const pb = (ci.outHeight - 1) * ci.strideHeight + kh - ci.inHeight - pt;
  const pr = (ci.outWidth - 1) * ci.strideWidth + kw - ci.inWidth - pl;
  const xc =
    pb < 0 || pr < 0
      ? run('Slice', backend, { x }, { begin: [0, 0, 0, 0], size: [b, ci.inHeight + Math.min(pb, 0), ci.inWidth + Math.min(pr, 0), c] })
      : x;
  const xT = transpose(backend, xc, [1, 2, 0, 3]); // [H, W, B, C]
  const dyT = transpose(backend, dy, [1, 2, 0, 3]); // [OH, OW, B, C·m]
  const out = run(
    'DepthwiseConv2dNative',
    backend,
    { x: view(xT, [1, xT.shape[0], xT.shape[1], b * c]), filter: view(dyT, [ci.outHeight, ci.outWidth, b * c, m]) },
    {
      strides: [1, 1],
      dilations: [ci.strideHeight, ci.strideWidth],
      pad: [[0, 0], [pt, Math.max(pb, 0)], [pl, Math.max(pr, 0)], [0, 0]],
      dimRoundingMode: undefined,
    },
  ); // [1, KH, KW, B·C·m]
  const dW = run('Sum', backend, { x: view(out, [kh, kw, b, c * m]) }, { axis: [2], keepDims: false }); // [KH, KW, C·m]
  free(backend, xT, dyT, out);
  if (xc !== x) free(backend, xc);
  return view(dW, [kh, kw, c, m]);
}

export function depthwiseBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { dy, filter } = inputs;
  const xs = attrs.inputShape as number[];
  const ci = info(xs, filter.shape, attrs as unknown as DwAttrs);
  const [kh, kw, c, m] = filter.shape;
  const [b, H, W] = xs;
  const pt = kh - 1 - ci.padInfo.top;
  const pl = kw - 1 - ci.padInfo.left;
  if (pt < 0 || pl < 0) throw new Error('cfcml wasm depthwise gradient: padding wider than the filter');
  let dyz = insertZeros(backend, dy, [ci.strideHeight, ci.strideWidth]); // [B, OH·sh, OW·sw, C·m]
  let pb = H + kh - 1 - pt - dyz.shape[1];
  let pr = W + kw - 1 - pl - dyz.shape[2];
  if (pb < 0 || pr < 0) {
    const cut = run('Slice', backend, { x: dyz }, {
      begin: [0, 0, 0, 0],
      size: [b, dyz.shape[1] + Math.min(pb, 0), dyz.shape[2] + Math.min(pr, 0), c * m],
    });
    if (dyz !== dy) free(backend, dyz);
    dyz = cut;
    pb = Math.max(pb, 0);
    pr = Math.max(pr, 0);
  }
  const flipped = run('Reverse', backend, { x: filter }, { dims: [0, 1] }); // [KH, KW, C, m]
  const y = run(
    'DepthwiseConv2dNative',
    backend,
    { x: dyz, filter: view(flipped, [kh, kw, c * m, 1]) },
    { strides: [1, 1], dilations: [1, 1], pad: [[0, 0], [pt, pb], [pl, pr], [0, 0]], dimRoundingMode: undefined },
  ); // [B, H, W, C·m]
  free(backend, flipped);
  if (dyz !== dy) free(backend, dyz);
  if (m === 1) return y;
  const dx = run('Sum', backend, { x: view(y, [b, H, W, c, m]) }, { axis: [4], keepDims: false }); // [B, H, W, C]
  free(backend, y);
  return dx;
}
