import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
import { writeFileAtomic } from '../util/fs';
import { readNifti, readNiftiInfo } from './nifti';
import { imageSizesOf, type ImageModalitySpec, type TrainPreset, type VolumeGridPolicy } from './spec';
import type { CaseRecord, Cohort } from './types';

/**
 * Decoded, resized images held in memory, so that training never decodes twice.
 * - 2D (photos): JPEG/PNG decoded as PIL decodes them (EXIF orientation applied, see `decodePhoto`) and
 *   resized by sharp (libvips, native, multi-threaded) to [H, W, C], values in [0, 1].
 * - 3D (MRI): NIfTI read and reoriented to RAS+ (lib/data/nifti.ts), intensities clipped to the
 *   0.5–99.5th percentiles, trilinearly resized to [D, H, W, 1] with tf ops (after bringing every volume to
 *   a common grid under `volumeGrid: 'resample'`), then standardised per volume (zero mean, unit variance).
 * A file used by two modalities (9 Derm7pt cases use one photo for both) is decoded once.
 * Optionally, decoded arrays are also kept on disk (`diskCache`) keyed by file path, mtime and size.
 */
export interface ImageCacheOptions {
  /** Target size: [H, W] for 2D modalities, [D, H, W] for 3D ones (every view not in `viewSizes`). */
  size: readonly number[];
  /** Per-view target sizes by modality name (the preset's `viewSizes`); see `imageSizesOf`. */
  viewSizes?: TrainPreset['viewSizes'];
  /** Only these cases (default: all of the cohort). */
  cases?: readonly CaseRecord[];
  onProgress?: (done: number, total: number) => void;
  /** Folder for an on-disk cache of decoded arrays (e.g. `<root>/.cfcml-cache`); default none. */
  diskCache?: string;
  /** 3D only: refuse volumes whose [D, H, W] differs from this (e.g. the real crops' [24, 128, 128]). */
  expectShape?: readonly [number, number, number];
  /** Files decoded at once (default 4). */
  concurrency?: number;
  /** 3D only: what to do when the cohort's volumes differ in grid (see `VolumeGridPolicy`); default `resize`. */
  volumeGrid?: VolumeGridPolicy;
}

/**
 * The image options a run's preset fixes (each view's size, the volume-grid policy): every place that loads a
 * run's images (training, evaluation, embeddings) passes these, so that it sees the pixels the run trained on.
 */
export function presetImageOptions(train: Pick<TrainPreset, 'imageSize' | 'viewSizes' | 'volumeGrid'>): Pick<ImageCacheOptions, 'size' | 'viewSizes' | 'volumeGrid'> {
  return { size: train.imageSize, viewSizes: train.viewSizes, volumeGrid: train.volumeGrid };
}

/** A volume grid in D×H×W order (canonical z, y, x): voxel counts and voxel size in mm. */
export interface VolumeGrid {
  dims: [number, number, number];
  spacing: [number, number, number];
}

/** The grids, orientations and unreadable files among a modality's volumes (headers only). */
export interface VolumeGridSurvey {
  files: number;
  /** Stored orientation codes (e.g. 'LPS') → number of volumes; every one is reoriented to RAS. */
  orientations: Record<string, number>;
  /** Distinct grids, the most common first (ties: in the order of their first file). */
  grids: (VolumeGrid & { count: number; example: string })[];
  unreadable: { file: string; message: string }[];
}

/** Voxel sizes that agree to 0.01 mm are the same grid (headers carry float32 noise). */
export function gridKey(g: VolumeGrid): string {
  return `${g.dims.join('x')} @ ${g.spacing.map((v) => +v.toFixed(2)).join('x')} mm`;
}

/** Read the header of every volume in `files` (gunzipping each) and group them by grid. */
export function surveyVolumeGrids(files: readonly string[]): VolumeGridSurvey {
  const orientations: Record<string, number> = {};
  const byKey = new Map<string, VolumeGrid & { count: number; example: string }>();
  const unreadable: VolumeGridSurvey['unreadable'] = [];
  for (const file of files) {
    let info;
    try {
      info = readNiftiInfo(file);
    } catch (e) {
      unreadable.push({ file, message: (e as Error).message });
      continue;
    }
    orientations[info.orientation] = (orientations[info.orientation] ?? 0) + 1;
    const [nx, ny, nz] = info.canonicalDims;
    const [sx, sy, sz] = info.spacing;
    const grid: VolumeGrid = { dims: [nz, ny, nx], spacing: [sz, sy, sx] };
    const key = gridKey(grid);
    const hit = byKey.get(key);
    if (hit) hit.count++;
    else byKey.set(key, { ...grid, count: 1, example: file });
  }
  const grids = [...byKey.values()].sort((a, b) => b.count - a.count);
  return { files: files.length, orientations, grids, unreadable };
}

