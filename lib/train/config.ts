import * as fs from 'fs';
import * as path from 'path';
import { auditLeakage, type CaseRecord, type Cohort } from '../data';
import { getPreset } from '../data/datasets';
import { imageSizesOf, type DatasetSpec, type PresetName, type Split, type TrainPreset } from '../data/spec';
import type { Variant } from '../model/types';
import { CfcmlError } from '../util/errors';
import { LR_SCHEDULES } from './schedule';
import { hrmWeightsFor, type HrmWeights } from './loss';
import type { TrainOptions } from './options';

/**
 * Every default of a training run, in one place. The CLI's defaults and the library's are these values.
 * Hyper-parameters (epochs, lr, model sizes, …) are not here: they come from the dataset's preset
 * (`lib/data/datasets.ts`), and `preset` picks which one.
 */
export const TRAIN_DEFAULTS = {
  /** `cpu`: minutes on 2 cores. */
  preset: 'cpu' as PresetName,
  variant: 'full' as Variant,
  /** The authors' seed. */
  seed: 666,
  /** Leave out the tabular fields the leakage audit flags on the training split. */
  excludeFields: 'auto' as const,
  /** Evaluate the selected model on the test split at the end. */
  evalTest: true,
  progress: 'auto' as const,
  /** Parent folder of run directories named `<dataset>-<variant>-seed<seed>`. */
  runsDir: 'runs',
} as const;

/** Everything that determines a run's numbers; stored in options.json and in every checkpoint. */
export interface ResolvedConfig {
  dataset: string;
  /** The data folder as given (resolved to an absolute path). */
  data: string;
  preset: string;
  variant: Variant;
  seed: number;
  excludedFields: string[];
  train: TrainPreset;
  hrmWeights: HrmWeights;
}

/** The cases of each split, checked: train and valid non-empty, every class present in train. */
export function splitCases(cohort: Cohort): Record<Split, CaseRecord[]> {
  const splits: Record<Split, CaseRecord[]> = { train: [], valid: [], test: [] };
  for (const c of cohort.cases) splits[c.split].push(c);
  for (const s of ['train', 'valid'] as Split[]) {
    if (splits[s].length === 0) throw new CfcmlError(`the ${s} split is empty`, { where: cohort.root });
  }
  const spec = cohort.spec;
  for (let k = 0; k < spec.classes.length; k++) {
    if (!splits.train.some((c) => c.label === k)) {
      throw new CfcmlError(`class '${spec.classes[k]}' has no case in the train split`, { where: cohort.root });
    }
  }
  return splits;
}

/** The preset named in the options with the options' overrides merged over it, checked. */
export function resolveTrainPreset(options: TrainOptions, spec: DatasetSpec): TrainPreset {
  const base = getPreset(spec, options.preset ?? TRAIN_DEFAULTS.preset);
  const imageSize =
    options.imageSize === undefined
      ? (options.overrides?.imageSize ?? base.imageSize)
      : base.imageSize.length === 3
        ? [base.imageSize[0], options.imageSize, options.imageSize]
        : [options.imageSize, options.imageSize];
  const ov = options.overrides ?? {};
  const train: TrainPreset = {
    ...base,
    ...ov,
    model: { ...base.model, ...(ov.model ?? {}) },
    hrm: { ...base.hrm, ...(ov.hrm ?? {}) },
    epochs: options.epochs ?? ov.epochs ?? base.epochs,
    batchSize: options.batchSize ?? ov.batchSize ?? base.batchSize,
    lr: options.lr ?? ov.lr ?? base.lr,
    imageSize,
  };
  // Per-view sizes merge view by view; without any, the key stays absent (options.json as before).
  if (base.viewSizes || ov.viewSizes) train.viewSizes = { ...base.viewSizes, ...ov.viewSizes };
  imageSizesOf(spec, train);
  for (const [k, v] of Object.entries({ epochs: train.epochs, batchSize: train.batchSize })) {
    if (!Number.isInteger(v) || v < 1) throw new CfcmlError(`${k} must be a whole number ≥ 1, got ${v}`);
  }
  if (!(train.lr > 0)) throw new CfcmlError(`lr must be > 0, got ${train.lr}`);
  const m = train.model;
  if (m.freezeStages !== undefined && !(Number.isInteger(m.freezeStages) && m.freezeStages >= 0 && m.freezeStages <= 4)) {
    throw new CfcmlError(`freezeStages must be a whole number 0–4, got ${m.freezeStages}`, { where: 'model.freezeStages' });
  }
  if (m.backboneWeights !== undefined) {
    if (m.backbone !== 'swin') throw new CfcmlError(`backbone weights (${m.backboneWeights}) are timm Swin weights: they need model.backbone=swin, got '${m.backbone ?? 'residual'}'`, { where: 'model.backboneWeights' });
    const file = path.resolve(m.backboneWeights);
    if (!fs.existsSync(file)) throw new CfcmlError(`backbone weights not found: expected a timm model.safetensors file here`, { where: file });
    train.model = { ...m, backboneWeights: file };
  }
  return train;
}

