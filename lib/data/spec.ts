/**
 * What a cohort is, as data: its image modalities, classes, tabular schema and preset hyper-parameters.
 * Code never branches on a dataset's name; it reads the `DatasetSpec` (docs/ARCHITECTURE.md, "Datasets are data").
 */
import type { ModelPreset } from '../model/types';
import { CfcmlError } from '../util/errors';

/** The three splits every cohort has. Derm7pt calls the middle one `valid`, MEN's folder is `val`. */
export type Split = 'train' | 'valid' | 'test';
export const SPLITS: readonly Split[] = ['train', 'valid', 'test'];

/** One image modality of a case: a 2D colour/grey image or a 3D volume. */
export interface ImageModalitySpec {
  /** Short name used in tables and plots, e.g. `clinic`, `derm`, `t1c`. */
  name: string;
  /** `2d`: tensors [B, H, W, C]; `3d`: tensors [B, D, H, W, C]. */
  kind: '2d' | '3d';
  /** Channels: 3 for colour photographs, 1 for an MRI sequence. */
  channels: number;
  /**
   * Where the loader finds this modality's image: the meta.csv column holding its path (Derm7pt layout) or
   * the file name inside a patient folder (MEN layout). Defaults to `name`.
   */
  file?: string;
}

/** A categorical tabular field with its known levels (in a fixed order: level index = embedding row). */
export interface CategoricalField {
  /** Name used in tables and tokens. */
  name: string;
  /** Column in the source CSV. */
  column: string;
  kind: 'categorical';
  levels: readonly string[];
  /** Cell values that mean "not recorded" for this field, replacing the dataset's `missing` list. */
  missing?: readonly string[];
}

/** A numeric tabular field; `range` is the plausible range (values outside it are reported, not clipped). */
export interface NumericField {
  name: string;
  column: string;
  kind: 'numeric';
  range: readonly [number, number];
  unit?: string;
  /** Cell values that mean "not recorded" for this field, replacing the dataset's `missing` list. */
  missing?: readonly string[];
}

export type TabularField = CategoricalField | NumericField;

// The architecture sizes a preset carries are the model's own type (lib/model/types.ts); re-exported here.
export type { ModelPreset };

/** Training hyper-parameters (docs/METHOD.md, "Training protocol"). */
export interface TrainPreset {
  epochs: number;
  batchSize: number;
  /** Adam learning rate. */
  lr: number;
  /**
   * Learning-rate multiplier for the image encoders. The authors use 0.1 on Derm7pt to fine-tune a pretrained
   * Swin-T gently; the encoder here starts from random weights (docs/METHOD.md, "Departures from the authors' code").
   */
  backboneLrScale: number;
  /**
   * L2 weight decay, coupled as in torch.optim.Adam(weight_decay=…), the authors' optimiser: λ·w is added to
   * the gradient before Adam's moments (not AdamW's decoupled decay). See lib/train/optimizer.ts.
   */
  weightDecay: number;
  /** Linear warm-up epochs. */
  warmupEpochs: number;
  /** StepLR: multiply the learning rate by `stepGamma` every `stepEvery` epochs after warm-up. */
  stepEvery: number;
  stepGamma: number;
  /** After warm-up: 'step' (StepLR above; the authors', and the default) or 'cosine' (to 0 over `epochs`). */
  schedule?: 'step' | 'cosine';
  /** HRM loss weights (H8). */
  hrm: { sam: number; up: number; cp: number };
  /**
   * Ramp the HRM weights linearly from 0 over this many epochs (epoch e trains with min(1, e / n) of them),
   * so that cross-entropy shapes the embeddings before the anchor losses pull on them. Absent or 0 = the
   * authors' constant weights.
   */
  hrmWarmupEpochs?: number;
  /** Temperature τ of (H3). */
  tau: number;
  /** Image size: [H, W] for 2D modalities, [D, H, W] for 3D; the size of every view not in `viewSizes`. */
  imageSize: readonly number[];
  /**
   * Per-view sizes by image modality name, e.g. `{ clinic: [64, 96] }` (H×W: an aspect-preserving size for a
   * landscape photo); views not named take `imageSize`. Absent: every view at `imageSize`. Each view gets its
   * own encoder input size; see `imageSizesOf`.
   */
  viewSizes?: Readonly<Record<string, readonly number[]>>;
  /** Class-balanced batches (each draw one random case per class) vs plain shuffled batches. */
  balancedBatches: boolean;
  /** Online augmentation. */
  augment: boolean;
  /** Early stopping: epochs without validation improvement before stopping (0 = never stop early). */
  patience: number;
  /**
   * Early stopping may not stop before this many epochs are done (absent or 0: no minimum), so that a
   * variant slow to start learning is not cut before it starts. Selection is unchanged: the best validation
   * epoch is kept.
   */
  minEpochs?: number;
  /** What the loader does when a cohort's volumes differ in grid (shape or voxel spacing); default `resize`. */
  volumeGrid?: VolumeGridPolicy;
  model: ModelPreset;
}

