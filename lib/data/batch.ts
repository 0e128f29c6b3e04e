import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
import { Rng, deriveSeed } from '../util/random';
import { drawTransform, transformInto } from './augment';
import type { AugmentOptions } from './augment';
import { AUGMENT_DEFAULTS } from './augment';
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
export function makeBatch(
  spec: DatasetSpec,
  cases: readonly CaseRecord[],
  indices: readonly number[],
  images: ImageCache,
  tabular: TabularEncoder,
  opts: MakeBatchOptions = {},
): Batch {
  if (indices.length === 0) throw new CfcmlError('makeBatch: empty batch');
  const picked = indices.map((i) => {
    const c = cases[i];
    if (!c) throw new CfcmlError(`makeBatch: index ${i} is outside the ${cases.length} cases`);
    return c;
  });
  const B = picked.length;
  // A quarter turn only where it keeps every view's shape (one transform serves all views of a case).
  const quarterTurns = images.sizes.every((size) => size[size.length - 2] === size[size.length - 1]);
  const transforms = opts.augment
    ? picked.map((c, k) => {
        const rng = new Rng(deriveSeed(opts.seed ?? 0, 'augment', k, c.id));
        return drawTransform(rng, quarterTurns, { ...AUGMENT_DEFAULTS, ...opts.augmentOptions });
      })
    : undefined;
  const imgs = spec.imageModalities.map((mod, m) => {
    const size = images.sizes[m];
    const shape = mod.kind === '2d' ? [size[0], size[1], mod.channels] : [size[0], size[1], size[2], mod.channels];
    const per = shape.reduce((a, b) => a * b, 1);
    const dhwc: [number, number, number, number] = mod.kind === '2d' ? [1, size[0], size[1], mod.channels] : [size[0], size[1], size[2], mod.channels];
    const buf = new Float32Array(B * per);
    picked.forEach((c, k) => {
      const a = images.get(c.id, m);
      if (a.length !== per) throw new CfcmlError(`image of case ${c.id}, modality ${mod.name} has ${a.length} values, expected ${per} (${shape.join('x')})`);
      if (transforms) transformInto(a, dhwc, transforms[k], mod.kind === '2d', buf, k * per);
      else buf.set(a, k * per);
    });
    return tf.tensor(buf, [B, ...shape]);
  });
  const K = tabular.fields.length;
  return {
    images: imgs,
    tabular: tf.tensor2d(tabular.encode(picked), [B, K]),
    labels: tf.tensor1d(picked.map((c) => c.label), 'int32'),
    ids: picked.map((c) => c.id),
  };
}

/** Dispose every tensor of a batch. */
export function disposeBatch(b: Batch): void {
  tf.dispose([...b.images, b.tabular, b.labels]);
}
