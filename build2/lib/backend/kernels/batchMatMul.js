"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fusedMatMul = exports.batchMatMul = exports.DEPTHWISE_MIN_BATCH = exports.KERNEL_NAMES = void 0;
const util_1 = require("./util");
exports.KERNEL_NAMES = ['BatchMatMul', '_FusedMatMul'];
function swapLastTwo(backend, x) {
    const r = x.shape.length;
    const perm = [...Array(r).keys()];
    perm[r - 2] = r - 1;
    perm[r - 1] = r - 2;
    return (0, util_1.transpose)(backend, x, perm);
}
/**
 * Batched products with at least this many batch entries go through a depthwise convolution. The
 * stock kernel hands only batch-1 products to XNNPACK's GEMM and loops naively otherwise; measured on
 * wasm 4.22 (build/scratch timings, 2-core x86): batch ≥ 3 was 1.5–9× faster as depthwise for every
 * shape tried (M, N 8–1024, K 8–1024), batch 2 with large M·K·N up to 2× slower, so it stays stock.
 */
exports.DEPTHWISE_MIN_BATCH = 3;
/**
 * A[b,m,k] × B[b,k,n] as a depthwise convolution: the input is Aᵀ = [1, M, K, batch] (channels =
 * batch), the filter is Bᵀ = [1, K, batch, N] (channel multiplier = N), VALID:
 *   out[0, m, 0, b·N+n] = Σ_j A[b,m,j] · B[b,j,n]
 * and out viewed as [M, batch, N] is transposed back to [batch, M, N].
 */
function batchedAsDepthwise(backend, a, b, batch, m, k, n) {
    const aT = (0, util_1.transpose)(backend, (0, util_1.view)(a, [batch, m, k]), [1, 2, 0]); // [M, K, batch]
    const bT = (0, util_1.transpose)(backend, (0, util_1.view)(b, [batch, k, n]), [1, 0, 2]); // [K, batch, N]
    const out = (0, util_1.run)('DepthwiseConv2dNative', backend, { x: (0, util_1.view)(aT, [1, m, k, batch]), filter: (0, util_1.view)(bT, [1, k, batch, n]) }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined }); // [1, M, 1, batch·N]
    const c = (0, util_1.transpose)(backend, (0, util_1.view)(out, [m, batch, n]), [1, 0, 2]); // [batch, M, N]
    (0, util_1.free)(backend, aT, bT, out);
    return c;
}
function makeMatMul(name) {
    return function matMul(args) {
        const { inputs, backend, attrs = {} } = args;
        const { transposeA, transposeB } = attrs;
        const a = transposeA ? swapLastTwo(backend, inputs.a) : inputs.a;
        const b = transposeB ? swapLastTwo(backend, inputs.b) : inputs.b;
        const ra = a.shape.length;
        const rb = b.shape.length;
        const [m, k] = a.shape.slice(ra - 2);
        const n = b.shape[rb - 1];
        const batchA = (0, util_1.size)(a.shape.slice(0, ra - 2));
        const batchB = (0, util_1.size)(b.shape.slice(0, rb - 2));
        let out;
        if (name === 'BatchMatMul' &&
            a.dtype === 'float32' &&
            batchA === batchB &&
            batchA >= exports.DEPTHWISE_MIN_BATCH &&
            ra === rb) {
            const c = batchedAsDepthwise(backend, a, b, batchA, m, k, n);
            out = (0, util_1.view)(c, [...a.shape.slice(0, ra - 2), m, n]);
        }
        else {
            out = (0, util_1.run)(name, backend, { ...inputs, a, b }, { ...attrs, transposeA: false, transposeB: false });
        }
        if (transposeA)
            (0, util_1.free)(backend, a);
        if (transposeB)
            (0, util_1.free)(backend, b);
        return out;
    };
}
exports.batchMatMul = makeMatMul('BatchMatMul');
exports.fusedMatMul = makeMatMul('_FusedMatMul');
//# sourceMappingURL=batchMatMul.js.map