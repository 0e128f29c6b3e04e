import type { Rng } from '../util/random';
import { Canvas, ValueNoise, clamp, smoothstep } from './raster';

/**
 * Drawing a synthetic pigmented lesion. A `Lesion` (in lesion coordinates, radius ≈ 1) says what is drawn —
 * the body's shape and pigment, the network, fine marks and translucent patches; a `View` says where and at
 * what magnification, on which skin, under which light. derm7ptRender.ts builds both from a case's
 * findings, so the checklist columns of meta.csv describe the pictures.
 */

/** The darkest pigment: where a body's pigment density exceeds 1, its colour goes towards this. */
export const BLACK = [0.09, 0.07, 0.07];

export interface Spot {
  u: number;
  v: number;
  r: number;
  col: readonly number[];
  a: number;
}
export interface Stroke {
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
  const mottle = skinNoise.grid2d(
    Array.from({ length: W }, (_, x) => (2 * x) / W - 1),
    Array.from({ length: H }, (_, y) => (2 * y) / H - 1),
  );
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = y * W + x;
      const f = 1 + 0.04 * mottle[o];
      d[3 * o] = view.skin[0] * f;
      d[3 * o + 1] = view.skin[1] * f;
      d[3 * o + 2] = view.skin[2] * f;
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
        if (q < 4) p += b.a * Math.exp(-q) * 0.8;
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
