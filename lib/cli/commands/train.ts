import { DATASET_KEYS } from '../../data/registry';
import { PRESET_NAMES, VOLUME_GRID_POLICIES, type VolumeGridPolicy } from '../../data/spec';
import { formatMetricsTable } from '../../metrics';
import { VARIANTS, type Variant } from '../../model/types';
import { train, TRAIN_DEFAULTS, type TrainOptions } from '../../train';
import { parsePresetOverrides } from '../../train/config';
import type { PresetName } from '../../data/spec';
import { bool, formatCommandLine, num, str, type CommandSpec } from '../args';
import { RunInterruptedError } from '../../run/runGuard';

/** `--weights <file>` is `model.backboneWeights=<file>` on top of `--set`. */
function withWeights(overrides: TrainOptions['overrides'], weights: string | undefined): TrainOptions['overrides'] {
  if (weights === undefined) return overrides;
  return { ...overrides, model: { ...overrides?.model, backboneWeights: weights } };
}

export const trainCommand: CommandSpec = {
  name: 'train',
  summary: 'train a CFCML model (or an ablation / baseline), select on validation, evaluate on test',
  options: [
    { name: 'data', type: 'string', required: true, metavar: '<dir>', help: 'cohort folder (Derm7pt release_v0 or MEN layout)' },
    { name: 'dataset', type: 'string', choices: DATASET_KEYS, help: 'dataset kind (detected from the folder when absent)' },
    { name: 'preset', type: 'string', choices: PRESET_NAMES, default: TRAIN_DEFAULTS.preset, help: 'hyper-parameter preset' },
    { name: 'variant', type: 'string', choices: VARIANTS, default: TRAIN_DEFAULTS.variant, help: 'model variant / ablation' },
    { name: 'epochs', type: 'integer', min: 1, help: "number of epochs (preset's by default)" },
    { name: 'batch-size', type: 'integer', min: 1, help: "batch size (preset's by default)" },
    { name: 'lr', type: 'number', positive: true, help: "learning rate (preset's by default)" },
    { name: 'image-size', type: 'integer', min: 8, help: "square image size H = W (preset's by default)" },
    { name: 'volume-grid', type: 'string', choices: VOLUME_GRID_POLICIES, help: "volumes that differ in shape or voxel size: resize each to the image size (default), refuse, or resample to the common voxel size first (docs/DATA.md)" },
    { name: 'set', type: 'string', metavar: '<k=v,…>', help: 'other preset fields, e.g. model.tokenNorm=false,hrmWarmupEpochs=0,hrm.sam=0.01; a view at its own H×W size: viewSizes.clinic=64x96' },
    { name: 'weights', type: 'string', metavar: '<file>', help: "pretrained backbone: timm's Swin model.safetensors (sets model.backboneWeights; the preset's backbone must be swin)" },
    { name: 'seed', type: 'integer', default: TRAIN_DEFAULTS.seed, help: 'seed of initialisation, batching, augmentation, dropout' },
    { name: 'out', type: 'string', metavar: '<dir>', help: 'run directory (default runs/<dataset>-<variant>-seed<seed>)' },
    { name: 'exclude', type: 'string', default: TRAIN_DEFAULTS.excludeFields, metavar: '<fields>', help: "tabular fields to leave out: 'auto' (those the leakage audit flags), 'none', or a comma list" },
    { name: 'resume', type: 'boolean', help: 'continue from <out>/last.ckpt' },
    { name: 'checkpoint-every', type: 'integer', min: 1, metavar: '<steps>', help: 'also write last.ckpt every this many steps inside an epoch (default: every epoch)' },
    { name: 'no-test', type: 'boolean', help: 'select on validation and stop there: no test predictions or metrics (tuning runs, docs/TUNING.md)' },
    { name: 'stop-after', type: 'integer', min: 1, help: 'stop after this many epochs (resume later with --resume)' },
    { name: 'progress', type: 'string', choices: ['auto', 'bar', 'line', 'none'], default: TRAIN_DEFAULTS.progress, help: 'progress display' },
    { name: 'json', type: 'boolean', help: 'print the final metrics as one JSON object' },
  ],
  epilog: 'Example: cfcml train --data data/synthetic/derm7pt --variant full --epochs 20',
  async run(a) {
    const ex = str(a, 'exclude')!;
    const result = await train({
      checkpointEvery: num(a, 'checkpoint-every'),
      data: str(a, 'data')!,
      dataset: str(a, 'dataset'),
      preset: str(a, 'preset') as PresetName,
      variant: str(a, 'variant') as Variant,
      epochs: num(a, 'epochs'),
      batchSize: num(a, 'batch-size'),
      lr: num(a, 'lr'),
      imageSize: num(a, 'image-size'),
      overrides: withWeights(
        withVolumeGrid(str(a, 'set') === undefined ? undefined : parsePresetOverrides(str(a, 'set')!), str(a, 'volume-grid') as VolumeGridPolicy | undefined),
        str(a, 'weights'),
      ),
      seed: num(a, 'seed'),
      out: str(a, 'out'),
      excludeFields: ex === 'auto' || ex === 'none' ? ex : ex.split(',').map((s) => s.trim()).filter(Boolean),
      resume: bool(a, 'resume'),
      stopAfterEpoch: num(a, 'stop-after'),
      evalTest: !bool(a, 'no-test'),
      progress: str(a, 'progress') as 'auto',
    }).catch((e: unknown) => {
      if (!(e instanceof RunInterruptedError)) throw e;
      console.error(`cfcml train: ${e.message}`);
      console.error(`resume with: ${formatCommandLine(trainCommand, a, { resume: true })}`);
      return e.exitCode;
    });
    if (typeof result === 'number') return result;
    if (bool(a, 'json')) {
      console.log(JSON.stringify({ runDir: result.runDir, bestEpoch: result.bestEpoch, valid: result.validMetrics ?? null, test: result.testMetrics ?? null }));
      return 0;
    }
    if (result.interrupted) {
      console.log(`run stopped after epoch ${result.history.length}: ${result.runDir}`);
      return 0;
    }
    console.log(`\nrun directory: ${result.runDir}  (selected epoch ${result.bestEpoch} on validation)`);
    if (result.testMetrics) {
      console.log(`\ntest metrics (${result.config.dataset}, variant ${result.config.variant}):`);
      console.log(formatMetricsTable(result.testMetrics));
    }
    return 0;
  },
};

/** `--volume-grid` is a preset field like those of `--set`: recorded in the run's configuration, so evaluation agrees. */
function withVolumeGrid<T extends object>(overrides: T | undefined, volumeGrid: VolumeGridPolicy | undefined): (T & { volumeGrid?: VolumeGridPolicy }) | undefined {
  return volumeGrid === undefined ? overrides : { ...(overrides ?? ({} as T)), volumeGrid };
}
