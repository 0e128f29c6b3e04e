import * as fs from 'fs';
import * as zlib from 'zlib';
import { CfcmlError } from '../util/errors';

/**
 * NIfTI-1 volumes: reading goes through the registry package `nifti-reader-js` (header parsing, data types,
 * byte order); gzip is undone with node's zlib, which is faster than the package's pure-JS inflate.
 * Writing (for the synthetic MEN cohort) is a minimal NIfTI-1 single-file writer: 348-byte header, 4 empty
 * extension bytes, uint8 or int16 voxels with a scaling slope, gzipped.
 */

/** A volume as read from disk: voxels in (x fastest, then y, then z) order as stored, float32. */
export interface Volume {
  /** [nx, ny, nz] as in the header's dim[1..3]. */
  dims: [number, number, number];
  data: Float32Array;
}

type NiftiModule = typeof import('nifti-reader-js');
let niftiModule: Promise<NiftiModule> | null = null;

/**
 * `nifti-reader-js` is an ES module only; TypeScript's CommonJS output would turn `import()` into
 * `require()`, which Node refuses for it, so the dynamic import is kept out of TypeScript's sight.
 */
function loadNiftiModule(): Promise<NiftiModule> {
  if (!niftiModule) niftiModule = (new Function('s', 'return import(s)') as (s: string) => Promise<NiftiModule>)('nifti-reader-js');
  return niftiModule;
}

function toArrayBuffer(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/** Read a `.nii` or `.nii.gz` file. Errors name the file and what is wrong with it. */
export async function readNifti(file: string): Promise<Volume> {
  const nifti = await loadNiftiModule();
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (e) {
    throw new CfcmlError(`cannot read NIfTI file (${(e as Error).message})`, { where: file, cause: e });
  }
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = zlib.gunzipSync(raw);
    } catch (e) {
      throw new CfcmlError(`corrupt gzip data in NIfTI file (${(e as Error).message})`, { where: file, cause: e });
    }
  }
  const ab = toArrayBuffer(raw);
  if (!nifti.isNIFTI(ab)) throw new CfcmlError('not a NIfTI file (no NIfTI-1/2 magic in the header)', { where: file });
  let header;
  let image: ArrayBuffer;
  try {
    header = nifti.readHeader(ab);
    image = nifti.readImage(header, ab) as ArrayBuffer;
  } catch (e) {
    throw new CfcmlError(`corrupt NIfTI file (${(e as Error).message})`, { where: file, cause: e });
  }
  const d = header.dims;
  const ndim = d[0];
  const extra = d.slice(4, 1 + ndim).filter((v) => v > 1);
  if (ndim < 3 || extra.length > 0) {
    throw new CfcmlError(`expected a 3D volume, the header says ${ndim}D with dims [${d.slice(1, 1 + ndim).join(', ')}]`, { where: file });
  }
  const dims: [number, number, number] = [d[1], d[2], d[3]];
  const n = dims[0] * dims[1] * dims[2];
  const view = new DataView(image);
  const le = header.littleEndian;
  const readers: Record<number, [number, (o: number) => number]> = {
    2: [1, (o) => view.getUint8(o)],
    4: [2, (o) => view.getInt16(o, le)],
    8: [4, (o) => view.getInt32(o, le)],
    16: [4, (o) => view.getFloat32(o, le)],
    64: [8, (o) => view.getFloat64(o, le)],
    256: [1, (o) => view.getInt8(o)],
    512: [2, (o) => view.getUint16(o, le)],
    768: [4, (o) => view.getUint32(o, le)],
  };
  const reader = readers[header.datatypeCode];
  if (!reader) throw new CfcmlError(`unsupported NIfTI data type code ${header.datatypeCode}`, { where: file });
  const [bytes, get] = reader;
  if (image.byteLength < n * bytes) {
    throw new CfcmlError(`truncated NIfTI file: ${image.byteLength} bytes of voxel data, dims need ${n * bytes}`, { where: file });
  }
  const slope = header.scl_slope && Number.isFinite(header.scl_slope) ? header.scl_slope : 1;
  const inter = Number.isFinite(header.scl_inter) ? header.scl_inter : 0;
  const data = new Float32Array(n);
  if (header.datatypeCode === 2) {
    // uint8 (the synthetic cohort's type): no byte order, read straight from the bytes.
    const u8 = new Uint8Array(image, 0, n);
    for (let i = 0; i < n; i++) data[i] = u8[i] * slope + inter;
  } else {
    for (let i = 0; i < n; i++) data[i] = get(i * bytes) * slope + inter;
  }
  return { dims, data };
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
