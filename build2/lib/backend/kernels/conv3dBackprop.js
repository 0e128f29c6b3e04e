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
exports.conv3dBackpropInput = exports.conv3dBackpropFilter = exports.KERNEL_NAMES = void 0;
/**
 * Conv3DBackpropFilterV2 and Conv3DBackpropInputV2 on wasm, composed from the wasm Conv3D kernel.
 *
 * The stock wasm 4.22 kernels are wrong (checked against cpu): Conv3DBackpropInputV2 for every shape
 * tried (relative error ≈ 1), Conv3DBackpropFilterV2 whenever the stride is > 1. Conv3D, MaxPool3D,
 * AvgPool3D and their pool gradients are right. The same identities as the 2D kernels are used:
 *
 *   dW[kd,kh,kw,ci,co] = Σ_{b,o} xpad[b, s∘o + k, ci] · dy[b, o, co]
 *     = VALID stride-1 conv of xpadᵀ [Cin, Dp, Hp, Wp, B] with dyᵀ [OD, OH, OW, B, Cout], dilated by s
 *   dx = VALID stride-1 conv of (dy with zeros inserted, padded K−1−p before) with W flipped in
 *        (kd, kh, kw) and transposed to [KD, KH, KW, Cout, Cin]
 *
 * Conv3D takes only 'same'/'valid' padding, so padding (or cropping) is done first with PadV2/Slice.
 *
 * Both use this project's Conv3D (conv3d.ts, through XNNPACK); the stock filter gradient, correct at
 * stride 1, is kept there.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const conv3d_1 = require("./conv3d");
const patchify_1 = require("./patchify");
const util_1 = require("./util");
exports.KERNEL_NAMES = ['Conv3DBackpropFilterV2', 'Conv3DBackpropInputV2'];
function info3d(xShape, wShape, attrs) {
    const c = tf.backend_util.computeConv3DInfo(xShape, wShape, attrs.strides, 1, attrs.pad);
    return {
        s: [c.strideDepth, c.strideHeight, c.strideWidth],
        k: [c.filterDepth, c.filterHeight, c.filterWidth],
        o: [c.outDepth, c.outHeight, c.outWidth],
        n: [c.inDepth, c.inHeight, c.inWidth],
        p: [c.padInfo.front, c.padInfo.top, c.padInfo.left],
        cin: c.inChannels,
        cout: c.outChannels,
    };
}
function conv3dBackpropFilter(args) {
    const { inputs, backend, attrs = {} } = args;
    const { x, dy } = inputs;
    const grid = x.dtype === 'float32' ? (0, patchify_1.patchGrid)(x.shape, attrs.filterShape, attrs.strides, 1, attrs.pad) : null;
    if (grid)
        return (0, patchify_1.patchConv3dFilterGrad)(backend, grid, x, dy);
    const { s, k, o, n, p } = info3d(x.shape, attrs.filterShape, attrs);
    if (s.every((si) => si === 1))
        return (0, util_1.run)('Conv3DBackpropFilterV2', backend, inputs, attrs);
    // Pad so that each spatial axis is exactly the (o−1)·s + k positions the windows visit.
    const spans = [0, 1, 2].map((i) => [p[i], (o[i] - 1) * s[i] + k[i] - n[i] - p[i]]);
    const xp = (0, util_1.padOrCrop)(backend, x, [[0, 0], ...spans, [0, 0]]);
    const xT = (0, util_1.transpose)(backend, xp, [4, 1, 2, 3, 0]); // [Cin, Dp, Hp, Wp, B]
    const dyT = (0, util_1.transpose)(backend, dy, [1, 2, 3, 0, 4]); // [OD, OH, OW, B, Cout]
    const dWt = (0, conv3d_1.conv3dVia2d)(backend, xT, dyT, 1, 'valid', s); // [Cin, KD, KH, KW, Cout]
    const dW = (0, util_1.transpose)(backend, dWt, [1, 2, 3, 0, 4]); // [KD, KH, KW, Cin, Cout]
    if (xp !== x)
        (0, util_1.free)(backend, xp);
    (0, util_1.free)(backend, xT, dyT, dWt);
    return dW;
}
exports.conv3dBackpropFilter = conv3dBackpropFilter;
function conv3dBackpropInput(args) {
    const { inputs, backend, attrs = {} } = args;
    const { dy, filter } = inputs;
    const grid = dy.dtype === 'float32' ? (0, patchify_1.patchGrid)(attrs.inputShape, filter.shape, attrs.strides, 1, attrs.pad) : null;
    if (grid)
        return (0, patchify_1.patchConv3dInputGrad)(backend, grid, dy, filter);
    const { s, k, n, p } = info3d(attrs.inputShape, filter.shape, attrs);
    const dyz = (0, util_1.insertZeros)(backend, dy, s); // [B, OD·sd, OH·sh, OW·sw, Cout]
    // Before: k−1−p; after: whatever makes the stride-1 VALID output length n (negative crops).
    const pads = [0, 1, 2].map((i) => {
        const before = k[i] - 1 - p[i];
        return [before, n[i] + k[i] - 1 - before - dyz.shape[i + 1]];
    });
    const dyp = (0, util_1.padOrCrop)(backend, dyz, [[0, 0], ...pads, [0, 0]]);
    const flipped = (0, util_1.run)('Reverse', backend, { x: filter }, { dims: [0, 1, 2] });
    const wT = (0, util_1.transpose)(backend, flipped, [0, 1, 2, 4, 3]); // [KD, KH, KW, Cout, Cin]
    const dx = (0, conv3d_1.conv3dVia2d)(backend, dyp, wT, 1, 'valid', 1); // [B, D, H, W, Cin]
    if (dyp !== dyz)
        (0, util_1.free)(backend, dyp);
    if (dyz !== dy)
        (0, util_1.free)(backend, dyz);
    (0, util_1.free)(backend, flipped, wT);
    return dx;
}
exports.conv3dBackpropInput = conv3dBackpropInput;
//# sourceMappingURL=conv3dBackprop.js.map