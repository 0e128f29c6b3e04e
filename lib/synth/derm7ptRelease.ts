import { Rng, deriveSeed } from '../../util/random';
import { DERM7PT_COLUMNS } from '../derm7pt';
import type { Split } from '../spec';
import { SPLITS } from '../spec';
import { sigmoid } from './raster';

/**
 * The case-level model of the synthetic Derm7pt cohort (what is drawn, before any pixel is drawn).
 *
 * Each case has two independent latent parts given its class:
 *   z_img ~ N(μ_img·y, 1)  → the seven checklist criteria, lesion shape, colour and size (seen only in images)
 *   z_tab ~ N(μ_tab·y, 1)  → elevation, diagnostic difficulty, location, sex (seen only in the record)
 * so each modality carries part of the evidence and both together carry more (the log-likelihood ratios add).
 * `management` reproduces the release's leak (every MEL is excised) unless `leak` is false, in which case it
 * is drawn from z_tab like the other fields.
 */

/** Class counts per split of the real release (docs/DATA.md), NEV/MEL, and left-out rows per split. */
export const DERM7PT_COUNTS: Record<Split, { NEV: number; MEL: number; other: number }> = {
  train: { NEV: 256, MEL: 90, other: 67 },
  valid: { NEV: 100, MEL: 61, other: 42 },
  test: { NEV: 219, MEL: 101, other: 75 },
};

/** Separation of the latent parts between classes, in standard deviations. */
export const DERM7PT_LATENT = { img: 1.45, tab: 1.3 } as const;

const NEV_DIAGNOSES: [string, number][] = [
  ['clark nevus', 399],
  ['reed or spitz nevus', 79],
  ['dermal nevus', 33],
  ['blue nevus', 28],
  ['congenital nevus', 17],
  ['combined nevus', 13],
  ['recurrent nevus', 6],
];
const MEL_DIAGNOSES: [string, number][] = [
  ['melanoma (less than 0.76 mm)', 102],
  ['melanoma (in situ)', 64],
  ['melanoma (0.76 to 1.5 mm)', 53],
  ['melanoma (more than 1.5 mm)', 28],
  ['melanoma metastasis', 4],
  ['melanoma', 1],
];
const OTHER_DIAGNOSES: [string, number][] = [
  ['seborrheic keratosis', 45],
  ['basal cell carcinoma', 42],
  ['vascular lesion', 29],
  ['lentigo', 24],
  ['dermatofibroma', 20],
  ['melanosis', 16],
  ['miscellaneous', 8],
];

/** Location levels with base weight and slope on z_tab (melanoma more on the back/head-neck/chest). */
const LOCATIONS: [string, number, number][] = [
  ['upper limbs', 0.13, -0.1],
  ['head neck', 0.08, 0.45],
  ['back', 0.3, 0.35],
  ['lower limbs', 0.2, 0.0],
  ['chest', 0.1, 0.3],
  ['abdomen', 0.1, -0.35],
  ['buttocks', 0.03, -0.4],
  ['acral', 0.04, -0.6],
  ['genital areas', 0.02, -0.6],
];

/** One planned row of meta.csv plus what the renderer needs. */
export interface PlannedCase {
  row: number; // 0-based row in meta.csv
  split: Split;
  /** 0 NEV, 1 MEL, -1 left out. */
  label: number;
  diagnosis: string;
  zImg: number;
  zTab: number;
  /** meta.csv values by column. */
  meta: Record<string, string>;
  /** Seed for rendering this case's images. */
  renderSeed: number;
  /** Clinic and derm images are one file (as in 9 cases of the release). */
  sameFile: boolean;
}

/** One criterion of the dermoscopic seven-point checklist (Argenziano et al. 1998), as the release records it. */
export interface SevenPointCriterion {
  /** Its column in meta.csv. */
  column: string;
  /** 2 for the three major criteria, 1 for the four minor ones. */
  points: 1 | 2;
  /** Whether a recorded value is the melanoma-typical one (which scores the points). */
  melanomaTypical(value: string): boolean;
}

