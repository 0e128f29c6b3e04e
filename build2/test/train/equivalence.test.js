"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const backend_1 = require("../../lib/backend");
const testing_1 = require("../../lib/backend/testing");
const train_1 = require("../../lib/train");
/**
 * The same seed gives the same numbers, to the last bit, before and after a change of the code's layout.
 *
 * The fixture `test/fixtures/equivalence/tiny-run.json` was written by this test (CFCML_WRITE_FIXTURES=1) on the
 * code before the trainer was split into config / model / checkpoint / run-directory modules (commit 4e38660).
 * The cohort is committed beside it (102 cases of a synthetic Derm7pt at 40×40 pixels), so a change of the
 * synthetic generator does not move it. What it pins: every step's loss terms, the epoch history, the
 * leakage audit's excluded fields, the selected epoch, valid and test metrics, the predictions file, and a
 * re-evaluation of best.ckpt from the run directory alone.
 *
 * The fixture pins the wasm path of the dense products (XNNPACK: the same bits on every CPU); the native-blas path
 * is checked below against itself and against this fixture within float32 drift.
 *
 * A deliberate change of the numbers (a kernel, the loss, the data pipeline) must rewrite the fixture and say
 * so in its commit: `CFCML_WRITE_FIXTURES=1 node --test build/test/train/equivalence.test.js`.
 */
const FIXTURES = path.join(__dirname, '../../../test/fixtures/equivalence');
const DATA = path.join(FIXTURES, 'derm7pt');
const FILE = path.join(FIXTURES, 'tiny-run.json');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-equiv-'));
(0, node_test_1.before)(async () => {
    await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true });
});
/** JSON round trip: what the fixture can hold (NaN → null), compared exactly (doubles round-trip in JSON). */
const plain = (x) => JSON.parse(JSON.stringify(x));
/** The tiny seeded run on the dense-product path `cpath`, as the fixture holds it. */
async function tinyRun(cpath, name) {
    (0, backend_1.useComputePath)(cpath);
    const steps = [];
    const r = await (0, train_1.train)({
        data: DATA,
        dataset: 'derm7pt',
        preset: 'tiny',
        epochs: 2,
        seed: 7,
        out: path.join(root, name),
        progress: 'none',
        onStep: (s) => {
            steps.push(s);
        },
    });
    const ev = await (0, train_1.evaluateRun)(r.runDir, { split: 'test' });
    const actual = plain({
        excludedFields: r.config.excludedFields,
        steps,
        history: r.history.map(({ seconds: _s, ...rest }) => rest),
        bestEpoch: r.bestEpoch,
        validMetrics: r.validMetrics,
        testMetrics: r.testMetrics,
        predictionsTest: fs.readFileSync(path.join(r.runDir, 'predictions_test.csv'), 'utf8'),
        predictionsValid: fs.readFileSync(path.join(r.runDir, 'predictions_valid.csv'), 'utf8'),
        reevaluatedTestMetrics: ev.metrics,
    });
    return actual;
}
(0, node_test_1.test)('a tiny seeded run reproduces the stored numbers bit for bit (wasm path, pinned)', async () => {
    const actual = await tinyRun('wasm', 'run');
    if (process.env.CFCML_WRITE_FIXTURES === '1') {
        fs.writeFileSync(FILE, JSON.stringify(actual, null, 1) + '\n');
        return;
    }
    const expected = JSON.parse(fs.readFileSync(FILE, 'utf8'));
    strict_1.default.deepEqual(actual, expected);
});
/**
 * The native-blas path rounds the dense products differently (and per CPU: OpenBLAS picks its kernels at run
 * time), so a stored bit pattern would hold on one machine only. What holds everywhere: the same seed gives the
 * same bits twice on one machine, and every step's loss terms stay within float32 drift of the wasm fixture.
 */
(0, node_test_1.test)('native-blas path: a tiny seeded run repeats bit for bit and stays close to the wasm fixture', (0, testing_1.onPath)('native-blas'), async () => {
    const a = await tinyRun('native-blas', 'native-a');
    const b = await tinyRun('native-blas', 'native-b');
    strict_1.default.deepEqual(a, b);
    const expected = JSON.parse(fs.readFileSync(FILE, 'utf8'));
    strict_1.default.equal(a.steps.length, expected.steps.length);
    a.steps.forEach((s, i) => {
        for (const [k, v] of Object.entries(s)) {
            const w = expected.steps[i][k];
            if (typeof v === 'number' && typeof w === 'number')
                strict_1.default.ok(Math.abs(v - w) <= 1e-3 * Math.max(1, Math.abs(w)), `step ${i} ${k}: ${v} vs wasm ${w}`);
        }
    });
});
//# sourceMappingURL=equivalence.test.js.map