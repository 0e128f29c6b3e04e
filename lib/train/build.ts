import { imageSizesOf, type DatasetSpec, type TrainPreset } from '../data/spec';
import { tabularFields, tabularInputSpec, type TabularEncoder } from '../data/tabular';
import { createModel, loadSwinWeights, SWIN_T, type CFCMLConfig, type CFCMLModel } from '../model';
import { deriveSeed } from '../util/random';
import type { ResolvedConfig } from './config';
import { Adam } from './optimizer';

/**
 * The model configuration of a run: the dataset's modalities and classes, each view's image size, the model
 * sizes, the run's variant and seed, and the tabular fields left after `excludedFields` (the trainer's leakage
 * audit or --exclude). The one place a `CFCMLConfig` is made from a preset and a dataset: the trainer, the
 * evaluation, the benchmark (bench/) and the tests all call it, so they build the same model.
 */
export function modelConfig(spec: DatasetSpec, config: Pick<ResolvedConfig, 'variant' | 'seed' | 'train' | 'excludedFields'>): CFCMLConfig {
  const sizes = imageSizesOf(spec, config.train);
  return {
    images: spec.imageModalities.map((m, k) => ({ kind: m.kind, channels: m.channels, name: m.name, size: sizes[k] })),
    imageSize: config.train.imageSize,
    tabular: tabularInputSpec(tabularFields(spec, config.excludedFields)),
    numClasses: spec.classes.length,
    variant: config.variant,
    model: config.train.model,
    seed: deriveSeed(config.seed, 'init'),
  };
}

/**
 * The model of a run, from its configuration: the same call for training (fresh initialisation from the
 * run's seed) and for evaluation (the same architecture, then the checkpoint's weights are loaded over it).
 * The tabular fields are the encoder's (fitted, or restored from the checkpoint).
 */
export function buildModel(spec: DatasetSpec, config: Pick<ResolvedConfig, 'variant' | 'seed' | 'train'>, tabular: TabularEncoder): CFCMLModel {
  const excludedFields = spec.tabular.filter((f) => !tabular.fields.includes(f)).map((f) => f.name);
  return createModel(modelConfig(spec, { ...config, excludedFields }));
}

/**
 * Adam over every trainable weight of the model; image-encoder weights train at `backboneLrScale` × the
 * learning rate. Frozen backbone stages (`model.freezeStages`) are not given to it: no step and no weight decay.
 */
export function buildOptimizer(model: CFCMLModel, train: Pick<TrainPreset, 'backboneLrScale' | 'weightDecay'>): Adam {
  return new Adam(
    model.weights.filter((w) => w.variable.trainable).map((w) => ({ key: w.key, variable: w.variable, lrScale: w.group === 'encoder' ? train.backboneLrScale : 1 })),
    { weightDecay: train.weightDecay },
  );
}

/**
 * Load the preset's pretrained backbone (`model.backboneWeights`, a timm Swin state dict in safetensors form)
 * into the model's image encoders; nothing when the preset names none.
 */
export function loadBackboneWeights(model: CFCMLModel, preset: TrainPreset['model']): void {
  if (!preset.backboneWeights) return;
  const o = { ...SWIN_T, ...preset.swin };
  const isSwinT = preset.encoderWidths.join() === '96,192,384,768' && o.depths.join() === SWIN_T.depths.join() && o.heads.join() === SWIN_T.heads.join() && o.window === 7 && o.patch === 4 && o.mlpRatio === 4;
  const expected =
    `timm's SwinTransformer state dict with widths ${preset.encoderWidths.join('-')}, depths ${o.depths.join('-')}, heads ${o.heads.join('-')}, ` +
    `window ${o.window}, patch ${o.patch}, mlp ratio ${o.mlpRatio}` +
    (isSwinT ? " (Swin-T: the model.safetensors of the Hugging Face model timm/swin_tiny_patch4_window7_224.ms_in1k)" : '');
  loadSwinWeights(model, preset.backboneWeights, expected);
}
