/**
 * Data: loaders for the two cohort layouts, synthetic generators that write them, tabular encoding, the
 * image cache, batch sampling, augmentation and batch assembly, and the exploration helpers.
 */
export * from './spec';
export * from './types';
export { DERM7PT, MEN, getPreset } from './datasets';
export { DATASET_REGISTRY, DATASET_KEYS, SYNTH_DATASET_KEYS, DATASETS, getDataset, getDatasetSpec, isDatasetKey } from './registry';
export type { DatasetEntry, DatasetKey, DatasetLoadOptions, DatasetSynthOptions } from './registry';
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
export { ImageCache, normaliseVolume } from './imageCache';
export type { ImageCacheOptions } from './imageCache';
export { BatchSampler } from './sampler';
export type { BatchSamplerOptions } from './sampler';
export { makeBatch, disposeBatch } from './batch';
export type { MakeBatchOptions } from './batch';
export { AUGMENT_DEFAULTS, drawTransform, transformInto } from './augment';
export type { AugmentOptions, CaseTransform } from './augment';
export { synthDerm7pt } from './synth/derm7pt';
export type { SynthDerm7ptOptions } from './synth/derm7pt';
export { planDerm7pt, DERM7PT_COUNTS } from './synth/derm7ptPlan';
export { synthMen, planMen, MEN_COUNTS } from './synth/men';
export type { SynthMenOptions } from './synth/men';
export {
  planDerm7ptV2,
  derm7ptOracleRow,
  derm7ptPosteriors,
  derm7ptAdditiveWeights,
  DERM7PT_V2_VERSION,
  DERM7PT_INTERACTIONS,
} from './synth/derm7ptModel';
export type { Derm7ptInteraction, PlannedCaseV2, DermFindings, DermRecord } from './synth/derm7ptModel';
export { planMenV2, menOracleRow, menPosteriors, menAdditiveWeights, renderMenVolumesV2, MEN_V2_VERSION } from './synth/menModel';
export type { MenInteraction, PlannedPatientV2, MenFindings, MenRecord } from './synth/menModel';
export { readOracleCsv, writeOracleCsv, oracleAucs, oracleCriteria, formatOracleAucs } from './synth/oracle';
export type { OracleRow, OracleAucs, OracleCriteria } from './synth/oracle';
export { formatSynthSummary } from './synth/summary';
export type { SynthSummary } from './synth/summary';
export { auditLeakage, formatLeakageReport, aucOf } from './audit';
export type { LeakageReport, LeakageOptions, FieldLeakage } from './audit';
export { inspectCohort, formatInspectReport } from './inspect';
export type { InspectReport } from './inspect';
