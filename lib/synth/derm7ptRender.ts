import { Rng } from '../util/random';
import { Canvas, ValueNoise, clamp } from './raster';
import type { Lesion, View } from './lesion';
import { BLACK } from './lesion';
import type { PlannedCase } from './derm7ptModel';

/**
 * Pictures of a case (derm7ptModel.ts). One lesion, two complementary views:
 *  - clinical view: the lesion at its true size (pixels ∝ diameter) among its surroundings (actinic
 *    lentigines when the skin is sun-damaged), blurred and unevenly lit; it shows the global findings
 *    (asymmetry, colours) and the clinic-only ones (diameter, sun damage), never the fine structures;
 *  - dermoscopic view: the lesion framed at a normalised magnification (its size is not shown), sharp;
 *    it shows the global findings and the local structures. Every local structure is drawn at least
 *    ≈ 1.2 px wide once the 192 px picture is resized to the cpu preset's 64 px (globules of radius
 *    0.05–0.12 lesion radii, streaks 0.05–0.07 wide, a network period of 0.2 lesion radii ≈ 4 px at 64 px),
 *    so the encoder's first stage (stride 4) can see them (finer structures would be sub-pixel there).
 */

const BROWN_LIGHT = [0.66, 0.47, 0.33];
const BROWN_DARK = [0.3, 0.17, 0.1];
const BLUE_GREY = [0.42, 0.47, 0.6];
const BLUE_WHITE = [0.62, 0.7, 0.84];
const SCAR_WHITE = [0.93, 0.9, 0.88];
const LENTIGO = [0.6, 0.42, 0.28];
const SKIN_TONES = [
  [0.93, 0.78, 0.68],
  [0.9, 0.72, 0.6],
  [0.84, 0.64, 0.5],
  [0.95, 0.82, 0.74],
  [0.78, 0.58, 0.45],
];
const ASYMMETRY = [0.04, 0.16, 0.3];

