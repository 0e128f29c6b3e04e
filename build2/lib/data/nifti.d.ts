/// <reference types="node" />
/// <reference types="node" />
/**
 * NIfTI volumes, read as nibabel reads them and put in one orientation.
 *
 * One reader for the format (used by the loader and by the folder checks): NIfTI-1 (348-byte header) and
 * NIfTI-2 (540-byte header), either byte order, plain or gzipped. It is our own rather than the registry
 * package `nifti-reader-js` because that package is an ES module only (the folder checks are synchronous),
 * picks the qform over the sform when qform_code ≥ sform_code and ignores the NIfTI-2 qform, so the
 * orientation would need a second parse of the header anyway.
 *
 * The voxel-to-world affine is chosen as nibabel's `get_best_affine` chooses it (sform when sform_code ≠ 0,
 * else qform when qform_code ≠ 0, else the Analyze base affine, which flips x), and every volume is
 * reoriented to the closest canonical RAS+ orientation as nibabel's `as_closest_canonical` does: axis
 * permutations and flips only, never resampling. Intensities get scl_slope/scl_inter as nibabel applies
 * them (a slope of 0 or NaN means no scaling at all).
 *
 * Writing (for the synthetic MEN cohort) is a minimal NIfTI-1 single-file writer: 348-byte header, 4 empty
 * extension bytes, uint8 or int16 voxels with a scaling slope, gzipped.
 */
/** A volume in canonical RAS+ voxel order: x (towards Right) fastest, then y (Anterior), then z (Superior). */
export interface Volume {
    /** [nx, ny, nz] along the canonical axes (the stored dims, permuted as the reorientation permutes them). */
    dims: [number, number, number];
    /** Intensities after scl_slope/scl_inter, float32. */
    data: Float32Array;
    /** Voxel size in mm along canonical x, y, z (the column norms of the affine). */
    spacing: [number, number, number];
    /** The stored orientation as nibabel's `aff2axcodes` names it, e.g. 'LPS' ('RAS' needs no change). */
    orientation: string;
    /** The canonical voxel-to-world affine, 4×4 row-major rows. */
    affine: number[][];
}
/** The header fields the reader uses, from either NIfTI version. */
export interface NiftiHeader {
    version: 1 | 2;
    littleEndian: boolean;
    /** dim[0..7]: dim[0] is the number of dimensions. */
    dim: number[];
    datatype: number;
    /** pixdim[0..7]: pixdim[0] is qfac, pixdim[1..3] the voxel size. */
    pixdim: number[];
    voxOffset: number;
    sclSlope: number;
    sclInter: number;
    qformCode: number;
    sformCode: number;
    /** quatern_b, quatern_c, quatern_d. */
    quatern: [number, number, number];
    qoffset: [number, number, number];
    /** srow_x, srow_y, srow_z. */
    srow: number[][];
}
/** Bytes per voxel of the data types read. */
export declare const NIFTI_DATATYPES: Record<number, {
    name: string;
    bytes: number;
}>;
/** Gunzip when the bytes are gzip (by content, whatever the name says). */
export declare function gunzipIfNeeded(raw: Buffer, file: string): {
    buf: Buffer;
    gzipped: boolean;
};
/**
 * Parse a NIfTI-1 or NIfTI-2 header from the start of `buf` (already gunzipped). The version and byte
 * order come from sizeof_hdr (348 or 540, in either byte order), checked against the magic string.
 */
export declare function parseNiftiHeader(buf: Buffer, file: string): NiftiHeader;
/** Why the header's dims are not a 3D volume (a 4th or higher dimension of size 1 is fine); undefined if they are. */
export declare function niftiDimsProblem(h: NiftiHeader): string | undefined;
/** The volume's 3D dims from its header; anything but a 3D volume is refused. */
export declare function niftiDims3(h: NiftiHeader, file: string): [number, number, number];
/** scl_slope/scl_inter as nibabel applies them: no scaling when the slope is 0 or not finite. */
export declare function niftiScaling(h: NiftiHeader, file: string): {
    slope: number;
    inter: number;
};
/** The voxel-to-world affine (4×4 rows) as nibabel's `get_best_affine` picks it. */
export declare function niftiAffine(h: NiftiHeader, file: string): number[][];
/** One voxel axis's place in the canonical orientation: the world axis it runs along and its direction. */
export interface AxisOrientation {
    /** 0 = x (L→R), 1 = y (P→A), 2 = z (I→S). */
    axis: number;
    flip: 1 | -1;
}
/**
 * nibabel's `io_orientation`: for each voxel axis, the world axis it is closest to and the sign. The
 * columns are normalised by the voxel sizes, the nearest orthogonal matrix is taken (the polar factor,
 * U·Vᵀ of the SVD, here by Newton's iteration X ← (X + X⁻ᵀ)/2), then voxel axes claim world axes in order,
 * each the largest remaining entry of its column.
 */
export declare function ioOrientation(affine: number[][], file: string): AxisOrientation[];
/** nibabel's `ornt2axcodes` with the default labels: e.g. 'RAS', 'LPS', 'ASR'. */
export declare function axisCodes(ornt: readonly AxisOrientation[]): string;
/**
 * Reorder `data` (dims[0] fastest) to canonical RAS+ order: voxel axis i becomes canonical axis
 * ornt[i].axis, reversed when ornt[i].flip is -1. Returns the canonical dims, data and affine.
 */
export declare function toCanonical(dims: readonly [number, number, number], data: Float32Array, affine: number[][], ornt: readonly AxisOrientation[]): {
    dims: [number, number, number];
    data: Float32Array;
    affine: number[][];
};
/** Voxel sizes (column norms of the affine), as nibabel's `voxel_sizes`. */
export declare function voxelSizes(affine: number[][]): [number, number, number];
/** Header, affine and orientation of a NIfTI file without decoding its voxels (still gunzips it). */
export declare function readNiftiInfo(file: string): {
    header: NiftiHeader;
    gzipped: boolean;
    dims: [number, number, number];
    orientation: string;
    spacing: [number, number, number];
    canonicalDims: [number, number, number];
};
/** The stored voxels (dims[0] fastest) as float32 after scaling; refuses a file too short for its dims. */
export declare function niftiVoxels(buf: Buffer, h: NiftiHeader, dims: readonly [number, number, number], file: string): Float32Array;
/** Read a `.nii` or `.nii.gz` file into canonical RAS+ order. Errors name the file and what is wrong. */
export declare function readNifti(file: string): Promise<Volume>;
/**
 * Write a gzipped NIfTI-1 file: `data` holds nx*ny*nz values (x fastest); values are stored as
 * round((v - inter) / slope) in `dtype` (uint8 or int16), with slope/inter chosen to span the data's range.
 */
export declare function encodeNiftiGz(dims: readonly [number, number, number], data: Float32Array, opts?: {
    spacing?: readonly [number, number, number];
    dtype?: 'uint8' | 'int16';
}): Buffer;
