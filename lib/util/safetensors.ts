import * as fs from 'fs';
import { CfcmlError } from './errors';

/**
 * The safetensors format (the format of the Hugging Face hub and `safetensors.torch.save_file`), read and
 * written without a dependency: an 8-byte little-endian header length `N`, `N` bytes of UTF-8 JSON, then one
 * byte buffer. The header maps each tensor name to `{ dtype, shape, data_offsets: [begin, end] }` (byte
 * offsets into the buffer) and may hold `__metadata__`, a map of strings to strings.
 *
 * cfcml writes float32 only (`F32`); it reads the dtypes published weights use and converts them to float32.
 * The header is padded with spaces to a multiple of 8 bytes, as the reference implementation writes it, so
 * every tensor starts 8-byte aligned.
 */

export type SafetensorsDtype = 'F32' | 'F16' | 'BF16' | 'F64' | 'I64' | 'I32' | 'I16' | 'I8' | 'U8' | 'BOOL';

const DTYPE_BYTES: Record<SafetensorsDtype, number> = { F32: 4, F16: 2, BF16: 2, F64: 8, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };

/** One tensor as a header describes it. */
export interface SafetensorsEntry {
  dtype: SafetensorsDtype;
  shape: number[];
  data_offsets: [number, number];
}

/** A float32 tensor: what cfcml writes, and what reading converts every dtype to. */
export interface Float32Tensor {
  shape: number[];
  data: Float32Array;
}

/** A parsed file: its tensors' headers (in file order), its metadata, and a reader for one tensor. */
export interface SafetensorsFile {
  /** The file (or a label) that errors name. */
  source: string;
  metadata: Record<string, string>;
  entries: Map<string, SafetensorsEntry>;
  /** The byte buffer after the header: every tensor's bytes (a view, not a copy). */
  data: Uint8Array;
  /** The raw bytes of one tensor (a view, not a copy). */
  bytes(name: string): Uint8Array;
  /** One tensor converted to float32. */
  tensor(name: string): Float32Tensor;
}

function sizeOf(shape: number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** Serialise float32 tensors (in the order given) and string metadata to one safetensors buffer. */
export function encodeSafetensors(tensors: Array<{ name: string } & Float32Tensor>, metadata: Record<string, string> = {}): Buffer {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  const seen = new Set<string>();
  for (const t of tensors) {
    if (t.name === '__metadata__') throw new CfcmlError(`safetensors: '__metadata__' cannot name a tensor`);
    if (seen.has(t.name)) throw new CfcmlError(`safetensors: tensor '${t.name}' given twice`);
    seen.add(t.name);
    if (sizeOf(t.shape) !== t.data.length) throw new CfcmlError(`safetensors: tensor '${t.name}' has ${t.data.length} values for shape [${t.shape}]`);
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + t.data.length * 4] };
    offset += t.data.length * 4;
  }
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (8 - (json.length % 8)) % 8;
  if (pad > 0) json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const out = Buffer.alloc(8 + json.length + offset);
  out.writeBigUInt64LE(BigInt(json.length), 0);
  json.copy(out, 8);
  let at = 8 + json.length;
  for (const t of tensors) {
    const src = Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    src.copy(out, at);
    at += src.length;
  }
  return out;
}

function bf16ToF32(bits: number): number {
  const buf = new DataView(new ArrayBuffer(4));
  buf.setUint32(0, bits << 16, true);
  return buf.getFloat32(0, true);
}

