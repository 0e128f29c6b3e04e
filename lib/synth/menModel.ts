import { normalCdf } from '../metrics';
import { Rng, deriveSeed } from '../util/random';
import type { Split } from '../data/spec';
import { SPLITS } from '../data/spec';
import { scaledCount } from './derm7ptRelease';
import type { OracleRow } from './oracle';
import { fitLogistic, softmaxRef } from './oracle';
import { nestedDraws } from './nested';
import type { NestedLayout } from './nested';

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
 * The design's version, written to cohort.json. Frozen from oracle numbers alone before any network was
 * trained on it (docs/DATA.md, "The oracle at the freeze"): a change of the tables below is a new version.
 */
export const MEN_COHORT_VERSION = '2.0';
export type MenInteraction = 'context' | 'none';

/**
 * Default patients per split and grade (354 in all). The test split is the larger held-out one, so that a
 * macro AUC over three classes is not dominated by a handful of Grade 2 cases.
 */
export const MEN_COUNTS: Record<Split, readonly [number, number, number]> = {
  train: [108, 36, 48],
  valid: [30, 10, 14],
  test: [60, 20, 28],
};
export const MEN_PRIOR = [198 / 354, 66 / 354, 90 / 354] as const;

export const MEN_LOCATIONS = ['convexity', 'parasagittal', 'skull base', 'posterior fossa', 'intraventricular'] as const;
const SKULL_BASE = 2;

type Table = readonly (readonly number[])[];
export const MEN_TABLES = {
  location: [[0.26, 0.17, 0.45, 0.08, 0.04], [0.28, 0.23, 0.39, 0.06, 0.04], [0.32, 0.22, 0.36, 0.06, 0.04]] as Table,
  /** P(male | y). */
  male: [0.3, 0.42, 0.4],
  /** Normal [mean, sd] per class and the truncation range of each numeric field. */
  age: { mean: [55, 60, 58], sd: 12, range: [18, 92] },
  adc: { mean: [0.95, 0.88, 0.89], sd: 0.08, range: [0.4, 1.6] },
  logTumourArea: { mean: [Math.log(10), Math.log(10) + 0.25, Math.log(10) + 0.2], sd: 0.5, range: [Math.log(0.5), Math.log(180)] },
  logOedemaArea: { mean: [Math.log(4), Math.log(4) + 0.4, Math.log(4) + 0.3], sd: 0.8, range: [Math.log(0.1), Math.log(380)] },
  necrosis: [[0.55, 0.32, 0.13], [0.38, 0.38, 0.24], [0.38, 0.38, 0.24]] as Table, // T2: none, some, marked
  /** P(finding | y). */
  lowAdc: [0.3, 0.5, 0.5],
  heteroEnhancement: [0.35, 0.5, 0.5],
  cleftLost: [0.12, 0.6, 0.35],
  /** P(tongues | y, site): off the skull base, at the skull base, and the null control's (site-free). */
  tongues: { off: [0.04, 0.92, 0.05], skullBase: [0.85, 0.06, 0.8], none: [0.3, 0.6, 0.3] },
};
const T = MEN_TABLES;

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

function truncNormal(rng: Rng, mean: number, sd: number, [lo, hi]: readonly number[]): number {
  for (;;) {
    const v = rng.normal(mean, sd);
    if (v >= lo && v <= hi) return v;
  }
}
function truncDensity(x: number, mean: number, sd: number, [lo, hi]: readonly number[]): number {
  const z = (x - mean) / sd;
  return Math.exp(-0.5 * z * z) / (sd * (normalCdf((hi - mean) / sd) - normalCdf((lo - mean) / sd)));
}
const bern = (p: number, v: number) => (v ? p : 1 - p);
function tonguesP(y: number, location: number, interaction: MenInteraction): number {
  if (interaction === 'none') return T.tongues.none[y];
  return location === SKULL_BASE ? T.tongues.skullBase[y] : T.tongues.off[y];
}

