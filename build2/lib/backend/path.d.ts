import { type BlasStatus } from './blas';
export type ComputePath = 'native-blas' | 'wasm';
export declare const COMPUTE_PATHS: readonly ComputePath[];
/** The path in use and why; `blas` says which library the native path has (or why none). */
export declare function computePath(): {
    path: ComputePath;
    reason: string;
    blas: BlasStatus;
};
/** Whether the native path can run here (a BLAS library loaded through koffi). */
export declare function nativeBlasAvailable(): boolean;
/**
 * Register the dense-product kernels of `path` on the (initialised) wasm backend; `auto` takes native-blas
 * where available, no argument the path asked for last (else auto). Returns the path now in use. Asking for
 * native-blas where it cannot run is an error naming the reason.
 */
export declare function useComputePath(want?: ComputePath | 'auto'): ComputePath;