/** One line per grid: "24x128x128 @ 3x0.5x0.5 mm ×40 (e.g. train/x/P1/t1.nii.gz)". */
export function formatGrids(survey: VolumeGridSurvey, root: string): string {
  return survey.grids.map((g) => `${gridKey(g)} ×${g.count} (e.g. ${path.relative(root, g.example) || g.example})`).join('; ');
}

/** Percentile clip bounds for MRI normalisation. */
const CLIP = [0.005, 0.995] as const;

export class ImageCache {
  private constructor(
    private readonly byCase: Map<string, Float32Array[]>,
    /** Each modality's size, in the spec's order: [H, W] or [D, H, W]. */
    readonly sizes: readonly (readonly number[])[],
  ) {}

  static async load(cohort: Cohort, opts: ImageCacheOptions): Promise<ImageCache> {
    const cases = opts.cases ?? cohort.cases;
    const mods = cohort.spec.imageModalities;
    const sizes = imageSizesOf(cohort.spec, { imageSize: opts.size, viewSizes: opts.viewSizes });
    const byPath = new Map<string, Promise<Float32Array>>();
    const jobs: (() => Promise<void>)[] = [];
    const byCase = new Map<string, Float32Array[]>();
    const shapes = new Map<string, string>(); // 3D: source dims per file, to compare within a case
    const policy = opts.volumeGrid ?? 'resize';
    // resample: per 3D modality, the grid every volume is brought to before the resize (the most common).
    const common = new Map<number, VolumeGrid>();
    if (policy !== 'resize') {
      mods.forEach((mod, m) => {
        if (mod.kind !== '3d') return;
        // The whole cohort's volumes, not only `cases`: training and evaluation must agree on the grid.
        const survey = surveyVolumeGrids([...new Set(cohort.cases.map((c) => c.imagePaths[m]))]);
        if (survey.grids.length <= 1) return;
        if (policy === 'refuse') {
          throw new CfcmlError(`the '${mod.name}' volumes differ in grid (D×H×W voxels @ voxel size): ${formatGrids(survey, cohort.root)}`, {
            where: cohort.root,
            hint: "choose what the loader does: volumeGrid 'resize' (each grid resized to the preset's image size) or 'resample' (to the most common voxel size and field of view first), e.g. cfcml train --volume-grid resample",
          });
        }
        common.set(m, survey.grids[0]);
      });
    }
    let done = 0;
    const total = cases.length;
    for (const c of cases) {
      if (c.imagePaths.length !== mods.length) {
        throw new CfcmlError(`case ${c.id} has ${c.imagePaths.length} image paths, the spec has ${mods.length} modalities`, { where: c.source });
      }
      jobs.push(async () => {
        const arrays: Float32Array[] = [];
        for (let m = 0; m < mods.length; m++) {
          const file = c.imagePaths[m];
          // A file two views share is decoded once per size it is wanted at.
          const key = `${file}\u0001${mods[m].kind}\u0001${sizes[m].join('x')}`;
          if (!byPath.has(key)) byPath.set(key, decodeCached(file, mods[m], sizes[m], opts, shapes, common.get(m)));
          arrays.push(await byPath.get(key)!);
        }
        if (mods.some((m) => m.kind === '3d') && common.size === 0) {
          const dims = c.imagePaths.map((p) => shapes.get(p));
          if (new Set(dims).size > 1) {
            throw new CfcmlError(
              `volumes of case ${c.id} differ in shape: ${c.imagePaths.map((p, k) => `${path.basename(p)} ${dims[k]}`).join(', ')}`,
              { where: path.dirname(c.imagePaths[0]) },
            );
          }
        }
        byCase.set(c.id, arrays);
        opts.onProgress?.(++done, total);
      });
    }
    await runPool(jobs, opts.concurrency ?? 4);
    return new ImageCache(byCase, sizes);
  }

  /** [H, W, C] (2D, values in [0, 1]) or [D, H, W, 1] (3D, standardised per volume), row-major. */
  get(caseId: string, modality: number): Float32Array {
    const arrays = this.byCase.get(caseId);
    if (!arrays) throw new CfcmlError(`ImageCache: case '${caseId}' was not loaded`);
    const a = arrays[modality];
    if (!a) throw new CfcmlError(`ImageCache: case '${caseId}' has no modality ${modality}`);
    return a;
  }

  has(caseId: string): boolean {
    return this.byCase.has(caseId);
  }

  get numCases(): number {
    return this.byCase.size;
  }
}

async function runPool(jobs: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
}

