import type { DatasetSpec, TrainPreset } from '../data/spec';
import type { TabularEncoder } from '../data/tabular';
import { createModel, type CFCMLModel } from '../model';
import { deriveSeed } from '../util/random';
import type { ResolvedConfig } from './config';
import { Adam } from './optimizer';

/**
 * The model of a run, from its configuration: the same call for training (fresh initialisation from the
 * run's seed) and for evaluation (the same architecture, then the checkpoint's weights are loaded over it).
 */
export function buildModel(spec: DatasetSpec, config: Pick<ResolvedConfig, 'variant' | 'seed' | 'train'>, tabular: TabularEncoder): CFCMLModel {
  return createModel({
    images: spec.imageModalities.map((m) => ({ kind: m.kind, channels: m.channels })),
    imageSize: config.train.imageSize,
    tabular: tabular.inputSpec(),
    numClasses: spec.classes.length,
    variant: config.variant,
    model: config.train.model,
    seed: deriveSeed(config.seed, 'init'),
  });
}

/** Adam over every weight of the model; image-encoder weights train at `backboneLrScale` × the learning rate. */
export function buildOptimizer(model: CFCMLModel, train: Pick<TrainPreset, 'backboneLrScale' | 'weightDecay'>): Adam {
  return new Adam(
    model.weights.map((w) => ({ key: w.key, variable: w.variable, lrScale: w.group === 'encoder' ? train.backboneLrScale : 1 })),
    { weightDecay: train.weightDecay },
  );
}
