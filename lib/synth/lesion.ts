import { Rng } from '../../util/random';
import { Canvas, ValueNoise, clamp, smoothstep } from './raster';
import type { PlannedCase } from './derm7ptPlan';

/**
 * Drawing a synthetic pigmented lesion. One `Lesion` (in lesion coordinates, radius ≈ 1) is drawn twice:
 * - dermoscopic view: magnified (lesion ≈ 60% of the frame), sharp, so the fine structures (pigment
 *   network at ≈ 6 px period, dots, streaks, vessels) are resolved — only early, high-resolution encoder
 *   stages see them;
 * - clinical view: small in frame (≈ 15–20%), blurred, under a lighting gradient, so only global shape and
 *   colour survive.
 * The criteria drawn in the plan decide what is drawn, so the checklist columns describe the pictures.
 */

const BROWN_LIGHT = [0.66, 0.47, 0.33];
const BROWN_DARK = [0.3, 0.17, 0.1];
const BLACK = [0.09, 0.07, 0.07];
const BLUE_WHITE = [0.62, 0.7, 0.84];
const BLUE_GREY = [0.42, 0.47, 0.6];
const SCAR_WHITE = [0.93, 0.9, 0.88];
const RED = [0.78, 0.2, 0.24];
const SKIN_TONES = [
  [0.93, 0.78, 0.68],
  [0.9, 0.72, 0.6],
  [0.84, 0.64, 0.5],
  [0.95, 0.82, 0.74],
  [0.78, 0.58, 0.45],
];

interface Spot {
  u: number;
  v: number;
  r: number;
  col: readonly number[];
  a: number;
}
interface Stroke {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
  w: number;
  col: readonly number[];
  a: number;
}

export interface Lesion {
  /** Boundary radius multiplier sampled at 64 angles. */
  boundary: Float32Array;
  edge: number;
  light: number[];
  dark: number[];
  variegation: number;
  centralDark: number;
  blotches: Spot[];
  network: 'absent' | 'typical' | 'atypical';
  netFreq: number;
  netWarp: number;
  /** Fine marks drawn after the body: dots, streaks, vessels, peppering. */
  spots: Spot[];
  strokes: Stroke[];
  /** Large translucent patches: veil, regression areas. */
  patches: Spot[];
  noise: ValueNoise;
  warp: ValueNoise;
  netNoise: ValueNoise;
  size: number;
}

