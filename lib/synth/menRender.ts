import { Rng } from '../util/random';
import { clamp } from './raster';
import type { PlannedPatient } from './menModel';

/**
 * The voxels of a synthetic MEN patient: a head (scalp, bone, dura, brain) with an extra-axial, dura-based
 * tumour, in three sequences [T1c, T2, ADC]; each finding of menModel.ts is drawn only in its sequence.
 */

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
 * The voxel walk of a MEN volume: every voxel of [D, H, W] (W fastest) in [-1, 1]³ coordinates, rotated
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

/** Tissue intensities [T1c, T2, ADC] of the classes of voxels. */
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

/**
 * Render the three volumes [D, H, W] of a patient. Each finding is drawn only in its sequence:
 * enhancement texture and the tongues in T1c (the tongues are iso-intense to brain on T2 and ADC), the
 * necrosis and the CSF cleft in T2, the tumour's ADC in ADC. The tongues are a cluster of finger-like
 * protrusions over one ≈ 60° stretch of the brain interface, 0.2–0.3 of the half-width long (≥ 5 voxels
 * at 48 px); the cleft, where kept, is 0.08 wide (≈ 2 voxels at 48 px).
 */
export function renderMenVolumes(p: PlannedPatient, size: readonly [number, number, number]): Float32Array[] {
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
