import { Rng } from '../util/random';
import type { Split } from '../data/spec';
import type { OracleRow } from './oracle';
/**
 * Synthetic MEN: a generative model with crossmodal interaction, decisive local detail, complementary MRI
 * sequences and an exact oracle (menRender.ts draws the voxels, men.ts writes the cohort).
 *
 * What is drawn, from what (y = 0 Grade_1, 1 Grade_2_invasion, 2 Grade_2_noninvasion):
 *   y                      fixed per split (MEN_COUNTS); the oracle's prior is the cohort's class mix.
 *   record | y             location, sex (tables), age, ADC value, log tumour area, log oedema area
 *                          (normal, truncated to the loader's ranges); independent given y. The record's ADC
 *                          value is the radiologist's whole-lesion measurement, drawn apart from the image's.
 *   global findings | y    heterogeneous enhancement (T1c), necrosis/heterogeneity (T2: none/some/marked),
 *                          restricted diffusion (ADC: tumour ADC low): large structures.
 *   local findings         the CSF cleft lost over one part of the tumour–brain interface (T2, | y) and
 *                          finger-like enhancing tongues at one small stretch of the boundary (T1c,
 *                          | y, location) — a few voxels wide at the cpu preset's 16×48×48.
 *
 * The crossmodal interaction (`interaction: 'context'`): what the boundary tongues mean depends on where
 * the tumour is, which only the record says (the bounding-box crops do not show it). Off the skull base
 * they are brain invasion, the criterion of Grade_2_invasion. At the skull base they are mostly tumour
 * growing into bone and along the dura (en-plaque growth, common in Grade 1), while brain invasion there is
 * hidden behind the bone: the same picture means the opposite. With `interaction: 'none'` (the null
 * control) the tongues depend on the grade only, so image ⟂ record | y.
 *
 * The sequences are complementary views: T1c shows enhancement and the tongues, T2 the necrosis and the
 * cleft, ADC the diffusion. The oracle enumerates skull base or not, so every posterior is exact.
 */
/**
 * Version 2.0, frozen from oracle numbers alone before any network was trained on it. Test split (macro
 * one-vs-rest AUC), seeds 1 / 2 / 3: joint 0.924 / 0.841 / 0.904, additive 0.830 / 0.750 / 0.812,
 * tabular 0.761 / 0.698 / 0.709, image 0.754 / 0.685 / 0.733, t1c 0.605 / 0.555 / 0.649,
 * t2 0.697 / 0.660 / 0.650, adc 0.592 / 0.571 / 0.585, image_global 0.659 / 0.623 / 0.635;
 * null control joint − additive 0.000 / 0.000 / 0.000.
 */
export declare const MEN_COHORT_VERSION = "2.0";
export type MenInteraction = 'context' | 'none';
/**
 * Default patients per split and grade (354 in all). The test split is the larger held-out one, so that a
 * macro AUC over three classes is not dominated by a handful of Grade 2 cases.
 */
export declare const MEN_COUNTS: Record<Split, readonly [number, number, number]>;
export declare const MEN_PRIOR: readonly [number, number, number];
export declare const MEN_LOCATIONS: readonly ["convexity", "parasagittal", "skull base", "posterior fossa", "intraventricular"];
type Table = readonly (readonly number[])[];
export declare const MEN_TABLES: {
    location: Table;
    /** P(male | y). */
    male: number[];
    /** Normal [mean, sd] per class and the truncation range of each numeric field. */
    age: {
        mean: number[];
        sd: number;
        range: number[];
    };
    adc: {
        mean: number[];
        sd: number;
        range: number[];
    };
    logTumourArea: {
        mean: number[];
        sd: number;
        range: number[];
    };
    logOedemaArea: {
        mean: number[];
        sd: number;
        range: number[];
    };
    necrosis: Table;
    /** P(finding | y). */
    lowAdc: number[];
    heteroEnhancement: number[];
    cleftLost: number[];
    /** P(tongues | y, site): off the skull base, at the skull base, and the null control's (site-free). */
    tongues: {
        off: number[];
        skullBase: number[];
        none: number[];
    };
};
export interface MenRecord {
    location: number;
    male: number;
    age: number;
    adc: number;
    logTumourArea: number;
    logOedemaArea: number;
}
export interface MenFindings {
    necrosis: number;
    lowAdc: number;
    heteroEnhancement: number;
    cleftLost: number;
    tongues: number;
}
export interface PlannedPatient {
    id: string;
    split: Split;
    label: number;
    record: MenRecord;
    findings: MenFindings;
    clinical: Record<string, string>;
    renderSeed: number;
}
export declare function drawMenCase(rng: Rng, y: number, interaction: MenInteraction): {
    record: MenRecord;
    findings: MenFindings;
};
/** Posterior class probabilities of one patient for each evidence subset but `additive`. */
export declare function menPosteriors(r: MenRecord, f: MenFindings, interaction: MenInteraction): Record<string, number[]>;
/**
 * Additive oracle: multinomial logistic regression of y on the per-modality log-odds
 * [log p_tab(k)/p_tab(0), log p_img(k)/p_img(0)] (k = 1, 2), fit by maximum likelihood on 20 000 patients
 * drawn from the model with a fixed seed (a property of the design, not of one draw).
 */
export declare function menAdditiveWeights(interaction: MenInteraction): number[][];
export declare function menOracleRow(p: PlannedPatient, interaction: MenInteraction): OracleRow;
/** One slot per patient of the class counts × scale (at least one per class and split), split by split, unshuffled. */
export declare function menSlots(counts: Record<Split, readonly number[]>, scale: number): {
    split: Split;
    label: number;
}[];
/** Draw every patient (no voxels). Deterministic in (seed, scale, interaction). */
export declare function planMen(opts: {
    seed: number;
    scale?: number;
    interaction?: MenInteraction;
}): PlannedPatient[];
export {};
