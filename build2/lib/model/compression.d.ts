import * as tf from '@tensorflow/tfjs';
import { type Linear, type TokenConv } from './layers';
import type { ParamStore } from './params';
/**
 * (C1) Token compression: a stage's N_s spatial tokens of C_s channels become L tokens of width D.
 *   image:   P_m^s = Conv1d_{N_s→L_img}( F_m^s W + b )      F_m^s flattened to [B, N_s, C_s]
 *   tabular: P_t   = Conv1d_{K→L_tab}( T )                   T = tokenizer output [B, K, D], once for all stages
 * Each (stage, image modality) pair has its own weights, as in the authors' code.
 */
export interface ImageCompression {
    proj: Linear;
    conv: TokenConv;
}
export declare function makeImageCompression(store: ParamStore, key: string, channels: number, nTokens: number, width: number, outTokens: number): ImageCompression;
/** (C1) F [B, (d,) h, w, C_s] → P [B, L_img, D]. */
export declare function compressImage(F: tf.Tensor, p: ImageCompression): tf.Tensor3D;
export declare function makeTabularCompression(store: ParamStore, key: string, fields: number, outTokens: number): TokenConv;
/** (C1) tabular tokens T [B, K, D] → P_t [B, L_tab, D]. */
export declare function compressTabular(T: tf.Tensor3D, p: TokenConv): tf.Tensor3D;