export function drawMenCase(rng: Rng, y: number, interaction: MenInteraction): { record: MenRecord; findings: MenFindings } {
  const location = rng.categorical([...T.location[y]]);
  const record: MenRecord = {
    location,
    male: rng.bernoulli(T.male[y]) ? 1 : 0,
    age: truncNormal(rng, T.age.mean[y], T.age.sd, T.age.range),
    adc: truncNormal(rng, T.adc.mean[y], T.adc.sd, T.adc.range),
    logTumourArea: truncNormal(rng, T.logTumourArea.mean[y], T.logTumourArea.sd, T.logTumourArea.range),
    logOedemaArea: truncNormal(rng, T.logOedemaArea.mean[y], T.logOedemaArea.sd, T.logOedemaArea.range),
  };
  const findings: MenFindings = {
    necrosis: rng.categorical([...T.necrosis[y]]),
    lowAdc: rng.bernoulli(T.lowAdc[y]) ? 1 : 0,
    heteroEnhancement: rng.bernoulli(T.heteroEnhancement[y]) ? 1 : 0,
    cleftLost: rng.bernoulli(T.cleftLost[y]) ? 1 : 0,
    tongues: rng.bernoulli(tonguesP(y, location, interaction)) ? 1 : 0,
  };
  return { record, findings };
}

/** Posterior class probabilities of one patient for each evidence subset but `additive`. */
export function menPosteriors(r: MenRecord, f: MenFindings, interaction: MenInteraction): Record<string, number[]> {
  const post = (lik: (y: number) => number): number[] => {
    const q = [0, 1, 2].map((y) => MEN_PRIOR[y] * lik(y));
    const s = q[0] + q[1] + q[2];
    return q.map((v) => v / s);
  };
  const tab = (y: number) =>
    T.location[y][r.location] *
    bern(T.male[y], r.male) *
    truncDensity(r.age, T.age.mean[y], T.age.sd, T.age.range) *
    truncDensity(r.adc, T.adc.mean[y], T.adc.sd, T.adc.range) *
    truncDensity(r.logTumourArea, T.logTumourArea.mean[y], T.logTumourArea.sd, T.logTumourArea.range) *
    truncDensity(r.logOedemaArea, T.logOedemaArea.mean[y], T.logOedemaArea.sd, T.logOedemaArea.range);
  const t2Global = (y: number) => T.necrosis[y][f.necrosis];
  const t2 = (y: number) => t2Global(y) * bern(T.cleftLost[y], f.cleftLost);
  const adc = (y: number) => bern(T.lowAdc[y], f.lowAdc);
  const t1Global = (y: number) => bern(T.heteroEnhancement[y], f.heteroEnhancement);
  const tonguesJoint = (y: number) => bern(tonguesP(y, r.location, interaction), f.tongues);
  const tonguesMarg = (y: number) => {
    const ps = T.location[y][SKULL_BASE];
    return ps * bern(tonguesP(y, SKULL_BASE, interaction), f.tongues) + (1 - ps) * bern(tonguesP(y, 0, interaction), f.tongues);
  };
  return {
    joint: post((y) => tab(y) * t1Global(y) * tonguesJoint(y) * t2(y) * adc(y)),
    tabular: post(tab),
    image: post((y) => t1Global(y) * tonguesMarg(y) * t2(y) * adc(y)),
    t1c: post((y) => t1Global(y) * tonguesMarg(y)),
    t2: post(t2),
    adc: post(adc),
    image_global: post((y) => t1Global(y) * t2Global(y) * adc(y)),
  };
}

const logRatio = (p: readonly number[]) => [1, 2].map((k) => Math.log(Math.max(p[k], 1e-300)) - Math.log(Math.max(p[0], 1e-300)));

/**
 * Additive oracle: multinomial logistic regression of y on the per-modality log-odds
 * [log p_tab(k)/p_tab(0), log p_img(k)/p_img(0)] (k = 1, 2), fit by maximum likelihood on 20 000 patients
 * drawn from the model with a fixed seed (a property of the design, not of one draw).
 */
