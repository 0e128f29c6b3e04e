import * as fs from 'fs';
import type { WeightData } from '../model/params';
import { CfcmlError } from '../util/errors';
import { writeFileAtomic } from '../util/fs';
import type { ResolvedConfig } from '../train/config';
import type { AdamState } from '../train/optimizer';
import type { EpochRecord } from '../train/options';
import type { PartialEpoch } from '../train/options';

/**
 * Checkpoint files (docs/ARCHITECTURE.md, "Checkpoint format"): one binary file holding named float32 arrays
 * and a JSON header, written atomically (temp file + rename), readable without tfjs-node's `file://` handler.
 *
 * Layout: 8-byte magic `CFCMLCK1`, uint32 LE header length, UTF-8 JSON header, zero padding to a multiple
 * of 4, then the arrays back to back. The header is `{ meta, arrays: [{ name, shape, offset, length }] }`
 * with offsets in float32 elements from the start of the data block.
 *
 * A run's checkpoint (`best.ckpt`, `last.ckpt`) names its arrays `w:<weight key>` (model weights) and, in
 * `last.ckpt` only, `m:<weight key>` / `v:<weight key>` (Adam's moments); `meta` is a `RunCheckpointMeta`.
 * `packRunCheckpoint` / `unpackWeights` / `unpackOptimizerState` are the only code that knows these names.
 */
const MAGIC = 'CFCMLCK1';

export interface NamedArray {
  name: string;
  shape: number[];
  data: Float32Array;
}

export interface CheckpointContent<M> {
  meta: M;
  arrays: NamedArray[];
}

export function encodeCheckpoint<M>(content: CheckpointContent<M>): Buffer {
  let offset = 0;
  const entries = content.arrays.map((a) => {
    const size = a.shape.reduce((p, d) => p * d, 1);
    if (size !== a.data.length) throw new CfcmlError(`checkpoint array '${a.name}' has ${a.data.length} values for shape [${a.shape}]`);
    const e = { name: a.name, shape: a.shape, offset, length: a.data.length };
    offset += a.data.length;
    return e;
  });
  const header = Buffer.from(JSON.stringify({ meta: content.meta, arrays: entries }), 'utf8');
  const headerEnd = 12 + header.length;
  const pad = (4 - (headerEnd % 4)) % 4;
  const out = Buffer.alloc(headerEnd + pad + offset * 4);
  out.write(MAGIC, 0, 'ascii');
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 12);
  const dataStart = headerEnd + pad;
  for (let i = 0; i < content.arrays.length; i++) {
    const src = content.arrays[i].data;
    Buffer.from(src.buffer, src.byteOffset, src.byteLength).copy(out, dataStart + entries[i].offset * 4);
  }
  return out;
}

export function decodeCheckpoint<M>(buf: Buffer, file = '<checkpoint>'): CheckpointContent<M> {
  if (buf.length < 12 || buf.toString('ascii', 0, 8) !== MAGIC) throw new CfcmlError('not a cfcml checkpoint (bad magic bytes)', { where: file });
  const headerLen = buf.readUInt32LE(8);
  if (12 + headerLen > buf.length) throw new CfcmlError('truncated checkpoint (header runs past the end)', { where: file });
  let header: { meta: M; arrays: { name: string; shape: number[]; offset: number; length: number }[] };
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + headerLen));
  } catch (e) {
    throw new CfcmlError(`corrupt checkpoint header: ${(e as Error).message}`, { where: file });
  }
  const headerEnd = 12 + headerLen;
  const dataStart = headerEnd + ((4 - (headerEnd % 4)) % 4);
  const arrays = header.arrays.map((e) => {
    const start = dataStart + e.offset * 4;
    const end = start + e.length * 4;
    if (end > buf.length) throw new CfcmlError(`truncated checkpoint: array '${e.name}' runs past the end`, { where: file });
    const data = new Float32Array(e.length);
    Buffer.from(data.buffer).set(buf.subarray(start, end));
    return { name: e.name, shape: e.shape, data };
  });
  return { meta: header.meta, arrays };
}

export function saveCheckpoint<M>(file: string, content: CheckpointContent<M>): void {
  writeFileAtomic(file, encodeCheckpoint(content));
}

export function loadCheckpoint<M>(file: string): CheckpointContent<M> {
  if (!fs.existsSync(file)) throw new CfcmlError('checkpoint file not found', { where: file });
  return decodeCheckpoint<M>(fs.readFileSync(file), file);
}

/** Array-name prefixes of a run checkpoint. */
const PREFIX = { weight: 'w:', adamM: 'm:', adamV: 'v:' } as const;

/** What a run's checkpoints record beside the arrays. */
export interface RunCheckpointMeta {
  kind: 'last' | 'best';
  /** Epochs completed. */
  epoch: number;
  config: ResolvedConfig;
  /** The cohort's split fingerprint: resuming or evaluating on another split is refused. */
  fingerprint: string;
  /** The fitted tabular encoding (`TabularEncoder.toJSON()`). */
  tabular: object;
  history: EpochRecord[];
  best: { epoch: number; auc: number; loss: number } | null;
  sinceBest: number;
  adamStep: number;
  /** last.ckpt written part-way through an epoch (lib/run/runGuard.ts); absent at an epoch's end. */
  partial?: PartialEpoch;
}

/** Model weights (and optionally Adam's state) as a run checkpoint's arrays. */
export function packRunCheckpoint(meta: RunCheckpointMeta, weights: readonly WeightData[], optimizer?: AdamState): CheckpointContent<RunCheckpointMeta> {
  const arrays: NamedArray[] = weights.map((w) => ({ name: PREFIX.weight + w.key, shape: w.shape, data: w.data }));
  if (optimizer) {
    for (const s of optimizer.slots) {
      arrays.push({ name: PREFIX.adamM + s.key, shape: s.shape, data: s.m }, { name: PREFIX.adamV + s.key, shape: s.shape, data: s.v });
    }
  }
  return { meta, arrays };
}

/** The model weights of a run checkpoint. */
export function unpackWeights(ck: CheckpointContent<unknown>): WeightData[] {
  return ck.arrays
    .filter((a) => a.name.startsWith(PREFIX.weight))
    .map((a) => ({ key: a.name.slice(PREFIX.weight.length), shape: a.shape, data: a.data }));
}

/** Adam's state for the weights `keys` (in that order) from `last.ckpt`; names the first missing one. */
export function unpackOptimizerState(ck: CheckpointContent<RunCheckpointMeta>, keys: readonly string[], file: string): AdamState {
  const byName = new Map(ck.arrays.map((x) => [x.name, x]));
  const slots: AdamState['slots'] = [];
  for (const key of keys) {
    const m = byName.get(PREFIX.adamM + key);
    const v = byName.get(PREFIX.adamV + key);
    if (!m || !v) throw new CfcmlError(`checkpoint has no optimizer state for '${key}'`, { where: file });
    slots.push({ key, shape: m.shape, m: m.data, v: v.data });
  }
  return { step: ck.meta.adamStep, slots };
}
