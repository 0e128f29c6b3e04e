/**
 * Conv3D on wasm through XNNPACK's 2D convolution. The stock kernel is a plain loop (≈0.2 GMAC/s:
 * 340 ms for [4,16,16,16,8] ⊛ [3,3,3,8,16]); here the depth taps are unrolled into channels
 * ("im2col along depth") and one Conv2D does the rest:
 *
 *   xc[b·OD + od, h, w, kd·C + c] = xpad[b, od·sd + kd·dd, h, w, c]          [B·OD, H, W, KD·C]
 *   y[b, od] = Conv2D(xc[b·OD + od], Wᵀ)   with Wᵀ = W viewed [KH, KW, KD·C, Cout]
 *
 * at the cost of a KD-fold copy of the input. Depth padding is applied to x first (PadV2/Slice);
 * height/width padding, strides and dilations go to Conv2D.
 */
import * as tf from '@tensorflow/tfjs';
import { free, KernelArgs, padOrCrop, run, runRegistered, transpose, view, WasmBackend } from './util';
import { patchConv3d, patchGrid } from './patchify';
import { slice } from './slice';

export const KERNEL_NAME = 'Conv3D';

type Shape5 = [number, number, number, number, number];

export function conv3dVia2d(
  backend: WasmBackend,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  strides: number | [number, number, number],
  pad: 'valid' | 'same',
  dilations: number | [number, number, number],
): tf.TensorInfo {
  const ci = tf.backend_util.computeConv3DInfo(x.shape as Shape5, filter.shape as Shape5, strides, dilations, pad);
  const [b, , h, w, c] = x.shape;
  const { outDepth: od, outHeight: oh, outWidth: ow, outChannels: co } = ci;
  const { strideDepth: sd, dilationDepth: dd, filterDepth: kd } = ci;
  const [kh, kw] = [ci.filterHeight, ci.filterWidth];
  // Depth span read: tap t at output o reads od·sd + t·dd; pad so that od·sd + (kd−1)·dd fits (a
  // whole multiple of sd per tap, so each tap is a plain slice then a stride-sd pick).
  const span = od * sd + (kd - 1) * dd;
  const front = ci.padInfo.front;
  const xp = padOrCrop(backend, x, [[0, 0], [front, span - x.shape[1] - front], [0, 0], [0, 0], [0, 0]]);
  const taps: tf.TensorInfo[] = [];
  for (let t = 0; t < kd; t++) {
    const cut = slice({ inputs: { x: xp }, backend, attrs: { begin: [0, t * dd, 0, 0, 0], size: [b, od * sd, h, w, c] } });
    if (sd === 1) taps.push(cut);
    else {
      // [B, OD, sd, H·W·C]: keep the first of every sd depth slices.
      const picked = slice({ inputs: { x: view(cut, [b, od, sd, h * w * c]) }, backend, attrs: { begin: [0, 0, 0, 0], size: [b, od, 1, h * w * c] } });
      free(backend, cut);
      taps.push(view(picked, [b, od, h, w, c]));
    }
  }
  if (xp !== x) free(backend, xp);
  const xc = kd === 1 ? taps[0] : run('Concat', backend, taps as unknown as Record<string, tf.TensorInfo>, { axis: 4 }); // [B, OD, H, W, KD·C]
  if (kd > 1) free(backend, ...taps);
  const wT = transpose(backend, filter, [1, 2, 0, 3, 4]); // [KH, KW, KD, C, Cout]
  // The path's Conv2D (im2col + BLAS where faster on native-blas, else XNNPACK).
  const y = runRegistered(
    'Conv2D',
    backend,
    { x: view(xc, [b * od, h, w, kd * c]), filter: view(wT, [kh, kw, kd * c, co]) },
    {
      strides: [ci.strideHeight, ci.strideWidth],
      dilations: [ci.dilationHeight, ci.dilationWidth],
      pad: [[0, 0], [ci.padInfo.top, ci.padInfo.bottom], [ci.padInfo.left, ci.padInfo.right], [0, 0]],
      dataFormat: 'NHWC',
      dimRoundingMode: undefined,
    },
  ); // [B·OD, OH, OW, Cout]
  free(backend, xc, wT);
  return view(y, [b, od, oh, ow, co]);
}

export function conv3d(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { strides, pad, dilations } = attrs as {
    strides: number | [number, number, number];
    pad: 'valid' | 'same';
    dilations: number | [number, number, number];
  };
  const grid = inputs.x.dtype === 'float32' ? patchGrid(inputs.x.shape, inputs.filter.shape, strides, dilations ?? 1, pad) : null;
  if (grid) return patchConv3d(backend, grid, inputs.x, inputs.filter);
  return conv3dVia2d(backend, inputs.x, inputs.filter, strides, pad, dilations ?? 1);
}
