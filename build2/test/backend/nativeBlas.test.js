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
 * The native dense products (lib/backend/blas.ts, kernels/nativeMatMul.ts): cblas_sgemm on the wasm heap
 * against a float64 product computed here, for plain, transposed, batched, broadcast and fused products, after
 * the heap grew, and without leaking tensors; the BLAS search order's switches (CFCML_BLAS) in child processes;
 * the numerics fingerprint telling the paths apart. Skipped where no BLAS loads, except under CI=true.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const path = __importStar(require("node:path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../../lib/backend");
const testing_1 = require("../../lib/backend/testing");
const numerics_1 = require("../../lib/run/numerics");
const random_1 = require("../../lib/util/random");
/** op(A)·op(B) in float64 over the batch (operands broadcast where one batch is 1), as a flat array. */
function reference(a, b, ta, tb) {
    const A = a.dataSync();
    const B = b.dataSync();
    const ra = a.rank;
    const rb = b.rank;
    const m = ta ? a.shape[ra - 1] : a.shape[ra - 2];
    const k = ta ? a.shape[ra - 2] : a.shape[ra - 1];
    const n = tb ? b.shape[rb - 2] : b.shape[rb - 1];
    const batchA = a.size / (m * k);
    const batchB = b.size / (k * n);
    const batch = Math.max(batchA, batchB);
    const out = new Float64Array(batch * m * n);
    for (let q = 0; q < batch; q++) {
        const oa = batchA === 1 ? 0 : q * m * k;
        const ob = batchB === 1 ? 0 : q * k * n;
        for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
                let s = 0;
                for (let l = 0; l < k; l++)
                    s += A[oa + (ta ? l * m + i : i * k + l)] * B[ob + (tb ? j * k + l : l * n + j)];
                out[q * m * n + i * n + j] = s;
            }
        }
    }
    const batchShape = (batchA >= batchB ? a.shape.slice(0, ra - 2) : b.shape.slice(0, rb - 2));
    return { data: out, shape: [...batchShape, m, n] };
}
/** max |got − want| / max |want|. */
function rel(got, want) {
    let num = 0;
    let den = 1e-12;
    for (let i = 0; i < want.length; i++) {
        num = Math.max(num, Math.abs(got[i] - want[i]));
        den = Math.max(den, Math.abs(want[i]));
    }
    return num / den;
}
const CASES = [
    [[64, 32], [32, 48], false, false],
    [[32, 64], [32, 48], true, false],
    [[64, 32], [48, 32], false, true],
    [[32, 64], [48, 32], true, true],
    [[1, 7], [7, 1], false, false],
    [[5, 16, 8], [5, 16, 8], true, false],
    [[2, 3, 8, 16], [2, 3, 8, 16], false, true],
    [[4, 33, 17], [17, 9], false, false],
    [[33, 17], [4, 17, 9], false, false],
    [[1, 6, 5], [3, 5, 2], false, false],
];
(0, node_test_1.test)('setup: wasm backend', async () => {
    strict_1.default.equal(await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true }), 'wasm');
});
(0, node_test_1.test)('native-blas: matMul with and without transposes, batched and broadcast, equals a float64 product', (0, testing_1.onPath)('native-blas'), () => {
    strict_1.default.equal((0, backend_1.useComputePath)('native-blas'), 'native-blas');
    const rng = new random_1.Rng(31);
    const n0 = tf.memory().numTensors;
    for (const [sa, sb, ta, tb] of CASES) {
        const a = (0, testing_1.randomTensor)(rng, sa);
        const b = (0, testing_1.randomTensor)(rng, sb);
        const c = tf.matMul(a, b, ta, tb);
        const want = reference(a, b, ta, tb);
        strict_1.default.deepEqual(c.shape, want.shape, `${sa} × ${sb}`);
        const e = rel(c.dataSync(), want.data);
        strict_1.default.ok(e < 1e-5, `${sa} ${ta ? 'ᵀ' : ''}× ${sb}${tb ? 'ᵀ' : ''}: relative error ${e.toExponential(2)}`);
        tf.dispose([a, b, c]);
    }
    strict_1.default.equal(tf.memory().numTensors, n0, 'no tensor left behind');
});
(0, node_test_1.test)('native-blas: fused matMul adds the bias (and falls back for an activation)', (0, testing_1.onPath)('native-blas'), () => {
    (0, backend_1.useComputePath)('native-blas');
    const rng = new random_1.Rng(32);
    const a = (0, testing_1.randomTensor)(rng, [16, 8]);
    const b = (0, testing_1.randomTensor)(rng, [12, 8]);
    const bias = (0, testing_1.randomTensor)(rng, [12]);
    const want = reference(a, b, false, true).data;
    const bv = bias.dataSync();
    const linear = tf.fused.matMul({ a: a, b: b, transposeB: true, bias });
    const relu = tf.fused.matMul({ a: a, b: b, transposeB: true, bias, activation: 'relu' });
    const withBias = want.map((v, i) => v + bv[i % 12]);
    strict_1.default.ok(rel(linear.dataSync(), withBias) < 1e-5);
    strict_1.default.ok(rel(relu.dataSync(), withBias.map((v) => Math.max(v, 0))) < 1e-5);
    tf.dispose([a, b, bias, linear, relu]);
});
(0, node_test_1.test)('native-blas: a product right after the heap grew reads and writes the new heap', (0, testing_1.onPath)('native-blas'), () => {
    (0, backend_1.useComputePath)('native-blas');
    const rng = new random_1.Rng(33);
    const a = (0, testing_1.randomTensor)(rng, [3, 1500]);
    const b = (0, testing_1.randomTensor)(rng, [1500, 3000]);
    const heap = () => tf.backend().wasm.HEAPU8.byteLength;
    const before = heap();
    // Big enough intermediates that the allocation of the output grows the heap (detaching old views).
    const big = tf.zeros([Math.ceil(before / 4) + 1]);
    const c = tf.matMul(a, b);
    strict_1.default.ok(heap() > before, 'the heap grew');
    strict_1.default.ok(rel(c.dataSync(), reference(a, b, false, false).data) < 1e-5);
    tf.dispose([a, b, c, big]);
});
(0, node_test_1.test)('both paths agree to float32 rounding, and the numerics fingerprint tells them apart', (0, testing_1.onPath)('native-blas'), () => {
    const rng = new random_1.Rng(34);
    const a = (0, testing_1.randomTensor)(rng, [4, 24, 40]);
    const b = (0, testing_1.randomTensor)(rng, [4, 40, 16]);
    (0, backend_1.useComputePath)('wasm');
    const w = tf.matMul(a, b);
    const fw = (0, numerics_1.numericsFingerprint)();
    (0, backend_1.useComputePath)('native-blas');
    const n = tf.matMul(a, b);
    const fn = (0, numerics_1.numericsFingerprint)();
    strict_1.default.ok(rel(n.dataSync(), w.dataSync()) < 1e-5);
    strict_1.default.notEqual(fn, fw, 'one fingerprint per path');
    strict_1.default.equal((0, numerics_1.numericsFingerprint)(), fn, 'stable on the same path');
    (0, backend_1.useComputePath)('wasm');
    strict_1.default.equal((0, numerics_1.numericsFingerprint)(), fw);
    tf.dispose([a, b, w, n]);
});
(0, node_test_1.test)('useComputePath("wasm") pins the XNNPACK path and computePath says so', () => {
    strict_1.default.equal((0, backend_1.useComputePath)('wasm'), 'wasm');
    const cp = (0, backend_1.computePath)();
    strict_1.default.equal(cp.path, 'wasm');
    strict_1.default.equal(cp.reason, 'asked for');
});
/** blasStatus() in a fresh process under `env` (the library is looked up once per process). */
function statusIn(env, hideKoffi = false) {
    const blasJs = path.join(__dirname, '../../lib/backend/blas.js');
    // hideKoffi: require('koffi') fails as it does where the optional package did not install.
    const hide = hideKoffi
        ? `const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (r === 'koffi') throw new Error("Cannot find module 'koffi'"); return load.call(this, r, ...a); };`
        : '';
    const r = (0, node_child_process_1.spawnSync)(process.execPath, ['-e', `${hide} console.log(JSON.stringify(require(${JSON.stringify(blasJs)}).blasStatus()))`], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
    });
    strict_1.default.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim());
}
(0, node_test_1.test)('CFCML_BLAS=none turns the native path off; a CFCML_BLAS that does not load is named in the reason', () => {
    const off = statusIn({ CFCML_BLAS: 'none' });
    strict_1.default.equal(off.library, null);
    strict_1.default.equal(off.reason, 'CFCML_BLAS=none');
    const bad = statusIn({ CFCML_BLAS: '/nonexistent/libcblas.so' });
    strict_1.default.equal(bad.library, null);
    strict_1.default.match(bad.reason, /\/nonexistent\/libcblas\.so/);
    const noKoffi = statusIn({}, true);
    strict_1.default.equal(noKoffi.library, null);
    strict_1.default.match(noKoffi.reason, /^koffi \(optional npm dependency\) did not load: Cannot find module 'koffi'/);
});
(0, node_test_1.test)('without koffi the wasm backend runs as before, on the wasm path, and says why', () => {
    const selectJs = path.join(__dirname, '../../lib/backend/index.js');
    const hide = `const M = require('module'); const load = M._load; M._load = function (r, ...a) { if (r === 'koffi') throw new Error("Cannot find module 'koffi'"); return load.call(this, r, ...a); };`;
    const prog = `${hide} const tf = require('@tensorflow/tfjs'); const b = require(${JSON.stringify(selectJs)});
    b.initBackend({ backend: 'wasm', quiet: true }).then(() => { const c = tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]]));
    console.log(JSON.stringify({ c: Array.from(c.dataSync()), path: b.computePath() })); });`;
    const r = (0, node_child_process_1.spawnSync)(process.execPath, ['-e', prog], { encoding: 'utf8', cwd: path.join(__dirname, '../../..') });
    strict_1.default.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split('\n').pop());
    strict_1.default.deepEqual(out.c, [17, 39]);
    strict_1.default.equal(out.path.path, 'wasm');
    strict_1.default.match(out.path.reason, /^no BLAS: koffi \(optional npm dependency\) did not load/);
});
(0, node_test_1.test)('the default search finds OpenBLAS (CI installs it)', (0, testing_1.onPath)('native-blas'), () => {
    const s = statusIn({});
    strict_1.default.ok(s.library, s.reason);
    strict_1.default.equal(s.reason, 'OpenBLAS found');
});
//# sourceMappingURL=nativeBlas.test.js.map