async function decodeCached(
  file: string,
  mod: ImageModalitySpec,
  size: readonly number[],
  opts: ImageCacheOptions,
  shapes: Map<string, string>,
  grid?: VolumeGrid,
): Promise<Float32Array> {
  let cacheFile: string | undefined;
  if (opts.diskCache) {
    const st = fs.statSync(file);
    const key = createHash('sha1').update(`${path.resolve(file)}|${st.mtimeMs}|${st.size}|${mod.kind}|${size.join('x')}|${grid ? gridKey(grid) : 'native'}|v2`).digest('hex');
    cacheFile = path.join(opts.diskCache, `${key}.f32`);
    if (fs.existsSync(cacheFile)) {
      const buf = fs.readFileSync(cacheFile);
      const shapeLine = buf.subarray(0, 32).toString('latin1').replace(/\0+$/, '');
      shapes.set(file, shapeLine);
      return new Float32Array(buf.buffer.slice(buf.byteOffset + 32, buf.byteOffset + buf.byteLength));
    }
  }
  const arr = mod.kind === '2d' ? await decode2d(file, mod.channels, size) : await decode3d(file, size, opts.expectShape, shapes, grid);
  if (cacheFile) {
    const head = Buffer.alloc(32);
    head.write(shapes.get(file) ?? '', 'latin1');
    writeFileAtomic(cacheFile, Buffer.concat([head, Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength)]));
  }
  return arr;
}

async function decode2d(file: string, channels: number, size: readonly number[]): Promise<Float32Array> {
  if (size.length !== 2) throw new CfcmlError(`2D images need a size [H, W], got [${size.join(', ')}]`);
  const out = await decodePhotoBytes(file, channels, [size[0], size[1]]);
  const f = new Float32Array(out.data.length);
  for (let i = 0; i < f.length; i++) f[i] = out.data[i] / 255;
  return f;
}

/**
 * A photo decoded as PIL decodes it, `ImageOps.exif_transpose(Image.open(f)).convert('RGB')`, at its
 * native size or, given `size` [H, W], resized as the image cache resizes it: [height, width, 3] bytes,
 * row-major. The format is read from the content, not the name.
 */
export async function decodePhoto(file: string, size?: readonly [number, number]): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await decodePhotoBytes(file, 3, size);
  return { data, width: info.width, height: info.height };
}

/**
 * The one photo decoding path: EXIF orientation applied (sharp's auto-orient does what exif_transpose
 * does), alpha dropped without compositing, grey and palette images expanded to RGB, 16-bit samples
 * reduced to 8 bits, then resized to [H, W] when `size` is given; `channels` 1 gives grey.
 * CMYK JPEGs are the exception: libvips would convert them through a CMYK colour profile, PIL with its
 * plain formula, so their CMYK samples are taken as stored and converted as PIL converts them.
 */
async function decodePhotoBytes(file: string, channels: number, size?: readonly [number, number]): Promise<{ data: Buffer; info: sharp.OutputInfo }> {
  if (!fs.existsSync(file)) throw new CfcmlError('missing image', { where: file });
  let out: { data: Buffer; info: sharp.OutputInfo };
  try {
    let img = sharp(file, { failOn: 'error' });
    const meta = await img.metadata();
    if (meta.space === 'cmyk') {
      const cmyk = await img.rotate().pipelineColourspace('cmyk').toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
      const { width, height } = cmyk.info;
      img = sharp(cmykToRgb(cmyk.data, width * height), { raw: { width, height, channels: 3 } });
    } else img = img.rotate();
    img = img.removeAlpha();
    img = channels === 1 ? img.toColourspace('b-w') : img.toColourspace('srgb');
    if (size) img = img.resize(size[1], size[0], { fit: 'fill' });
    out = await img.raw().toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw new CfcmlError(`corrupt or unreadable image (${(e as Error).message})`, { where: file, cause: e });
  }
  if (out.info.channels !== channels) throw new CfcmlError(`image decodes to ${out.info.channels} channels, expected ${channels}`, { where: file });
  return out;
}

/** PIL's CMYK → RGB (Convert.c cmyk2rgb): each of R, G, B is (255 − K)·(255 − C)/255, rounded as PIL rounds. */
function cmykToRgb(cmyk: Buffer, n: number): Buffer {
  const rgb = Buffer.alloc(n * 3);
  const muldiv255 = (a: number, b: number) => {
    const t = a * b + 128;
    return ((t >> 8) + t) >> 8;
  };
  for (let i = 0; i < n; i++) {
    const nk = 255 - cmyk[4 * i + 3];
    for (let c = 0; c < 3; c++) rgb[3 * i + c] = Math.max(0, Math.min(255, nk - muldiv255(cmyk[4 * i + c], nk)));
  }
  return rgb;
}

