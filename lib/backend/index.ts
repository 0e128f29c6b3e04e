/**
 * The compute backend: `initBackend()` picks and prepares it (native TensorFlow, else wasm with this
 * project's kernels, else cpu); nothing else in cfcml knows which one runs.
 */
export { initBackend, backendReport } from './select';
export type { BackendName, InitBackendOptions } from './select';
export { computePath, nativeBlasAvailable, useComputePath, COMPUTE_PATHS } from './path';
export type { ComputePath } from './path';
export { blasStatus } from './blas';
export type { BlasStatus } from './blas';