/** Build the lesion of a planned case (deterministic in its render seed). */
export function makeLesion(c: PlannedCase): Lesion {
  const rng = new Rng(c.renderSeed);
  const z = c.zImg;
  const m = c.meta;
  // Global shape: asymmetry and a ragged border grow with z_img (the "A" and "B" of ABCD).
  const asym = clamp(0.07 + 0.07 * z + rng.normal(0, 0.05), 0, 0.45);
  const ragged = clamp(0.03 + 0.035 * z + rng.normal(0, 0.025), 0.005, 0.25);
  const harmonics = [2, 3, 5, 7, 11, 13].map((k) => ({ k, a: (ragged * rng.uniform(0.3, 1)) / Math.sqrt(k / 2), p: rng.uniform(0, 2 * Math.PI) }));
  const asymAngle = rng.uniform(0, 2 * Math.PI);
  const boundary = new Float32Array(64);
  for (let i = 0; i < 64; i++) {
    const phi = (i / 64) * 2 * Math.PI - Math.PI;
    let r = 1 + asym * Math.cos(phi - asymAngle);
    for (const h of harmonics) r += h.a * Math.cos(h.k * phi + h.p);
    boundary[i] = Math.max(0.35, r);
  }
  const darkness = clamp(0.15 * z + rng.normal(0, 0.25), -0.4, 0.7);
  const light = BROWN_LIGHT.map((v) => v * (1 - 0.25 * darkness));
  const dark = BROWN_DARK.map((v) => v * (1 - 0.35 * darkness));
  const pig = m.pigmentation;
  const irregular = pig.includes('irregular');
  const blotches: Spot[] = [];
  if (pig !== 'absent') {
    const localized = pig.startsWith('localized');
    const n = irregular ? rng.int(3) + 2 : rng.int(2) + 1;
    const cu = localized ? rng.uniform(-0.5, 0.5) : 0;
    const cv = localized ? rng.uniform(-0.5, 0.5) : 0;
    for (let i = 0; i < n; i++) {
      blotches.push({
        u: irregular ? cu + rng.uniform(-0.6, 0.6) : cu + rng.normal(0, 0.1),
        v: irregular ? cv + rng.uniform(-0.6, 0.6) : cv + rng.normal(0, 0.1),
        r: irregular ? rng.uniform(0.15, 0.4) : rng.uniform(0.35, 0.5),
        col: irregular && rng.bernoulli(0.5) ? BLACK : BROWN_DARK,
        a: irregular ? 0.75 : 0.3,
      });
    }
  }
  const spots: Spot[] = [];
  const strokes: Stroke[] = [];
  const patches: Spot[] = [];
  // Dots and globules: regular = few, uniform, central; irregular = many, varied, eccentric/peripheral.
  if (m.dots_and_globules === 'regular') {
    const n = 10 + rng.int(12);
    for (let i = 0; i < n; i++) {
      const r = Math.sqrt(rng.next()) * 0.6;
      const a = rng.uniform(0, 2 * Math.PI);
      spots.push({ u: r * Math.cos(a), v: r * Math.sin(a), r: 0.035, col: BROWN_DARK, a: 0.9 });
    }
  } else if (m.dots_and_globules === 'irregular') {
    const n = 18 + rng.int(25);
    const sector = rng.uniform(0, 2 * Math.PI);
    for (let i = 0; i < n; i++) {
      const r = rng.uniform(0.45, 1.0);
      const a = sector + rng.normal(0, 0.9);
      spots.push({ u: r * Math.cos(a), v: r * Math.sin(a), r: rng.uniform(0.015, 0.07), col: rng.bernoulli(0.5) ? BLACK : BROWN_DARK, a: 0.95 });
    }
  }
  // Streaks: radial lines at the rim; regular = all around, evenly spaced; irregular = in one or two sectors.
  if (m.streaks !== 'absent') {
    const regular = m.streaks === 'regular';
    const n = regular ? 16 + rng.int(8) : 5 + rng.int(8);
    const sector = rng.uniform(0, 2 * Math.PI);
    for (let i = 0; i < n; i++) {
      const a = regular ? (i / n) * 2 * Math.PI + rng.normal(0, 0.05) : sector + rng.normal(0, 0.5);
      const r0 = 0.8;
      const len = regular ? 0.22 : rng.uniform(0.2, 0.5);
      const bend = regular ? 0 : rng.normal(0, 0.25);
      strokes.push({
        u0: r0 * Math.cos(a),
        v0: r0 * Math.sin(a),
        u1: (r0 + len) * Math.cos(a + bend * len),
        v1: (r0 + len) * Math.sin(a + bend * len),
        w: regular ? 0.035 : rng.uniform(0.03, 0.06),
        col: BROWN_DARK,
        a: 0.9,
      });
    }
  }
  if (m.blue_whitish_veil === 'present') {
    const a = rng.uniform(0, 2 * Math.PI);
    const r = rng.uniform(0.1, 0.45);
    const n = 3 + rng.int(3);
    for (let i = 0; i < n; i++) {
      patches.push({ u: r * Math.cos(a) + rng.normal(0, 0.15), v: r * Math.sin(a) + rng.normal(0, 0.15), r: rng.uniform(0.2, 0.38), col: BLUE_WHITE, a: 0.35 });
    }
  }
  if (m.regression_structures !== 'absent') {
    const white = m.regression_structures !== 'blue areas';
    const blue = m.regression_structures !== 'white areas';
    const a = rng.uniform(0, 2 * Math.PI);
    const cu = 0.45 * Math.cos(a);
    const cv = 0.45 * Math.sin(a);
    if (white) for (let i = 0; i < 3; i++) patches.push({ u: cu + rng.normal(0, 0.12), v: cv + rng.normal(0, 0.12), r: rng.uniform(0.12, 0.25), col: SCAR_WHITE, a: 0.45 });
    if (blue) {
      // Peppering: many tiny blue-grey granules.
      for (let i = 0; i < 40; i++) spots.push({ u: cu + rng.normal(0, 0.2), v: cv + rng.normal(0, 0.2), r: 0.012, col: BLUE_GREY, a: 0.9 });
    }
  }
  const vasc = m.vascular_structures;
  if (vasc !== 'absent') {
    if (vasc === 'dotted' || vasc === 'within regression') {
      for (let i = 0; i < 25; i++) spots.push({ u: rng.uniform(-0.7, 0.7), v: rng.uniform(-0.7, 0.7), r: 0.014, col: RED, a: 0.8 });
    } else {
      const n = vasc === 'linear irregular' ? 6 : 4;
      for (let i = 0; i < n; i++) {
        let u = rng.uniform(-0.6, 0.6);
        let v = rng.uniform(-0.6, 0.6);
        let dir = rng.uniform(0, 2 * Math.PI);
        for (let s = 0; s < 4; s++) {
          const step = vasc === 'comma' ? 0.06 : 0.1;
          const u1 = u + step * Math.cos(dir);
          const v1 = v + step * Math.sin(dir);
          strokes.push({ u0: u, v0: v, u1, v1, w: 0.018, col: RED, a: 0.75 });
          u = u1;
          v = v1;
          dir += rng.normal(0, vasc === 'linear irregular' ? 0.9 : 0.4);
        }
      }
    }
  }
  return {
    boundary,
    edge: clamp(0.05 + rng.normal(0, 0.02) - 0.01 * z, 0.015, 0.12),
    light,
    dark,
    variegation: clamp(0.12 + (irregular ? 0.18 : 0) + 0.04 * z + rng.normal(0, 0.04), 0.03, 0.45),
    centralDark: rng.uniform(0.1, 0.35),
    blotches,
    network: m.pigment_network as Lesion['network'],
    netFreq: rng.uniform(9, 11),
    netWarp: m.pigment_network === 'atypical' ? rng.uniform(0.1, 0.16) : 0.02,
    spots,
    strokes,
    patches,
    noise: new ValueNoise(rng, 9, 1.6),
    warp: new ValueNoise(rng, 13, 1.6),
    netNoise: new ValueNoise(rng, 7, 1.6),
    size: clamp(1 + 0.08 * z + rng.normal(0, 0.1), 0.7, 1.35),
  };
}

