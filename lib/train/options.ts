import type { PresetName, TrainPreset } from '../data/spec';
import type { Variant } from '../model/types';
import type { LossValues } from './lossTerms';
import type { ProgressMode } from './progress';

/**
 * An epoch stopped part-way (a signal, or a checkpoint every N steps): `step` steps of epoch `epoch`
 * (0-based) are done and `sums` holds their loss terms' running sums. Stored in last.ckpt; the next
 * `trainEpoch` continues from there, so the run's numbers equal an uninterrupted run's.
 */
export interface PartialEpoch {
  epoch: number;
  step: number;
  sums: LossValues;
}

/**
 * One epoch's record in the run history (also the `onEpochEnd` payload). The loss terms (`loss`, `ce`, `sam`,
 * `up`, `cp`: see LOSS_TERMS) are means over the epoch's steps; the history columns follow this order.
 */
export interface EpochRecord extends LossValues {
  epoch: number;
  lr: number;
  /** Validation cross-entropy and metrics. */
  val_loss: number;
  val_auc: number;
  val_accuracy: number;
  val_balanced_accuracy: number;
  /** Wall-clock seconds of the epoch (training + validation). */
  seconds: number;
  /** Whether this epoch became the selected (best-on-validation) model. */
  best: boolean;
}

/** One optimisation step: where it is (0-based epoch and step) and its loss terms (see LOSS_TERMS). */
export interface StepRecord extends LossValues {
  epoch: number;
  step: number;
  steps: number;
}

/**
 * Options of a training run. Every field has a default (TRAIN_DEFAULTS in config.ts); hyper-parameters come
 * from the dataset's `DatasetSpec` preset.
 */
export interface TrainOptions {
  /** Folder holding the cohort (Derm7pt release_v0 layout or MEN layout). */
  data: string;
  /** `derm7pt` | `men`; detected from the folder's layout when absent. */
  dataset?: string;
  /** Hyper-parameter preset of the dataset spec. Default `cpu` (minutes on 2 cores). */
  preset?: PresetName;
  /** Model variant / ablation. Default `full`. */
  variant?: Variant;
  /** Overrides of the preset. */
  epochs?: number;
  batchSize?: number;
  lr?: number;
  /** Square images: one number sets H = W (2D) or H = W with the preset's depth (3D); views with a `viewSizes` entry keep theirs. */
  imageSize?: number;
  /**
   * Any other preset fields to override (merged over the preset after the shorthands above), e.g.
   * `{ patience: 0, augment: false, model: { width: 32 } }`.
   */
  overrides?: Partial<Omit<TrainPreset, 'model' | 'hrm'>> & { model?: Partial<TrainPreset['model']>; hrm?: Partial<TrainPreset['hrm']> };
  /** Seed of initialisation, batching, augmentation and dropout. Default TRAIN_DEFAULTS.seed = 666 (the authors'). */
  seed?: number;
  /** Run directory. Default `runs/<dataset>-<variant>-seed<seed>`. */
  out?: string;
  /**
   * Tabular fields to leave out. `auto` (default) leaves out the fields the leakage audit flags on the
   * training split (Derm7pt: `management`), `none` keeps every field.
   */
  excludeFields?: string[] | 'auto' | 'none';
  /** Continue from `<out>/last.ckpt` if it exists. */
  resume?: boolean;
  /** Also write last.ckpt every this many steps inside an epoch (long epochs); default: at epoch ends only. */
  checkpointEvery?: number;
  /** Stop (as if interrupted) after this many epochs have been completed in total; for tests and demos. */
  stopAfterEpoch?: number;
  /** Evaluate the selected model on the test split at the end. Default true. */
  evalTest?: boolean;
  /** Progress display. Default `auto` (bar on a terminal, a line per epoch otherwise). */
  progress?: ProgressMode;
  /** Called after every optimisation step (for live plots). */
  onStep?: (s: StepRecord) => void | Promise<void>;
  /** Called after every epoch with its record. */
  onEpochEnd?: (r: EpochRecord) => void | Promise<void>;
}
