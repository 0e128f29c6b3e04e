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
/**
 * Backend selection: one choice per process, explicit switches, the CFCML_BACKEND override.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const path = __importStar(require("node:path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../../lib/backend");
(0, node_test_1.test)('initBackend picks once and reports the project kernels on wasm', async () => {
    const a = (0, backend_1.initBackend)({ quiet: true });
    const b = (0, backend_1.initBackend)({ quiet: true });
    strict_1.default.equal(a, b);
    const name = await a;
    // No native binding is installed here, so the automatic choice is wasm.
    strict_1.default.equal(name, 'wasm');
    strict_1.default.equal(tf.getBackend(), 'wasm');
    const r = (0, backend_1.backendReport)();
    strict_1.default.equal(r.backend, 'wasm');
    for (const k of ['Conv2DBackpropFilter', 'BatchMatMul', 'Sum', 'UnsortedSegmentSum', 'Conv3DBackpropInputV2']) {
        strict_1.default.ok(r.projectKernels.includes(k), k);
    }
});
(0, node_test_1.test)('an explicit different backend switches; the same one keeps the promise', async () => {
    strict_1.default.equal(await (0, backend_1.initBackend)({ backend: 'cpu', quiet: true }), 'cpu');
    strict_1.default.equal(tf.getBackend(), 'cpu');
    strict_1.default.deepEqual((0, backend_1.backendReport)(), { backend: 'cpu', projectKernels: [], computePath: null });
    const p = (0, backend_1.initBackend)({ backend: 'cpu', quiet: true });
    strict_1.default.equal(p, (0, backend_1.initBackend)({ quiet: true }));
    strict_1.default.equal(await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true }), 'wasm');
});
(0, node_test_1.test)('CFCML_BACKEND wins and the choice is logged on one stderr line', () => {
    const index = path.join(__dirname, '../../lib/backend/index.js');
    const script = `require(${JSON.stringify(index)}).initBackend().then(b => { require('@tensorflow/tfjs').tensor([1]).dataSync(); console.log(b); })`;
    const run = (env) => (0, node_child_process_1.execFileSync)(process.execPath, ['-e', script], {
        env: { ...process.env, CFCML_BACKEND: env },
        cwd: path.join(__dirname, '../../..'),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    strict_1.default.equal(run('cpu').trim(), 'cpu');
    strict_1.default.throws(() => run('gpu'), /CFCML_BACKEND must be one of/);
});
(0, node_test_1.test)('the "install our node backend" nag is silenced', () => {
    const index = path.join(__dirname, '../../lib/backend/index.js');
    const script = `require(${JSON.stringify(index)}).initBackend({backend:'cpu'}).then(() => require('@tensorflow/tfjs').tensor([1]).dataSync())`;
    const out = (0, node_child_process_1.execFileSync)(process.execPath, ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const err = require('node:child_process').spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stderr;
    strict_1.default.doesNotMatch(out + err, /speed things up/);
    strict_1.default.equal(err.trim().split('\n').length, 1, err);
});
(0, node_test_1.test)('the tfjs-node alias (plain tfjs 3.21, for danfojs) is never loaded', async () => {
    await (0, backend_1.initBackend)({ quiet: true });
    const loaded = Object.keys(require.cache).some((f) => f.includes(`${path.sep}tfjs-node${path.sep}dist`));
    strict_1.default.equal(loaded, false);
});
(0, node_test_1.test)('`cfcml backend` says which path the dense products take, and why', () => {
    const cli = path.join(__dirname, '../../bin/cfcml.js');
    const run = (env) => (0, node_child_process_1.execFileSync)(process.execPath, [cli, 'backend'], { env: { ...process.env, ...env }, cwd: path.join(__dirname, '../../..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const off = run({ CFCML_BLAS: 'none' });
    strict_1.default.match(off, /^dense products: wasm \(no BLAS: CFCML_BLAS=none\)$/m);
    strict_1.default.match(off, /^native BLAS: none \(CFCML_BLAS=none\)$/m);
    if ((0, backend_1.nativeBlasAvailable)() || process.env.CI === 'true') {
        strict_1.default.match(run({}), /^dense products: native-blas \(default where BLAS loads; OpenBLAS found: \S+ .*1 thread\)$/m);
    }
});
//# sourceMappingURL=select.test.js.map