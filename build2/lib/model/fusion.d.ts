import * as tf from '@tensorflow/tfjs';
import { type TokenConv } from './layers';
import type { ParamStore } from './params';
/**
 * (C3) Multi-granularity fusion for one modality: the completed tokens of all stages used are concatenated on
 * the token axis (4 stages × 2L = 8L tokens in the full model), a Conv1d maps them back to L tokens, and a
 * mean over tokens gives the modality embedding z_m ∈ R^D.
 * With `no-mg` there is one stage (2L → L); with CIE off the completed tokens are P alone (4L → L).
 */
export declare function makeFusion(store: ParamStore, key: string, inTokens: number, outTokens: number): TokenConv;
/** completedPerStage[s]: [B, L_s', D] for this modality → z_m [B, D]. */
export declare function fuse(completedPerStage: tf.Tensor3D[], p: TokenConv): tf.Tensor2D;
