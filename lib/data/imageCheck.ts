import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/**
 * Cheap checks of image files before any decoding, reading only their headers and last bytes, so that a
 * loader can name every bad file of a folder at once:
 * - photos: JPEG or PNG by content (not by name), size from the header, colour or grey, complete (a JPEG
 *   ends with its EOI marker, a PNG with its IEND chunk);
 * - volumes: gzip or plain NIfTI-1 by content, a 3D header, and (float types only) finite voxels.
 * Decisions: a PNG named `.jpg` and a grey photo are accepted (sharp decodes by content and makes three
 * channels) and reported as notes; a truncated file, an unknown format and an image smaller than
 * `MIN_PHOTO_SIDE` on a side are refused.
 */

/** Smallest accepted photo side in pixels (a 1×1 image is a placeholder, not a photograph). */
export const MIN_PHOTO_SIDE = 8;

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
  error?: { message: string; expected?: string };
  /** Accepted, but worth telling the user (PNG named .jpg, grey photo, plain NIfTI named .gz). */
  notes: string[];
}

function readHeadTail(file: string, head: number, tail: number): { head: Buffer; tail: Buffer; size: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const h = Buffer.alloc(Math.min(head, size));
    fs.readSync(fd, h, 0, h.length, 0);
    const t = Buffer.alloc(Math.min(tail, size));
    fs.readSync(fd, t, 0, t.length, size - t.length);
    return { head: h, tail: t, size };
  } finally {
    fs.closeSync(fd);
  }
}

/** Walk a JPEG's segments to its SOF marker: [width, height, components]; undefined if not found. */
function jpegFrame(file: string): [number, number, number] | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const seg = Buffer.alloc(10);
    let p = 2;
    for (let k = 0; k < 512; k++) {
      if (fs.readSync(fd, seg, 0, 10, p) < 4 || seg[0] !== 0xff) return undefined;
      const marker = seg[1];
      if (marker === 0xff) {
        p += 1; // fill byte
        continue;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return [seg.readUInt16BE(7), seg.readUInt16BE(5), seg[9]];
      }
      if (marker === 0xd9 || marker === 0xda) return undefined; // EOI or scan data before any frame header
      p += 2 + seg.readUInt16BE(2);
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Check a photograph file (JPEG or PNG, whatever its name says). */
export function checkPhoto(file: string): FileCheck<PhotoInfo> {
  const notes: string[] = [];
  let io;
  try {
    io = readHeadTail(file, 32, 4096);
  } catch (e) {
    return { notes, error: { message: `cannot read image (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` } };
  }
  const { head, tail, size } = io;
  const ext = path.extname(file).toLowerCase();
  let info: PhotoInfo;
  if (size === 0) return { notes, error: { message: 'empty image file (0 bytes)', expected: 'a JPEG or PNG photograph' } };
  if (head.length >= 24 && head[0] === 0x89 && head.toString('latin1', 1, 4) === 'PNG') {
    const colourType = head[25] ?? 2;
    info = { format: 'png', width: head.readUInt32BE(16), height: head.readUInt32BE(20), channels: colourType === 0 || colourType === 4 ? 1 : colourType === 6 ? 4 : 3 };
    if (tail.length < 12 || tail.lastIndexOf(Buffer.from('IEND', 'latin1')) < 0) {
      return { info, notes, error: { message: `truncated PNG (${size} bytes, no IEND chunk at the end)`, expected: 'a complete PNG file' } };
    }
    if (ext === '.jpg' || ext === '.jpeg') notes.push(`${file}: a PNG named ${ext}; accepted (decoded by content)`);
  } else if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    const frame = jpegFrame(file);
    if (!frame) return { notes, error: { message: 'corrupt JPEG: no frame header (SOF) found', expected: 'a complete JPEG file' } };
    info = { format: 'jpeg', width: frame[0], height: frame[1], channels: frame[2] };
    // In entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so FF D9 is the EOI marker.
    let eoi = false;
    for (let i = tail.length - 2; i >= 0 && !eoi; i--) eoi = tail[i] === 0xff && tail[i + 1] === 0xd9;
    if (!eoi) return { info, notes, error: { message: `truncated JPEG (${size} bytes, no end-of-image marker)`, expected: 'a complete JPEG file' } };
    if (ext === '.png') notes.push(`${file}: a JPEG named ${ext}; accepted (decoded by content)`);
  } else {
    return { notes, error: { message: `not a JPEG or PNG image (first bytes ${head.subarray(0, 4).toString('hex')})`, expected: 'a JPEG or PNG photograph' } };
  }
  if (info.width < MIN_PHOTO_SIDE || info.height < MIN_PHOTO_SIDE) {
    return { info, notes, error: { message: `image is ${info.width}×${info.height} pixels`, expected: `at least ${MIN_PHOTO_SIDE}×${MIN_PHOTO_SIDE}` } };
  }
  if (info.channels === 1) notes.push(`${file}: a grey (1-channel) image; accepted (its grey level is copied to R, G and B)`);
  return { info, notes };
}