/** The seven-point checklist: major criteria first. A score of 3 or more suggests melanoma. */
export const SEVEN_POINT: readonly SevenPointCriterion[] = [
  { column: 'pigment_network', points: 2, melanomaTypical: (v) => v === 'atypical' },
  { column: 'blue_whitish_veil', points: 2, melanomaTypical: (v) => v === 'present' },
  { column: 'vascular_structures', points: 2, melanomaTypical: (v) => v === 'dotted' || v === 'linear irregular' },
  { column: 'streaks', points: 1, melanomaTypical: (v) => v === 'irregular' },
  { column: 'pigmentation', points: 1, melanomaTypical: (v) => v.includes('irregular') },
  { column: 'dots_and_globules', points: 1, melanomaTypical: (v) => v === 'irregular' },
  { column: 'regression_structures', points: 1, melanomaTypical: (v) => v !== 'absent' },
];

/** The seven-point score of one case's recorded criteria (column → value; a missing column scores 0). */
export function sevenPointScore(values: Record<string, string | undefined>): number {
  return SEVEN_POINT.reduce((s, c) => s + (values[c.column] !== undefined && c.melanomaTypical(values[c.column]!) ? c.points : 0), 0);
}

function pickWeighted(rng: Rng, items: [string, number][]): string {
  return items[rng.categorical(items.map((i) => i[1]))][0];
}

/** The release's diagnosis of a case of this slot label (0 NEV, 1 MEL, -1 left out), by its frequency. */
export function drawDiagnosis(rng: Rng, label: number): string {
  return pickWeighted(rng, label === 0 ? NEV_DIAGNOSES : label === 1 ? MEL_DIAGNOSES : OTHER_DIAGNOSES);
}

function drawCriteria(rng: Rng, z: number): Record<string, string> {
  const network = rng.bernoulli(sigmoid(-1.3 + 1.3 * z)) ? 'atypical' : rng.bernoulli(0.7) ? 'typical' : 'absent';
  const streaks = rng.bernoulli(sigmoid(-2.3 + 1.2 * z)) ? 'irregular' : rng.bernoulli(0.15) ? 'regular' : 'absent';
  const pigIrr = rng.bernoulli(sigmoid(-1.4 + 1.2 * z));
  const pigmentation = pigIrr
    ? rng.bernoulli(0.5) ? 'diffuse irregular' : 'localized irregular'
    : rng.bernoulli(0.35) ? (rng.bernoulli(0.5) ? 'diffuse regular' : 'localized regular') : 'absent';
  const regression = rng.bernoulli(sigmoid(-2.2 + 1.2 * z)) ? rng.pick(['blue areas', 'white areas', 'combinations']) : 'absent';
  const dots = rng.bernoulli(sigmoid(-1.1 + 1.1 * z)) ? 'irregular' : rng.bernoulli(0.45) ? 'regular' : 'absent';
  const veil = rng.bernoulli(sigmoid(-2.4 + 1.4 * z)) ? 'present' : 'absent';
  const vascular = rng.bernoulli(sigmoid(-3.2 + 1.0 * z))
    ? rng.pick(['dotted', 'linear irregular'])
    : rng.bernoulli(0.08) ? rng.pick(['arborizing', 'comma', 'hairpin', 'within regression', 'wreath']) : 'absent';
  const criteria: Record<string, string> = {
    pigment_network: network,
    streaks,
    pigmentation,
    regression_structures: regression,
    dots_and_globules: dots,
    blue_whitish_veil: veil,
    vascular_structures: vascular,
  };
  const score = sevenPointScore(criteria);
  return {
    seven_point_score: String(score),
    ...criteria,
  };
}

function ordinal(x: number, cuts: readonly number[], levels: readonly string[]): string {
  let k = 0;
  while (k < cuts.length && x > cuts[k]) k++;
  return levels[k];
}

function drawTabular(rng: Rng, t: number, label: number, leak: boolean): Record<string, string> {
  const elevation = ordinal(1.1 * t + rng.normal(), [0.8, 2.3], ['flat', 'palpable', 'nodular']);
  const difficulty = ordinal(0.8 * t + rng.normal(), [0.2, 1.6], ['low', 'medium', 'high']);
  const location = LOCATIONS[rng.categorical(LOCATIONS.map(([, w, b]) => w * Math.exp(1.3 * b * t)))][0];
  const sex = rng.bernoulli(sigmoid(-0.4 + 0.55 * t)) ? 'male' : 'female';
  let management: string;
  if (leak && label === 1) management = 'excision';
  else if (rng.bernoulli(sigmoid(-1.0 + 0.6 * t))) management = 'excision';
  else management = rng.bernoulli(0.65) ? 'clinical follow up' : 'no further examination';
  return { level_of_diagnostic_difficulty: difficulty, elevation, location, sex, management };
}

