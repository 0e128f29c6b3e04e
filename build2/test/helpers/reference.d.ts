/**
 * Reference values made by the scripts in scripts/reference/ (PyTorch, NumPy, scikit-learn), stored in
 * test/fixtures/reference/<name>.json with their inputs. Tests run from build/test/<folder>/.
 */
export declare function reference<T = any>(name: string): T;
/** |actual − expected| ≤ tol·max(1, |expected|); `null` expected means "undefined": actual must be NaN. */
export declare function close(actual: number, expected: number | null, what: string, tol?: number): void;
