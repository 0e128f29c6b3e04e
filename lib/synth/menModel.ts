import { normalCdf } from '../../metrics';
import { Rng, deriveSeed } from '../../util/random';
import type { Split } from '../spec';
import type { OracleRow } from './oracle';
import { fitLogistic, softmaxRef } from './oracle';
import { menSlots, Noise3, renderHead, TISSUE } from './men';

/**
 * Synthetic MEN, version 2: a generative model with crossmodal interaction, decisive local detail,
 * complementary MRI sequences and an exact oracle (issue #10). Version 1 (`men.ts`) stays as it was.
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
export const MEN_V2_VERSION = '2.0';
export type MenInteraction = 'context' | 'none';

/** Default patients per split and grade (as version 1). */
export const MEN_V2_COUNTS: Record<Split, readonly [number, number, number]> = {
  train: [108, 36, 48],
  valid: [30, 10, 14],
  test: [60, 20, 28],
};
export const MEN_PRIOR = [198 / 354, 66 / 354, 90 / 354] as const;

export const MEN_LOCATIONS = ['convexity', 'parasagittal', 'skull base', 'posterior fossa', 'intraventricular'] as const;
const SKULL_BASE = 2;

type Table = readonly (readonly number[])[];
export const MEN_V2_TABLES = {
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
const T = MEN_V2_TABLES;

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
export interface PlannedPatientV2 {
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

export function menOracleRow(p: PlannedPatientV2, interaction: MenInteraction): OracleRow {
  const q = menPosteriors(p.record, p.findings, interaction);
  const additive = softmaxRef(menAdditiveWeights(interaction), [1, ...logRatio(q.tabular), ...logRatio(q.image)]);
  const { joint, ...rest } = q;
  return { id: p.id, split: p.split, label: p.label, p: { joint, additive, ...rest } };
}

/** Draw every patient (no voxels). Deterministic in (seed, scale, interaction). */
export function planMenV2(opts: { seed: number; scale?: number; interaction?: MenInteraction }): PlannedPatientV2[] {
  const scale = opts.scale ?? 1;
  const interaction = opts.interaction ?? 'context';
  const rng = new Rng(deriveSeed(opts.seed, 'men-v2-plan'));
  const slots = menSlots(MEN_V2_COUNTS, scale);
  rng.shuffle(slots);
  return slots.map((s, k) => {
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
  });
}

/**
 * Render the three volumes [D, H, W] of a version-2 patient. Each finding is drawn only in its sequence:
 * enhancement texture and the tongues in T1c (the tongues are iso-intense to brain on T2 and ADC), the
 * necrosis and the CSF cleft in T2, the tumour's ADC in ADC. The tongues are a cluster of finger-like
 * protrusions over one ≈ 60° stretch of the brain interface, 0.2–0.3 of the half-width long (≥ 5 voxels
 * at 48 px); the cleft, where kept, is 0.08 wide (≈ 2 voxels at 48 px).
 */
export function renderMenVolumesV2(p: PlannedPatientV2, size: readonly [number, number, number]): Float32Array[] {
  const [D, H, W] = size;
  const rng = new Rng(p.renderSeed);
  const f = p.findings;
  const n = D * H * W;
  const vols = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  const shapeNoise = new Noise3(rng, 6);
  const fingerNoise = new Noise3(rng, 13);
  const textureNoise = new Noise3(rng, 9);
  const enhNoise = new Noise3(rng, 8);
  const necroNoise = new Noise3(rng, 7);
  const biasNoise = new Noise3(rng, 3);
  const angle = rng.uniform(0, 2 * Math.PI);
  const ca = Math.cos(angle);
  const sa = Math.sin(angle);
  const bDura = rng.uniform(-0.8, -0.6);
  const radii = [rng.uniform(0.7, 0.9), rng.uniform(1.1, 1.3), rng.uniform(0.7, 0.9)];
  const bumpy = rng.uniform(0.03, 0.07);
  const tongueDir = rng.uniform(-1.0, 1.0); // angle of the invaded stretch in the (a, db) plane, off the dura
  const tongueLen = f.tongues ? rng.uniform(0.2, 0.3) : 0;
  const cleftDir = rng.uniform(-1.2, 1.2);
  const cleft = 0.08;
  const necroThresh = [2, 0.5, 0.2][f.necrosis];
  const enhAmp = f.heteroEnhancement ? 0.35 : 0.05;
  const tumourT1 = rng.uniform(1.2, 1.45);
  const tumourT2 = rng.uniform(0.68, 0.78);
  const tumourAdc = (f.lowAdc ? 0.62 : 1.0) + rng.normal(0, 0.04);
  const necroT2 = 1.35;
  const oedema = rng.uniform(0.03, 0.1);
  const gains = [rng.uniform(0.8, 1.25), rng.uniform(0.8, 1.25), rng.uniform(0.9, 1.1)];
  const noiseSd = rng.uniform(0.03, 0.05);
  const out = [0, 0, 0];
  renderHead(vols, size, { ca, sa, bDura, gains, noiseSd, biasAmp: 0.08, biasNoise }, rng, (a, b, c) => {
    const db = b - bDura;
    const rho = Math.sqrt((a / radii[0]) ** 2 + (db / radii[1]) ** 2 + (c / radii[2]) ** 2);
    const rEdge = 1 + bumpy * shapeNoise.at(a, b, c);
    const excess = rho - rEdge;
    const theta = Math.atan2(a / radii[0], db / radii[1]); // 0 = deepest point, ±π/2 = along the dura
    const inStretch = Math.exp(-(((theta - tongueDir) / 0.5) ** 2));
    const finger = tongueLen * inStretch * Math.max(0, fingerNoise.at(a * 3, b * 3, c * 3) * 1.6 + 0.2);
    const noCleft = f.cleftLost ? Math.exp(-(((theta - cleftDir) / 0.7) ** 2)) : 0;
    const brain = textureNoise.at(a * 2, b * 2, c * 2) > 0.1 ? TISSUE.gm : TISSUE.wm;
    if (db < 0.04) {
      const tail = Math.exp(-Math.abs(a) * 1.5);
      return excess < 0 ? [tumourT1, tumourT2, tumourAdc] : tail > 0.3 ? TISSUE.dura : TISSUE.bone;
    }
    if (excess < 0) {
      const necrotic = necroNoise.at(a * 1.3, b * 1.3, c * 1.3) > necroThresh + 0.2 * rho;
      out[0] = tumourT1 * (1 + enhAmp * enhNoise.at(a * 2.5, b * 2.5, c * 2.5));
      out[1] = necrotic ? necroT2 : tumourT2;
      out[2] = tumourAdc;
    } else if (excess < finger) {
      // Enhancing tongue: tumour on T1c, brain-like on T2 and ADC.
      out[0] = tumourT1;
      out[1] = brain[1];
      out[2] = brain[2];
    } else if (excess < cleft * (1 - noCleft)) {
      // CSF cleft: bright on T2; on T1c and ADC drawn as brain (the cleft is read on T2).
      out[0] = brain[0];
      out[1] = TISSUE.csf[1];
      out[2] = brain[2];
    } else {
      const w = 1 - Math.min(1, Math.max(0, (excess - oedema * 0.5) / (oedema * 0.5)));
      for (let k = 0; k < 3; k++) out[k] = brain[k] + ([0.5, 1.2, 1.4][k] - brain[k]) * w * 0.6;
    }
    return out;
  });
  return vols;
}
