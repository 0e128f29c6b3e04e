import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { WeightData } from '../model/params';
import { CfcmlError } from '../util/errors';
import { writeFileAtomic, writeTempFile } from '../util/fs';
import { decodeSafetensors, encodeSafetensors } from '../util/safetensors';
import type { ResolvedConfig } from '../train/config';
import type { AdamState } from '../train/optimizer';
import type { EpochRecord, PartialEpoch } from '../train/options';

/**
 * Checkpoint files (docs/ARCHITECTURE.md, "Checkpoint format") are safetensors files (lib/util/safetensors.ts),
 * so `safetensors.torch.load_file` and the Hugging Face tools open them: named float32 tensors and a header
 * whose `__metadata__` holds
 *   format       `cfcml-checkpoint/2`
 *   meta         the checkpoint's metadata as JSON text (for a run: `RunCheckpointMeta`, what a resume needs)
 *   sha256       of the tensor bytes (everything after the header)
 *   meta_sha256  of the `meta` text
 * Loading checks both, so a flipped bit or a file cut short is named, never read as other weights.
 *
 * `saveCheckpoint` writes a temporary file, fsyncs it, reads it back and checks it, and only then keeps the
 * checkpoint it replaces as `<name>.prev.ckpt` and renames the new one into place; `loadGoodCheckpoint`
 * falls back to that previous one when the latest does not verify.
 *
 * Files of the format before (magic `CFCMLCK1`, no checksum) still load; `cfcml checkpoint convert` rewrites
 * them as safetensors.
 *
 * A run's checkpoint (`best.ckpt`, `last.ckpt`) names its arrays `w:<weight key>` (model weights) and, in
 * `last.ckpt` only, `m:<weight key>` / `v:<weight key>` (Adam's moments). `packRunCheckpoint` /
 * `unpackWeights` / `unpackOptimizerState` are the only code that knows these names.
 */
export const CHECKPOINT_FORMAT = 'cfcml-checkpoint/2';
const LEGACY_MAGIC = 'CFCMLCK1';

export interface NamedArray {
  name: string;
  shape: number[];
  data: Float32Array;
}

