import { Rng } from '../util/random';

/**
 * Online augmentation, one transform per case applied identically to all of its images
 * (METHOD.md: flips, 90° rotations, shift-scale-rotate, brightness/contrast).
 *
 * Flips, the 90° rotation and shift-scale-rotate are composed into one affine map per case, applied by one
 * bilinear resampling with reflected borders. The map sends output pixel coordinates to input ones, about
 * the image centre; flips and quarter turns land exactly on pixel centres, so they do not blur. 3D volumes
 * get the in-plane map on every slice, plus a flip along depth.
 *
 * Porting note: this was first written with `tf.image.transform`, but the tfjs 4.22 CPU kernel returns
 * after the first image of a batch (every later image comes back as the fill value), and a gather-based
 * tf version took 2–11 s per batch on the CPU backend. The resampling therefore runs on the host arrays
 * while the batch is assembled (`makeBatch`), before the single upload to tf: ~10 ns per value.
 */
export interface AugmentOptions {
  /** Probability of each flip (horizontal, vertical; depth for 3D). Default 0.5. */
  flip: number;
  /** Probability of a random quarter turn (square images only; else a half turn). Default 0.5. */
  rotate90: number;
  /** Probability of shift-scale-rotate, and its ranges (fraction of size, scale factor, degrees). */
  ssr: number;
  shift: number;
  scale: number;
  degrees: number;
  /** Probability of brightness/contrast, and their ranges (additive, multiplicative). */
  brightnessContrast: number;
  brightness: number;
  contrast: number;
}

/** Defaults follow albumentations' ShiftScaleRotate / RandomBrightnessContrast defaults used by the authors. */
export const AUGMENT_DEFAULTS: AugmentOptions = {
  flip: 0.5,
  rotate90: 0.5,
  ssr: 0.5,
  shift: 0.0625,
  scale: 0.1,
  degrees: 15,
  brightnessContrast: 0.5,
  brightness: 0.1,
  contrast: 0.1,
};

/**
 * One case's transform. It is applied to each of the case's views at that view's size (views may differ in
 * size, see the preset's `viewSizes`), so the shift is a fraction of the view's width and height.
 */
export interface CaseTransform {
  /** Output→input map about the centre: [m00, m01, m10, m11] on (x, y), plus a shift of (sx·W, sy·H) pixels. */
  m: [number, number, number, number];
  shift: [number, number];
  flipDepth: boolean;
  /** x' = (x − mean)·contrast + mean + brightness. */
  contrast: number;
  brightness: number;
}

/**
 * Draw one case's transform. `quarterTurns`: whether every view of the case is square in-plane, so that a
 * quarter turn keeps its shape; otherwise the 90° rotation is a half turn.
 */
export function drawTransform(rng: Rng, quarterTurns: boolean, o: AugmentOptions = AUGMENT_DEFAULTS): CaseTransform {
  let m: [number, number, number, number] = [1, 0, 0, 1];
  const mul = (a: number[], b: number[]): [number, number, number, number] => [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
  ];
  if (rng.bernoulli(o.flip)) m = mul(m, [-1, 0, 0, 1]);
  if (rng.bernoulli(o.flip)) m = mul(m, [1, 0, 0, -1]);
  if (rng.bernoulli(o.rotate90)) {
    const k = quarterTurns ? 1 + rng.int(3) : 2;
    for (let i = 0; i < k; i++) m = mul(m, [0, -1, 1, 0]);
  }
  let shift: [number, number] = [0, 0];
  if (rng.bernoulli(o.ssr)) {
    const a = (rng.uniform(-o.degrees, o.degrees) * Math.PI) / 180;
    const s = 1 + rng.uniform(-o.scale, o.scale);
    m = mul(m, [Math.cos(a) / s, -Math.sin(a) / s, Math.sin(a) / s, Math.cos(a) / s]);
    shift = [rng.uniform(-o.shift, o.shift), rng.uniform(-o.shift, o.shift)];
  }
  const flipDepth = rng.bernoulli(o.flip);
  const bc = rng.bernoulli(o.brightnessContrast);
  return {
    m,
    shift,
    flipDepth,
    contrast: bc ? 1 + rng.uniform(-o.contrast, o.contrast) : 1,
    brightness: bc ? rng.uniform(-o.brightness, o.brightness) : 0,
  };
}

/**
 * Write the transformed copy of one image into `dst` at `offset`. `src` is [D, H, W, C] row-major (D = 1 for
 * photos). Bilinear, reflected borders ([abcd] → [dcba|abcd|dcba], as TF's 'reflect'); then
 * x' = (x − mean)·contrast + mean + brightness with the mean of the transformed image; `clip01` clips to
 * [0, 1] (photos).
 */
