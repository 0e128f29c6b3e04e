export declare function mean(x: readonly number[]): number;
/** Sample standard deviation (n − 1); NaN for fewer than two values. */
export declare function sd(x: readonly number[]): number;
/**
 * Holm (1979) step-down adjusted p-values for a family of m tests: sort ascending, p_(i) ↦ min(1, (m − i + 1)·p_(i))
 * (i = 1..m), made monotone by a running maximum; returned in the input order. NaN entries (no test) are
 * left out of the family and stay NaN. Reject H_i at level α iff adjusted p_i ≤ α; this controls the
 * family-wise error rate without any assumption on the dependence between the tests.
 */
export declare function holm(p: readonly number[]): number[];
/** Per-case mean of several probability matrices given for the same cases in the same order. */
export declare function averageProbs(runs: readonly (readonly (readonly number[])[])[]): number[][];
