import { Rng } from '../util/random';
import type { Split } from '../data/spec';
import type { OracleRow } from './oracle';
/**
 * Synthetic Derm7pt: a generative model with crossmodal interaction, decisive local detail, complementary
 * views and an exact oracle, so that a model's AUC can be read against what the data allows.
 *
 * What is drawn, from what (y = 0 NEV, 1 MEL; every table is P(level | y) unless said otherwise):
 *
 *   y                        fixed per split by the release's class counts (docs/DATA.md); the oracle's
 *                            prior is the cohort's MEL fraction π = 252 / 827.
 *   record | y               difficulty, elevation, location, sex: independent given y (tables below; the
 *                            location weights follow the release's marginals, shifted towards the trunk
 *                            and head for MEL). `management` is a decision taken after the diagnosis: with the
 *                            leak (default, as in the release) every MEL is excised; NEV, and every case
 *                            without the leak, are excised with a probability that depends on elevation
 *                            and difficulty only, so given those fields management carries no evidence.
 *   global findings | y      asymmetry (0/1/2 axes) and the number of colours (1–4: light brown, dark
 *                            brown, black, blue-grey): the ABCD rule's A and C. Large structures, drawn in
 *                            both views; they survive a globally pooled, low-resolution feature.
 *   clinic-only | y          diameter (three bins: < 6, 6–10, ≥ 10 mm: the D of ABCD) and actinic damage
 *                            of the surrounding skin (lentigines): the clinical photo shows the lesion at its
 *                            true size among its surroundings; the dermoscope frames the lesion alone, at
 *                            a normalised magnification, so neither is in the dermoscopic view.
 *   derm-only | y, record    dots/globules (absent/regular/irregular), streaks (absent/regular/irregular),
 *                            regression (white scar + blue peppering), and the pigment network
 *                            (absent/typical/atypical) — on acral skin the parallel pattern instead
 *                            (furrow = NEV, ridge = MEL). Small, local structures, drawn only in the
 *                            dermoscopic view at a size that survives the cpu preset's 64 px.
 *
 * The crossmodal interaction (`interaction: 'context'`): what a dermoscopic finding means depends on the
 * record, as in the clinic.
 *   - Diagnostic difficulty. A case is rated difficult precisely when its dermoscopy misleads: a
 *     featureless, nevoid melanoma or a nevus with atypical (dysplastic) features. So with difficulty low
 *     the local findings are drawn from the table of the true class; medium and high, from the other
 *     class's table with the probability `DERM7PT_DISCORDANCE` gives (some: equivocal; most: discordant).
 *   - Location. On acral skin (palms, soles) there is no pigment network: the parallel-ridge pattern means
 *     melanoma and the parallel-furrow pattern a nevus, and elsewhere neither appears.
 * So p(y | image, record) is not a product of per-modality terms: the record says how to read the image.
 * With `interaction: 'none'` (the null control, an additive design) every finding is drawn from
 * its true class's table whatever the record (no acral pattern), so image ⟂ record | y and the joint
 * log-odds are exactly the sum of the per-modality log-odds.
 *
 * The oracle (`derm7ptPosteriors`) enumerates the only parts of the record the findings depend on
 * (difficulty × acral or not), so every posterior is exact. It conditions on the record without
 * `management` (the trainer leaves the leak out; without the leak it carries no evidence given the rest).
 * The parameters were fixed from oracle numbers alone (see DERM7PT_COHORT_VERSION), before any network was
 * trained on the cohort.
 */
/**
 * Version 2.0, frozen from oracle numbers alone before any network was trained on it. Test split, seeds
 * 1 / 2 / 3 (test/fixtures/reference/oracle_auc.json; scikit-learn agrees with lib/metrics to 1e-9):
 *   joint 0.891 / 0.910 / 0.898, additive 0.777 / 0.792 / 0.810, tabular 0.628 / 0.702 / 0.741,
 *   image 0.752 / 0.737 / 0.727, clinic 0.711 / 0.684 / 0.687, derm 0.710 / 0.666 / 0.648,
 *   image_global 0.612 / 0.536 / 0.586; null control (`none`) joint − additive 0.001 / 0.000 / 0.000.
 */
