import { CfcmlError } from '../util/errors';
import { Rng, deriveSeed } from '../util/random';
import type { Split } from '../data/spec';

/**
 * The nested layout of a synthetic cohort, for learning curves (`cfcml synth <dataset> --nested`): every case
 * is drawn from its own stream, seeded by (seed, dataset stream, split, class, index within the class), so a
 * case does not depend on how many others there are. The plan holds the test split first (the dataset's
 * default counts, at every scale), then validation (`validScale` × the default counts, the same at every
 * training scale), then training (`scale` × the default counts). So the test and validation cases — ids,
 * record, pixels or voxels, oracle rows, file names — are the same at every scale, and the training cases of
 * a scale are the first ones of each class of every larger scale: a learning curve over scales measures the
 * training data and nothing else. Within a split, cases are ordered by a key each case draws first from its
 * stream, which keeps the relative order of a smaller scale's cases.
 */

/** The nested layout's validation size, as a multiple of the dataset's default validation counts. */
export interface NestedLayout {
  validScale: number;
}

/** Splits in the order the nested layout writes them (fixed-size splits first, so their rows never move). */
export const NESTED_SPLIT_ORDER: readonly Split[] = ['test', 'valid', 'train'];

/** One case slot of the nested layout and the stream its case is drawn from (its ordering key already drawn). */
export interface NestedDraw {
  split: Split;
  label: number;
  rng: Rng;
}

/**
 * The case slots of a nested cohort in plan order (NESTED_SPLIT_ORDER; within a split, by each case's
 * key). `counts(split, s)` gives [label, number of cases] per class of `split` at multiple `s` of the
 * dataset's default counts; it must not decrease as `s` grows (then training sets nest). `stream` names
 * the dataset (it seeds every case's stream: two datasets never share one).
 */
export function nestedDraws(
  seed: number,
  stream: string,
  scale: number,
  layout: NestedLayout,
  counts: (split: Split, s: number) => readonly (readonly [number, number])[],
): NestedDraw[] {
  checkScale('scale', scale);
  checkScale('validScale', layout.validScale);
  const multiple: Record<Split, number> = { test: 1, valid: layout.validScale, train: scale };
  const drawn: NestedDraw[] = [];
  for (const split of NESTED_SPLIT_ORDER) {
    const inSplit: { key: number; draw: NestedDraw }[] = [];
    for (const [label, n] of counts(split, multiple[split])) {
      for (let k = 0; k < n; k++) {
        const rng = new Rng(deriveSeed(seed, stream, split, label, k));
        inSplit.push({ key: rng.uniform(), draw: { split, label, rng } });
      }
    }
    inSplit.sort((a, b) => a.key - b.key);
    drawn.push(...inSplit.map((d) => d.draw));
  }
  return drawn;
}

/** A scale of the nested layout must be a finite number > 0 (the counts are multiples of the defaults). */
function checkScale(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new CfcmlError(`${name} must be a finite number > 0 (a multiple of the default class counts), got ${value}`, { where: 'nested layout' });
  }
}
