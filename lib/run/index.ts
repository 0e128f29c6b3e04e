/**
 * The machinery of a training run, apart from the method: the run directory and its files, the guards of a
 * long unattended run (lock, write probe, stop signal, non-finite loss), checkpoints, the numerics
 * fingerprint, and the step's gradient computed in micro-batches.
 */
export { saveCheckpoint, loadCheckpoint, loadGoodCheckpoint, encodeCheckpoint, decodeCheckpoint, convertLegacyCheckpoint, packRunCheckpoint, unpackWeights, unpackOptimizerState } from './checkpoint';
export type { NamedArray, CheckpointContent, GoodCheckpoint, RunCheckpointMeta } from './checkpoint';
export { RunDirectory, formatPredictionsCsv, readPredictionsCsv } from './runDirectory';
export type { RunOptionsFile, RunMetricsFile, PredictionsTable, CheckpointKind } from './runDirectory';
export { RunLock, RunInterruptedError, NonFiniteLossError, StopSignal, STOP_SIGNALS, checkFiniteLoss, probeRunDir } from './runGuard';
export type { PartialEpoch, LockOwner } from './runGuard';
export { numericsFingerprint } from './numerics';
export { splitGradients, fullBatchGradients, planMicroBatch } from './splitStep';
export type { StepBatch, StepGradients, MicroBatchPlan } from './splitStep';