/** The tabular fields a run leaves out: `auto` asks the leakage audit on the training cases only. */
export function resolveExcludedFields(options: TrainOptions, cohort: Cohort, trainCases: CaseRecord[]): string[] {
  const ex = options.excludeFields ?? TRAIN_DEFAULTS.excludeFields;
  if (ex === 'none') return [];
  if (ex === 'auto') return auditLeakage({ ...cohort, cases: trainCases }).flagged;
  const known = cohort.spec.tabular.map((f) => f.name);
  for (const f of ex) if (!known.includes(f)) throw new CfcmlError(`cannot exclude unknown tabular field '${f}'; fields: ${known.join(', ')}`);
  return [...ex];
}

/**
 * Options + cohort → the run's complete configuration. Pure apart from reading the (already loaded) cohort:
 * no files, no tensors. `trainCases` are the cohort's training split (see `splitCases`).
 */
export function resolveTrainConfig(options: TrainOptions, cohort: Cohort, trainCases: CaseRecord[]): ResolvedConfig {
  const train = resolveTrainPreset(options, cohort.spec);
  const variant = options.variant ?? TRAIN_DEFAULTS.variant;
  return {
    dataset: cohort.spec.name,
    data: path.resolve(options.data),
    preset: options.preset ?? TRAIN_DEFAULTS.preset,
    variant,
    seed: options.seed ?? TRAIN_DEFAULTS.seed,
    excludedFields: resolveExcludedFields(options, cohort, trainCases),
    train,
    hrmWeights: hrmWeightsFor(variant, train.hrm),
  };
}

/** The run directory: `options.out`, else `runs/<dataset>-<variant>-seed<seed>`. */
export function runDirFor(options: Pick<TrainOptions, 'out'>, config: Pick<ResolvedConfig, 'dataset' | 'variant' | 'seed'>): string {
  return path.resolve(options.out ?? path.join(TRAIN_DEFAULTS.runsDir, `${config.dataset}-${config.variant}-seed${config.seed}`));
}

/**
 * The preset fields `--set` may change, with their type (optional fields included, nested as `model.x`, `hrm.x`).
 * `stages`: four whole numbers ≥ 1 joined by `:` (one per encoder stage), e.g. `model.encoderWidths=24:48:96:192`.
 * `size`: an image size, whole numbers ≥ 1 joined by `x` in the order H×W (2D) or D×H×W (3D), e.g. `imageSize=64x64`;
 * `viewSizes.<view>` (any image modality's name, checked against the dataset) takes a `size` too.
 */
type SettableType = 'number' | 'integer' | 'boolean' | 'stages' | 'size' | readonly string[];
const SETTABLE: Record<string, SettableType> = {
  imageSize: 'size',
  epochs: 'integer',
  batchSize: 'integer',
  lr: 'number',
  backboneLrScale: 'number',
  weightDecay: 'number',
  warmupEpochs: 'integer',
  stepEvery: 'integer',
  stepGamma: 'number',
  schedule: LR_SCHEDULES,
  tau: 'number',
  balancedBatches: 'boolean',
  augment: 'boolean',
  patience: 'integer',
  minEpochs: 'integer',
  hrmWarmupEpochs: 'integer',
  'hrm.sam': 'number',
  'hrm.up': 'number',
  'hrm.cp': 'number',
  'model.width': 'integer',
  'model.imgTokens': 'integer',
  'model.tabTokens': 'integer',
  'model.heads': 'integer',
  'model.dropout': 'number',
  'model.tokenNorm': 'boolean',
  'model.backbone': ['residual', 'swin'],
  'model.freezeStages': 'integer',
  'model.sharedEncoder': 'boolean',
  'model.encoderWidths': 'stages',
  'model.swin.depths': 'stages',
  'model.swin.heads': 'stages',
  'model.swin.window': 'integer',
  'model.swin.patch': 'integer',
};

