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
export declare const AUGMENT_DEFAULTS: AugmentOptions;
/** One case's transform. */
export interface CaseTransform {
    /** Output→input map about the centre: [m00, m01, m10, m11] on (x, y), plus shift (tx, ty) in pixels. */
    m: [number, number, number, number];
    t: [number, number];
    flipDepth: boolean;
    /** x' = (x − mean)·contrast + mean + brightness. */
    contrast: number;
    brightness: number;
}
export declare function drawTransform(rng: Rng, H: number, W: number, o?: AugmentOptions): CaseTransform;
/**
 * Write the transformed copy of one image into `dst` at `offset`. `src` is [D, H, W, C] row-major (D = 1 for
 * photos). Bilinear, reflected borders ([abcd] → [dcba|abcd|dcba], as TF's 'reflect'); then
 * x' = (x − mean)·contrast + mean + brightness with the mean of the transformed image; `clip01` clips to
 * [0, 1] (photos).
 */
export declare function transformInto(src: Float32Array, shape: readonly [number, number, number, number], tr: CaseTransform, clip01: boolean, dst: Float32Array, offset: number): void;
