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
Object.defineProperty(exports, "__esModule", { value: true });
exports.nativeFusedMatMul = exports.nativeBatchMatMul = void 0;
/**
 * BatchMatMul and _FusedMatMul on the wasm backend computed by the system BLAS (lib/backend/blas.ts):
 * `cblas_sgemm` reads the operands from, and writes the product into, the wasm heap in place. Transposed
 * operands are BLAS flags (no Transpose op); a batched product is one sgemm call per batch entry.
 *
 * The heap can grow (and detach earlier views) whenever the backend allocates, so the views are taken
 * after the output is allocated, on every call.
 *
 * What this kernel does not cover falls through to the wasm kernel (lib/backend/kernels/batchMatMul.ts):
 * non-float32 operands, batch shapes that broadcast other than "equal or one of them 1", and fused
 * activations other than linear.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const blas_1 = require("../blas");
const batchMatMul_1 = require("./batchMatMul");
const util_1 = require("./util");
/**
 * C[b] = op(A[b]) · op(B[b]) for every batch entry, into a new heap tensor; null where not covered.
 * `a`: [..., M, K] (or [..., K, M] transposed), `b`: [..., K, N] (or [..., N, K]).
 */
function product(args, sgemm) {
    const { inputs, backend, attrs = {} } = args;
    const { a, b } = inputs;
    const { transposeA, transposeB } = attrs;
    if (a.dtype !== 'float32' || b.dtype !== 'float32')
        return null;
    const ra = a.shape.length;
    const rb = b.shape.length;
    const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
    const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
    const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
    const kb = transposeB ? b.shape[rb - 1] : b.shape[rb - 2];
    if (k !== kb)
        return null; // let the wasm kernel raise tfjs's own error
    const batchShapeA = a.shape.slice(0, ra - 2);
    const batchShapeB = b.shape.slice(0, rb - 2);
    const batchA = (0, util_1.size)(batchShapeA);
    const batchB = (0, util_1.size)(batchShapeB);
    if (batchA !== batchB && batchA !== 1 && batchB !== 1)
        return null;
    const batchShape = tf.backend_util.assertAndGetBroadcastShape(batchShapeA, batchShapeB);
    const batch = Math.max(batchA, batchB);
    // Equal batch shapes (up to leading ones), or one operand shared by every entry: entry i is at i·stride.
    if ((0, util_1.size)(batchShape) !== batch)
        return null;
    const out = backend.makeOutput([...batchShape, m, n], 'float32');
    if (m * n === 0)
        return out;
    // Views after makeOutput: the allocation may have grown (and detached) the heap.
    const A = backend.typedArrayFromHeap(a);
    const B = backend.typedArrayFromHeap(b);
    const C = backend.typedArrayFromHeap(out);
    if (k === 0) {
        C.fill(0);
        return out;
    }
    const ta = transposeA ? blas_1.CBLAS_TRANS : blas_1.CBLAS_NO_TRANS;
    const tb = transposeB ? blas_1.CBLAS_TRANS : blas_1.CBLAS_NO_TRANS;
    const lda = transposeA ? m : k;
    const ldb = transposeB ? k : n;
    if (batch === 1) {
        sgemm(blas_1.CBLAS_ROW_MAJOR, ta, tb, m, n, k, 1, A, lda, B, ldb, 0, C, n);
        return out;
    }
    const sa = batchA === 1 ? 0 : m * k;
    const sb = batchB === 1 ? 0 : k * n;
    for (let i = 0; i < batch; i++) {
        sgemm(blas_1.CBLAS_ROW_MAJOR, ta, tb, m, n, k, 1, A.subarray(i * sa, i * sa + m * k), lda, B.subarray(i * sb, i * sb + k * n), ldb, 0, C.subarray(i * m * n, (i + 1) * m * n), n);
    }
    return out;
}
/** BatchMatMul through `sgemm` (else the wasm kernel). */
function nativeBatchMatMul(sgemm) {
    return function batchMatMulBlas(args) {
        return product(args, sgemm) ?? (0, batchMatMul_1.batchMatMul)(args);
    };
}
exports.nativeBatchMatMul = nativeBatchMatMul;
/** _FusedMatMul through `sgemm`, the bias added by the stock Add (else the wasm kernel). */
function nativeFusedMatMul(sgemm) {
    return function fusedMatMulBlas(args) {
        const { inputs, backend, attrs = {} } = args;
        const { activation } = attrs;
        if ((activation && activation !== 'linear') || inputs.preluActivationWeights)
            return (0, batchMatMul_1.fusedMatMul)(args);
        const c = product({ backend, attrs, inputs: { a: inputs.a, b: inputs.b } }, sgemm);
        if (!c)
            return (0, batchMatMul_1.fusedMatMul)(args);
        if (!inputs.bias)
            return c;
        const withBias = (0, util_1.run)('Add', backend, { a: c, b: inputs.bias });
        (0, util_1.free)(backend, c);
        return withBias;
    };
}
exports.nativeFusedMatMul = nativeFusedMatMul;
//# sourceMappingURL=nativeMatMul.js.map