/** Both lesions of a case: the same body (shape, colours); only the dermoscopic one has fine structures. */
export function makeLesions(c: PlannedCase): { clinic: Lesion; derm: Lesion } {
  const rng = new Rng(c.renderSeed);
  const f = c.findings;
  // Shape: asymmetry along one axis (and a second one for two axes), a mildly ragged border.
  const asym = clamp(ASYMMETRY[f.asymmetry] + rng.normal(0, 0.02), 0, 0.4);
  const asym2 = f.asymmetry === 2 ? clamp(0.12 + rng.normal(0, 0.02), 0, 0.3) : 0;
  const ragged = clamp(0.03 + rng.normal(0, 0.01), 0.01, 0.06);
  const harmonics = [3, 5, 7, 11].map((k) => ({ k, a: (ragged * rng.uniform(0.3, 1)) / Math.sqrt(k / 2), p: rng.uniform(0, 2 * Math.PI) }));
  const a1 = rng.uniform(0, 2 * Math.PI);
  const boundary = new Float32Array(64);
  for (let i = 0; i < 64; i++) {
    const phi = (i / 64) * 2 * Math.PI - Math.PI;
    let r = 1 + asym * Math.cos(phi - a1) + asym2 * Math.cos(2 * (phi - a1 - 0.8));
    for (const h of harmonics) r += h.a * Math.cos(h.k * phi + h.p);
    boundary[i] = Math.max(0.4, r);
  }
  // Colours: light brown always; then dark brown, black, blue-grey as large blotches (one side when asymmetric).
  const side = rng.uniform(0, 2 * Math.PI);
  const off = f.asymmetry > 0 ? 0.35 : 0;
  const blotches: Lesion['blotches'] = [];
  const colourList = [BROWN_DARK, BLACK, BLUE_GREY].slice(0, f.colours);
  colourList.forEach((col, k) => {
    const a = side + (k - 1) * 0.9 + rng.normal(0, 0.3);
    blotches.push({ u: off * Math.cos(a) + rng.normal(0, 0.1), v: off * Math.sin(a) + rng.normal(0, 0.1), r: rng.uniform(0.28, 0.4), col, a: col === BLACK ? 0.8 : 0.6 });
  });
  const patches: Lesion['patches'] = [];
  if (f.colours >= 3) {
    // Blue-grey: a structureless blue-white area over its blotch (the veil), large.
    const b = blotches[2];
    patches.push({ u: b.u, v: b.v, r: 0.3, col: BLUE_WHITE, a: 0.4 });
  }
  const body = {
    boundary,
    edge: clamp(0.05 + rng.normal(0, 0.015), 0.02, 0.1),
    light: BROWN_LIGHT.map((v) => v * rng.uniform(0.95, 1.05)),
    dark: BROWN_DARK.slice(),
    variegation: clamp(0.1 + rng.normal(0, 0.03), 0.03, 0.2),
    centralDark: rng.uniform(0.1, 0.3),
    blotches,
    noise: new ValueNoise(rng, 9, 1.6),
    warp: new ValueNoise(rng, 13, 1.6),
    netNoise: new ValueNoise(rng, 7, 1.6),
    netFreq: rng.uniform(4.6, 5.4),
  };
  const clinic: Lesion = { ...body, network: 'absent', netWarp: 0, spots: [], strokes: [], patches: patches.slice(), size: 1 };

  const spots: Lesion['spots'] = [];
  const strokes: Lesion['strokes'] = [];
  const dermPatches = patches.slice();
  // Dots/globules. Regular: uniform, mid-size, brown, spread over the centre. Irregular: varied sizes,
  // black and brown, clustered in one peripheral sector.
  if (f.dots === 1) {
    const n = 9 + rng.int(6);
    for (let i = 0; i < n; i++) {
      const r = Math.sqrt(rng.next()) * 0.55;
      const a = rng.uniform(0, 2 * Math.PI);
      spots.push({ u: r * Math.cos(a), v: r * Math.sin(a), r: 0.075, col: BROWN_DARK, a: 0.9 });
    }
  } else if (f.dots === 2) {
    const n = 10 + rng.int(8);
    const sector = rng.uniform(0, 2 * Math.PI);
    for (let i = 0; i < n; i++) {
      const r = rng.uniform(0.6, 0.95);
      const a = sector + rng.normal(0, 0.6);
      spots.push({ u: r * Math.cos(a), v: r * Math.sin(a), r: rng.uniform(0.05, 0.12), col: rng.bernoulli(0.6) ? BLACK : BROWN_DARK, a: 0.95 });
    }
  }
  // Streaks at the rim. Regular: short, evenly spaced all around. Irregular: longer, bent, in one sector.
  if (f.streaks > 0) {
    const regular = f.streaks === 1;
    const n = regular ? 14 + rng.int(6) : 5 + rng.int(5);
    const sector = rng.uniform(0, 2 * Math.PI);
    for (let i = 0; i < n; i++) {
      const a = regular ? (i / n) * 2 * Math.PI + rng.normal(0, 0.05) : sector + rng.normal(0, 0.45);
      const r0 = 0.85;
      const len = regular ? 0.2 : rng.uniform(0.28, 0.45);
      const bend = regular ? 0 : rng.normal(0, 0.3);
      strokes.push({
        u0: r0 * Math.cos(a),
        v0: r0 * Math.sin(a),
        u1: (r0 + len) * Math.cos(a + bend * len),
        v1: (r0 + len) * Math.sin(a + bend * len),
        w: regular ? 0.05 : rng.uniform(0.055, 0.075),
        col: regular ? BROWN_DARK : BLACK,
        a: 0.9,
      });
    }
  }
  // Regression: a white scar-like area with blue-grey peppering, off centre.
  if (f.regression) {
    const a = rng.uniform(0, 2 * Math.PI);
    const cu = 0.45 * Math.cos(a);
    const cv = 0.45 * Math.sin(a);
    dermPatches.push({ u: cu, v: cv, r: rng.uniform(0.2, 0.28), col: SCAR_WHITE, a: 0.6 });
    for (let i = 0; i < 14; i++) spots.push({ u: cu + rng.normal(0, 0.14), v: cv + rng.normal(0, 0.14), r: 0.04, col: BLUE_GREY, a: 0.9 });
  }
  // Network (absent / typical / atypical) or, on acral skin, the parallel pattern drawn as strokes.
  let network: Lesion['network'] = f.network === 1 ? 'typical' : f.network === 2 ? 'atypical' : 'absent';
  if (f.network >= 3) {
    network = 'absent';
    const ridge = f.network === 4;
    const period = 0.2;
    const tilt = rng.uniform(0, Math.PI);
    const ct = Math.cos(tilt);
    const st = Math.sin(tilt);
    const rb = (u: number, v: number) => {
      const fi = ((Math.atan2(v, u) + Math.PI) / (2 * Math.PI)) * 64;
      return boundary[Math.floor(fi) % 64];
    };
    for (let k = -5; k <= 5; k++) {
      const v = k * period;
      for (let u = -1.3; u < 1.3; u += 0.1) {
        const [x0, y0] = [ct * u - st * v, st * u + ct * v];
        const [x1, y1] = [ct * (u + 0.1) - st * v, st * (u + 0.1) + ct * v];
        if (Math.hypot(x0, y0) < 0.92 * rb(x0, y0) && Math.hypot(x1, y1) < 0.92 * rb(x1, y1)) {
          // Ridge: wide dark bands (pigment on the ridges); furrow: thin lines (pigment in the furrows).
          strokes.push({ u0: x0, v0: y0, u1: x1, v1: y1, w: ridge ? 0.1 : 0.035, col: BROWN_DARK, a: ridge ? 0.85 : 0.7 });
        }
      }
    }
  }
  const derm: Lesion = {
    ...body,
    network,
    netWarp: network === 'atypical' ? rng.uniform(0.1, 0.16) : 0.02,
    spots,
    strokes,
    patches: dermPatches,
    size: clamp(1 + rng.normal(0, 0.05), 0.9, 1.1),
  };
  return { clinic, derm };
}

