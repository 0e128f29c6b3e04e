import type * as tf from '@tensorflow/tfjs';
import type { Init, WeightData, WeightGroup } from './params';
import type { SwinOptions } from './swin/config';

/**
 * Named model variants: the paper's full model, its ablations and baselines built from the same parts.
 * The loss ablations (`no-sam`, `no-up`, `no-cp`, `no-hrm`) use the full architecture and only change
 * the HRM weights in training.
 */
export type Variant =
  | 'full'
  | 'no-mg'
  | 'no-cie'
  | 'single-head'
  | 'no-tabular'
  | 'image-only'
  | 'tabular-only'
  | 'late-fusion'
  | 'additive'
  | 'no-sam'
  | 'no-up'
  | 'no-cp'
  | 'no-hrm';

export const VARIANTS: readonly Variant[] = [
  'full',
  'no-mg',
  'no-cie',
  'single-head',
  'no-tabular',
  'image-only',
  'tabular-only',
  'late-fusion',
  'additive',
  'no-sam',
  'no-up',
  'no-cp',
  'no-hrm',
];

/** Architecture sizes of the CFCML model (docs/METHOD.md, C1–C4). */
export interface ModelPreset {
  /** Token width D (original 128). */
  width: number;
  /** Tokens per image modality after compression, L_img (original 32 Derm7pt / 48 MEN). */
  imgTokens: number;
  /** Tabular tokens after compression, L_tab (original 24 / 16). */
  tabTokens: number;
  /** Attention heads in CIE (original 4). */
  heads: number;
  /** Channels of the four encoder stages. */
  encoderWidths: readonly [number, number, number, number];
  /** One encoder shared by all image modalities (Derm7pt: true) or one per modality (MEN: false). */
  sharedEncoder: boolean;
  /** Dropout in the classifier (original 0.5). */
  dropout: number;
  /**
   * Layer-normalise every compressed token P_m^s over its D channels (learnable γ, β per stage and modality)
   * before CIE. Not in the authors' code; absent or false = their architecture. Without it, the tokens of a
   * from-scratch image encoder come out about ten times smaller than the record's, so the attention scores
   * are near 0 and its weights uniform (docs/METHOD.md, "Departures from the authors' code").
   */
  tokenNorm?: boolean;
  /**
   * Image backbone: the built-in residual CNN (absent or `residual`, lib/model/residualEncoder.ts) or a Swin
   * Transformer (`swin`, lib/model/swin; `encoderWidths` are its stage widths: Swin-T 96, 192, 384, 768).
   */
  backbone?: 'residual' | 'swin';
  /** Swin sizes other than the widths; absent fields are Swin-T's (depths 2-2-6-2, heads 3-6-12-24, window 7, patch 4). */
  swin?: Partial<SwinOptions>;
  /**
   * A timm Swin state dict (`model.safetensors`) loaded into the backbone before training, by timm's names;
   * absent: random initialisation. `cfcml train --weights <file>` sets it.
   */
  backboneWeights?: string;
  /** Backbone stages 1..n run without gradients and are never updated, not even by weight decay (0–4; absent: 0). */
  freezeStages?: number;
}

