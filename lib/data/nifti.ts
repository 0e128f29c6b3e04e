import * as fs from 'fs';
import * as zlib from 'zlib';
import { CfcmlError } from '../util/errors';

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
export const NIFTI_DATATYPES: Record<number, { name: string; bytes: number }> = {
  2: { name: 'uint8', bytes: 1 },
  4: { name: 'int16', bytes: 2 },
  8: { name: 'int32', bytes: 4 },
  16: { name: 'float32', bytes: 4 },
  64: { name: 'float64', bytes: 8 },
  256: { name: 'int8', bytes: 1 },
  512: { name: 'uint16', bytes: 2 },
  768: { name: 'uint32', bytes: 4 },
};

/** Gunzip when the bytes are gzip (by content, whatever the name says). */
export function gunzipIfNeeded(raw: Buffer, file: string): { buf: Buffer; gzipped: boolean } {
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      return { buf: zlib.gunzipSync(raw), gzipped: true };
    } catch (e) {
      throw new CfcmlError(`corrupt gzip data in NIfTI file (${(e as Error).message})`, { where: file, cause: e });
    }
  }
  return { buf: raw, gzipped: false };
}

type FieldType = 'i16' | 'i32' | 'i64' | 'f32' | 'f64';
const FIELD_BYTES: Record<FieldType, number> = { i16: 2, i32: 4, i64: 8, f32: 4, f64: 8 };

/** Where each field the reader uses sits in the two header versions (offset, type), from the NIfTI-1/2 standards. */
const LAYOUTS = {
  1: {
    sizeofHdr: 348, magicAt: 344, magic: 'n+1',
    dim: [40, 'i16'], datatype: [70, 'i16'], pixdim: [76, 'f32'], voxOffset: [108, 'f32'], sclSlope: [112, 'f32'], sclInter: [116, 'f32'],
    qformCode: [252, 'i16'], sformCode: [254, 'i16'], quatern: [256, 'f32'], qoffset: [268, 'f32'], srow: [280, 'f32'],
  },
  2: {
    sizeofHdr: 540, magicAt: 4, magic: 'n+2',
    dim: [16, 'i64'], datatype: [12, 'i16'], pixdim: [104, 'f64'], voxOffset: [168, 'i64'], sclSlope: [176, 'f64'], sclInter: [184, 'f64'],
    qformCode: [344, 'i32'], sformCode: [348, 'i32'], quatern: [352, 'f64'], qoffset: [376, 'f64'], srow: [400, 'f64'],
  },
} as const;

/**
 * Parse a NIfTI-1 or NIfTI-2 header from the start of `buf` (already gunzipped). The version and byte
 * order come from sizeof_hdr (348 or 540, in either byte order), checked against the magic string.
 */
export function parseNiftiHeader(buf: Buffer, file: string): NiftiHeader {
  const first = (le: boolean) => (buf.length >= 4 ? (le ? buf.readInt32LE(0) : buf.readInt32BE(0)) : 0);
  const littleEndian = first(true) === 348 || first(true) === 540;
  const version = ({ 348: 1, 540: 2 } as Record<number, 1 | 2>)[first(littleEndian)];
  if (!version || buf.length < LAYOUTS[version].sizeofHdr) {
    throw new CfcmlError('not a NIfTI file (no 348-byte NIfTI-1 or 540-byte NIfTI-2 header)', { where: file });
  }
  const L = LAYOUTS[version];
  const magic = buf.toString('latin1', L.magicAt, L.magicAt + 3);
  if (magic === 'ni1') throw new CfcmlError('a NIfTI-1 .hdr/.img pair (magic ni1)', { where: file, hint: 'convert it to a single .nii or .nii.gz file (e.g. nibabel: nib.save(nib.load(hdr), "x.nii.gz"))' });
  if (magic !== L.magic) {
    throw new CfcmlError(`not a NIfTI file (${L.sizeofHdr}-byte header but magic '${magic.replace(/[^\x20-\x7e]/g, '?')}', expected '${L.magic}')`, { where: file });
  }
  const le = littleEndian;
  const one = (type: FieldType, o: number): number => {
    switch (type) {
      case 'i16': return le ? buf.readInt16LE(o) : buf.readInt16BE(o);
      case 'i32': return le ? buf.readInt32LE(o) : buf.readInt32BE(o);
      case 'i64': return Number(le ? buf.readBigInt64LE(o) : buf.readBigInt64BE(o));
      case 'f32': return le ? buf.readFloatLE(o) : buf.readFloatBE(o);
      case 'f64': return le ? buf.readDoubleLE(o) : buf.readDoubleBE(o);
    }
  };
  const get = (f: readonly [number, FieldType]) => one(f[1], f[0]);
  const many = (f: readonly [number, FieldType], n: number) => Array.from({ length: n }, (_, k) => one(f[1], f[0] + k * FIELD_BYTES[f[1]]));
  const srow = many(L.srow, 12);
  return {
    version,
    littleEndian,
    dim: many(L.dim, 8),
    datatype: get(L.datatype),
    pixdim: many(L.pixdim, 8),
    voxOffset: Math.round(get(L.voxOffset)),
    sclSlope: get(L.sclSlope),
    sclInter: get(L.sclInter),
    qformCode: get(L.qformCode),
    sformCode: get(L.sformCode),
    quatern: many(L.quatern, 3) as [number, number, number],
    qoffset: many(L.qoffset, 3) as [number, number, number],
    srow: [srow.slice(0, 4), srow.slice(4, 8), srow.slice(8, 12)],
  };
}

