import type * as tf from '@tensorflow/tfjs';
import type { DatasetSpec, Split } from './spec';

/** One case (patient / lesion) of a cohort, as read from disk. Plain data, no tensors. */
export interface CaseRecord {
  /** Stable identifier: Derm7pt `case_id`/`case_num`, MEN patient folder name. */
  id: string;
  split: Split;
  /** Class index into `spec.classes`. */
  label: number;
  /** Absolute paths of the image files, one per image modality, in `spec.imageModalities` order. */
  imagePaths: string[];
  /**
   * Raw tabular values keyed by field name (`spec.tabular[k].name`): strings for categorical, numbers for
   * numeric, `null` for a cell the record leaves empty (one of the spec's missing markers).
   */
  tabular: Record<string, string | number | null>;
  /** Where the case came from, for error messages: e.g. `meta.csv row 12`. */
  source: string;
  /** Extra columns kept for exploration (Derm7pt: diagnosis, the seven checklist criteria, ...). */
  extra?: Record<string, string>;
}

/** A cohort read from a folder. */
export interface Cohort {
  spec: DatasetSpec;
  /** The folder it was read from. */
  root: string;
  cases: CaseRecord[];
  /** Cases left out and why (e.g. Derm7pt BCC/SK/MISC diagnoses), with counts. */
  excluded: { reason: string; count: number }[];
  /** A hash of (split, id, label) of every case: checkpoints record it to detect a changed split. */
  fingerprint: string;
  /** Non-fatal findings while reading (e.g. a numeric value outside its field's plausible range). */
  warnings?: string[];
}

/**
 * A training/evaluation batch as tensors. The caller owns the tensors and disposes them (`disposeBatch`).
 * - `images[m]`: [B, H, W, C] for 2D modalities, [B, D, H, W, C] for 3D ones, float32.
 * - `tabular`: [B, K] float32, one column per field: the level index for categorical fields,
 *   the train-standardised value for numeric fields (see `TabularEncoder`).
 * - `labels`: [B] int32.
 */
export interface Batch {
  images: tf.Tensor[];
  tabular: tf.Tensor2D;
  labels: tf.Tensor1D;
  ids: string[];
}
