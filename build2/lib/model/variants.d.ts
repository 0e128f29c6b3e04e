import type { Variant } from './types';
/**
 * What each named variant builds. Two families share the parts:
 *  - `cfcml`: encoders → (C1) tokens → (C2) CIE → (C3) fusion → (C4) classifier, with ablation switches;
 *  - `pooled`: the plain baselines, z_m = Linear(mean-pooled stage-4 map) per image and mean of the compressed
 *    tabular tokens P_t, then the same classifier (late fusion = concat of the pooled embeddings).
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
}
export declare function variantSpec(variant: Variant): VariantSpec;