/** Why the header's dims are not a 3D volume (a 4th or higher dimension of size 1 is fine); undefined if they are. */
export function niftiDimsProblem(h: NiftiHeader): string | undefined {
  const ndim = h.dim[0];
  if (ndim >= 3 && ndim <= 7 && !h.dim.slice(4, 1 + ndim).some((v) => v > 1)) return undefined;
  return `a ${ndim}D volume with dims [${h.dim.slice(1, 1 + Math.max(0, Math.min(ndim, 7))).join(', ')}]`;
}

/** The volume's 3D dims from its header; anything but a 3D volume is refused. */
export function niftiDims3(h: NiftiHeader, file: string): [number, number, number] {
  const problem = niftiDimsProblem(h);
  if (problem) throw new CfcmlError(`${problem}, expected a 3D volume (a 4th or higher dimension of size 1 is accepted)`, { where: file });
  return [h.dim[1], h.dim[2], h.dim[3]];
}

/** scl_slope/scl_inter as nibabel applies them: no scaling when the slope is 0 or not finite. */
export function niftiScaling(h: NiftiHeader, file: string): { slope: number; inter: number } {
  if (h.sclSlope === 0 || !Number.isFinite(h.sclSlope)) return { slope: 1, inter: 0 };
  if (!Number.isFinite(h.sclInter)) throw new CfcmlError(`valid scl_slope ${h.sclSlope} but invalid scl_inter ${h.sclInter}`, { where: file, hint: 'set scl_inter to 0' });
  return { slope: h.sclSlope, inter: h.sclInter };
}

type Mat3 = number[][];

/** nibabel's quat2mat for the qform quaternion, with quatern_a filled in as nibabel's fillpositive does. */
function qformRotation(b: number, c: number, d: number, file: string): Mat3 {
  const w2 = 1 - (b * b + c * c + d * d);
  if (w2 < -1e-6) throw new CfcmlError(`qform quaternion (b ${b}, c ${c}, d ${d}) has norm above 1`, { where: file });
  const w = w2 < 0 ? 0 : Math.sqrt(w2);
  const nq = w * w + b * b + c * c + d * d;
  const s = 2 / nq;
  const [X, Y, Z] = [b * s, c * s, d * s];
  const [wX, wY, wZ, xX, xY, xZ, yY, yZ, zZ] = [w * X, w * Y, w * Z, b * X, b * Y, b * Z, c * Y, c * Z, d * Z];
  return [
    [1 - (yY + zZ), xY - wZ, xZ + wY],
    [xY + wZ, 1 - (xX + zZ), yZ - wX],
    [xZ - wY, yZ + wX, 1 - (xX + yY)],
  ];
}

