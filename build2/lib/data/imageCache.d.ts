/// <reference types="node" />
/// <reference types="node" />
import type { VolumeGridPolicy } from './spec';
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
    /** Target size: [H, W] for 2D modalities, [D, H, W] for 3D ones. */
    size: readonly number[];
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
    grids: (VolumeGrid & {
        count: number;
        example: string;
    })[];
    unreadable: {
        file: string;
        message: string;
    }[];
}
/** Voxel sizes that agree to 0.01 mm are the same grid (headers carry float32 noise). */
export declare function gridKey(g: VolumeGrid): string;
/** Read the header of every volume in `files` (gunzipping each) and group them by grid. */
export declare function surveyVolumeGrids(files: readonly string[]): VolumeGridSurvey;
/** One line per grid: "24x128x128 @ 3x0.5x0.5 mm ×40 (e.g. train/x/P1/t1.nii.gz)". */
export declare function formatGrids(survey: VolumeGridSurvey, root: string): string;
export declare class ImageCache {
    private readonly byCase;
    readonly size: readonly number[];
    private constructor();
    static load(cohort: Cohort, opts: ImageCacheOptions): Promise<ImageCache>;
    /** [H, W, C] (2D, values in [0, 1]) or [D, H, W, 1] (3D, standardised per volume), row-major. */
    get(caseId: string, modality: number): Float32Array;
    has(caseId: string): boolean;
    get numCases(): number;
}
/**
 * A photo decoded as PIL decodes it, `ImageOps.exif_transpose(Image.open(f)).convert('RGB')`, at its
 * native size: [height, width, 3] bytes, row-major. The format is read from the content, not the name.
 */
export declare function decodePhoto(file: string): Promise<{
    data: Buffer;
    width: number;
    height: number;
}>;
/** Clip to the 0.5–99.5th percentiles, then standardise (the whole crop; MEN volumes are tumour boxes). */
export declare function normaliseVolume(data: Float32Array, file?: string): Float32Array;
/** Clip to the 0.5–99.5th percentiles (a copy). Non-finite voxels are refused. */
export declare function clipVolume(data: Float32Array, file?: string): Float32Array;
