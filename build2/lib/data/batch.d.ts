import type { AugmentOptions } from './augment';
import type { ImageCache } from './imageCache';
import type { DatasetSpec } from './spec';
import type { TabularEncoder } from './tabular';
import type { Batch, CaseRecord } from './types';
export interface MakeBatchOptions {
    /** Online augmentation (default false). */
    augment?: boolean;
    /** Seed of the augmentation draws (default 0); the same seed gives the same transforms. */
    seed?: number;
    /** Augmentation ranges (default `AUGMENT_DEFAULTS`). */
    augmentOptions?: Partial<AugmentOptions>;
}
/**
 * Assemble a batch of tensors from cached images: each modality's arrays are copied into one buffer with
 * `TypedArray.set` (a memcpy per case) — or, with `augment`, resampled into it by the case's transform
 * (see augment.ts for why this is not a tf op) — and handed to tf once. The caller disposes the batch
 * (`disposeBatch`).
 */
export declare function makeBatch(spec: DatasetSpec, cases: readonly CaseRecord[], indices: readonly number[], images: ImageCache, tabular: TabularEncoder, opts?: MakeBatchOptions): Batch;
/** Dispose every tensor of a batch. */
export declare function disposeBatch(b: Batch): void;