/**
 * Volumes of one modality whose grids differ (canonical shape or voxel spacing), see docs/DATA.md:
 * - `resize`: every grid is resized to the preset's `imageSize` (trilinear), whatever its spacing, so a
 *   voxel's physical size differs between volumes that differ in field of view;
 * - `refuse`: loading stops and names the grids found and a file of each;
 * - `resample`: every volume is first resampled (trilinear) to the modality's most common spacing and
 *   then cropped or padded about its centre to the field of view of the most common grid, so that a voxel
 *   means the same millimetres in every volume before the resize to `imageSize`.
 */
export type VolumeGridPolicy = 'resize' | 'refuse' | 'resample';
export const VOLUME_GRID_POLICIES: readonly VolumeGridPolicy[] = ['resize', 'refuse', 'resample'];

export type PresetName = 'paper' | 'cpu' | 'tiny';
export const PRESET_NAMES: readonly PresetName[] = ['paper', 'cpu', 'tiny'];

export interface DatasetSpec {
  /** Identifier used on the command line: `derm7pt`, `men`. */
  name: string;
  /** Human-readable title. */
  title: string;
  imageModalities: readonly ImageModalitySpec[];
  /** Class names; label = index. */
  classes: readonly string[];
  /** For binary tasks, the positive class (AUC, sensitivity): Derm7pt MEL = 1. */
  positiveClass?: number;
  tabular: readonly TabularField[];
  /**
   * Cell values that mean "not recorded" in every tabular field (compared trimmed and case-insensitively;
   * a field's own `missing` list replaces it). Absent: `DEFAULT_MISSING_MARKERS`. A level of a categorical
   * field always reads as that level, even if it is spelt like a marker.
   */
  missing?: readonly string[];
  /** Preset hyper-parameters: `paper` (the authors'), `cpu` (minutes on 2 cores), `tiny` (tests). */
  presets: Record<PresetName, TrainPreset>;
}

/** What an empty or unrecorded cell looks like in the clinical tables cfcml reads (docs/DATA.md, "Missing cells"). */
export const DEFAULT_MISSING_MARKERS: readonly string[] = ['', 'NA', 'N/A', 'nan', 'null', 'none', 'unknown', '?', '-'];

/** The cell values that mean "missing" for `field` of `spec`. */
export function missingMarkers(spec: Pick<DatasetSpec, 'missing'>, field: Pick<TabularField, 'missing'>): readonly string[] {
  return field.missing ?? spec.missing ?? DEFAULT_MISSING_MARKERS;
}

/**
 * The size of each image modality, in the spec's order: its `viewSizes` entry, else `imageSize`. Checked:
 * every named view exists, every size has the modality's rank ([H, W] for 2D, [D, H, W] for 3D) and whole
 * sides ≥ 1.
 */
export function imageSizesOf(
  spec: Pick<DatasetSpec, 'name' | 'imageModalities'>,
  train: Pick<TrainPreset, 'imageSize' | 'viewSizes'>,
): (readonly number[])[] {
  const views = spec.imageModalities.map((m) => m.name);
  for (const name of Object.keys(train.viewSizes ?? {})) {
    if (!views.includes(name)) {
      throw new CfcmlError(`${spec.name} has no image modality '${name}'; its views: ${views.join(', ')}`, { where: `viewSizes.${name}` });
    }
  }
  return spec.imageModalities.map((m) => {
    const own = train.viewSizes?.[m.name];
    const size = own ?? train.imageSize;
    const rank = m.kind === '2d' ? 2 : 3;
    const where = own ? `viewSizes.${m.name}` : 'imageSize';
    if (size.length !== rank || !size.every((v) => Number.isInteger(v) && v >= 1)) {
      throw new CfcmlError(
        `the ${m.kind} view '${m.name}' needs a size of ${rank} whole numbers ≥ 1 (${rank === 2 ? 'H×W' : 'D×H×W'}), got ${size.join('×') || 'none'}`,
        { where },
      );
    }
    return size;
  });
}
