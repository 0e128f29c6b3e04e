import * as fs from 'fs';
import * as path from 'path';
import { formatCsv } from '../../util/csv';
import { writeFileAtomic } from '../../util/fs';
import { Rng, deriveSeed } from '../../util/random';
import { MEN } from '../datasets';
import { MEN_SPLIT_DIRS } from '../men';
import type { Split } from '../spec';
import { SPLITS } from '../spec';
import { encodeNiftiGz } from '../nifti';
import { clamp, sigmoid, smoothstep } from './raster';
import { scaledCount } from './derm7ptPlan';
import type { SynthSummary } from './summary';
import type { MenInteraction, PlannedPatientV2 } from './menModel';
import { MEN_V2_VERSION, menAdditiveWeights, menOracleRow, planMenV2, renderMenVolumesV2 } from './menModel';
import { oracleAucs, writeOracleCsv } from './oracle';
import { writeJsonAtomic } from '../../util/fs';

/**
 * A synthetic MEN-style cohort: tumour bounding-box crops of T1 contrast, T2 and ADC volumes of an
 * extra-axial, dura-based tumour, plus a clinical CSV.
 *
 * Latent parts per patient, independent given the class (Grade_1 / Grade_2_invasion / Grade_2_noninvasion):
 *   g_img, v_img (grade and invasiveness, seen in the volumes: tumour ADC, necrotic heterogeneity, oedema
 *   extent, a ragged brain interface without CSF cleft), and g_tab, v_tab (seen in the record: age, sex,
 *   location, tumour and oedema area — the crops are resampled to one size, so absolute size is not in the
 *   images). The ADC value in the record mixes both parts.
 */

/**
 * Default patients per split and grade (354 in all). The test split is the larger held-out one, so that a
 * macro AUC over three classes is not dominated by a handful of Grade 2 cases.
 */
export const MEN_COUNTS: Record<Split, readonly [number, number, number]> = {
  train: [108, 36, 48],
  valid: [30, 10, 14],
  test: [60, 20, 28],
};
/**
 * Class means of the latent parts for [Grade_1, Grade_2_invasion, Grade_2_noninvasion], in standard
 * deviations: grade (g) and invasiveness (v), image-visible and record-visible parts drawn independently.
 */
const MEAN = { gImg: [0, 1.2, 1.2], vImg: [0, 1.5, 0], gTab: [0, 1.1, 1.1], vTab: [0, 1.1, 0] };

const LOCATIONS: [string, number, number, number][] = [
  // level, base weight, slope on g_tab, slope on v_tab
  ['convexity', 0.35, 0.3, 0],
  ['parasagittal', 0.22, 0.2, 0.1],
  ['skull base', 0.28, -0.4, 0.45],
  ['posterior fossa', 0.1, 0, 0],
  ['intraventricular', 0.05, -0.2, -0.3],
];

/** Smooth 3D value noise on an n³ lattice over [-1.2, 1.2]³, values in about [-1, 1]. */
export class Noise3 {
  private readonly g: Float32Array;
  constructor(rng: Rng, private readonly n: number) {
    this.g = new Float32Array(n * n * n);
    for (let i = 0; i < this.g.length; i++) this.g[i] = rng.uniform(-1, 1);
  }
  at(x: number, y: number, z: number): number {
    const n = this.n;
    const f = (t: number) => clamp(((t / 1.2 + 1) / 2) * (n - 1), 0, n - 1.0001);
    const fx = f(x);
    const fy = f(y);
    const fz = f(z);
    const ix = Math.floor(fx);
    const iy = Math.floor(fy);
    const iz = Math.floor(fz);
    const tx = fx - ix;
    const ty = fy - iy;
    const tz = fz - iz;
    const g = this.g;
    const o = (iz * n + iy) * n + ix;
    const l = (a: number, b: number, t: number) => a + (b - a) * t;
    const nn = n * n;
    return l(
      l(l(g[o], g[o + 1], tx), l(g[o + n], g[o + n + 1], tx), ty),
      l(l(g[o + nn], g[o + nn + 1], tx), l(g[o + nn + n], g[o + nn + n + 1], tx), ty),
      tz,
    );
  }
}