export interface CheckpointContent<M> {
  meta: M;
  arrays: NamedArray[];
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function bytesOf(a: Float32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export function encodeCheckpoint<M>(content: CheckpointContent<M>): Buffer {
  const hash = createHash('sha256');
  for (const a of content.arrays) hash.update(bytesOf(a.data)); // the tensors lie back to back in this order
  const meta = JSON.stringify(content.meta);
  return encodeSafetensors(content.arrays, { format: CHECKPOINT_FORMAT, meta, meta_sha256: sha256(meta), sha256: hash.digest('hex') });
}

/** Whether a buffer is a checkpoint of the format before safetensors. */
export function isLegacyCheckpoint(buf: Uint8Array): boolean {
  return buf.length >= 8 && Buffer.from(buf.buffer, buf.byteOffset, 8).toString('latin1') === LEGACY_MAGIC;
}

export function decodeCheckpoint<M>(buf: Buffer, file = '<checkpoint>'): CheckpointContent<M> {
  if (isLegacyCheckpoint(buf)) return decodeLegacyCheckpoint<M>(buf, file);
  const st = decodeSafetensors(buf, file);
  const info = st.metadata;
  if (info.format !== CHECKPOINT_FORMAT) {
    throw new CfcmlError(`not a cfcml checkpoint: a safetensors file whose metadata 'format' is ${JSON.stringify(info.format)}, expected '${CHECKPOINT_FORMAT}'`, { where: file });
  }
  if (info.sha256 !== sha256(st.data)) {
    throw new CfcmlError('corrupt checkpoint: its tensor bytes do not match the sha256 in its header (a changed byte, or a file cut short or grown)', { where: file });
  }
  if (typeof info.meta !== 'string' || info.meta_sha256 !== sha256(info.meta)) {
    throw new CfcmlError('corrupt checkpoint: its metadata does not match the meta_sha256 in its header', { where: file });
  }
  const arrays = [...st.entries.keys()].map((name) => ({ name, ...st.tensor(name) }));
  return { meta: JSON.parse(info.meta) as M, arrays };
}

/**
 * The format before safetensors, read only: 8-byte magic `CFCMLCK1`, uint32 LE header length, UTF-8 JSON
 * header `{ meta, arrays: [{ name, shape, offset, length }] }` (offsets in float32 elements), zero padding to
 * a multiple of 4, the arrays back to back. It has no checksum.
 */
function decodeLegacyCheckpoint<M>(buf: Buffer, file: string): CheckpointContent<M> {
  if (buf.length < 12) throw new CfcmlError('truncated checkpoint (CFCMLCK1 header cut short)', { where: file });
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

/** `…/last.ckpt` → `…/last.prev.ckpt`: where `saveCheckpoint` keeps the checkpoint it replaced. */
export function previousCheckpointFile(file: string): string {
  const ext = path.extname(file);
  return file.slice(0, file.length - ext.length) + '.prev' + ext;
}

function spaceError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * Write a checkpoint so that a crash, a full disk or a bad write never costs the one before: the new file is
 * written beside it, fsynced, read back and verified, then renamed into place. With `keepPrevious` (a run's
 * checkpoints) the current one first becomes `<name>.prev.ckpt` (a hard link, so `file` exists at every
 * moment).
 */
export function saveCheckpoint<M>(file: string, content: CheckpointContent<M>, opts: { keepPrevious?: boolean } = {}): void {
  const prev = previousCheckpointFile(file);
  let tmp: string | undefined;
  try {
    tmp = writeTempFile(file, encodeCheckpoint(content));
    decodeCheckpoint(fs.readFileSync(tmp), tmp);
    if (opts.keepPrevious && fs.existsSync(file)) {
      const keep = `${path.join(path.dirname(prev), '.' + path.basename(prev))}.${process.pid}.${Date.now()}.tmp`;
      try {
        fs.linkSync(file, keep);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
        fs.copyFileSync(file, keep); // a file system without hard links
      }
      fs.renameSync(keep, prev);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    if (tmp) fs.rmSync(tmp, { force: true });
    if (spaceError(e)) {
      throw new CfcmlError(`cannot write the checkpoint: no space left on the device (${(e as Error).message}); ${[file, ...(opts.keepPrevious ? [prev] : [])].map((f) => path.basename(f)).join(' and ')} on disk ${opts.keepPrevious ? 'are' : 'is'} unchanged`, {
        where: file,
        hint: 'free some space, then continue the run with --resume',
        cause: e,
      });
    }
    throw e;
  }
}

/** Load and verify one checkpoint file. */
export function loadCheckpoint<M>(file: string): CheckpointContent<M> {
  if (!fs.existsSync(file)) throw new CfcmlError('checkpoint file not found', { where: file });
  return decodeCheckpoint<M>(fs.readFileSync(file), file);
}

/** A checkpoint loaded by `loadGoodCheckpoint`: which file it came from, and why newer ones were passed over. */
export interface GoodCheckpoint<M> {
  content: CheckpointContent<M>;
  file: string;
  /** Files tried first and not used, each with the reason (corrupt, or not the wanted one). */
  rejected: { file: string; reason: string }[];
}

/**
 * The newest checkpoint that verifies: `file`, else `<name>.prev.ckpt`. `accept` may turn down one that
 * verifies (return the reason). Throws, naming every file tried and why, when none is good.
 */
export function loadGoodCheckpoint<M>(file: string, accept?: (c: CheckpointContent<M>) => string | undefined): GoodCheckpoint<M> {
  const rejected: GoodCheckpoint<M>['rejected'] = [];
  for (const f of [file, previousCheckpointFile(file)]) {
    if (!fs.existsSync(f)) {
      rejected.push({ file: f, reason: 'missing' });
      continue;
    }
    try {
      const content = loadCheckpoint<M>(f);
      const no = accept?.(content);
      if (no === undefined) return { content, file: f, rejected };
      rejected.push({ file: f, reason: no });
    } catch (e) {
      if (!(e instanceof CfcmlError)) throw e;
      rejected.push({ file: f, reason: e.where ? e.message.slice(e.where.length + 2) : e.message });
    }
  }
  throw new CfcmlError(`no good checkpoint: ${rejected.map((r) => `${path.basename(r.file)}: ${r.reason}`).join('; ')}`, {
    where: path.dirname(file),
    hint: 'train the run afresh (without --resume), or put back a copy of the checkpoint',
  });
}

/**
 * Rewrite a checkpoint of the format before safetensors (`CFCMLCK1`) as a safetensors checkpoint, atomically,
 * with the same metadata and arrays. Returns false when the file is a safetensors checkpoint already.
 */
export function convertLegacyCheckpoint(file: string): boolean {
  if (!fs.existsSync(file)) throw new CfcmlError('checkpoint file not found', { where: file });
  const buf = fs.readFileSync(file);
  if (!isLegacyCheckpoint(buf)) {
    loadCheckpoint(file); // says what is wrong when it is not a good checkpoint either
    return false;
  }
  const content = decodeLegacyCheckpoint<unknown>(buf, file);
  const out = encodeCheckpoint(content);
  decodeCheckpoint(out, file);
  writeFileAtomic(file, out);
  return true;
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

/** Warn about each newer checkpoint that `good` passed over, naming it, why, and what is used instead. */
export function warnPassedOver(good: GoodCheckpoint<RunCheckpointMeta>, doing: string): void {
  const m = good.content.meta;
  const at = m.partial ? `after epoch ${m.epoch}, step ${m.partial.step} of epoch ${m.partial.epoch + 1}` : `after epoch ${m.epoch}`;
  for (const r of good.rejected) console.warn(`warning: ${r.file} is unusable (${r.reason}); ${doing} ${path.basename(good.file)} (${at})`);
}
