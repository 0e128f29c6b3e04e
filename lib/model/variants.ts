import { assertNever } from '../util/errors';
import type { Variant } from './types';

/**
 * What each named variant builds. Two families share the parts:
 *  - `cfcml`: encoders → (C1) tokens → (C2) CIE → (C3) fusion → (C4) classifier, with ablation switches;
 *  - `pooled`: the plain baselines, z_m = Linear(mean-pooled stage-4 map) per image and mean of the compressed
 *    tabular tokens P_t, then the same classifier (late fusion = concat of the pooled embeddings: its MLP can
 *    learn an interaction between modalities), or, for `additive`, one classifier per modality with their
 *    logits summed: a strictly additive model, the kind the cohort's additive oracle bounds.
 * The loss ablations build the full model; only the trainer's HRM weights change.
 */
export interface VariantSpec {
  architecture: 'cfcml' | 'pooled';
  useImages: boolean;
  useTabular: boolean;
  /** All four stages (true) or stage 4 only (`no-mg`). */
  multiGranularity: boolean;
  /** CIE on; with a single modality it is off regardless (nothing to attend to). */
  cie: boolean;
  /** One attention head instead of the preset's count. */
  singleHead: boolean;
  /** One (C4) classifier per modality, logits summed (no interaction can be learned), instead of one on the concat. */
  additiveHead: boolean;
}

const FULL: VariantSpec = { architecture: 'cfcml', useImages: true, useTabular: true, multiGranularity: true, cie: true, singleHead: false, additiveHead: false };

export function variantSpec(variant: Variant): VariantSpec {
  switch (variant) {
    case 'full':
    case 'no-sam':
    case 'no-up':
    case 'no-cp':
    case 'no-hrm':
      return FULL;
    case 'no-mg':
      return { ...FULL, multiGranularity: false };
    case 'no-cie':
      return { ...FULL, cie: false };
    case 'single-head':
      return { ...FULL, singleHead: true };
    case 'no-tabular':
      return { ...FULL, useTabular: false };
    case 'image-only':
      return { ...FULL, architecture: 'pooled', useTabular: false };
    case 'tabular-only':
      return { ...FULL, architecture: 'pooled', useImages: false };
    case 'late-fusion':
      return { ...FULL, architecture: 'pooled' };
    case 'additive':
      return { ...FULL, architecture: 'pooled', additiveHead: true };
    default:
      return assertNever(variant, 'variant');
  }
}
