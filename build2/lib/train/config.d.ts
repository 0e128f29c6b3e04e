import { type CaseRecord, type Cohort } from '../data';
import type { DatasetSpec, PresetName, Split, TrainPreset } from '../data/spec';
import type { Variant } from '../model/types';
import { type HrmWeights } from './loss';
import type { TrainOptions } from './options';
/**
 * Every default of a training run, in one place. The CLI's defaults and the library's are these values.
 * Hyper-parameters (epochs, lr, model sizes, …) are not here: they come from the dataset's preset
 * (`lib/data/datasets.ts`), and `preset` picks which one.
 */
export declare const TRAIN_DEFAULTS: {
    /** `cpu`: minutes on 2 cores. */
    readonly preset: PresetName;
    readonly variant: Variant;
    /** The authors' seed. */
    readonly seed: 666;
    /** Leave out the tabular fields the leakage audit flags on the training split. */
    readonly excludeFields: "auto";
    /** Evaluate the selected model on the test split at the end. */
    readonly evalTest: true;
    readonly progress: "auto";
    /** Parent folder of run directories named `<dataset>-<variant>-seed<seed>`. */
    readonly runsDir: "runs";
};
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
export declare function splitCases(cohort: Cohort): Record<Split, CaseRecord[]>;
/** The preset named in the options with the options' overrides merged over it, checked. */
export declare function resolveTrainPreset(options: TrainOptions, spec: DatasetSpec): TrainPreset;
/** The tabular fields a run leaves out: `auto` asks the leakage audit on the training cases only. */
export declare function resolveExcludedFields(options: TrainOptions, cohort: Cohort, trainCases: CaseRecord[]): string[];
/**
 * Options + cohort → the run's complete configuration. Pure apart from reading the (already loaded) cohort:
 * no files, no tensors. `trainCases` are the cohort's training split (see `splitCases`).
 */
export declare function resolveTrainConfig(options: TrainOptions, cohort: Cohort, trainCases: CaseRecord[]): ResolvedConfig;
/** The run directory: `options.out`, else `runs/<dataset>-<variant>-seed<seed>`. */
export declare function runDirFor(options: Pick<TrainOptions, 'out'>, config: Pick<ResolvedConfig, 'dataset' | 'variant' | 'seed'>): string;
/**
 * `--set` of `cfcml train` / `cfcml sweep`: `key=value[,key=value…]` → preset overrides (TrainOptions.overrides),
 * e.g. `model.tokenNorm=true,hrmWarmupEpochs=5,hrm.sam=0.01`. Every key and value is checked; an unknown key is
 * refused with the list of known ones.
 */
export declare function parsePresetOverrides(text: string): NonNullable<TrainOptions['overrides']>;
