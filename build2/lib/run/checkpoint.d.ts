/// <reference types="node" />
/// <reference types="node" />
import type { WeightData } from '../model/params';
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
export declare const CHECKPOINT_FORMAT = "cfcml-checkpoint/2";
export interface NamedArray {
    name: string;
    shape: number[];
    data: Float32Array;
}
export interface CheckpointContent<M> {
    meta: M;
    arrays: NamedArray[];
}
export declare function encodeCheckpoint<M>(content: CheckpointContent<M>): Buffer;
/** Whether a buffer is a checkpoint of the format before safetensors. */
export declare function isLegacyCheckpoint(buf: Uint8Array): boolean;
export declare function decodeCheckpoint<M>(buf: Buffer, file?: string): CheckpointContent<M>;
/** `…/last.ckpt` → `…/last.prev.ckpt`: where `saveCheckpoint` keeps the checkpoint it replaced. */
export declare function previousCheckpointFile(file: string): string;
/**
 * Write a checkpoint so that a crash, a full disk or a bad write never costs the one before: the new file is
 * written beside it, fsynced, read back and verified, then renamed into place. With `keepPrevious` (a run's
 * checkpoints) the current one first becomes `<name>.prev.ckpt` (a hard link, so `file` exists at every
 * moment).
 */
export declare function saveCheckpoint<M>(file: string, content: CheckpointContent<M>, opts?: {
    keepPrevious?: boolean;
}): void;
/** Load and verify one checkpoint file. */
export declare function loadCheckpoint<M>(file: string): CheckpointContent<M>;
/** A checkpoint loaded by `loadGoodCheckpoint`: which file it came from, and why newer ones were passed over. */
export interface GoodCheckpoint<M> {
    content: CheckpointContent<M>;
    file: string;
    /** Files tried first and not used, each with the reason (corrupt, or not the wanted one). */
    rejected: {
        file: string;
        reason: string;
    }[];
}
/**
 * The newest checkpoint that verifies: `file`, else `<name>.prev.ckpt`. `accept` may turn down one that
 * verifies (return the reason). Throws, naming every file tried and why, when none is good.
 */
export declare function loadGoodCheckpoint<M>(file: string, accept?: (c: CheckpointContent<M>) => string | undefined): GoodCheckpoint<M>;
/**
 * Rewrite a checkpoint of the format before safetensors (`CFCMLCK1`) as a safetensors checkpoint, atomically,
 * with the same metadata and arrays. Returns false when the file is a safetensors checkpoint already.
 */
export declare function convertLegacyCheckpoint(file: string): boolean;
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
    best: {
        epoch: number;
        auc: number;
        loss: number;
    } | null;
    sinceBest: number;
    adamStep: number;
    /** last.ckpt written part-way through an epoch (lib/run/runGuard.ts); absent at an epoch's end. */
    partial?: PartialEpoch;
}
/** Model weights (and optionally Adam's state) as a run checkpoint's arrays. */
export declare function packRunCheckpoint(meta: RunCheckpointMeta, weights: readonly WeightData[], optimizer?: AdamState): CheckpointContent<RunCheckpointMeta>;
/** The model weights of a run checkpoint. */
export declare function unpackWeights(ck: CheckpointContent<unknown>): WeightData[];
/** Adam's state for the weights `keys` (in that order) from `last.ckpt`; names the first missing one. */
export declare function unpackOptimizerState(ck: CheckpointContent<RunCheckpointMeta>, keys: readonly string[], file: string): AdamState;
/** Warn about each newer checkpoint that `good` passed over, naming it, why, and what is used instead. */
export declare function warnPassedOver(good: GoodCheckpoint<RunCheckpointMeta>, doing: string): void;
