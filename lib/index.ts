/**
 * cfcml — coarse-to-fine crossmodal learning (CFCML) for diagnosis from medical images + tabular records.
 * The whole public API, folder by folder, in the order data flows (docs: ARCHITECTURE.md).
 */

// Compute backend: picks tfjs-node(-gpu) / wasm with cfcml's kernels / cpu, once.
export { initBackend, backendReport } from './backend';
export type { BackendName } from './backend';

// Data: dataset specs, loaders, synthetic cohorts, tabular encoding, audit, batches.
export * from './data';

// Model, coarse stage (C1–C4): encoders, tabular tokens, compression, crossmodal attention, fusion.
export * from './model';

// Fine stage (H1–H7): prototypes and the three HRM anchor losses.
export { hrmLosses, hrmTotal, anchorLoss, PrototypeMemory, computePrototypes, classLayout, l2Normalize, HRM_DEFAULTS } from './hrm';
export type { HrmOptions, HrmLosses, PrototypeMemoryOptions, PrototypeSnapshot, Prototypes } from './hrm';

// Training (H8), evaluation, checkpoints, run directories.
export * from './train';

// Metrics, modality-gap measures, figures.
export * from './metrics';
export * from './gap';
export * from './plots';

// Notebook helpers: tables, rich display, danfojs.
export * from './notebook';
export { ensureCohort, pickPerClass, modalityLabels, disposeForward, trainingProgress, SEVEN_POINT, sevenPointScore, subplotGrid, featureMapGrid, imageSource } from './notebook';

// Utilities.
export { Rng, deriveSeed } from './util/random';
export { CfcmlError } from './util/errors';
export { parseCsv, formatCsv } from './util/csv';