function f16ToF32(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

function toFloat32(bytes: Uint8Array, dtype: SafetensorsDtype, n: number): Float32Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(n);
  switch (dtype) {
    case 'F32':
      for (let i = 0; i < n; i++) out[i] = dv.getFloat32(i * 4, true);
      break;
    case 'F64':
      for (let i = 0; i < n; i++) out[i] = dv.getFloat64(i * 8, true);
      break;
    case 'F16':
      for (let i = 0; i < n; i++) out[i] = f16ToF32(dv.getUint16(i * 2, true));
      break;
    case 'BF16':
      for (let i = 0; i < n; i++) out[i] = bf16ToF32(dv.getUint16(i * 2, true));
      break;
    case 'I64':
      for (let i = 0; i < n; i++) out[i] = Number(dv.getBigInt64(i * 8, true));
      break;
    case 'I32':
      for (let i = 0; i < n; i++) out[i] = dv.getInt32(i * 4, true);
      break;
    case 'I16':
      for (let i = 0; i < n; i++) out[i] = dv.getInt16(i * 2, true);
      break;
    case 'I8':
      for (let i = 0; i < n; i++) out[i] = dv.getInt8(i);
      break;
    case 'U8':
    case 'BOOL':
      for (let i = 0; i < n; i++) out[i] = dv.getUint8(i);
      break;
  }
  return out;
}

/** Parse a safetensors buffer; every header inconsistency is an error naming `source` and the tensor. */
export function decodeSafetensors(buf: Uint8Array, source = 'safetensors'): SafetensorsFile {
  if (buf.length < 8) throw new CfcmlError(`not a safetensors file: ${buf.length} bytes, shorter than the 8-byte header length`, { where: source });
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const n = Number(dv.getBigUint64(0, true));
  if (n < 2 || 8 + n > buf.length) {
    throw new CfcmlError(`not a safetensors file (or truncated): header length ${n} with ${buf.length} bytes in the file`, { where: source });
  }
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 8, n).toString('utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new CfcmlError(`not a safetensors file: its header is not JSON (${(e as Error).message})`, { where: source });
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw new CfcmlError(`safetensors header is not a JSON object`, { where: source });
  const data = buf.subarray(8 + n);
  const metadata: Record<string, string> = {};
  const entries = new Map<string, SafetensorsEntry>();
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') {
      for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
        if (typeof v !== 'string') throw new CfcmlError(`safetensors metadata '${k}' is not a string`, { where: source });
        metadata[k] = v;
      }
      continue;
    }
    const e = value as Partial<SafetensorsEntry>;
    const dtype = e.dtype;
    if (typeof dtype !== 'string' || !(dtype in DTYPE_BYTES)) {
      throw new CfcmlError(`tensor '${name}' has dtype ${JSON.stringify(dtype)}; expected one of ${Object.keys(DTYPE_BYTES).join(', ')}`, { where: source });
    }
    const shape = e.shape;
    const offs = e.data_offsets;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw new CfcmlError(`tensor '${name}' has shape ${JSON.stringify(shape)}`, { where: source });
    if (!Array.isArray(offs) || offs.length !== 2 || !(offs[0] <= offs[1])) throw new CfcmlError(`tensor '${name}' has data_offsets ${JSON.stringify(offs)}`, { where: source });
    const want = sizeOf(shape) * DTYPE_BYTES[dtype];
    if (offs[1] - offs[0] !== want) throw new CfcmlError(`tensor '${name}' spans ${offs[1] - offs[0]} bytes; shape [${shape}] of ${dtype} needs ${want}`, { where: source });
    if (offs[1] > data.length) throw new CfcmlError(`tensor '${name}' ends at byte ${offs[1]} of a ${data.length}-byte buffer (truncated file?)`, { where: source });
    entries.set(name, { dtype, shape, data_offsets: [offs[0], offs[1]] });
  }
  const get = (name: string): SafetensorsEntry => {
    const e = entries.get(name);
    if (!e) throw new CfcmlError(`no tensor '${name}' in this file`, { where: source });
    return e;
  };
  return {
    source,
    metadata,
    entries,
    data,
    bytes: (name) => {
      const e = get(name);
      return data.subarray(e.data_offsets[0], e.data_offsets[1]);
    },
    tensor: (name) => {
      const e = get(name);
      return { shape: e.shape.slice(), data: toFloat32(data.subarray(e.data_offsets[0], e.data_offsets[1]), e.dtype, sizeOf(e.shape)) };
    },
  };
}

/** Read and parse a safetensors file. */
export function readSafetensors(file: string): SafetensorsFile {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new CfcmlError(`cannot read: ${(e as Error).message}`, { where: file });
  }
  return decodeSafetensors(buf, file);
}
