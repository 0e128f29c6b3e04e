import * as tf from '@tensorflow/tfjs';

/**
 * Shifted windows (SW-MSA): the odd blocks of a stage roll the token grid up and left by the shift before
 * partitioning, so that windows straddle the previous block's window borders; tokens that the roll brought
 * together from opposite edges of the image must not attend to each other, which the attention mask says.
 */

/** torch.roll(x, shifts=(−sh, −sw), dims=(1, 2)) for `sign` −1, and its inverse for +1. [B, H, W, C]. */
export function cyclicShift(x: tf.Tensor4D, shift: readonly [number, number], sign: 1 | -1): tf.Tensor4D {
  let y = x;
  for (const axis of [1, 2] as const) {
    const n = y.shape[axis];
    const s = (((sign * shift[axis - 1]) % n) + n) % n; // positions moved to the front
    if (s === 0) continue;
    const [head, tail] = tf.split(y, [n - s, s], axis);
    y = tf.concat([tail, head], axis) as tf.Tensor4D;
  }
  return y;
}

/**
 * Region label of every position of the (padded) H×W grid after the shift, as timm labels them: rows split
 * at H − window and H − shift, columns likewise, nine regions numbered row-major.
 */
export function shiftRegions(H: number, W: number, window: readonly [number, number], shift: readonly [number, number]): Int32Array {
  const band = (i: number, n: number, w: number, s: number) => (i < n - w ? 0 : i < n - s ? 1 : 2);
  const labels = new Int32Array(H * W);
  for (let i = 0; i < H; i++) for (let j = 0; j < W; j++) labels[i * W + j] = band(i, H, window[0], shift[0]) * 3 + band(j, W, window[1], shift[1]);
  return labels;
}

/**
 * The additive attention mask of a shifted block, [nW, N, N] with N = wh·ww, windows in windowPartition's
 * order: 0 where two tokens of a window come from the same region, −100 (timm's value: e^−100 is 0 in
 * float32 after softmax) where they do not.
 */
export function shiftedWindowMask(H: number, W: number, window: readonly [number, number], shift: readonly [number, number]): { data: Float32Array; shape: [number, number, number] } {
  const labels = shiftRegions(H, W, window, shift);
  const [wh, ww] = window;
  const N = wh * ww;
  const nW = (H / wh) * (W / ww);
  const data = new Float32Array(nW * N * N);
  let w = 0;
  const inWindow = new Int32Array(N);
  for (let bi = 0; bi < H / wh; bi++) {
    for (let bj = 0; bj < W / ww; bj++, w++) {
      for (let a = 0; a < wh; a++) for (let b = 0; b < ww; b++) inWindow[a * ww + b] = labels[(bi * wh + a) * W + bj * ww + b];
      for (let p = 0; p < N; p++) for (let q = 0; q < N; q++) data[(w * N + p) * N + q] = inWindow[p] === inWindow[q] ? 0 : -100;
    }
  }
  return { data, shape: [nW, N, N] };
}
