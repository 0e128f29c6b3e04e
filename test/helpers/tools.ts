import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';

/**
 * The one way a test gives up for want of a tool (Chromium, nbconvert, the classic Notebook, SLURM, …).
 * On a developer's machine the test is skipped with the reason. Under `CI=true` it fails instead: a CI run
 * on a machine without the tool must not be green without having checked what needs it.
 *
 *   if (!needTool(t, fs.existsSync(chromiumPath()), `no Chromium at ${chromiumPath()}`)) return;
 *
 * Returns whether the test should go on.
 */
export function needTool(t: Pick<TestContext, 'skip'>, available: boolean, reason: string): boolean {
  if (available) return true;
  if (process.env.CI === 'true') {
    assert.fail(`${reason}. CI=true: a test that needs a missing tool fails instead of skipping (npm run setup installs the tools)`);
  }
  t.skip(reason);
  return false;
}
