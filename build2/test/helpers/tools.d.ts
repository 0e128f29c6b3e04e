/// <reference types="node" />
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
export declare function needTool(t: Pick<TestContext, 'skip'>, available: boolean, reason: string): boolean;