export interface PlannedPatient {
  id: string;
  split: Split;
  label: number;
  gImg: number;
  vImg: number;
  gTab: number;
  vTab: number;
  clinical: Record<string, string>;
  renderSeed: number;
}

export interface SynthMenOptions {
  out: string;
  seed: number;
  /** Multiply the default class counts (`MEN_COUNTS`: train 108/36/48, val 30/10/14, test 60/20/28) by this. Default 1. */
  scale?: number;
  /** Volume size [D, H, W] (default [24, 64, 64]; the real crops are 24×128×128). */
  size?: readonly [number, number, number];
  /** Cohort design: 2 (default; menModel.ts, with `<out>/oracle.csv`) or 1 (the legacy design below, no oracle). */
  version?: 1 | 2;
  /** Version 2's interaction: 'context' (default) or 'none' (the additive null control). */
  interaction?: MenInteraction;
  onProgress?: (done: number, total: number) => void;
}

/** One slot per patient of the class counts × scale (at least one per class and split), split by split, unshuffled. */
export function menSlots(counts: Record<Split, readonly number[]>, scale: number): { split: Split; label: number }[] {
  const slots: { split: Split; label: number }[] = [];
  for (const split of SPLITS) counts[split].forEach((n, label) => {
    for (let i = 0; i < scaledCount(n, scale); i++) slots.push({ split, label });
  });
  return slots;
}

/** The head's pose and acquisition of one patient, as `renderHead` uses them. */
export interface HeadScan {
  /** cos and sin of the in-plane angle of the dura side. */
  ca: number;
  sa: number;
  /** Where the dura is along b (the axis across it). */
  bDura: number;
  /** Per-sequence gains [T1c, T2, ADC] and the Gaussian noise sd. */
  gains: readonly number[];
  noiseSd: number;
  /** The bias field: 1 + biasAmp × biasNoise(X, Y, c). */
  biasAmp: number;
  biasNoise: Noise3;
}

/**
 * The voxel walk of both MEN versions: every voxel of [D, H, W] (W fastest) in [-1, 1]³ coordinates, rotated
 * in plane to a (along the dura) and b (across it, b < bDura outside the brain); scalp and bone outside,
 * `inside(a, b, c)` → [T1c, T2, ADC] from 0.04 before the dura inwards; then bias × gain + noise (`rng`, three
 * draws per voxel in sequence order) written into `vols`.
 */
export function renderHead(vols: Float32Array[], size: readonly [number, number, number], scan: HeadScan, rng: Rng, inside: (a: number, b: number, c: number) => readonly number[]): void {
  const [D, H, W] = size;
  const { ca, sa, bDura, gains, noiseSd, biasAmp, biasNoise } = scan;
  for (let z = 0; z < D; z++) {
    const c = ((z + 0.5) / D) * 2 - 1;
    for (let y = 0; y < H; y++) {
      const Y = ((y + 0.5) / H) * 2 - 1;
      for (let x = 0; x < W; x++) {
        const X = ((x + 0.5) / W) * 2 - 1;
        const a = ca * X - sa * Y;
        const b = sa * X + ca * Y; // axis across the dura: b < bDura is outside the brain
        const o = (z * H + y) * W + x;
        const t = b < bDura - 0.2 ? TISSUE.scalp : b < bDura - 0.04 ? TISSUE.bone : inside(a, b, c);
        const bias = 1 + biasAmp * biasNoise.at(X, Y, c);
        for (let m = 0; m < 3; m++) vols[m][o] = Math.max(0, t[m] * gains[m] * bias + rng.normal(0, noiseSd));
      }
    }
  }
}

