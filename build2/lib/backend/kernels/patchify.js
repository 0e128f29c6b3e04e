"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.patchConv3dInputGrad = exports.patchConv3dFilterGrad = exports.patchConv3d = exports.patchGrid = void 0;
const util_1 = require("./util");
/** The patch grid of x ⊛ filter when the convolution tiles x exactly; null when it does not. */
function patchGrid(xShape, filterShape, strides, dilations, pad) {
    const s = typeof strides === 'number' ? [strides, strides, strides] : strides;
    const d = typeof dilations === 'number' ? [dilations, dilations, dilations] : dilations;
    if (pad !== 'valid' && pad !== 'same')
        return null;
    const k = filterShape.slice(0, 3);
    for (let i = 0; i < 3; i++) {
        if (s[i] !== k[i] || d[i] !== 1 || xShape[i + 1] % k[i] !== 0)
            return null;
    }
    // With exact tiling 'same' and 'valid' agree (no padding).
    return {
        b: xShape[0],
        o: [xShape[1] / k[0], xShape[2] / k[1], xShape[3] / k[2]],
        k: [k[0], k[1], k[2]],
        c: xShape[4],
        cout: filterShape[4],
    };
}
exports.patchGrid = patchGrid;
/**
 * Copy between x [B, OD·KD, OH·KH, OW·KW, C] and P [B·OD·OH·OW, KD·KH·KW·C] (`toPatches`: x → P, else P → x).
 */
function reorder(g, x, p, toPatches) {
    const [od, oh, ow] = g.o;
    const [kd, kh, kw] = g.k;
    const run = kw * g.c; // contiguous in both layouts
    const rowX = ow * run; // one (b, depth, height) row of x
    let dst = 0;
    for (let bo = 0; bo < g.b * od; bo++) {
        for (let i = 0; i < oh; i++) {
            for (let j = 0; j < ow; j++) {
                for (let a = 0; a < kd; a++) {
                    for (let e = 0; e < kh; e++) {
                        const src = ((bo * kd + a) * (oh * kh) + i * kh + e) * rowX + j * run;
                        if (toPatches)
                            for (let t = 0; t < run; t++)
                                p[dst + t] = x[src + t];
                        else
                            for (let t = 0; t < run; t++)
                                x[src + t] = p[dst + t];
                        dst += run;
                    }
                }
            }
        }
    }
}
function patches(backend, g, x) {
    const n = g.b * g.o[0] * g.o[1] * g.o[2];
    const kp = g.k[0] * g.k[1] * g.k[2] * g.c;
    const p = backend.makeOutput([n, kp], 'float32');
    // Views after the allocation (makeOutput may grow the heap).
    reorder(g, backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(p), true);
    return p;
}
function matMul(backend, a, b, transposeA, transposeB) {
    return (0, util_1.runRegistered)('BatchMatMul', backend, { a, b }, { transposeA, transposeB }); // native BLAS or wasm (lib/backend/path.ts)
}
/** y = x ⊛ filter for an exact patch grid: [B, OD, OH, OW, Cout]. */
function patchConv3d(backend, g, x, filter) {
    const p = patches(backend, g, x);
    const kp = p.shape[1];
    const y = matMul(backend, (0, util_1.view)(p, [1, p.shape[0], kp]), (0, util_1.view)(filter, [1, kp, g.cout]), false, false);
    (0, util_1.free)(backend, p);
    return (0, util_1.view)(y, [g.b, ...g.o, g.cout]);
}
exports.patchConv3d = patchConv3d;
/** dW for an exact patch grid: Pᵀ · dy, as [KD, KH, KW, C, Cout]. */
function patchConv3dFilterGrad(backend, g, x, dy) {
    const p = patches(backend, g, x);
    const [n, kp] = p.shape;
    const dw = matMul(backend, (0, util_1.view)(p, [1, n, kp]), (0, util_1.view)(dy, [1, n, g.cout]), true, false);
    (0, util_1.free)(backend, p);
    return (0, util_1.view)(dw, [...g.k, g.c, g.cout]);
}
exports.patchConv3dFilterGrad = patchConv3dFilterGrad;
/** dx for an exact patch grid: dy · Wᵀ re-ordered back to [B, D, H, W, C]. */
function patchConv3dInputGrad(backend, g, dy, filter) {
    const n = g.b * g.o[0] * g.o[1] * g.o[2];
    const kp = g.k[0] * g.k[1] * g.k[2] * g.c;
    const dp = matMul(backend, (0, util_1.view)(dy, [1, n, g.cout]), (0, util_1.view)(filter, [1, kp, g.cout]), false, true);
    const shape = [g.b, g.o[0] * g.k[0], g.o[1] * g.k[1], g.o[2] * g.k[2], g.c];
    const dx = backend.makeOutput(shape, 'float32');
    reorder(g, backend.typedArrayFromHeap(dx), backend.typedArrayFromHeap(dp), false);
    (0, util_1.free)(backend, dp);
    return dx;
}
exports.patchConv3dInputGrad = patchConv3dInputGrad;
//# sourceMappingURL=patchify.js.map