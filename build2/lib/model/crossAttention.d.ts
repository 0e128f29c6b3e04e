import * as tf from '@tensorflow/tfjs';
import { type Linear } from './layers';
import type { ParamStore } from './params';
/**
 * (C2) Crossmodal information enhancement (CIE). At stage s, for each modality m,
 *   S_m^s = MHCA_{s,m}(Q = P_m^s, K = V = concat_{m'≠m} P_{m'}^s),   completed tokens [P_m^s ; S_m^s].
 * MHCA is torch.nn.MultiheadAttention without dropout: in-projections W_q, W_k, W_v (with bias), h heads of
 * width D/h, softmax(Q Kᵀ / √(D/h)) V, out-projection W_o. A modality never attends to its own tokens.
 */
export interface CrossAttention {
    q: Linear;
    k: Linear;
    v: Linear;
    o: Linear;
    heads: number;
}
export declare function makeCrossAttention(store: ParamStore, key: string, width: number, heads: number): CrossAttention;
/** MHCA(query [B, Lq, D], context [B, Lk, D]) → S [B, Lq, D] and the attention weights [B, h, Lq, Lk]. */
export declare function crossAttention(query: tf.Tensor3D, context: tf.Tensor3D, p: CrossAttention): {
    S: tf.Tensor3D;
    weights: tf.Tensor4D;
};
/**
 * (C2) One stage of CIE over all modalities: tokens[m] = P_m^s. With `attn` null (CIE off, or a single
 * modality with nothing to attend to) the completed tokens are P itself.
 */
export declare function cieStage(tokens: tf.Tensor3D[], attn: CrossAttention[] | null): {
    completed: tf.Tensor3D[];
    attention: (tf.Tensor4D | null)[];
};