export declare const DERM7PT_COHORT_VERSION = "2.0";
export type Derm7ptInteraction = 'context' | 'none';
export declare const DERM7PT_INTERACTIONS: readonly Derm7ptInteraction[];
/** Prior P(MEL) of the oracle: the cohort's MEL fraction over all splits (release counts). */
export declare const DERM7PT_PRIOR: number;
type Table = readonly (readonly number[])[];
/** P(level | y): row 0 NEV, row 1 MEL. */
export declare const DERM7PT_TABLES: {
    difficulty: Table;
    elevation: Table;
    location: Table;
    sex: Table;
    asymmetry: Table;
    colours: Table;
    diameter: Table;
    sunDamage: Table;
    dots: Table;
    streaks: Table;
    regression: Table;
    network: Table;
    parallel: Table;
};
/** Probability that the local findings are drawn from the other class's tables, per difficulty level. */
export declare const DERM7PT_DISCORDANCE: readonly [0, 0.4, 0.9];
export declare const DIFFICULTY_LEVELS: readonly ["low", "medium", "high"];
export declare const ELEVATION_LEVELS: readonly ["flat", "palpable", "nodular"];
export declare const LOCATION_LEVELS: readonly ["upper limbs", "head neck", "back", "lower limbs", "chest", "abdomen", "buttocks", "acral", "genital areas"];
export declare const SEX_LEVELS: readonly ["female", "male"];
/** Network levels: 0 absent, 1 typical, 2 atypical, 3 parallel furrow, 4 parallel ridge. */
export declare const NETWORK_LEVELS: readonly ["absent", "typical", "atypical", "parallel furrow", "parallel ridge"];
/** The record's fields that carry evidence (indices into the level lists above). */
export interface DermRecord {
    difficulty: number;
    elevation: number;
    location: number;
    sex: number;
}
/** The latent findings the two pictures render. */
export interface DermFindings {
    asymmetry: number;
    /** Number of colours minus one (0..3). */
    colours: number;
    diameterBin: number;
    diameterMm: number;
    sunDamage: number;
    dots: number;
    streaks: number;
    regression: number;
    network: number;
}
export interface PlannedCase {
    row: number;
    split: Split;
    /** 0 NEV, 1 MEL, -1 left out (BCC, SK, misc.). */
    label: number;
    diagnosis: string;
    record: DermRecord;
    findings: DermFindings;
    meta: Record<string, string>;
    renderSeed: number;
    /** Clinic and derm images are one file (the dermoscopic one), as in 9 cases of the release. */
    sameFile: boolean;
}
export interface Derm7ptPlanOptions {
    seed: number;
    scale?: number;
    leak?: boolean;
    interaction?: Derm7ptInteraction;
    /** The nested layout for learning curves (planNested); absent: the release's layout, shuffled. */
    nested?: NestedLayout;
}
/** The nested layout's validation size, as a multiple of the release's validation counts. */
export interface NestedLayout {
    validScale: number;
}
/** Draw the record and findings of one case of (drawing) class y. */
export declare function drawDermCase(rng: Rng, y: number, interaction: Derm7ptInteraction): {
    record: DermRecord;
    findings: DermFindings;
};
/** Posteriors P(MEL | evidence) of one case, for every evidence subset but `additive`. */
export declare function derm7ptPosteriors(r: DermRecord, f: DermFindings, interaction: Derm7ptInteraction, sameFile?: boolean): Record<string, number>;
/**
 * Weights of the additive oracle: logistic regression of y on [logit p_tabular, logit p_image], fit by
 * maximum likelihood on 20 000 cases drawn from the generative model itself (a fixed seed, independent of
 * the cohort's seed: it is a property of the design, not of one draw), with the cohort's class prior.
 */
export declare function derm7ptAdditiveWeights(interaction: Derm7ptInteraction): number[];
/** The oracle row of a planned case (task cases only). */
export declare function derm7ptOracleRow(c: PlannedCase, interaction: Derm7ptInteraction): OracleRow;
/** Draw every row of the synthetic meta.csv (no pixels). Deterministic in (seed, scale, leak, interaction, nested). */
export declare function planDerm7pt(opts: Derm7ptPlanOptions): PlannedCase[];
export {};
