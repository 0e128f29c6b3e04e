import type { CFCMLConfig, CFCMLModel } from './types';
/**
 * The CFCML model (docs/METHOD.md, coarse stage C1–C4) and its baselines, assembled from the parts in this
 * folder according to `variantSpec(config.variant)`. Weights are plain tf.Variables in one ParamStore.
 *
 * Modality order everywhere (z, tokens, attention, completed): image modalities first, then tabular.
 */
export declare function createModel(config: CFCMLConfig): CFCMLModel;
