/** `cblas_sgemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)` on Float32Array views. */
export type Sgemm = (order: number, transA: number, transB: number, m: number, n: number, k: number, alpha: number, a: Float32Array, lda: number, b: Float32Array, ldb: number, beta: number, c: Float32Array, ldc: number) => void;
export declare const CBLAS_ROW_MAJOR = 101;
export declare const CBLAS_NO_TRANS = 111;
export declare const CBLAS_TRANS = 112;
export interface BlasStatus {
    /** The library in use, or null when none loaded. */
    library: string | null;
    /** Why this library (or why none): one line for `cfcml backend`. */
    reason: string;
    /** BLAS threads (1 when unknown or not settable). */
    threads: number;
    /** OpenBLAS's kernel family (its `openblas_get_corename()`), when the library is OpenBLAS. */
    core: string | null;
}
/** BLAS threads wanted: CFCML_BLAS_THREADS, default 1. */
export declare function wantedBlasThreads(): number;
interface Loaded {
    sgemm: Sgemm;
    status: BlasStatus;
}
/** The loaded BLAS (loaded on the first call), or null. */
export declare function blas(): Loaded | null;
/** Which BLAS library the native path uses, or why there is none. */
export declare function blasStatus(): BlasStatus;
export {};
