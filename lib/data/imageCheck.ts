import * as fs from 'fs';
import * as path from 'path';
import { CfcmlError } from '../util/errors';
import { axisCodes, gunzipIfNeeded, ioOrientation, NIFTI_DATATYPES, niftiAffine, niftiDimsProblem, niftiScaling, niftiVoxels, parseNiftiHeader, voxelSizes } from './nifti';

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
export function checkVolume(file: string, opts: { voxels?: boolean } = {}): FileCheck<VolumeInfo> {
  const notes: string[] = [];
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (e) {
    return { notes, error: { message: `cannot read volume (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` } };
  }
  const namedGz = file.toLowerCase().endsWith('.gz');
  let stage = 'gzip';
  let info: VolumeInfo | undefined;
  try {
    const { buf, gzipped } = gunzipIfNeeded(raw, file);
    stage = 'header';
    const h = parseNiftiHeader(buf, file);
    if (namedGz && !gzipped) notes.push(`${file}: named .gz but not gzip-compressed; accepted (a plain NIfTI file)`);
    const dims: [number, number, number] = [h.dim[1], h.dim[2], h.dim[3]];
    info = { dims, datatype: h.datatype, gzipped, version: h.version, orientation: '', spacing: [0, 0, 0], canonicalDims: dims };
    const dimsProblem = niftiDimsProblem(h);
    if (dimsProblem) return { info, notes, error: { message: dimsProblem, expected: 'a 3D volume (dim[0] = 3, or higher dims of size 1)' } };
    if (Math.min(...dims) < 2) return { info, notes, error: { message: `volume dims [${dims.join(', ')}]`, expected: 'at least 2 voxels on every axis' } };
    stage = 'datatype';
    if (!NIFTI_DATATYPES[h.datatype]) return { info, notes, error: { message: `unsupported NIfTI data type code ${h.datatype}`, expected: `one of ${Object.keys(NIFTI_DATATYPES).join(', ')}` } };
    stage = 'affine';
    const affine = niftiAffine(h, file);
    const ornt = ioOrientation(affine, file);
    const sizes = voxelSizes(affine);
    const cd: [number, number, number] = [0, 0, 0];
    ornt.forEach((o, i) => {
      cd[o.axis] = dims[i];
      info!.spacing[o.axis] = sizes[i];
    });
    info.canonicalDims = cd;
    info.orientation = axisCodes(ornt);
    stage = 'scaling';
    niftiScaling(h, file);
    stage = 'voxels';
    // Integer voxels times a finite slope are finite: only float data needs decoding to check.
    if (!opts.voxels || (h.datatype !== 16 && h.datatype !== 64)) {
      const need = dims[0] * dims[1] * dims[2] * NIFTI_DATATYPES[h.datatype].bytes;
      const start = Math.max(h.voxOffset, h.version === 1 ? 352 : 544);
      if (buf.length - start < need) return { info, notes, error: { message: `truncated volume: ${Math.max(0, buf.length - start)} bytes of voxel data, dims need ${need}`, expected: 'a complete file' } };
      return { info, notes };
    }
    const data = niftiVoxels(buf, h, dims, file);
    let bad = 0;
    let firstBad = -1;
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i]) && bad++ === 0) firstBad = i;
    }
    if (bad > 0) {
      const x = firstBad % dims[0];
      const y = Math.floor(firstBad / dims[0]) % dims[1];
      const z = Math.floor(firstBad / (dims[0] * dims[1]));
      return { info, notes, error: { message: `${bad} non-finite voxel(s), the first ${data[firstBad]} at (x ${x}, y ${y}, z ${z})`, expected: 'finite intensities' } };
    }
    return { info, notes };
  } catch (e) {
    if (!(e instanceof CfcmlError)) throw e;
    // The reader's message names the file already; the check reports it without the prefix.
    const message = e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message;
    const expected: Record<string, string> = {
      gzip: 'a complete gzip-compressed NIfTI file',
      header: namedGz && raw[0] !== 0x1f ? 'a gzip-compressed NIfTI volume' : 'a NIfTI-1 or NIfTI-2 volume',
      affine: 'an invertible voxel-to-world transform (sform or qform)',
      scaling: 'a finite scl_inter (or scl_slope 0: no scaling)',
      voxels: 'a complete file',
    };
    return { info, notes, error: { message: stage === 'header' && namedGz && raw[0] !== 0x1f ? `named .nii.gz but neither gzip data nor a NIfTI header (${message})` : message, expected: expected[stage] } };
  }
}