/** How a lesion is placed in a picture. */
export interface View {
  width: number;
  height: number;
  /** Pixels per lesion unit. */
  scale: number;
  cx: number;
  cy: number;
  rot: number;
  skin: readonly number[];
  /** Brightness gradient across the frame (clinical photos), [gx, gy] per frame width. */
  light: readonly [number, number];
  /** Dark dermoscope rim. */
  vignette: boolean;
  hairs: number;
}

/** Draw a lesion in a view. */
export function drawLesion(lesion: Lesion, view: View, rng: Rng): Canvas {
  const { width: W, height: H } = view;
  const c = new Canvas(W, H);
  const d = c.data;
  const s = view.scale * lesion.size;
  const cos = Math.cos(view.rot);
  const sin = Math.sin(view.rot);
  const skinNoise = new ValueNoise(rng, 8, 1);
  // Skin with low-frequency mottling.
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const f = 1 + 0.04 * skinNoise.at((2 * x) / W - 1, (2 * y) / H - 1);
      const o = (y * W + x) * 3;
      d[o] = view.skin[0] * f;
      d[o + 1] = view.skin[1] * f;
      d[o + 2] = view.skin[2] * f;
    }
  }
  // Lesion body: pigment, blotches, network.
  const reach = s * 1.8;
  const x0 = Math.max(0, Math.floor(view.cx - reach));
  const x1 = Math.min(W - 1, Math.ceil(view.cx + reach));
  const y0 = Math.max(0, Math.floor(view.cy - reach));
  const y1 = Math.min(H - 1, Math.ceil(view.cy + reach));
  const col = [0, 0, 0];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - view.cx;
      const dy = y + 0.5 - view.cy;
      const u = (cos * dx + sin * dy) / s;
      const v = (-sin * dx + cos * dy) / s;
      const rho = Math.sqrt(u * u + v * v);
      if (rho > 1.8) continue;
      const fi = ((Math.atan2(v, u) + Math.PI) / (2 * Math.PI)) * 64;
      const i0 = Math.floor(fi) % 64;
      const t = fi - Math.floor(fi);
      const rb = lesion.boundary[i0] * (1 - t) + lesion.boundary[(i0 + 1) % 64] * t;
      const inside = smoothstep(-lesion.edge, lesion.edge, rb - rho);
      if (inside <= 0) continue;
      let p = 0.4 + lesion.centralDark * (1 - rho / rb) + lesion.variegation * lesion.noise.at(u, v);
      for (const b of lesion.blotches) {
        const q = ((u - b.u) ** 2 + (v - b.v) ** 2) / (b.r * b.r);
        if (q < 4) p += b.a * Math.exp(-q) * (b.col === BLACK ? 1.3 : 0.8);
      }
      p = clamp(p, 0, 1.3);
      for (let k = 0; k < 3; k++) col[k] = p <= 1 ? lesion.light[k] + (lesion.dark[k] - lesion.light[k]) * p : lesion.dark[k] + (BLACK[k] - lesion.dark[k]) * (p - 1) * 3;
      if (lesion.network !== 'absent') {
        const wu = u + lesion.netWarp * lesion.warp.at(u, v);
        const wv = v + lesion.netWarp * lesion.warp.at(v + 0.7, u - 0.4);
        const fu = wu * lesion.netFreq;
        const fv = wv * lesion.netFreq;
        const du = Math.abs(fu - Math.round(fu));
        const dv = Math.abs(fv - Math.round(fv));
        const dist = Math.min(du, dv);
        let strength: number;
        let th: number;
        if (lesion.network === 'typical') {
          th = 0.12;
          strength = 0.45 * Math.sqrt(clamp(1 - rho / rb, 0, 1)) + 0.1;
        } else {
          const nn = lesion.netNoise.at(u * 1.5, v * 1.5);
          th = 0.12 + 0.14 * (nn + 1) * 0.5;
          strength = nn > -0.35 ? 0.7 : 0.1; // broken, patchy, thick and abrupt at the rim
        }
        const line = 1 - smoothstep(th * 0.5, th, dist);
        const f = 1 - strength * line * 0.75;
        col[0] *= f;
        col[1] *= f;
        col[2] *= f;
      }
      const o = (y * W + x) * 3;
      d[o] += (col[0] - d[o]) * inside;
      d[o + 1] += (col[1] - d[o + 1]) * inside;
      d[o + 2] += (col[2] - d[o + 2]) * inside;
    }
  }
  const toPx = (u: number, v: number): [number, number] => [view.cx + (cos * u - sin * v) * s, view.cy + (sin * u + cos * v) * s];
  for (const p of lesion.patches) {
    const [px, py] = toPx(p.u, p.v);
    c.disc(px, py, p.r * s, p.col, p.a);
  }
  for (const st of lesion.strokes) {
    const [ax, ay] = toPx(st.u0, st.v0);
    const [bx, by] = toPx(st.u1, st.v1);
    c.segment(ax, ay, bx, by, Math.max(0.6, st.w * s), st.col, st.a);
  }
  for (const sp of lesion.spots) {
    const [px, py] = toPx(sp.u, sp.v);
    c.disc(px, py, Math.max(0.4, sp.r * s), sp.col, sp.a);
  }
  // Hairs: nuisance, independent of the class.
  for (let h = 0; h < view.hairs; h++) {
    let x = rng.uniform(0, W);
    let y = rng.uniform(0, H);
    let dir = rng.uniform(0, 2 * Math.PI);
    for (let k = 0; k < 12; k++) {
      const nx = x + Math.cos(dir) * W * 0.05;
      const ny = y + Math.sin(dir) * W * 0.05;
      c.segment(x, y, nx, ny, Math.max(0.8, W / 150), [0.15, 0.1, 0.08], 0.8);
      x = nx;
      y = ny;
      dir += rng.normal(0, 0.15);
    }
  }
  // Lighting gradient and the dermoscope's dark rim.
  const [gx, gy] = view.light;
  const R = Math.min(W, H) * 0.62;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let f = 1 + gx * (x / W - 0.5) + gy * (y / H - 0.5);
      if (view.vignette) f *= 1 - smoothstep(R * 0.92, R * 1.08, Math.hypot(x - W / 2, y - H / 2));
      if (f !== 1) c.scale(x, y, f);
    }
  }
  return c;
}