export function menAdditiveWeights(interaction: MenInteraction): number[][] {
  const cached = menAdditiveCache.get(interaction);
  if (cached) return cached;
  const rng = new Rng(deriveSeed(20260, 'men-v2-additive', interaction));
  const X: number[][] = [];
  const Y: number[] = [];
  for (let i = 0; i < 20000; i++) {
    const y = rng.categorical([...MEN_PRIOR]);
    const { record, findings } = drawMenCase(rng, y, interaction);
    const p = menPosteriors(record, findings, interaction);
    X.push([...logRatio(p.tabular), ...logRatio(p.image)]);
    Y.push(y);
  }
  const W = fitLogistic(X, Y, 3);
  menAdditiveCache.set(interaction, W);
  return W;
}
const menAdditiveCache = new Map<MenInteraction, number[][]>();

export function menOracleRow(p: PlannedPatient, interaction: MenInteraction): OracleRow {
  const q = menPosteriors(p.record, p.findings, interaction);
  const additive = softmaxRef(menAdditiveWeights(interaction), [1, ...logRatio(q.tabular), ...logRatio(q.image)]);
  const { joint, ...rest } = q;
  return { id: p.id, split: p.split, label: p.label, p: { joint, additive, ...rest } };
}

/** One slot per patient of the class counts × scale (at least one per class and split), split by split, unshuffled. */
export function menSlots(counts: Record<Split, readonly number[]>, scale: number): { split: Split; label: number }[] {
  const slots: { split: Split; label: number }[] = [];
  for (const split of SPLITS) counts[split].forEach((n, label) => {
    for (let i = 0; i < scaledCount(n, scale); i++) slots.push({ split, label });
  });
  return slots;
}

export interface MenPlanOptions {
  seed: number;
  /** Multiply MEN_COUNTS by this (nested: the training counts only). Default 1. */
  scale?: number;
  interaction?: MenInteraction;
  /** The nested layout for learning curves (nested.ts); absent: every split at `scale`, shuffled together. */
  nested?: NestedLayout;
}

/** Draw every patient (no voxels). Deterministic in (seed, scale, interaction, nested). */
export function planMen(opts: MenPlanOptions): PlannedPatient[] {
  const interaction = opts.interaction ?? 'context';
  if (opts.nested) {
    const counts = (split: Split, s: number) => MEN_COUNTS[split].map((n, label) => [label, scaledCount(n, s)] as const);
    const drawn = nestedDraws(opts.seed, 'men-nested', opts.scale ?? 1, opts.nested, counts);
    return drawn.map((d, k) => planPatient(d.rng, d, k, interaction));
  }
  const rng = new Rng(deriveSeed(opts.seed, 'men-v2-plan'));
  const slots = menSlots(MEN_COUNTS, opts.scale ?? 1);
  rng.shuffle(slots);
  return slots.map((s, k) => planPatient(rng, s, k, interaction));
}

/** Patient `k` of the plan (id P000k+1), drawn from `rng` (the order of the draws is part of the design: do not reorder). */
function planPatient(rng: Rng, s: { split: Split; label: number }, k: number, interaction: MenInteraction): PlannedPatient {
  const { record, findings } = drawMenCase(rng, s.label, interaction);
  return {
    id: `P${String(k + 1).padStart(4, '0')}`,
    split: s.split,
    label: s.label,
    record,
    findings,
    clinical: {
      location: MEN_LOCATIONS[record.location],
      sex: record.male ? 'male' : 'female',
      age: record.age.toFixed(1),
      adc_value: record.adc.toFixed(4),
      tumour_area: Math.exp(record.logTumourArea).toFixed(3),
      oedema_area: Math.exp(record.logOedemaArea).toFixed(3),
    },
    renderSeed: rng.nextUint32(),
  };
}
