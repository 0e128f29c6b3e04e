import * as tf from '@tensorflow/tfjs';
/**
 * Shifted windows (SW-MSA): the odd blocks of a stage roll the token grid up and left by the shift before
 * partitioning, so that windows straddle the previous block's window borders; tokens that the roll brought
 * together from opposite edges of the image must not attend to each other, which the attention mask says.
 */
/** torch.roll(x, shifts=(−sh, −sw), dims=(1, 2)) for `sign` −1, and its inverse for +1. [B, H, W, C]. */
export declare function cyclicShift(x: tf.Tensor4D, shift: readonly [number, number], sign: 1 | -1): tf.Tensor4D;
/**
 * Region label of every position of the (padded) H×W grid after the shift, as timm labels them: rows split
 * at H − window and H − shift, columns likewise, nine regions numbered row-major.
 */
export declare function shiftRegions(H: number, W: number, window: readonly [number, number], shift: readonly [number, number]): Int32Array;
/**
 * The additive attention mask of a shifted block, [nW, N, N] with N = wh·ww, windows in windowPartition's
 * order: 0 where two tokens of a window come from the same region, −100 (timm's value: e^−100 is 0 in
 * float32 after softmax) where they do not.
 */
export declare function shiftedWindowMask(H: number, W: number, window: readonly [number, number], shift: readonly [number, number]): {
    data: Float32Array;
    shape: [number, number, number];
};
