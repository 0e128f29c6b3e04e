/**
 * Non-overlapping 3-D convolutions (kernel = stride on every axis, no dilation, no padding: the MEN encoder's
 * patchify stem, [2, 4, 4] on 16×48×48 volumes) as one matrix product:
 *
 *   P[(b, od, oh, ow), (kd, kh, kw, c)] = x[b, od·KD + kd, oh·KH + kh, ow·KW + kw, c]       (a pure re-ordering)
 *   y = P · W            W viewed [KD·KH·KW·C, Cout]
 *   dW = Pᵀ · dy         dx = re-order back (dy · Wᵀ)    (each input value is in exactly one patch)
 *
 * The general path (conv3d.ts: depth taps unrolled into channels, then an XNNPACK Conv2D) interleaves
 * single-channel volumes element by element and runs a 2-channel convolution: 44 ms a call for the MEN stem
 * at the cpu preset, against a few ms here. The re-ordering is done in JavaScript, `KW·C` values at a time.
 */
import * as tf from '@tensorflow/tfjs';
import { WasmBackend } from './util';
/** The patch grid of x ⊛ filter when the convolution tiles x exactly; null when it does not. */
export declare function patchGrid(xShape: readonly number[], filterShape: readonly number[], strides: number | readonly number[], dilations: number | readonly number[], pad: unknown): {
    b: number;
    o: [number, number, number];
    k: [number, number, number];
    c: number;
    cout: number;
} | null;
type Grid = NonNullable<ReturnType<typeof patchGrid>>;
/** y = x ⊛ filter for an exact patch grid: [B, OD, OH, OW, Cout]. */
export declare function patchConv3d(backend: WasmBackend, g: Grid, x: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo;
/** dW for an exact patch grid: Pᵀ · dy, as [KD, KH, KW, C, Cout]. */
export declare function patchConv3dFilterGrad(backend: WasmBackend, g: Grid, x: tf.TensorInfo, dy: tf.TensorInfo): tf.TensorInfo;
/** dx for an exact patch grid: dy · Wᵀ re-ordered back to [B, D, H, W, C]. */
export declare function patchConv3dInputGrad(backend: WasmBackend, g: Grid, dy: tf.TensorInfo, filter: tf.TensorInfo): tf.TensorInfo;
export {};
