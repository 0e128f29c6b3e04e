/** lib/model: encoders → (C1) tokens → (C2) CIE → (C3) fusion → (C4) classifier, and its variants. */
export { createModel, imageSizeOf } from './cfcml';
export { residualEncoder, layersModelEncoder, type ResidualEncoderOptions } from './residualEncoder';
export { variantSpec, type VariantSpec } from './variants';
export { ParamStore, type WeightData, type WeightEntry, type WeightGroup, type Init } from './params';
export { crossAttention, cieStage } from './crossAttention';
export { makeTabularTokenizer, type TabularTokenizer } from './tabularTokenizer';
export * from './types';
export { backboneEncoder } from './backbone';
export * from './swin';
