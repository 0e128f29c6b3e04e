/**
 * Data: loaders for the two cohort layouts, tabular encoding, the image cache, batch sampling, augmentation
 * and batch assembly, and the exploration helpers. The synthetic generators that write the layouts are in
 * lib/synth.
 */
export * from './spec';
export * from './types';
export { DERM7PT, MEN, getPreset } from './datasets';
export { DATASET_REGISTRY, DATASET_KEYS, DATASETS, getDataset, getDatasetSpec, isDatasetKey } from './registry';
export type { DatasetEntry, DatasetKey, DatasetLoadOptions } from './registry';
export { loadCohort, detectDataset } from './cohort';
export type { LoadCohortOptions } from './cohort';
export { loadDerm7pt, DERM7PT_COLUMNS, CHECKLIST_COLUMNS, DIAGNOSIS_GROUPS } from './derm7pt';
export type { Derm7ptLoadOptions } from './derm7pt';
export { loadMen } from './men';
export type { MenLoadOptions } from './men';
export { readNifti, encodeNiftiGz } from './nifti';
export type { Volume } from './nifti';
export { TabularEncoder } from './tabular';
export type { TabularEncoderOptions } from './tabular';
export { ImageCache, normaliseVolume, presetImageOptions } from './imageCache';
export type { ImageCacheOptions } from './imageCache';
export { BatchSampler } from './sampler';
export type { BatchSamplerOptions } from './sampler';
export { makeBatch, disposeBatch } from './batch';
export type { MakeBatchOptions } from './batch';
export { AUGMENT_DEFAULTS, drawTransform, transformInto } from './augment';
export type { AugmentOptions, CaseTransform } from './augment';
export { auditLeakage, formatLeakageReport, aucOf } from './audit';
export type { LeakageReport, LeakageOptions, FieldLeakage } from './audit';
export { inspectCohort, formatInspectReport } from './inspect';
export type { InspectReport } from './inspect';