export function transformInto(
  src: Float32Array,
  shape: readonly [number, number, number, number],
  tr: CaseTransform,
  clip01: boolean,
  dst: Float32Array,
  offset: number,
): void {
  const [D, H, W, C] = shape;
  const cx = (W - 1) / 2;
  const cy = (H - 1) / 2;
  const [a, b, c, d] = tr.m;
  // in = M (out − centre) + centre + t
  const ax = cx + tr.shift[0] * W - a * cx - b * cy;
  const ay = cy + tr.shift[1] * H - c * cx - d * cy;
  const reflect = (t: number, L: number): number => {
    // Inside the image the folding below gives t itself (t − 0·period); most samples are, so skip it.
    if (t >= 0 && t <= L - 1) return t;
    const period = 2 * L;
    let m = t - Math.floor(t / period) * period;
    if (m >= L) m = period - 1 - m;
    return m < 0 ? 0 : m > L - 1 ? L - 1 : m;
  };
  const sliceSize = H * W * C;
  let sum = 0;
  // Flips and quarter turns alone (no shift-scale-rotate): every sample lands on a pixel centre inside the image
  // (integer map, corners inside), so the resampling is a copy in another order: the same values, without the
  // folding, the floors and the weights.
  const corners = [0, W - 1].flatMap((x) => [0, H - 1].map((y) => [a * x + b * y + ax, c * x + d * y + ay]));
  const onGrid =
    [a, b, c, d, ax, ay].every(Number.isInteger) && corners.every(([u, v]) => u >= 0 && u <= W - 1 && v >= 0 && v <= H - 1);
  for (let z = 0; z < D && onGrid; z++) {
    const sBase = (tr.flipDepth ? D - 1 - z : z) * sliceSize;
    let o = offset + z * sliceSize;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const p = sBase + ((c * x + d * y + ay) * W + (a * x + b * y + ax)) * C;
        for (let k = 0; k < C; k++) {
          const v = src[p + k];
          dst[o++] = v;
          sum += v;
        }
      }
    }
  }
  for (let z = 0; z < D && !onGrid; z++) {
    const zs = tr.flipDepth ? D - 1 - z : z;
    const sBase = zs * sliceSize;
    let o = offset + z * sliceSize;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const inX = reflect(a * x + b * y + ax, W);
        const inY = reflect(c * x + d * y + ay, H);
        const x0 = Math.floor(inX);
        const y0 = Math.floor(inY);
        const wx = inX - x0;
        const wy = inY - y0;
        const x1 = x0 + 1 < W ? x0 + 1 : W - 1;
        const y1 = y0 + 1 < H ? y0 + 1 : H - 1;
        const p00 = sBase + (y0 * W + x0) * C;
        const p01 = sBase + (y0 * W + x1) * C;
        const p10 = sBase + (y1 * W + x0) * C;
        const p11 = sBase + (y1 * W + x1) * C;
        // Exact when (wx, wy) = (0, 0), as after flips and quarter turns. The four cases apart, so that the
        // channel loop has no branch (the arithmetic of each case as in the general bilinear form).
        if (wy === 0) {
          if (wx === 0) {
            for (let k = 0; k < C; k++) {
              const v = src[p00 + k];
              dst[o++] = v;
              sum += v;
            }
          } else {
            const ux = 1 - wx;
            for (let k = 0; k < C; k++) {
              const v = src[p00 + k] * ux + src[p01 + k] * wx;
              dst[o++] = v;
              sum += v;
            }
          }
        } else {
          const uy = 1 - wy;
          if (wx === 0) {
            for (let k = 0; k < C; k++) {
              const v = src[p00 + k] * uy + src[p10 + k] * wy;
              dst[o++] = v;
              sum += v;
            }
          } else {
            const ux = 1 - wx;
            for (let k = 0; k < C; k++) {
              const v = (src[p00 + k] * ux + src[p01 + k] * wx) * uy + (src[p10 + k] * ux + src[p11 + k] * wx) * wy;
              dst[o++] = v;
              sum += v;
            }
          }
        }
      }
    }
  }
  if (tr.contrast === 1 && tr.brightness === 0) return;
  const n = D * sliceSize;
  const mean = sum / n;
  for (let i = offset; i < offset + n; i++) {
    let v = (dst[i] - mean) * tr.contrast + mean + tr.brightness;
    if (clip01) v = v < 0 ? 0 : v > 1 ? 1 : v;
    dst[i] = v;
  }
}
