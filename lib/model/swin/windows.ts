import * as tf from '@tensorflow/tfjs';

/**
 * Window partition and its inverse, as timm's `window_partition` / `window_reverse`: windows are ordered
 * batch-major, then by window row, then window column; inside a window, tokens are row-major.
 */

/** [B, H, W, C] → [B·nW, wh·ww, C] with nW = (H/wh)·(W/ww). H and W must be multiples of the window. */
export function windowPartition(x: tf.Tensor4D, window: readonly [number, number]): tf.Tensor3D {
  const [B, H, W, C] = x.shape;
  const [wh, ww] = window;
  const t = tf.transpose(tf.reshape(x, [B, H / wh, wh, W / ww, ww, C]), [0, 1, 3, 2, 4, 5]); // [B, H/wh, W/ww, wh, ww, C]
  return tf.reshape(t, [-1, wh * ww, C]) as tf.Tensor3D;
}

/** [B·nW, wh·ww, C] → [B, H, W, C]: the inverse of windowPartition. */
export function windowReverse(windows: tf.Tensor3D, window: readonly [number, number], H: number, W: number): tf.Tensor4D {
  const C = windows.shape[2];
  const [wh, ww] = window;
  const t = tf.transpose(tf.reshape(windows, [-1, H / wh, W / ww, wh, ww, C]), [0, 1, 3, 2, 4, 5]); // [B, H/wh, wh, W/ww, ww, C]
  return tf.reshape(t, [-1, H, W, C]) as tf.Tensor4D;
}
