"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.needTool = void 0;
const strict_1 = __importDefault(require("node:assert/strict"));
/**
 * The one way a test gives up for want of a tool (Chromium, nbconvert, the classic Notebook, SLURM, …).
 * On a developer's machine the test is skipped with the reason. Under `CI=true` it fails instead: a CI run
 * on a machine without the tool must not be green without having checked what needs it.
 *
 *   if (!needTool(t, fs.existsSync(chromiumPath()), `no Chromium at ${chromiumPath()}`)) return;
 *
 * Returns whether the test should go on.
 */
function needTool(t, available, reason) {
    if (available)
        return true;
    if (process.env.CI === 'true') {
        strict_1.default.fail(`${reason}. CI=true: a test that needs a missing tool fails instead of skipping (npm run setup installs the tools)`);
    }
    t.skip(reason);
    return false;
}
exports.needTool = needTool;
//# sourceMappingURL=tools.js.map