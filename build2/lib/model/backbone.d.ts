import type { ImageEncoderFactory, ModelPreset } from './types';
/** The image encoder a preset names (`model.backbone`): the residual CNN by default, or a Swin Transformer. */
export declare function backboneEncoder(preset: ModelPreset): ImageEncoderFactory;
