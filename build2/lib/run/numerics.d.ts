/**
 * 16 hex digits of the sha256 over the probes' step results, on the active tfjs backend (initialise it first).
 * Computed once per process (about 0.1–0.3 s on wasm); no tensor is left behind.
 */
export declare function numericsFingerprint(): string;