/** The two views of a case: [clinic, derm]. Sizes are W×H. */
export function caseViews(rng: Rng, clinic: readonly [number, number], derm: readonly [number, number]): { clinic: View; derm: View } {
  const skin = rng.pick(SKIN_TONES).map((v) => v * rng.uniform(0.95, 1.03));
  const rot = rng.uniform(0, 2 * Math.PI);
  const [dw, dh] = derm;
  const [cw, ch] = clinic;
  return {
    derm: {
      width: dw,
      height: dh,
      scale: Math.min(dw, dh) * rng.uniform(0.27, 0.33),
      cx: dw / 2 + rng.normal(0, dw * 0.03),
      cy: dh / 2 + rng.normal(0, dh * 0.03),
      rot,
      skin,
      light: [0, 0],
      vignette: rng.bernoulli(0.5),
      hairs: rng.bernoulli(0.3) ? 1 + rng.int(3) : 0,
    },
    clinic: {
      width: cw,
      height: ch,
      scale: Math.min(cw, ch) * rng.uniform(0.09, 0.13),
      cx: cw / 2 + rng.normal(0, cw * 0.1),
      cy: ch / 2 + rng.normal(0, ch * 0.1),
      rot: rot + rng.normal(0, 0.3),
      skin: skin.map((v) => v * rng.uniform(0.85, 1.0)),
      light: [rng.uniform(-0.5, 0.5), rng.uniform(-0.4, 0.4)],
      vignette: false,
      hairs: 0,
    },
  };
}