export interface Derm7ptPlanOptions {
  seed: number;
  /** Multiply every class count by this (default 1: the release's counts). */
  scale?: number;
  /** Reproduce the `management` leak (every MEL excised). Default true. */
  leak?: boolean;
}

/** Scaled count: at least one case of each task class per split, so every split stays usable. */
export function scaledCount(n: number, scale: number, min = 1): number {
  return Math.max(min, Math.round(n * scale));
}

/** One slot per case of the release's class counts × scale (0 NEV, 1 MEL, -1 left out), split by split, unshuffled. */
export function derm7ptSlots(scale: number): { split: Split; label: number }[] {
  const slots: { split: Split; label: number }[] = [];
  for (const split of SPLITS) {
    const c = DERM7PT_COUNTS[split];
    for (let i = 0; i < scaledCount(c.NEV, scale); i++) slots.push({ split, label: 0 });
    for (let i = 0; i < scaledCount(c.MEL, scale); i++) slots.push({ split, label: 1 });
    for (let i = 0; i < scaledCount(c.other, scale, 0); i++) slots.push({ split, label: -1 });
  }
  return slots;
}

/**
 * The image file names of meta.csv row `row` (folders of 30 cases, mixed-case extensions), and whether the
 * clinic column names the dermoscopy file (the release's 9 × scale same-file rows, spread over the first rows).
 */
export function derm7ptFiles(row: number, scale: number): { caseNum: number; sameFile: boolean; derm: string; clinic: string } {
  const nSame = scaledCount(9, scale);
  const caseNum = row + 1;
  const folder = `A${String(Math.floor(row / 30) + 1).padStart(2, '0')}`;
  const sameFile = row < nSame * 7 && row % 7 === 3;
  const derm = `${folder}/Sd${String(caseNum).padStart(4, '0')}.${caseNum % 2 ? 'jpg' : 'JPG'}`;
  const clinic = sameFile ? derm : `${folder}/Sc${String(caseNum).padStart(4, '0')}.${caseNum % 3 ? 'jpg' : 'JPG'}`;
  return { caseNum, sameFile, derm, clinic };
}

/** Draw every row of the synthetic meta.csv (no pixels). Deterministic in (seed, scale, leak). */
export function planDerm7pt(opts: Derm7ptPlanOptions): PlannedCase[] {
  const scale = opts.scale ?? 1;
  const leak = opts.leak ?? true;
  const rng = new Rng(deriveSeed(opts.seed, 'derm7pt-plan'));
  const slots = derm7ptSlots(scale);
  rng.shuffle(slots);
  const cases: PlannedCase[] = slots.map((s, row) => {
    const diagnosis = drawDiagnosis(rng, s.label);
    const y = s.label === 1 ? 1 : s.label === 0 ? 0 : 0.4;
    const zImg = rng.normal(DERM7PT_LATENT.img * y, 1);
    const zTab = rng.normal(DERM7PT_LATENT.tab * y, 1);
    const criteria = drawCriteria(rng, zImg);
    const tab = drawTabular(rng, zTab, s.label, leak);
    const { caseNum, sameFile, derm, clinic } = derm7ptFiles(row, scale);
    const meta: Record<string, string> = {
      case_num: String(caseNum),
      diagnosis,
      ...criteria,
      ...tab,
      clinic,
      derm,
      case_id: `SYN${String(caseNum).padStart(4, '0')}`,
      notes: row % 97 === 5 ? 'synthetic, drawn by cfcml; "no real patient"' : '',
    };
    for (const c of DERM7PT_COLUMNS) if (meta[c] === undefined) throw new Error(`planDerm7pt: column ${c} not filled`);
    return { row, split: s.split, label: s.label, diagnosis, zImg, zTab, meta, renderSeed: rng.nextUint32(), sameFile };
  });
  return cases;
}
