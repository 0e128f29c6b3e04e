export interface DelongResult {
    aucA: number;
    aucB: number;
    /** aucA − aucB. */
    diff: number;
    /** Standard error of the difference. */
    se: number;
    z: number;
    /** Two-sided p-value. */
    p: number;
}
/** Midranks (1-based, ties get the mean of their ranks). */
export declare function midranks(x: readonly number[]): number[];
/** Standard normal CDF Φ(x). */
export declare function normalCdf(x: number): number;
/**
 * DeLong's test of H0: AUC_A = AUC_B, for two score vectors on the same cases.
 * When the variance of the difference is 0 (e.g. identical scores), z = 0 and p = 1 if the AUCs are equal.
 */
export declare function delongTest(labels: readonly number[], scoresA: readonly number[], scoresB: readonly number[]): DelongResult;
