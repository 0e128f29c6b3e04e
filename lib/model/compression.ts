import * as tf from '@tensorflow/tfjs';
import { fusedLinear } from '../backend/kernels/linear';
import { makeLinear, makeTokenConv, tokenConv, tokenConvRows, type Linear, type TokenConv } from './layers';
import type { ParamStore } from './params';

/**
 * (C1) Token compression: a stage's N_s spatial tokens of C_s channels become L tokens of width D.
 *   image:   P_m^s = Conv1d_{N_s→L_img}( F_m^s W + b )      F_m^s flattened to [B, N_s, C_s]
 *   tabular: P_t   = Conv1d_{K→L_tab}( T )                   T = tokenizer output [B, K, D], once for all stages
 * Each (stage, image modality) pair has its own weights, as in the authors' code.
 */

export interface ImageCompression {
  proj: Linear; // C_s → D
  conv: TokenConv; // N_s → L_img
}

export function makeImageCompression(
  store: ParamStore,
  key: string,
  channels: number,
  nTokens: number,
  width: number,
  outTokens: number,
): ImageCompression {
  return {
    proj: makeLinear(store, `${key}/proj`, channels, width, 'head'),
    conv: makeTokenConv(store, `${key}/conv`, nTokens, outTokens, 'head'),
  };
}

/** (C1) F [B, (d,) h, w, C_s] → P [B, L_img, D]. */
export function compressImage(F: tf.Tensor, p: ImageCompression): tf.Tensor3D {
  return tf.tidy(() => {
    const B = F.shape[0];
    const C = F.shape[F.rank - 1];
    const N = F.size / (B * C);
    const D = p.proj.w.shape[1] as number;
    const flat = tf.reshape(F, [B * N, C]); // [B·N_s, C_s]
    // The projection F W + b computed transposed, Wᵀ Fᵀ + b: [D, B·N_s] (transpose flags of one product, no
    // Transpose op) is the token convolution's input as it needs it (d-major rows), so the tokens are never
    // transposed, forward or backward. Same function as linear() followed by tokenConv().
    // One kernel with the bias per row where the backend has it (wasm: lib/backend/kernels/linear.ts).
    const projT =
      fusedLinear(p.proj.w as tf.Tensor2D, flat, p.proj.b, { transposeA: true, transposeB: true, biasPerRow: true }) ??
      tf.add(tf.matMul(p.proj.w, flat, true, true), tf.reshape(p.proj.b, [D, 1])); // [D, B·N_s]
    return tokenConvRows(tf.reshape(projT, [D * B, N]) as tf.Tensor2D, B, D, true, p.conv); // [B, L_img, D]
  });
}

export function makeTabularCompression(store: ParamStore, key: string, fields: number, outTokens: number): TokenConv {
  return makeTokenConv(store, `${key}/conv`, fields, outTokens, 'head');
}

/** (C1) tabular tokens T [B, K, D] → P_t [B, L_tab, D]. */
export function compressTabular(T: tf.Tensor3D, p: TokenConv): tf.Tensor3D {
  return tokenConv(T, p);
}
