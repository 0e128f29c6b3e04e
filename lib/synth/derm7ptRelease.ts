import type { Rng } from '../util/random';
import type { Split } from '../data/spec';
import { SPLITS } from '../data/spec';

/**
 * What the synthetic Derm7pt cohort copies from the real release (docs/DATA.md): class counts per split,
 * the diagnoses and their frequencies, the file naming of meta.csv, and the seven-point checklist.
 */

/** Class counts per split of the real release (docs/DATA.md), NEV/MEL, and left-out rows per split. */
export const DERM7PT_COUNTS: Record<Split, { NEV: number; MEL: number; other: number }> = {
  train: { NEV: 256, MEL: 90, other: 67 },
  valid: { NEV: 100, MEL: 61, other: 42 },
  test: { NEV: 219, MEL: 101, other: 75 },
};

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
  return derm7ptFileNames(row, row < nSame * 7 && row % 7 === 3);
}

/** The image file names of meta.csv row `row`; with `sameFile` the clinic column names the derm file. */
export function derm7ptFileNames(row: number, sameFile: boolean): { caseNum: number; sameFile: boolean; derm: string; clinic: string } {
  const caseNum = row + 1;
  const folder = `A${String(Math.floor(row / 30) + 1).padStart(2, '0')}`;
  const derm = `${folder}/Sd${String(caseNum).padStart(4, '0')}.${caseNum % 2 ? 'jpg' : 'JPG'}`;
  const clinic = sameFile ? derm : `${folder}/Sc${String(caseNum).padStart(4, '0')}.${caseNum % 3 ? 'jpg' : 'JPG'}`;
  return { caseNum, sameFile, derm, clinic };
}
