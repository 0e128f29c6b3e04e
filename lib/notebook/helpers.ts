/**
 * Small helpers that keep notebook cells about the idea they teach: get a cohort (synthesising it when
 * it is missing), pick a few cases per class, name the modalities, free a forward pass's tensors.
 */
import type * as tf from '@tensorflow/tfjs';
import { loadCohort } from '../data/cohort';
import { detectDataset } from '../data/cohort';
import { synthDerm7pt } from '../synth/derm7pt';
import type { DatasetSpec } from '../data/spec';
import type { Cohort } from '../data/types';
import type { ForwardOutput } from '../model/types';
import { CfcmlError } from '../util/errors';

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
export async function ensureCohort(dir: string, opts: EnsureCohortOptions = {}): Promise<Cohort> {
  if (!detectDataset(dir)) {
    const seed = opts.seed ?? 1;
    await synthDerm7pt({ out: dir, seed, scale: opts.scale ?? 1 });
    console.log(`generated a synthetic Derm7pt cohort (seed ${seed}) in ${dir}`);
  }
  return loadCohort(dir);
}

/**
 * Indices of the first `perClass` items of each class, class 0 first, in their original order within a
 * class: `pickPerClass(valid, 4)` → four NEV then four MEL. Throws when a class has fewer.
 */
export function pickPerClass(items: readonly { label: number }[], perClass: number, numClasses?: number): number[] {
  const C = numClasses ?? Math.max(-1, ...items.map((c) => c.label)) + 1;
  const picked: number[] = [];
  for (let k = 0; k < C; k++) {
    const of = items.map((c, i) => (c.label === k ? i : -1)).filter((i) => i >= 0);
    if (of.length < perClass) throw new CfcmlError(`class ${k} has ${of.length} items, fewer than the ${perClass} asked for`, { where: 'pickPerClass' });
    picked.push(...of.slice(0, perClass));
  }
  return picked;
}

/**
 * Readable names of a model's modalities: `image<i>` becomes the dataset's image modality name
 * (Derm7pt: clinic, derm), `tabular` stays. Default `names`: every image modality then tabular.
 */
export function modalityLabels(spec: DatasetSpec, names?: readonly string[]): string[] {
  const all = names ?? [...spec.imageModalities.map((_, i) => `image${i}`), 'tabular'];
  return all.map((n) => {
    const m = /^image(\d+)$/.exec(n);
    return m ? spec.imageModalities[Number(m[1])]?.name ?? n : n;
  });
}

/** Every tensor a forward pass returned, intermediates included (attention entries that are null skipped). */
export function forwardTensors(out: ForwardOutput): tf.Tensor[] {
  const t: tf.Tensor[] = [...out.z, out.logits];
  const i = out.intermediates;
  if (i) {
    t.push(...i.stageFeatures.flat(), ...i.tokens.flat(), ...i.completed.flat());
    for (const stage of i.attention) for (const a of stage) if (a) t.push(a);
  }
  return t;
}

/** Dispose everything a forward pass returned, intermediates included. */
export function disposeForward(out: ForwardOutput): void {
  for (const t of forwardTensors(out)) if (!t.isDisposed) t.dispose();
}