/** The voxel-to-world affine (4×4 rows) as nibabel's `get_best_affine` picks it. */
export function niftiAffine(h: NiftiHeader, file: string): number[][] {
  const last = [0, 0, 0, 1];
  if (h.sformCode !== 0) return [...h.srow.map((r) => [...r]), last];
  const zooms = [1, 2, 3].map((k) => Math.abs(h.pixdim[k]));
  if (h.qformCode !== 0) {
    const R = qformRotation(h.quatern[0], h.quatern[1], h.quatern[2], file);
    const qfac = h.pixdim[0] === -1 ? -1 : 1;
    const S = [zooms[0], zooms[1], zooms[2] * qfac];
    return [...[0, 1, 2].map((r) => [R[r][0] * S[0], R[r][1] * S[1], R[r][2] * S[2], h.qoffset[r]]), last];
  }
  // Analyze base affine: x flipped (radiological), origin at the centre of the grid.
  const dims = niftiDims3(h, file);
  const z = [-zooms[0], zooms[1], zooms[2]];
  return [...[0, 1, 2].map((r) => [0, 1, 2].map((c) => (r === c ? z[r] : 0)).concat([(-(dims[r] - 1) / 2) * z[r]])), last];
}

function det3(m: Mat3): number {
  return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

/** Inverse transpose of a 3×3 matrix (the cofactor matrix over the determinant). */
function invTranspose3(m: Mat3): Mat3 {
  const d = det3(m);
  const cof = (r: number, c: number) => {
    const rs = [0, 1, 2].filter((k) => k !== r);
    const cs = [0, 1, 2].filter((k) => k !== c);
    const minor = m[rs[0]][cs[0]] * m[rs[1]][cs[1]] - m[rs[0]][cs[1]] * m[rs[1]][cs[0]];
    return ((r + c) % 2 === 0 ? 1 : -1) * minor;
  };
  return [0, 1, 2].map((r) => [0, 1, 2].map((c) => cof(r, c) / d));
}

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
export function ioOrientation(affine: number[][], file: string): AxisOrientation[] {
  const rzs = [0, 1, 2].map((r) => affine[r].slice(0, 3));
  const zooms = [0, 1, 2].map((c) => Math.hypot(rzs[0][c], rzs[1][c], rzs[2][c]) || 1);
  let X: Mat3 = rzs.map((row) => row.map((v, c) => v / zooms[c]));
  if (!(Math.abs(det3(X)) > 1e-6)) {
    throw new CfcmlError(`the voxel-to-world affine is singular (rows ${rzs.map((r) => `[${r.map((v) => +v.toPrecision(4)).join(', ')}]`).join(', ')})`, { where: file, hint: 'fix the sform/qform of this file' });
  }
  for (let it = 0; it < 100; it++) {
    const Y = invTranspose3(X);
    const next = X.map((row, r) => row.map((v, c) => (v + Y[r][c]) / 2));
    const change = Math.max(...next.flatMap((row, r) => row.map((v, c) => Math.abs(v - X[r][c]))));
    X = next;
    if (change < 1e-14) break;
  }
  const out: AxisOrientation[] = [];
  for (let inAx = 0; inAx < 3; inAx++) {
    let best = 0;
    for (let r = 1; r < 3; r++) if (Math.abs(X[r][inAx]) > Math.abs(X[best][inAx])) best = r;
    out.push({ axis: best, flip: X[best][inAx] < 0 ? -1 : 1 });
    X[best] = [0, 0, 0];
  }
  return out;
}

/** nibabel's `ornt2axcodes` with the default labels: e.g. 'RAS', 'LPS', 'ASR'. */
export function axisCodes(ornt: readonly AxisOrientation[]): string {
  return ornt.map((o) => (o.flip > 0 ? 'RAS' : 'LPI')[o.axis]).join('');
}

/**
 * Reorder `data` (dims[0] fastest) to canonical RAS+ order: voxel axis i becomes canonical axis
 * ornt[i].axis, reversed when ornt[i].flip is -1. Returns the canonical dims, data and affine.
 */
export function toCanonical(
  dims: readonly [number, number, number],
  data: Float32Array,
  affine: number[][],
  ornt: readonly AxisOrientation[],
): { dims: [number, number, number]; data: Float32Array; affine: number[][] } {
  const cdims: [number, number, number] = [0, 0, 0];
  ornt.forEach((o, i) => (cdims[o.axis] = dims[i]));
  const cstride = [1, cdims[0], cdims[0] * cdims[1]];
  // Canonical affine: column o is ±(stored column i); a reversed axis moves the origin to its far end.
  const caffine = [0, 1, 2].map((r) => [0, 0, 0, affine[r][3]]).concat([[0, 0, 0, 1]]);
  ornt.forEach((o, i) => {
    for (let r = 0; r < 3; r++) {
      caffine[r][o.axis] = o.flip * affine[r][i];
      if (o.flip < 0) caffine[r][3] += affine[r][i] * (dims[i] - 1);
    }
  });
  if (ornt.every((o, i) => o.axis === i && o.flip === 1)) return { dims: [...dims], data, affine: caffine };
  // For stored index t along axis i: canonical offset base[i] + step[i] * t.
  const step = ornt.map((o) => o.flip * cstride[o.axis]);
  const base = ornt.map((o, i) => (o.flip < 0 ? (dims[i] - 1) * cstride[o.axis] : 0));
  const out = new Float32Array(data.length);
  const [nx, ny, nz] = dims;
  let src = 0;
  for (let z = 0; z < nz; z++) {
    const oz = base[2] + step[2] * z;
    for (let y = 0; y < ny; y++) {
      const oy = oz + base[1] + step[1] * y;
      let o = oy + base[0];
      for (let x = 0; x < nx; x++, o += step[0]) out[o] = data[src++];
    }
  }
  return { dims: cdims, data: out, affine: caffine };
}

/** Voxel sizes (column norms of the affine), as nibabel's `voxel_sizes`. */
export function voxelSizes(affine: number[][]): [number, number, number] {
  const n = (c: number) => Math.hypot(affine[0][c], affine[1][c], affine[2][c]);
  return [n(0), n(1), n(2)];
}

/** Header, affine and orientation of a NIfTI file without decoding its voxels (still gunzips it). */
export function readNiftiInfo(file: string): { header: NiftiHeader; gzipped: boolean; dims: [number, number, number]; orientation: string; spacing: [number, number, number]; canonicalDims: [number, number, number] } {
  const { buf, gzipped } = gunzipIfNeeded(readFile(file), file);
  const header = parseNiftiHeader(buf, file);
  const dims = niftiDims3(header, file);
  const affine = niftiAffine(header, file);
  const ornt = ioOrientation(affine, file);
  const cdims: [number, number, number] = [0, 0, 0];
  const spacing: [number, number, number] = [0, 0, 0];
  const sizes = voxelSizes(affine);
  ornt.forEach((o, i) => {
    cdims[o.axis] = dims[i];
    spacing[o.axis] = sizes[i];
  });
  return { header, gzipped, dims, orientation: axisCodes(ornt), spacing, canonicalDims: cdims };
}

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new CfcmlError(`cannot read NIfTI file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { where: file, cause: e });
  }
}

/** The stored voxels (dims[0] fastest) as float32 after scaling; refuses a file too short for its dims. */
export function niftiVoxels(buf: Buffer, h: NiftiHeader, dims: readonly [number, number, number], file: string): Float32Array {
  const type = NIFTI_DATATYPES[h.datatype];
  if (!type) throw new CfcmlError(`unsupported NIfTI data type code ${h.datatype}`, { where: file, hint: `supported: ${Object.entries(NIFTI_DATATYPES).map(([c, t]) => `${t.name} (${c})`).join(', ')}` });
  const n = dims[0] * dims[1] * dims[2];
  const start = Math.max(h.voxOffset, h.version === 1 ? 352 : 544);
  const have = buf.length - start;
  if (have < n * type.bytes) throw new CfcmlError(`truncated NIfTI file: ${Math.max(0, have)} bytes of voxel data, dims need ${n * type.bytes}`, { where: file });
  const { slope, inter } = niftiScaling(h, file);
  const le = h.littleEndian;
  const b = type.bytes;
  const get: (o: number) => number = {
    2: (o: number) => buf[o],
    4: (o: number) => (le ? buf.readInt16LE(o) : buf.readInt16BE(o)),
    8: (o: number) => (le ? buf.readInt32LE(o) : buf.readInt32BE(o)),
    16: (o: number) => (le ? buf.readFloatLE(o) : buf.readFloatBE(o)),
    64: (o: number) => (le ? buf.readDoubleLE(o) : buf.readDoubleBE(o)),
    256: (o: number) => buf.readInt8(o),
    512: (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o)),
    768: (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o)),
  }[h.datatype]!;
  const data = new Float32Array(n);
  if (slope === 1 && inter === 0) for (let i = 0; i < n; i++) data[i] = get(start + i * b);
  else for (let i = 0; i < n; i++) data[i] = get(start + i * b) * slope + inter;
  return data;
}

/** Read a `.nii` or `.nii.gz` file into canonical RAS+ order. Errors name the file and what is wrong. */
export async function readNifti(file: string): Promise<Volume> {
  const { buf } = gunzipIfNeeded(readFile(file), file);
  const h = parseNiftiHeader(buf, file);
  const dims = niftiDims3(h, file);
  const stored = niftiVoxels(buf, h, dims, file);
  const affine = niftiAffine(h, file);
  const ornt = ioOrientation(affine, file);
  const c = toCanonical(dims, stored, affine, ornt);
  return { dims: c.dims, data: c.data, spacing: voxelSizes(c.affine), orientation: axisCodes(ornt), affine: c.affine };
}

/**
 * Write a gzipped NIfTI-1 file: `data` holds nx*ny*nz values (x fastest); values are stored as
 * round((v - inter) / slope) in `dtype` (uint8 or int16), with slope/inter chosen to span the data's range.
 */
export function encodeNiftiGz(
  dims: readonly [number, number, number],
  data: Float32Array,
  opts: { spacing?: readonly [number, number, number]; dtype?: 'uint8' | 'int16' } = {},
): Buffer {
  const spacing = opts.spacing ?? [1, 1, 1];
  const dtype = opts.dtype ?? 'int16';
  const levels = dtype === 'uint8' ? 255 : 32000;
  const bytes = dtype === 'uint8' ? 1 : 2;
  const [nx, ny, nz] = dims;
  const n = nx * ny * nz;
  if (data.length !== n) throw new CfcmlError(`encodeNiftiGz: ${data.length} values for dims ${dims.join('x')}`);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (data[i] < lo) lo = data[i];
    if (data[i] > hi) hi = data[i];
  }
  const slope = hi > lo ? (hi - lo) / levels : 1;
  const inter = lo;
  const buf = Buffer.alloc(352 + n * bytes);
  buf.writeInt32LE(348, 0); // sizeof_hdr
  const dim = [3, nx, ny, nz, 1, 1, 1, 1];
  dim.forEach((v, k) => buf.writeInt16LE(v, 40 + 2 * k));
  buf.writeInt16LE(dtype === 'uint8' ? 2 : 4, 70); // datatype code
  buf.writeInt16LE(8 * bytes, 72); // bitpix
  const pixdim = [1, spacing[0], spacing[1], spacing[2], 1, 1, 1, 1];
  pixdim.forEach((v, k) => buf.writeFloatLE(v, 76 + 4 * k));
  buf.writeFloatLE(352, 108); // vox_offset
  buf.writeFloatLE(slope, 112); // scl_slope
  buf.writeFloatLE(inter, 116); // scl_inter
  buf.writeUInt8(10, 123); // xyzt_units: mm, s
  buf.write('cfcml synthetic', 148, 'latin1'); // descrip
  buf.writeInt16LE(1, 252); // qform_code: scanner
  buf.writeFloatLE(1, 280); // srow_x
  buf.writeFloatLE(spacing[1], 280 + 16 + 4); // srow_y[1]
  buf.writeFloatLE(spacing[2], 280 + 32 + 8); // srow_z[2]
  buf.writeFloatLE(spacing[0], 280);
  buf.write('n+1\0', 344, 'latin1'); // magic
  if (dtype === 'uint8') for (let i = 0; i < n; i++) buf[352 + i] = Math.round((data[i] - inter) / slope);
  else for (let i = 0; i < n; i++) buf.writeInt16LE(Math.round((data[i] - inter) / slope), 352 + 2 * i);
  return zlib.gzipSync(buf, { level: 4 });
}
