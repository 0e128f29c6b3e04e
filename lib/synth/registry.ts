import { CfcmlError } from '../util/errors';
import { DATASET_KEYS } from '../data/registry';
import type { DatasetKey } from '../data/registry';
import { synthDerm7pt } from './derm7pt';
import { synthMen } from './men';
import type { SynthSummary } from './summary';

/** Options every synthetic generator accepts (a generator ignores what does not apply to its dataset). */
export interface SynthOptions {
  out: string;
  seed: number;
  /** Multiply the default class counts by this (default 1). */
  scale?: number;
  /** 'context' (default: the record says how to read the image) or 'none' (the additive null control). */
  interaction?: 'context' | 'none';
  /** Reproduce the dataset's record-field leak (default true); only for entries with `leak: true`. */
  leak?: boolean;
  /** Blank record cells: a rate in [0, 1] and the mechanism (only for entries with `missing: true`). */
  missingness?: { rate: number; mechanism: 'mcar' | 'mnar' };
  /** The nested layout for learning curves (nested.ts; validation at `validScale` × the default counts); only for entries with `nested: true`. */
  nested?: { validScale: number };
  onProgress?: (done: number, total: number) => void;
}

/** A dataset's synthetic generator, as `cfcml synth` calls it. */
export interface SynthEntry {
  generate(opts: SynthOptions): Promise<SynthSummary>;
  /** What the generator counts in its progress ('cases', 'patients'). */
  unit: string;
  /** Whether the cohort reproduces a leak of the real release that `leak: false` turns off. */
  leak: boolean;
  /** Whether the generator can blank record cells with an exact oracle (`missingness`). */
  missing: boolean;
  /** Whether the generator has the nested learning-curve layout (`nested`). */
  nested: boolean;
}

/**
 * The generator of each dataset that has one, by registry key (lib/data/registry.ts). The generators sit
 * above data/ (they write the layouts its loaders read), so they are listed here rather than in the
 * dataset registry itself.
 */
export const SYNTH_REGISTRY = {
  derm7pt: { generate: (o) => synthDerm7pt(o), unit: 'cases', leak: true, nested: true, missing: true },
  men: { generate: (o) => synthMen(o), unit: 'patients', leak: false, nested: true, missing: false },
} satisfies { [K in DatasetKey]?: SynthEntry };

/** The keys of the datasets that have a synthetic generator (`cfcml synth` choices), in registry order. */
export const SYNTH_DATASET_KEYS: DatasetKey[] = DATASET_KEYS.filter((k) => k in SYNTH_REGISTRY);

/** A dataset's generator by key (case-insensitive); the error lists the keys that have one. */
export function getSynth(name: string): SynthEntry {
  const key = name.toLowerCase();
  const entry = (SYNTH_REGISTRY as { [K in DatasetKey]?: SynthEntry })[key as DatasetKey];
  if (!Object.prototype.hasOwnProperty.call(SYNTH_REGISTRY, key) || !entry) {
    throw new CfcmlError(`no synthetic generator for dataset '${name}'; known: ${SYNTH_DATASET_KEYS.join(', ')}`);
  }
  return entry;
}
