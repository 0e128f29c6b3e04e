/**
 * cfcml — coarse-to-fine crossmodal learning. The whole public API, one screen.
 */
export { initBackend, backendReport } from './backend';
export type { BackendName } from './backend';
export * from './data/spec';
export * from './data/types';
export { DERM7PT, MEN, DATASETS, getDatasetSpec, getPreset } from './data/datasets';
export * from './model/types';
export { Rng, deriveSeed } from './util/random';
export { CfcmlError } from './util/errors';
