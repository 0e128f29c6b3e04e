import sharp from 'sharp';
import type { Rng } from '../util/random';

/**
 * Small raster helpers for the synthetic generators: a float RGB canvas, smooth value noise, soft discs and
 * thick segments, and JPEG encoding through sharp (which also does the blur of the clinical photos).
 * Loops here are per pixel on purpose: they *draw* the pictures, once, at generation time.
 */

/** An RGB image, float values in [0, 1], row-major [H, W, 3]. */
export class Canvas {
  readonly data: Float32Array;
  constructor(readonly width: number, readonly height: number) {
    this.data = new Float32Array(width * height * 3);
  }

  /** Blend colour `rgb` into pixel (x, y) with opacity `a`. */
  blend(x: number, y: number, rgb: readonly number[], a: number): void {
    if (a <= 0) return;
    if (a > 1) a = 1;
    const o = (y * this.width + x) * 3;
    const d = this.data;
    d[o] += (rgb[0] - d[o]) * a;
    d[o + 1] += (rgb[1] - d[o + 1]) * a;
    d[o + 2] += (rgb[2] - d[o + 2]) * a;
  }

  /** Multiply pixel (x, y) by `f` (darken when f < 1). */
  scale(x: number, y: number, f: number): void {
    const o = (y * this.width + x) * 3;
    this.data[o] *= f;
    this.data[o + 1] *= f;
    this.data[o + 2] *= f;
  }

  /** A soft-edged disc of radius r (pixels) centred at (cx, cy). */
  disc(cx: number, cy: number, r: number, rgb: readonly number[], alpha: number): void {
    const x0 = Math.max(0, Math.floor(cx - r - 1));
    const x1 = Math.min(this.width - 1, Math.ceil(cx + r + 1));
    const y0 = Math.max(0, Math.floor(cy - r - 1));
    const y1 = Math.min(this.height - 1, Math.ceil(cy + r + 1));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const cover = Math.min(1, Math.max(0, r + 0.5 - d));
        if (cover > 0) this.blend(x, y, rgb, alpha * cover);
      }
    }
  }

  /** A thick segment from (x0, y0) to (x1, y1), width w pixels, soft edge. */
  segment(x0: number, y0: number, x1: number, y1: number, w: number, rgb: readonly number[], alpha: number): void {
    const bx0 = Math.max(0, Math.floor(Math.min(x0, x1) - w - 1));
    const bx1 = Math.min(this.width - 1, Math.ceil(Math.max(x0, x1) + w + 1));
    const by0 = Math.max(0, Math.floor(Math.min(y0, y1) - w - 1));
    const by1 = Math.min(this.height - 1, Math.ceil(Math.max(y0, y1) + w + 1));
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len2 = dx * dx + dy * dy || 1e-9;
    const half = w / 2;
    for (let y = by0; y <= by1; y++) {
      for (let x = bx0; x <= bx1; x++) {
        const px = x + 0.5 - x0;
        const py = y + 0.5 - y0;
        const t = Math.min(1, Math.max(0, (px * dx + py * dy) / len2));
        const d = Math.hypot(px - t * dx, py - t * dy);
        const cover = Math.min(1, Math.max(0, half + 0.5 - d));
        if (cover > 0) this.blend(x, y, rgb, alpha * cover);
      }
    }
  }

  /** 8-bit interleaved RGB. */
  toUint8(): Buffer {
    const d = this.data;
    const n = d.length;
    const out = Buffer.allocUnsafe(n); // every byte is written below
    for (let i = 0; i < n; i++) {
      const v = d[i];
      // floor(x + 0.5) is Math.round(x) for x ≥ 0, and exact here: v·255 of a float32 v fits a float64's mantissa.
      out[i] = v <= 0 ? 0 : v >= 1 ? 255 : (v * 255 + 0.5) | 0;
    }
    return out;
  }
}

/**
 * Smooth 2D value noise on a `cells`×`cells` lattice over [-extent, extent]², bilinear with a smoothstep;
 * returns values in about [-1, 1]. Sampled outside the extent it wraps, so it is defined everywhere.
 */
export class ValueNoise {
  private readonly grid: Float32Array;
  constructor(rng: Rng, private readonly cells: number, private readonly extent: number) {
    this.grid = new Float32Array(cells * cells);
    for (let i = 0; i < this.grid.length; i++) this.grid[i] = rng.uniform(-1, 1);
  }

  at(u: number, v: number): number {
    const x = this.axis(u);
    const y = this.axis(v);
    return this.blend(x, y);
  }

  /**
   * `at(us[x], vs[y])` for every pair, row-major [vs.length, us.length]: the same arithmetic as `at`, with what
   * depends on one coordinate only computed once per column or row (a whole-image sample costs a quarter).
   */
  grid2d(us: ArrayLike<number>, vs: ArrayLike<number>): Float64Array {
    const xs = Array.from(us, (u) => this.axis(u));
    const out = new Float64Array(us.length * vs.length);
    for (let y = 0; y < vs.length; y++) {
      const cy = this.axis(vs[y]);
      for (let x = 0; x < xs.length; x++) out[y * xs.length + x] = this.blend(xs[x], cy);
    }
    return out;
  }

  /** The lattice cell of coordinate w (wrapped), its neighbour, and the smoothstepped weight between them. */
  private axis(w: number): { i: number; i1: number; t: number } {
    const n = this.cells;
    const f = ((w / this.extent + 1) / 2) * (n - 1);
    let i = Math.floor(f);
    let t = f - i;
    t = t * t * (3 - 2 * t);
    i %= n;
    if (i < 0) i += n;
    return { i, i1: (i + 1) % n, t };
  }

  /** Bilinear blend of the four lattice values around cells x (columns) and y (rows). */
  private blend(x: { i: number; i1: number; t: number }, y: { i: number; i1: number; t: number }): number {
    const n = this.cells;
    const g = this.grid;
    const a = g[y.i * n + x.i] + (g[y.i * n + x.i1] - g[y.i * n + x.i]) * x.t;
    const b = g[y.i1 * n + x.i] + (g[y.i1 * n + x.i1] - g[y.i1 * n + x.i]) * x.t;
    return a + (b - a) * y.t;
  }
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}

/** Encode a canvas as JPEG, optionally blurred first (Gaussian, sigma in pixels). */
export async function canvasToJpeg(c: Canvas, opts: { blur?: number; quality?: number } = {}): Promise<Buffer> {
  let img = sharp(c.toUint8(), { raw: { width: c.width, height: c.height, channels: 3 } });
  if (opts.blur && opts.blur >= 0.3) img = img.blur(opts.blur);
  return img.jpeg({ quality: opts.quality ?? 90 }).toBuffer();
}