/** Draw every patient (no voxels). Deterministic in (seed, scale). */
export function planMen(opts: { seed: number; scale?: number }): PlannedPatient[] {
  const scale = opts.scale ?? 1;
  const rng = new Rng(deriveSeed(opts.seed, 'men-plan'));
  const slots = menSlots(MEN_COUNTS, scale);
  rng.shuffle(slots);
  return slots.map((s, k) => {
    const y = s.label;
    const gImg = rng.normal(MEAN.gImg[y], 1);
    const vImg = rng.normal(MEAN.vImg[y], 1);
    const gTab = rng.normal(MEAN.gTab[y], 1);
    const vTab = rng.normal(MEAN.vTab[y], 1);
    const location = LOCATIONS[rng.categorical(LOCATIONS.map(([, w, bg, bv]) => w * Math.exp(bg * gTab + bv * vTab)))][0];
    const sex = rng.bernoulli(sigmoid(-0.7 + 0.5 * gTab)) ? 'male' : 'female';
    const age = clamp(52 + 5 * gTab + rng.normal(0, 11), 18, 92);
    const adc = clamp(0.95 - 0.05 * gImg - 0.07 * gTab + rng.normal(0, 0.06), 0.4, 1.6);
    const tumourArea = clamp(Math.exp(Math.log(12) + 0.22 * gTab + 0.15 * vTab + rng.normal(0, 0.45)), 0.5, 180);
    const oedemaArea = clamp(tumourArea * (0.1 + 1.2 * sigmoid(0.9 * vTab + 0.5 * gTab - 1.2)) * Math.exp(rng.normal(0, 0.5)), 0, 380);
    return {
      id: `P${String(k + 1).padStart(4, '0')}`,
      split: s.split,
      label: y,
      gImg,
      vImg,
      gTab,
      vTab,
      clinical: {
        location,
        sex,
        age: age.toFixed(0),
        adc_value: adc.toFixed(3),
        tumour_area: tumourArea.toFixed(2),
        oedema_area: oedemaArea.toFixed(2),
      },
      renderSeed: rng.nextUint32(),
    };
  });
}

/** Tissue intensities [T1c, T2, ADC] of the classes of voxels (both versions). */
export const TISSUE = {
  scalp: [0.9, 0.7, 1.0],
  bone: [0.1, 0.1, 0.1],
  csf: [0.2, 1.6, 3.0],
  wm: [0.8, 0.45, 0.75],
  gm: [0.6, 0.65, 0.85],
  oedema: [0.5, 1.25, 1.5],
  necrosis: [0.4, 1.3, 1.8],
  dura: [1.4, 0.4, 0.6],
};

/** Render the three volumes of a patient, each [D, H, W] (W fastest). */
export function renderMenVolumes(p: PlannedPatient, size: readonly [number, number, number]): Float32Array[] {
  const [D, H, W] = size;
  const rng = new Rng(p.renderSeed);
  const n = D * H * W;
  const vols = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  const shapeNoise = new Noise3(rng, 6);
  const fingerNoise = new Noise3(rng, 11);
  const textureNoise = new Noise3(rng, 9);
  const necroNoise = new Noise3(rng, 7);
  const biasNoise = new Noise3(rng, 3);
  const angle = rng.uniform(0, 2 * Math.PI); // dura side, in plane
  const ca = Math.cos(angle);
  const sa = Math.sin(angle);
  const bDura = rng.uniform(-0.8, -0.6);
  const radii = [rng.uniform(0.7, 0.9), rng.uniform(1.1, 1.35), rng.uniform(0.7, 0.9)];
  const bumpy = clamp(0.06 + 0.03 * p.gImg + rng.normal(0, 0.03), 0.02, 0.2);
  const invasion = clamp(0.02 + 0.1 * p.vImg + rng.normal(0, 0.04), 0, 0.4);
  const cleft = clamp(0.1 - 0.05 * p.vImg + rng.normal(0, 0.02), 0, 0.12);
  const oedema = clamp(0.08 + 0.1 * p.gImg + 0.06 * p.vImg + rng.normal(0, 0.08), 0, 0.6);
  const necroThresh = 0.75 - 0.25 * sigmoid(1.5 * (p.gImg - 1.2)); // more necrosis in high grade
  const tumourAdc = clamp(1.0 - 0.1 * p.gImg + rng.normal(0, 0.05), 0.45, 1.3);
  const tumour = [rng.uniform(1.2, 1.45), clamp(0.7 + 0.05 * p.gImg + rng.normal(0, 0.05), 0.5, 1.0), tumourAdc];
  const gains = [rng.uniform(0.7, 1.4), rng.uniform(0.7, 1.4), rng.uniform(0.8, 1.2)];
  const noiseSd = rng.uniform(0.03, 0.06);
  const mix = [0, 0, 0];
  renderHead(vols, size, { ca, sa, bDura, gains, noiseSd, biasAmp: 0.1, biasNoise }, rng, (a, b, c) => {
    const db = b - bDura;
    const rho = Math.sqrt((a / radii[0]) ** 2 + (db / radii[1]) ** 2 + (c / radii[2]) ** 2);
    const rEdge = 1 + bumpy * shapeNoise.at(a, b, c);
    // Invasion: finger-like tongues of tumour beyond the edge, no CSF cleft where they are.
    const finger = invasion * Math.max(0, fingerNoise.at(a * 1.5, b * 1.5, c * 1.5) + 0.3);
    const excess = rho - rEdge;
    if (db < 0.04) {
      // Dura: enhancing, thicker (dural tail) near the tumour base.
      const tail = Math.exp(-Math.abs(a) * 1.5);
      return excess < 0 ? tumour : tail > 0.3 ? TISSUE.dura : TISSUE.bone;
    }
    if (excess < finger) {
      if (excess < 0 && necroNoise.at(a * 1.3, b * 1.3, c * 1.3) > necroThresh + 0.25 * rho) return TISSUE.necrosis;
      return tumour;
    }
    if (excess < finger + cleft * (1 - smoothstep(0, 0.15, finger))) return TISSUE.csf;
    const tex = textureNoise.at(a * 2, b * 2, c * 2);
    const brain = tex > 0.1 ? TISSUE.gm : TISSUE.wm;
    const w = oedema > 0 ? 1 - smoothstep(oedema * 0.5, oedema, excess) : 0;
    for (let k = 0; k < 3; k++) mix[k] = brain[k] + (TISSUE.oedema[k] - brain[k]) * w;
    return mix;
  });
  return vols;
}

