/**
 * Cheap checks of image files before any decoding, reading only their headers and last bytes, so that a
 * loader can name every bad file of a folder at once:
 * - photos: JPEG or PNG by content (not by name), size from the header, colour or grey, complete (a JPEG
 *   ends with its EOI marker, a PNG with its IEND chunk);
 * - volumes: gzip or plain NIfTI-1/NIfTI-2 by content (read by lib/data/nifti.ts), a 3D header, a usable
 *   affine and finite voxels.
 * Decisions: a PNG named `.jpg` and a grey photo are accepted (sharp decodes by content and makes three
 * channels) and reported as notes; a truncated file, an unknown format and an image smaller than
 * `MIN_PHOTO_SIDE` on a side are refused.
 */
/** Smallest accepted photo side in pixels (a 1×1 image is a placeholder, not a photograph). */
export declare const MIN_PHOTO_SIDE = 8;
export interface PhotoInfo {
    format: 'jpeg' | 'png';
    width: number;
    height: number;
    /** 1 = grey, 3 = colour (4 for CMYK JPEG / RGBA PNG). */
    channels: number;
}
export interface FileCheck<T> {
    info?: T;
    /** Why the file is refused (undefined when accepted). */
    error?: {
        message: string;
        expected?: string;
    };
    /** Accepted, but worth telling the user (PNG named .jpg, grey photo, plain NIfTI named .gz). */
    notes: string[];
}
/** Check a photograph file (JPEG or PNG, whatever its name says). */
export declare function checkPhoto(file: string): FileCheck<PhotoInfo>;
export interface VolumeInfo {
    /** [nx, ny, nz] as stored (before reorientation). */
    dims: [number, number, number];
    datatype: number;
    gzipped: boolean;
    /** NIfTI-1 or NIfTI-2. */
    version: 1 | 2;
    /** Stored orientation codes (e.g. 'LPS'), the loader reorients to RAS. */
    orientation: string;
    /** Voxel size in mm along canonical x, y, z. */
    spacing: [number, number, number];
    /** [nx, ny, nz] after reorientation to RAS. */
    canonicalDims: [number, number, number];
}
/**
 * Check a NIfTI volume through the one NIfTI reader (lib/data/nifti.ts): gzip (by content) or plain,
 * a NIfTI-1 or NIfTI-2 header, 3D dims ≥ 2 per axis, a known data type, a non-singular affine, a complete
 * file, valid scaling, and, when `voxels` is true, that every voxel of a float volume is finite.
 */
export declare function checkVolume(file: string, opts?: {
    voxels?: boolean;
}): FileCheck<VolumeInfo>;
