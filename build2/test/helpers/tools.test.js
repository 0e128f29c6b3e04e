"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const tools_1 = require("./tools");
function withCi(value, f) {
    const before = process.env.CI;
    if (value === undefined)
        delete process.env.CI;
    else
        process.env.CI = value;
    try {
        return f();
    }
    finally {
        if (before === undefined)
            delete process.env.CI;
        else
            process.env.CI = before;
    }
}
(0, node_test_1.test)('needTool: a present tool goes on, in CI or not', (t) => {
    strict_1.default.equal(withCi('true', () => (0, tools_1.needTool)(t, true, 'no Chromium')), true);
    strict_1.default.equal(withCi(undefined, () => (0, tools_1.needTool)(t, true, 'no Chromium')), true);
});
(0, node_test_1.test)('needTool: under CI=true a missing tool fails the test, naming the tool', (t) => {
    strict_1.default.throws(() => withCi('true', () => (0, tools_1.needTool)(t, false, 'no Chromium at /usr/bin/chromium')), /no Chromium at \/usr\/bin\/chromium\. CI=true/);
});
(0, node_test_1.test)('needTool: outside CI a missing tool skips the test with the reason', () => {
    const skipped = [];
    const context = { skip: (reason) => void skipped.push(reason) };
    strict_1.default.equal(withCi(undefined, () => (0, tools_1.needTool)(context, false, 'no nbconvert')), false);
    strict_1.default.equal(withCi('1', () => (0, tools_1.needTool)(context, false, 'no SLURM')), false); // only CI=true is CI
    strict_1.default.deepEqual(skipped, ['no nbconvert', 'no SLURM']);
});
//# sourceMappingURL=tools.test.js.map