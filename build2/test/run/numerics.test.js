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
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
/**
 * The numerics fingerprint (lib/run/numerics.ts) is a property of the arithmetic: the same in two processes
 * with the same kernels, different as soon as one kernel rounds differently (here the stock wasm Sum/Mean,
 * which accumulate in float32, instead of the project's float64 ones), and it leaves no tensor behind.
 * The backend is set up once per process, so each case runs in a child.
 */
const LIB = path.join(__dirname, '../../lib');
const child = (stockSum) => `
const tf = require('@tensorflow/tfjs');
const { initBackend } = require(${JSON.stringify(path.join(LIB, 'backend'))});
const k = require(${JSON.stringify(path.join(LIB, 'backend/kernels'))});
const { numericsFingerprint } = require(${JSON.stringify(path.join(LIB, 'run/numerics'))});
(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  if (${stockSum}) {
    const names = k.registeredWasmKernels();
    k.unregisterWasmKernels();
    k.registerWasmKernels(names.filter((n) => n !== 'Sum' && n !== 'Mean'));
  }
  const before = tf.memory().numTensors;
  const t0 = Date.now();
  const fp = numericsFingerprint();
  const ms = Date.now() - t0;
  console.log(JSON.stringify({ fp, again: numericsFingerprint(), leaked: tf.memory().numTensors - before, ms }));
})();
`;
function run(stockSum) {
    const r = (0, node_child_process_1.spawnSync)(process.execPath, ['-e', child(stockSum)], { encoding: 'utf8', timeout: 240000, cwd: path.join(__dirname, '../../..') });
    strict_1.default.equal(r.status, 0, `child failed: ${r.error?.message ?? ''} ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
}
(0, node_test_1.test)('numerics fingerprint: equal across processes with the same kernels, different with one kernel changed, no tensor left', () => {
    const a = run(false);
    const b = run(false);
    const stock = run(true);
    strict_1.default.match(a.fp, /^[0-9a-f]{16}$/);
    strict_1.default.equal(a.again, a.fp, 'computed once per process');
    strict_1.default.equal(b.fp, a.fp, 'same kernels, same fingerprint');
    strict_1.default.notEqual(stock.fp, a.fp, 'float32 Sum/Mean instead of float64: another fingerprint');
    strict_1.default.equal(a.leaked, 0);
    strict_1.default.equal(stock.leaked, 0);
});
(0, node_test_1.test)('a run started with other numerics is not resumed: the error names both fingerprints', () => {
    const bin = path.join(__dirname, '../../bin/cfcml.js');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-numerics-'));
    const cli = (...args) => (0, node_child_process_1.spawnSync)(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CFCML_BACKEND: 'wasm' } });
    const data = path.join(root, 'derm7pt');
    const out = path.join(root, 'run');
    strict_1.default.equal(cli('synth', 'derm7pt', '--out', data, '--seed', '2', '--scale', '0.1').status, 0);
    const args = ['train', '--data', data, '--preset', 'tiny', '--variant', 'late-fusion', '--epochs', '2', '--out', out, '--progress', 'none'];
    const first = cli(...args, '--stop-after', '1');
    strict_1.default.equal(first.status, 0, first.stderr);
    const file = path.join(out, 'options.json');
    const options = JSON.parse(fs.readFileSync(file, 'utf8'));
    strict_1.default.match(options.numerics, /^[0-9a-f]{16}$/);
    fs.writeFileSync(file, JSON.stringify({ ...options, numerics: 'fedcba9876543210' }));
    const resumed = cli(...args, '--resume');
    strict_1.default.notEqual(resumed.status, 0);
    strict_1.default.match(resumed.stderr, new RegExp(`started with other numerics \\(fingerprint fedcba9876543210, now ${options.numerics}`));
    fs.writeFileSync(file, JSON.stringify(options));
    const ok = cli(...args, '--resume');
    strict_1.default.equal(ok.status, 0, ok.stderr);
    strict_1.default.equal(JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8')).epochs, 2);
    fs.rmSync(root, { recursive: true, force: true });
});
//# sourceMappingURL=numerics.test.js.map