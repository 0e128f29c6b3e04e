/**
 * Small helpers that keep notebook cells about the idea they teach: get a cohort (synthesising it when
 * it is missing), pick a few cases per class, name the modalities, free a forward pass's tensors.
 */
import type * as tf from '@tensorflow/tfjs';
import type { DatasetSpec } from '../data/spec';
import type { Cohort } from '../data/types';
import type { ForwardOutput } from '../model/types';
export interface EnsureCohortOptions {
    /** Seed of the synthetic cohort written when the folder holds none. Default 1 (the notebooks'). */
    seed?: number;
    /** Scale of the synthetic cohort's class counts. Default 1 (the release's counts). */
    scale?: number;
}
/**
 * The cohort in `dir`: read it when the folder holds one (a real release or a synthetic copy), otherwise
 * write the deterministic synthetic Derm7pt cohort there first (about 12 s) and say so on one line.
 */
export declare function ensureCohort(dir: string, opts?: EnsureCohortOptions): Promise<Cohort>;
/**
 * Indices of the first `perClass` items of each class, class 0 first, in their original order within a
 * class: `pickPerClass(valid, 4)` → four NEV then four MEL. Throws when a class has fewer.
 */
export declare function pickPerClass(items: readonly {
    label: number;
}[], perClass: number, numClasses?: number): number[];
/**
 * Readable names of a model's modalities: `image<i>` becomes the dataset's image modality name
 * (Derm7pt: clinic, derm), `tabular` stays. Default `names`: every image modality then tabular.
 */
export declare function modalityLabels(spec: DatasetSpec, names?: readonly string[]): string[];
/** Every tensor a forward pass returned, intermediates included (attention entries that are null skipped). */
export declare function forwardTensors(out: ForwardOutput): tf.Tensor[];
/** Dispose everything a forward pass returned, intermediates included. */
export declare function disposeForward(out: ForwardOutput): void;