async function decode3d(file: string, size: readonly number[], expect: readonly number[] | undefined, shapes: Map<string, string>, grid?: VolumeGrid): Promise<Float32Array> {
  if (size.length !== 3) throw new CfcmlError(`3D volumes need a size [D, H, W], got [${size.join(', ')}]`);
  if (!fs.existsSync(file)) throw new CfcmlError('missing image', { where: file });
  const vol = await readNifti(file);
  const [nx, ny, nz] = vol.dims;
  const shape = `${nz}x${ny}x${nx}`;
  shapes.set(file, shape);
  if (expect && (expect[0] !== nz || expect[1] !== ny || expect[2] !== nx)) {
    throw new CfcmlError(`NIfTI of the wrong shape: D×H×W = ${shape}, expected ${expect.join('x')}`, { where: file });
  }
  if (Math.min(nx, ny, nz) < 2) throw new CfcmlError(`NIfTI of the wrong shape: D×H×W = ${shape}; every axis needs at least 2 voxels`, { where: file });
  let data = clipVolume(vol.data, file);
  let dhw: [number, number, number] = [nz, ny, nx];
  if (grid) {
    const spacing = [vol.spacing[2], vol.spacing[1], vol.spacing[0]];
    const at = dhw.map((n, k) => Math.max(2, Math.round((n * spacing[k]) / grid.spacing[k]))) as [number, number, number];
    data = centreCropPad(resizeTrilinear(data, dhw, at), at, grid.dims);
    dhw = grid.dims;
  }
  return standardise(resizeTrilinear(data, dhw, [size[0], size[1], size[2]]));
}

/** Trilinear resize of a [D, H, W] volume (bilinear in-plane, then along depth) with tf ops. */
function resizeTrilinear(data: Float32Array, from: readonly [number, number, number], to: readonly [number, number, number]): Float32Array {
  const [nz, ny, nx] = from;
  const [D, H, W] = to;
  return tf.tidy(() => {
    let v: tf.Tensor = tf.tensor4d(data, [nz, ny, nx, 1]);
    v = tf.image.resizeBilinear(v as tf.Tensor4D, [H, W]); // [nz, H, W, 1]
    v = v.reshape([1, nz, H * W, 1]);
    v = tf.image.resizeBilinear(v as tf.Tensor4D, [D, H * W]); // [1, D, H*W, 1]
    return v.reshape([D * H * W]).dataSync() as Float32Array;
  }).slice();
}

/** Crop or pad a [D, H, W] volume about its centre to `to`; padding takes the volume's minimum (background). */
function centreCropPad(data: Float32Array, from: readonly [number, number, number], to: readonly [number, number, number]): Float32Array {
  let lo = Infinity;
  for (let i = 0; i < data.length; i++) if (data[i] < lo) lo = data[i];
  const out = new Float32Array(to[0] * to[1] * to[2]).fill(lo);
  const off = [0, 1, 2].map((k) => Math.floor((from[k] - to[k]) / 2)); // source index = target index + off
  for (let d = 0; d < to[0]; d++) {
    const sd = d + off[0];
    if (sd < 0 || sd >= from[0]) continue;
    for (let h = 0; h < to[1]; h++) {
      const sh = h + off[1];
      if (sh < 0 || sh >= from[1]) continue;
      for (let w = 0; w < to[2]; w++) {
        const sw = w + off[2];
        if (sw >= 0 && sw < from[2]) out[(d * to[1] + h) * to[2] + w] = data[(sd * from[1] + sh) * from[2] + sw];
      }
    }
  }
  return out;
}

/** Clip to the 0.5–99.5th percentiles, then standardise (the whole crop; MEN volumes are tumour boxes). */
export function normaliseVolume(data: Float32Array, file = '<volume>'): Float32Array {
  return standardise(clipVolume(data, file));
}

/** Clip to the 0.5–99.5th percentiles (a copy). Non-finite voxels are refused. */
export function clipVolume(data: Float32Array, file = '<volume>'): Float32Array {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) throw new CfcmlError(`non-finite voxel value at index ${i}`, { where: file });
  // Percentiles from a strided sample of at most ~32k voxels: as good as exact for clipping, 10× cheaper.
  const stride = Math.max(1, Math.floor(data.length / 32768));
  const sample = new Float32Array(Math.ceil(data.length / stride));
  for (let i = 0, k = 0; i < data.length; i += stride) sample[k++] = data[i];
  const sorted = sample.sort();
  const lo = sorted[Math.floor(CLIP[0] * (sorted.length - 1))];
  const hi = sorted[Math.ceil(CLIP[1] * (sorted.length - 1))];
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] < lo ? lo : data[i] > hi ? hi : data[i];
  return out;
}

/** Zero mean, unit variance, in place (the volume at its final size, so the statistics are exact there). */
function standardise(out: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i];
  const mean = sum / out.length;
  let ss = 0;
  for (let i = 0; i < out.length; i++) ss += (out[i] - mean) ** 2;
  const std = Math.sqrt(ss / out.length) || 1;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] - mean) / std;
  return out;
}