/** The two views of a case. */
export function caseViews(rng: Rng, c: PlannedCase, clinic: readonly [number, number], derm: readonly [number, number]): { clinic: View; derm: View } {
  const skin = rng.pick(SKIN_TONES).map((v) => v * rng.uniform(0.95, 1.03));
  const rot = rng.uniform(0, 2 * Math.PI);
  const [dw, dh] = derm;
  const [cw, ch] = clinic;
  // Clinical photo: 3 mm → radius ≈ 0.07 of the short side, 16 mm → ≈ 0.24.
  const clinicRadius = Math.min(cw, ch) * (0.03 + 0.013 * c.findings.diameterMm);
  const sun = c.findings.sunDamage === 1;
  return {
    derm: {
      width: dw,
      height: dh,
      scale: Math.min(dw, dh) * rng.uniform(0.28, 0.32),
      cx: dw / 2 + rng.normal(0, dw * 0.02),
      cy: dh / 2 + rng.normal(0, dh * 0.02),
      rot,
      skin,
      light: [0, 0],
      vignette: rng.bernoulli(0.5),
      hairs: rng.bernoulli(0.3) ? 1 + rng.int(3) : 0,
    },
    clinic: {
      width: cw,
      height: ch,
      scale: clinicRadius,
      cx: cw / 2 + rng.normal(0, cw * 0.06),
      cy: ch / 2 + rng.normal(0, ch * 0.06),
      rot: rot + rng.normal(0, 0.3),
      // Sun-damaged skin is a little darker and yellower.
      skin: skin.map((v, k) => v * rng.uniform(0.88, 1.0) * (sun ? [0.93, 0.9, 0.84][k] : 1)),
      light: [rng.uniform(-0.4, 0.4), rng.uniform(-0.3, 0.3)],
      vignette: false,
      hairs: 0,
    },
  };
}

/** Actinic lentigines around the lesion in the clinical photo (sun-damaged skin), drawn after the lesion. */
export function drawLentigines(canvas: Canvas, view: View, rng: Rng): void {
  const n = 14 + rng.int(10);
  const keepOut = view.scale * 1.6;
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(0, view.width);
    const y = rng.uniform(0, view.height);
    if (Math.hypot(x - view.cx, y - view.cy) < keepOut) continue;
    canvas.disc(x, y, rng.uniform(2.5, 4.5), LENTIGO, rng.uniform(0.45, 0.7));
  }
}