export interface VolumeInfo {
  /** [nx, ny, nz] as in the header. */
  dims: [number, number, number];
  datatype: number;
  gzipped: boolean;
}

const NIFTI_BYTES: Record<number, number> = { 2: 1, 4: 2, 8: 4, 16: 4, 64: 8, 256: 1, 512: 2, 768: 4 };

/**
 * Check a NIfTI-1 volume: gzip (when the name ends in .gz) or plain, a NIfTI-1 header, 3D dims ≥ 2 per
 * axis, a known data type, and, when `voxels` is true and the type is float, that every voxel is finite.
 */
export function checkVolume(file: string, opts: { voxels?: boolean } = {}): FileCheck<VolumeInfo> {
  const notes: string[] = [];
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (e) {
    return { notes, error: { message: `cannot read volume (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` } };
  }
  const gz = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  const namedGz = file.toLowerCase().endsWith('.gz');
  let buf = raw;
  if (gz) {
    try {
      buf = zlib.gunzipSync(raw);
    } catch (e) {
      return { notes, error: { message: `corrupt gzip data (${(e as Error).message})`, expected: 'a complete gzip-compressed NIfTI-1 file' } };
    }
  }
  const le = buf.length >= 4 && buf.readInt32LE(0) === 348;
  const be = buf.length >= 4 && buf.readInt32BE(0) === 348;
  const magic = buf.length >= 348 ? buf.toString('latin1', 344, 347) : '';
  if (!(le || be) || (magic !== 'n+1' && magic !== 'ni1')) {
    return {
      notes,
      error: namedGz && !gz
        ? { message: 'named .nii.gz but neither gzip data nor a NIfTI-1 header', expected: 'a gzip-compressed NIfTI-1 volume' }
        : { message: 'not a NIfTI-1 file (no 348-byte header with n+1 magic)', expected: 'a NIfTI-1 volume' },
    };
  }
  if (namedGz && !gz) notes.push(`${file}: named .gz but not gzip-compressed; accepted (a plain NIfTI-1 file)`);
  const i16 = (o: number) => (le ? buf.readInt16LE(o) : buf.readInt16BE(o));
  const dim = Array.from({ length: 8 }, (_, k) => i16(40 + 2 * k));
  const ndim = dim[0];
  const shown = `[${dim.slice(1, 1 + Math.max(0, Math.min(ndim, 7))).join(', ')}]`;
  const datatype = i16(70);
  const info: VolumeInfo = { dims: [dim[1], dim[2], dim[3]], datatype, gzipped: gz };
  if (ndim < 3 || ndim > 7 || dim.slice(4, 1 + ndim).some((v) => v > 1)) {
    return { info, notes, error: { message: `a ${ndim}D volume with dims ${shown}`, expected: 'a 3D volume (dim[0] = 3, or higher dims of size 1)' } };
  }
  if (Math.min(dim[1], dim[2], dim[3]) < 2) return { info, notes, error: { message: `volume dims ${shown}`, expected: 'at least 2 voxels on every axis' } };
  const bytes = NIFTI_BYTES[datatype];
  if (!bytes) return { info, notes, error: { message: `unsupported NIfTI data type code ${datatype}`, expected: `one of ${Object.keys(NIFTI_BYTES).join(', ')}` } };
  const voxOffset = Math.max(352, Math.round(le ? buf.readFloatLE(108) : buf.readFloatBE(108)));
  const n = dim[1] * dim[2] * dim[3];
  if (buf.length < voxOffset + n * bytes) {
    return { info, notes, error: { message: `truncated volume: ${buf.length - voxOffset} bytes of voxel data, dims ${shown} need ${n * bytes}`, expected: 'a complete file' } };
  }
  if (opts.voxels && (datatype === 16 || datatype === 64)) {
    let bad = 0;
    let firstBad = -1;
    let firstValue = 0;
    for (let i = 0; i < n; i++) {
      const o = voxOffset + i * bytes;
      const v = datatype === 16 ? (le ? buf.readFloatLE(o) : buf.readFloatBE(o)) : le ? buf.readDoubleLE(o) : buf.readDoubleBE(o);
      if (!Number.isFinite(v)) {
        if (bad++ === 0) {
          firstBad = i;
          firstValue = v;
        }
      }
    }
    if (bad > 0) {
      const x = firstBad % dim[1];
      const y = Math.floor(firstBad / dim[1]) % dim[2];
      const z = Math.floor(firstBad / (dim[1] * dim[2]));
      return { info, notes, error: { message: `${bad} non-finite voxel(s), the first ${firstValue} at (x ${x}, y ${y}, z ${z})`, expected: 'finite intensities' } };
    }
  }
  return { info, notes };
}
