/**
 * Conv3DBackpropFilterV2 and Conv3DBackpropInputV2 on wasm, composed from the wasm Conv3D kernel.
 *
 * The stock wasm 4.22 kernels are wrong (checked against cpu): Conv3DBackpropInputV2 for every shape
 * tried (relative error ≈ 1), Conv3DBackpropFilterV2 whenever the stride is > 1. Conv3D, MaxPool3D,
 * AvgPool3D and their pool gradients are right. The same identities as the 2D kernels are used:
 *
 *   dW[kd,kh,kw,ci,co] = Σ_{b,o} xpad[b, s∘o + k, ci] · dy[b, o, co]
 *     = VALID stride-1 conv of xpadᵀ [Cin, Dp, Hp, Wp, B] with dyᵀ [OD, OH, OW, B, Cout], dilated by s
 *   dx = VALID stride-1 conv of (dy with zeros inserted, padded K−1−p before) with W flipped in
 *        (kd, kh, kw) and transposed to [KD, KH, KW, Cout, Cin]
 *
 * Conv3D takes only 'same'/'valid' padding, so padding (or cropping) is done first with PadV2/Slice.
 *
 * Both use this project's Conv3D (conv3d.ts, through XNNPACK); the stock filter gradient, correct at
 * stride 1, is kept there.
 */
import * as tf from '@tensorflow/tfjs';
import { conv3dVia2d } from './conv3d';
import { patchConv3dFilterGrad, patchConv3dInputGrad, patchGrid } from './patchify';
import { free, insertZeros, KernelArgs, padOrCrop, run, transpose } from './util';

export const KERNEL_NAMES = ['Conv3DBackpropFilterV2', 'Conv3DBackpropInputV2'] as const;

type Shape5 = [number, number, number, number, number];
type Conv3dAttrs = { strides: number | [number, number, number]; pad: 'valid' | 'same' };

function info3d(xShape: Shape5, wShape: Shape5, attrs: Conv3dAttrs) {
  const c = tf.backend_util.computeConv3DInfo(xShape, wShape, attrs.strides, 1, attrs.pad);
  return {
    s: [c.strideDepth, c.strideHeight, c.strideWidth],
    k: [c.filterDepth, c.filterHeight, c.filterWidth],
    o: [c.outDepth, c.outHeight, c.outWidth],
    n: [c.inDepth, c.inHeight, c.inWidth],
    p: [c.padInfo.front, c.padInfo.top, c.padInfo.left],
    cin: c.inChannels,
    cout: c.outChannels,
  };
}

export function conv3dBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { x, dy } = inputs;
  const grid = x.dtype === 'float32' ? patchGrid(x.shape, attrs.filterShape as Shape5, (attrs as Conv3dAttrs).strides, 1, attrs.pad) : null;
  if (grid) return patchConv3dFilterGrad(backend, grid, x, dy);
  const { s, k, o, n, p } = info3d(x.shape as Shape5, attrs.filterShape as Shape5, attrs as Conv3dAttrs);
  if (s.every((si) => si === 1)) return run('Conv3DBackpropFilterV2', backend, inputs, attrs);
  // Pad so that each spatial axis is exactly the (o−1)·s + k positions the windows visit.
  const spans = [0, 1, 2].map((i): [number, number] => [p[i], (o[i] - 1) * s[i] + k[i] - n[i] - p[i]]);
  const xp = padOrCrop(backend, x, [[0, 0], ...spans, [0, 0]]);
  const xT = transpose(backend, xp, [4, 1, 2, 3, 0]); // [Cin, Dp, Hp, Wp, B]
  const dyT = transpose(backend, dy, [1, 2, 3, 0, 4]); // [OD, OH, OW, B, Cout]
  const dWt = conv3dVia2d(backend, xT, dyT, 1, 'valid', s as [number, number, number]); // [Cin, KD, KH, KW, Cout]
  const dW = transpose(backend, dWt, [1, 2, 3, 0, 4]); // [KD, KH, KW, Cin, Cout]
  if (xp !== x) free(backend, xp);
  free(backend, xT, dyT, dWt);
  return dW;
}

export function conv3dBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { dy, filter } = inputs;
  const grid = dy.dtype === 'float32' ? patchGrid(attrs.inputShape as Shape5, filter.shape, (attrs as Conv3dAttrs).strides, 1, attrs.pad) : null;
  if (grid) return patchConv3dInputGrad(backend, grid, dy, filter);
  const { s, k, n, p } = info3d(attrs.inputShape as Shape5, filter.shape as Shape5, attrs as Conv3dAttrs);
  const dyz = insertZeros(backend, dy, s); // [B, OD·sd, OH·sh, OW·sw, Cout]
  // Before: k−1−p; after: whatever makes the stride-1 VALID output length n (negative crops).
  const pads = [0, 1, 2].map((i): [number, number] => {
    const before = k[i] - 1 - p[i];
    return [before, n[i] + k[i] - 1 - before - dyz.shape[i + 1]];
  });
  const dyp = padOrCrop(backend, dyz, [[0, 0], ...pads, [0, 0]]);
  const flipped = run('Reverse', backend, { x: filter }, { dims: [0, 1, 2] });
  const wT = transpose(backend, flipped, [0, 1, 2, 4, 3]); // [KD, KH, KW, Cout, Cin]
  const dx = conv3dVia2d(backend, dyp, wT, 1, 'valid', 1); // [B, D, H, W, Cin]
  if (dyp !== dyz) free(backend, dyp);
  if (dyz !== dy) free(backend, dyz);
  free(backend, flipped, wT);
  return dx;
}
