import type * as tf from '@tensorflow/tfjs';

/**
 * Named model variants: the paper's full model, its ablations and baselines built from the same parts.
 * The loss ablations (`no-sam`, `no-up`, `no-cp`, `no-hrm`) use the full architecture and only change
 * the HRM weights in training.
 */
export type Variant =
  | 'full'
  | 'no-mg'
  | 'no-cie'
  | 'single-head'
  | 'no-tabular'
  | 'image-only'
  | 'tabular-only'
  | 'late-fusion'
  | 'no-sam'
  | 'no-up'
  | 'no-cp'
  | 'no-hrm';

export const VARIANTS: readonly Variant[] = [
  'full',
  'no-mg',
  'no-cie',
  'single-head',
  'no-tabular',
  'image-only',
  'tabular-only',
  'late-fusion',
  'no-sam',
  'no-up',
  'no-cp',
  'no-hrm',
];

/** Description of the tabular input columns, as the model needs it. */
export interface TabularInputSpec {
  kind: 'categorical' | 'numeric';
  /** Number of levels (categorical only). */
  levels?: number;
}
