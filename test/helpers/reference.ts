import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Reference values made by the scripts in scripts/reference/ (PyTorch, NumPy, scikit-learn), stored in
 * test/fixtures/reference/<name>.json with their inputs. Tests run from build/test/<folder>/.
 */
export function reference<T = any>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference', `${name}.json`), 'utf8')) as T;
}

/** |actual − expected| ≤ tol·max(1, |expected|); `null` expected means "undefined": actual must be NaN. */
export function close(actual: number, expected: number | null, what: string, tol = 1e-12): void {
  if (expected === null) {
    assert.ok(Number.isNaN(actual), `${what}: expected NaN (undefined), got ${actual}`);
    return;
  }
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: got ${actual}, expected ${expected}`);
}
