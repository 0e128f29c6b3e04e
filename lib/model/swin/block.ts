import * as tf from '@tensorflow/tfjs';
import type { ChannelNorm } from '../layers';
import type { EncoderParams } from '../types';
import { cyclicShift, shiftedWindowMask } from './shiftedWindows';
import { gelu, layerNorm, makeLayerNorm, makeTorchLinear, torchLinear, type TorchLinear } from './torchLayers';
import { makeWindowAttention, windowAttention, type WindowAttention } from './windowAttention';
import { windowPartition, windowReverse } from './windows';
import type { StageGeometry } from './config';

/**
 * One Swin block (timm's SwinTransformerBlock), on a token grid [B, H, W, C]:
 *   x ← x + SW-MSA(LN₁(x))         (cyclic shift, pad to whole windows, window attention, undo both)
 *   x ← x + FC₂(GELU(FC₁(LN₂(x))))  (MLP, hidden width mlpRatio·C)
 * Even blocks of a stage use plain windows (W-MSA), odd blocks shifted ones. No stochastic depth: training
 * and evaluation compute the same function.
 */
export interface SwinBlock {
  norm1: ChannelNorm;
  attn: WindowAttention;
  norm2: ChannelNorm;
  fc1: TorchLinear;
  fc2: TorchLinear;
  window: [number, number];
  shift: [number, number];
  /** The shifted block's attention mask on the padded grid (null without a shift). */
  mask: { data: Float32Array; shape: [number, number, number] } | null;
}

export function makeSwinBlock(p: EncoderParams, key: string, dim: number, heads: number, mlpRatio: number, geometry: StageGeometry, shifted: boolean): SwinBlock {
  const { grid, window } = geometry;
  const shift: [number, number] = shifted ? geometry.shift : [0, 0];
  const padded = grid.map((n, a) => Math.ceil(n / window[a]) * window[a]);
  const hidden = Math.floor(dim * mlpRatio);
  return {
    norm1: makeLayerNorm(p, `${key}/norm1`, dim),
    attn: makeWindowAttention(p, `${key}/attn`, dim, heads, window),
    norm2: makeLayerNorm(p, `${key}/norm2`, dim),
    fc1: makeTorchLinear(p, `${key}/mlp/fc1`, dim, hidden),
    fc2: makeTorchLinear(p, `${key}/mlp/fc2`, hidden, dim),
    window,
    shift,
    mask: shift[0] > 0 || shift[1] > 0 ? shiftedWindowMask(padded[0], padded[1], window, shift) : null,
  };
}

function shiftedWindowAttention(x: tf.Tensor4D, b: SwinBlock): tf.Tensor4D {
  const [, H, W] = x.shape;
  const [wh, ww] = b.window;
  const shifted = cyclicShift(x, b.shift, -1);
  const padH = (wh - (H % wh)) % wh;
  const padW = (ww - (W % ww)) % ww;
  const padded = padH || padW ? (tf.pad(shifted, [[0, 0], [0, padH], [0, padW], [0, 0]]) as tf.Tensor4D) : shifted;
  const mask = b.mask ? tf.tensor3d(b.mask.data, b.mask.shape) : null;
  const windows = windowAttention(windowPartition(padded, b.window), b.attn, mask); // [B·nW, wh·ww, C]
  let y = windowReverse(windows, b.window, H + padH, W + padW);
  if (padH || padW) y = tf.slice(y, [0, 0, 0, 0], [-1, H, W, -1]);
  return cyclicShift(y, b.shift, 1);
}

export function swinBlock(x: tf.Tensor4D, b: SwinBlock): tf.Tensor4D {
  const h = tf.add(x, shiftedWindowAttention(layerNorm(x, b.norm1) as tf.Tensor4D, b)) as tf.Tensor4D;
  return tf.add(h, torchLinear(gelu(torchLinear(layerNorm(h, b.norm2), b.fc1)), b.fc2)) as tf.Tensor4D;
}
