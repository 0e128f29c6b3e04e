import type { DatasetSpec, TrainPreset } from '../data/spec';
import { type TabularEncoder } from '../data/tabular';
import { type CFCMLConfig, type CFCMLModel } from '../model';
import type { ResolvedConfig } from './config';
import { Adam } from './optimizer';
/**
 * The model configuration of a run: the dataset's modalities and classes, the preset's image size and model
 * sizes, the run's variant and seed, and the tabular fields left after `excludedFields` (the trainer's leakage
 * audit or --exclude). The one place a `CFCMLConfig` is made from a preset and a dataset: the trainer, the
 * evaluation, the benchmark (bench/) and the tests all call it, so they build the same model.
 */
export declare function modelConfig(spec: DatasetSpec, config: Pick<ResolvedConfig, 'variant' | 'seed' | 'train' | 'excludedFields'>): CFCMLConfig;
/**
 * The model of a run, from its configuration: the same call for training (fresh initialisation from the
 * run's seed) and for evaluation (the same architecture, then the checkpoint's weights are loaded over it).
 * The tabular fields are the encoder's (fitted, or restored from the checkpoint).
 */
export declare function buildModel(spec: DatasetSpec, config: Pick<ResolvedConfig, 'variant' | 'seed' | 'train'>, tabular: TabularEncoder): CFCMLModel;
/**
 * Adam over every trainable weight of the model; image-encoder weights train at `backboneLrScale` × the
 * learning rate. Frozen backbone stages (`model.freezeStages`) are not given to it: no step and no weight decay.
 */
export declare function buildOptimizer(model: CFCMLModel, train: Pick<TrainPreset, 'backboneLrScale' | 'weightDecay'>): Adam;
/**
 * Load the preset's pretrained backbone (`model.backboneWeights`, a timm Swin state dict in safetensors form)
 * into the model's image encoders; nothing when the preset names none.
 */
export declare function loadBackboneWeights(model: CFCMLModel, preset: TrainPreset['model']): void;