type MenPatient = Pick<PlannedPatient, 'id' | 'split' | 'label' | 'clinical'>;

/** Write each patient's volumes (uint8 NIfTI, in its split/class folder) and clinical.csv; returns the number of volume files. */
function writeMenPatients<P extends MenPatient>(plan: readonly P[], render: (p: P, size: readonly [number, number, number]) => Float32Array[], root: string, size: readonly [number, number, number], onProgress?: (done: number, total: number) => void): number {
  let files = 0;
  plan.forEach((p, k) => {
    const dir = path.join(root, MEN_SPLIT_DIRS[p.split][0], MEN.classes[p.label], p.id);
    fs.mkdirSync(dir, { recursive: true });
    const vols = render(p, size);
    MEN.imageModalities.forEach((m, i) => {
      // NIfTI dims are x (W, fastest), y (H), z (D).
      fs.writeFileSync(path.join(dir, m.file ?? `${m.name}.nii.gz`), encodeNiftiGz([size[2], size[1], size[0]], vols[i], { spacing: [1, 1, 5], dtype: 'uint8' }));
      files++;
    });
    onProgress?.(k + 1, plan.length);
  });
  const header = ['id', ...MEN.tabular.map((f) => f.column)];
  writeFileAtomic(path.join(root, 'clinical.csv'), formatCsv(header, plan.map((p) => ({ id: p.id, ...p.clinical }))));
  return files;
}

/** The summary's fields that both versions fill alike: where, which seed and scale, patients per split and class, files, sizes. */
function summaryHead(plan: readonly MenPatient[], root: string, seed: number, scale: number, files: number, size: readonly [number, number, number]) {
  const splits: Record<string, Record<string, number>> = {};
  for (const split of SPLITS) splits[split] = Object.fromEntries(MEN.classes.map((c, y) => [c, plan.filter((p) => p.split === split && p.label === y).length]));
  return {
    dataset: 'men',
    out: root,
    seed,
    scale,
    splits,
    excluded: {},
    files,
    imageSizes: Object.fromEntries(MEN.imageModalities.map((m) => [m.name, size.join('x')])),
  } satisfies Partial<SynthSummary>;
}

