import * as tf from '@tensorflow/tfjs';
/**
 * Window partition and its inverse, as timm's `window_partition` / `window_reverse`: windows are ordered
 * batch-major, then by window row, then window column; inside a window, tokens are row-major.
 */
/** [B, H, W, C] → [B·nW, wh·ww, C] with nW = (H/wh)·(W/ww). H and W must be multiples of the window. */
export declare function windowPartition(x: tf.Tensor4D, window: readonly [number, number]): tf.Tensor3D;
/** [B·nW, wh·ww, C] → [B, H, W, C]: the inverse of windowPartition. */
export declare function windowReverse(windows: tf.Tensor3D, window: readonly [number, number], H: number, W: number): tf.Tensor4D;