/** A `--set` key's type: SETTABLE's, or `size` for `viewSizes.<view>`. */
function settableType(key: string): SettableType | undefined {
  if (/^viewSizes\.[A-Za-z0-9_-]+$/.test(key)) return 'size';
  return Object.prototype.hasOwnProperty.call(SETTABLE, key) ? SETTABLE[key] : undefined;
}

/**
 * `--set` of `cfcml train` / `cfcml sweep`: `key=value[,key=value…]` → preset overrides (TrainOptions.overrides),
 * e.g. `model.tokenNorm=true,hrmWarmupEpochs=5,hrm.sam=0.01` or `viewSizes.clinic=64x96`. Every key and value is
 * checked; an unknown key is refused with the list of known ones.
 */
export function parsePresetOverrides(text: string): NonNullable<TrainOptions['overrides']> {
  const flat: Record<string, number | boolean | string | number[]> = {};
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new CfcmlError(`--set expects key=value, got '${item}'`, { where: '--set' });
    const key = item.slice(0, eq).trim();
    const raw = item.slice(eq + 1).trim();
    const type = settableType(key);
    if (!type) throw new CfcmlError(`--set: unknown preset field '${key}'; known: ${[...Object.keys(SETTABLE), 'viewSizes.<view>'].join(', ')}`, { where: '--set' });
    if (Array.isArray(type)) {
      if (!type.includes(raw)) throw new CfcmlError(`--set ${key}: expected one of ${type.join(', ')}, got '${raw}'`, { where: '--set' });
      flat[key] = raw;
    } else if (type === 'stages') {
      const v = raw.split(':').map(Number);
      if (v.length !== 4 || !v.every((x) => Number.isInteger(x) && x >= 1)) {
        throw new CfcmlError(`--set ${key}: expected four whole numbers ≥ 1 joined by ':' (one per stage), got '${raw}'`, { where: '--set' });
      }
      flat[key] = v;
    } else if (type === 'size') {
      const v = raw.split(/[x×]/).map((x) => (/^\d+$/.test(x.trim()) ? Number(x) : NaN));
      if (v.length < 2 || v.length > 3 || !v.every((x) => Number.isInteger(x) && x >= 1)) {
        throw new CfcmlError(`--set ${key}: expected an image size, whole numbers ≥ 1 joined by 'x' (H×W, or D×H×W for volumes), e.g. 64x96; got '${raw}'`, { where: '--set' });
      }
      flat[key] = v;
    } else if (type === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new CfcmlError(`--set ${key}: expected true or false, got '${raw}'`, { where: '--set' });
      flat[key] = raw === 'true';
    } else {
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v) || v < 0 || (type === 'integer' && !Number.isInteger(v))) {
        throw new CfcmlError(`--set ${key}: expected ${type === 'integer' ? 'a whole number ≥ 0' : 'a finite number ≥ 0'}, got '${raw}'`, { where: '--set' });
      }
      flat[key] = v;
    }
  }
  const out: Record<string, unknown> = {};
  const model: Record<string, unknown> = {};
  const hrm: Record<string, unknown> = {};
  const swin: Record<string, unknown> = {};
  const viewSizes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(flat)) {
    if (k.startsWith('viewSizes.')) viewSizes[k.slice(10)] = v;
    else if (k.startsWith('model.swin.')) swin[k.slice(11)] = v;
    else if (k.startsWith('model.')) model[k.slice(6)] = v;
    else if (k.startsWith('hrm.')) hrm[k.slice(4)] = v;
    else out[k] = v;
  }
  if (Object.keys(swin).length) model.swin = swin;
  if (Object.keys(viewSizes).length) out.viewSizes = viewSizes;
  if (Object.keys(model).length) out.model = model;
  if (Object.keys(hrm).length) out.hrm = hrm;
  return out as NonNullable<TrainOptions['overrides']>;
}