/** Description of the tabular input columns, as the model needs it. */
export interface TabularInputSpec {
  kind: 'categorical' | 'numeric';
  /** Number of levels (categorical only). */
  levels?: number;
  /**
   * The field has a learned missing token (lib/model/tabularTokenizer.ts): all fields or none. Absent (the
   * configs of the PyTorch twin's original fixtures): no missing token and no parameters for it.
   */
  missing?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Model API (lib/model): the contracts the trainer, HRM losses and notebooks use.
// ---------------------------------------------------------------------------------------------------------


/** One image modality as the model sees it. */
export interface ImageInputSpec {
  /** `2d`: tensors [B, H, W, C] (values in [0, 1]); `3d`: tensors [B, D, H, W, C] (z-scored). */
  kind: '2d' | '3d';
  channels: number;
  /** Its own size, [H, W] or [D, H, W]; absent: the config's `imageSize` (every view one size). */
  size?: readonly number[];
  /** Its name (e.g. `clinic`), for messages that must say which view a size does not suit. */
  name?: string;
}

/**
 * Where an encoder creates its trainable weights: keys are relative to the encoder (`stage1/conv/kernel`);
 * the model prefixes them (`encoder0/…`) and puts them in the `encoder` learning-rate group.
 */
export interface EncoderParams {
  add(key: string, shape: number[], init: Init): tf.Variable;
  /** Register a variable made elsewhere (e.g. a pretrained tfjs model's); the model will not dispose it. */
  adopt(key: string, variable: tf.Variable): void;
}

/** What an image-encoder factory is given: one call per encoder (one shared, or one per modality). */
export interface ImageEncoderArgs {
  kind: '2d' | '3d';
  channels: number;
  /** [H, W] or [D, H, W]. */
  imageSize: readonly number[];
  /** Requested channels of the four stages (the preset's `encoderWidths`). */
  widths: readonly [number, number, number, number];
  params: EncoderParams;
  /** Stages 1..n to freeze (non-trainable variables); absent: 0. */
  freezeStages?: number;
}

/**
 * The pluggable encoder: anything that turns an image batch into four stage feature maps, channels last
 * ([B, h_s, w_s, C_s] for 2D, [B, d_s, h_s, w_s, C_s] for 3D). Spatial sizes are found by a probe forward,
 * so any stride pattern works.
 */
export interface ImageEncoder {
  /** Channels C_s of the four stage outputs. */
  readonly stageChannels: readonly [number, number, number, number];
  /** The four stage outputs F^1..F^4. Called inside the model's tf.tidy. */
  apply(x: tf.Tensor, training: boolean): tf.Tensor[];
}

export type ImageEncoderFactory = (args: ImageEncoderArgs) => ImageEncoder;

export interface CFCMLConfig {
  /** One entry per image modality. */
  images: readonly ImageInputSpec[];
  /** [H, W] for 2D modalities, [D, H, W] for 3D: the size of every image modality without its own `size`. */
  imageSize: readonly number[];
  /** One entry per tabular field (column of the tabular tensor). */
  tabular: readonly TabularInputSpec[];
  numClasses: number;
  variant: Variant;
  model: ModelPreset;
  /** Initialisation seed. */
  seed: number;
  /** Pluggable image encoder; default: the built-in residual encoder (`residualEncoder()`). */
  encoder?: ImageEncoderFactory;
}

export interface ForwardOptions {
  /** Dropout on (classifier). Nothing else differs: the encoders' normalisation has no running statistics. */
  training: boolean;
  /** Dropout seed, for determinism. Without it, dropout draws from the model's own seeded stream. */
  seed?: number;
  /** Return the intermediates (costs memory; off for training). */
  intermediates?: boolean;
}

export interface ForwardIntermediates {
  /** [modality][stage]: encoder maps F_m^s, image modalities only (empty for `tabular-only`). */
  stageFeatures: tf.Tensor[][];
  /**
   * [stage][modality]: compressed tokens P_m^s (C1), [B, L_m, D]; one stage entry per stage used (4, or 1 for
   * `no-mg`); empty for the pooled baselines (`image-only`, `tabular-only`, `late-fusion`).
   */
  tokens: tf.Tensor3D[][];
  /** [stage][modality]: CIE attention weights [B, heads, L_m, Σ_{m'≠m} L_m'] (C2), null when CIE is off. */
  attention: (tf.Tensor4D | null)[][];
  /** [stage][modality]: completed tokens [P; S] (C2), [B, 2·L_m, D]; just P when CIE is off. */
  completed: tf.Tensor3D[][];
}

export interface ForwardOutput {
  /** [B, D] per modality the variant uses, images first then tabular: the HRM embeddings z_m. */
  z: tf.Tensor2D[];
  /** [B, C]. */
  logits: tf.Tensor2D;
  intermediates?: ForwardIntermediates;
}

export interface ModelWeight {
  /** Stable across instances, used by checkpoints: `encoder0/stage2/block0/conv1/kernel`. */
  key: string;
  variable: tf.Variable;
  /** `encoder` weights can get a smaller learning rate (backboneLrScale). */
  group: WeightGroup;
}

export interface CFCMLModel {
  readonly config: CFCMLConfig;
  /** Names of the `z` entries, e.g. ['image0', 'image1', 'tabular']. */
  readonly modalityNames: string[];
  /** images[m]: [B, H, W, C] or [B, D, H, W, C]; tabular: [B, K] (categorical columns hold level indices). */
  forward(images: tf.Tensor[], tabular: tf.Tensor2D, opts: ForwardOptions): ForwardOutput;
  /** (C4) on given embeddings (one [B, D] per modality) as `forward` computes it; the micro-batched step runs it on the gathered batch. */
  classify(z: tf.Tensor2D[], training: boolean, seed: number): tf.Tensor2D;
  /** The (C4) classifier's variables (one classifier, or one per modality for `additive`). */
  readonly classifierVariables: tf.Variable[];
  readonly weights: ModelWeight[];
  paramCount(): number;
  summary(): string;
  getWeightData(): WeightData[];
  /** Throws a CfcmlError naming missing, unknown or mis-shaped keys (and then assigns nothing). */
  setWeightData(w: readonly WeightData[]): void;
  dispose(): void;
}