/** The fraction of each class's patients for whom `f` holds. */
function fractionByClass<P extends MenPatient>(plan: readonly P[], f: (p: P) => boolean): Record<string, number> {
  return Object.fromEntries(MEN.classes.map((c, y) => {
    const sel = plan.filter((p) => p.label === y);
    return [c, sel.length ? sel.filter(f).length / sel.length : 0];
  }));
}

/** Write a synthetic MEN-style folder. Deterministic in (seed, scale, size). */
export async function synthMen(opts: SynthMenOptions): Promise<SynthSummary> {
  const t0 = Date.now();
  const scale = opts.scale ?? 1;
  const size = opts.size ?? ([24, 64, 64] as const);
  const root = path.resolve(opts.out);
  if ((opts.version ?? 2) === 2) return synthMenV2(opts, scale, size, root, t0);
  const plan = planMen({ seed: opts.seed, scale });
  const files = writeMenPatients(plan, renderMenVolumes, root, size, opts.onProgress);

  const frac = (f: (p: PlannedPatient) => boolean) => fractionByClass(plan, f);
  return {
    ...summaryHead(plan, root, opts.seed, scale, files, size),
    findings: [
      { name: 'visible invasion (v_img > 1)', byClass: frac((p) => p.vImg > 1) },
      { name: 'low tumour ADC (g_img > 1)', byClass: frac((p) => p.gImg > 1) },
      { name: 'age >= 60', byClass: frac((p) => Number(p.clinical.age) >= 60) },
      { name: 'oedema area > tumour area', byClass: frac((p) => Number(p.clinical.oedema_area) > Number(p.clinical.tumour_area)) },
    ],
    notes: ['volumes are uint8+slope NIfTI-1 (gzip), D×H×W as listed; clinical.csv holds one row per patient'],
    seconds: (Date.now() - t0) / 1000,
  };
}

/** Version 2 (menModel.ts): volumes, clinical.csv, and `oracle.csv` + `cohort.json` beside them. */
function synthMenV2(opts: SynthMenOptions, scale: number, size: readonly [number, number, number], root: string, t0: number): SynthSummary {
  const interaction = opts.interaction ?? 'context';
  const plan = planMenV2({ seed: opts.seed, scale, interaction });
  const files = writeMenPatients(plan, renderMenVolumesV2, root, size, opts.onProgress);
  const oracle = plan.map((p) => menOracleRow(p, interaction));
  writeOracleCsv(path.join(root, 'oracle.csv'), 'patient_id', oracle, 3);
  const aucs = oracleAucs(oracle, 3);
  writeJsonAtomic(path.join(root, 'cohort.json'), {
    dataset: 'men',
    version: MEN_V2_VERSION,
    interaction,
    seed: opts.seed,
    scale,
    additiveWeights: menAdditiveWeights(interaction),
    oracleAuc: aucs,
  });
  const frac = (f: (p: PlannedPatientV2) => boolean) => fractionByClass(plan, f);
  return {
    ...summaryHead(plan, root, opts.seed, scale, files, size),
    findings: [
      { name: 'boundary tongues (T1c)', byClass: frac((p) => p.findings.tongues === 1) },
      { name: 'tongues, off the skull base', byClass: frac((p) => p.findings.tongues === 1 && p.record.location !== 2) },
      { name: 'CSF cleft lost (T2)', byClass: frac((p) => p.findings.cleftLost === 1) },
      { name: 'marked necrosis (T2)', byClass: frac((p) => p.findings.necrosis === 2) },
      { name: 'low tumour ADC', byClass: frac((p) => p.findings.lowAdc === 1) },
      { name: 'skull base', byClass: frac((p) => p.record.location === 2) },
    ],
    notes: [
      'volumes are uint8+slope NIfTI-1 (gzip), D×H×W as listed; clinical.csv holds one row per patient',
      interaction === 'context'
        ? 'interaction context: boundary tongues mean brain invasion off the skull base, bone/dural growth at it'
        : 'interaction none: null control, image and record independent given the grade (additive log-odds)',
      'oracle.csv and cohort.json are written beside the cohort (the loader reads clinical.csv and the split folders)',
    ],
    seconds: (Date.now() - t0) / 1000,
    version: MEN_V2_VERSION,
    interaction,
    oracle: aucs,
  };
}
