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
exports.conv3d = exports.conv3dVia2d = exports.KERNEL_NAME = void 0;
/**
 * Conv3D on wasm through XNNPACK's 2D convolution. The stock kernel is a plain loop (≈0.2 GMAC/s:
 * 340 ms for [4,16,16,16,8] ⊛ [3,3,3,8,16]); here the depth taps are unrolled into channels
 * ("im2col along depth") and one Conv2D does the rest:
 *
 *   xc[b·OD + od, h, w, kd·C + c] = xpad[b, od·sd + kd·dd, h, w, c]          [B·OD, H, W, KD·C]
 *   y[b, od] = Conv2D(xc[b·OD + od], Wᵀ)   with Wᵀ = W viewed [KH, KW, KD·C, Cout]
 *
 * at the cost of a KD-fold copy of the input. Depth padding is applied to x first (PadV2/Slice);
 * height/width padding, strides and dilations go to Conv2D.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const util_1 = require("./util");
const patchify_1 = require("./patchify");
const slice_1 = require("./slice");
exports.KERNEL_NAME = 'Conv3D';
function conv3dVia2d(backend, x, filter, strides, pad, dilations) {
    const ci = tf.backend_util.computeConv3DInfo(x.shape, filter.shape, strides, dilations, pad);
    const [b, , h, w, c] = x.shape;
    const { outDepth: od, outHeight: oh, outWidth: ow, outChannels: co } = ci;
    const { strideDepth: sd, dilationDepth: dd, filterDepth: kd } = ci;
    const [kh, kw] = [ci.filterHeight, ci.filterWidth];
    // Depth span read: tap t at output o reads od·sd + t·dd; pad so that od·sd + (kd−1)·dd fits (a
    // whole multiple of sd per tap, so each tap is a plain slice then a stride-sd pick).
    const span = od * sd + (kd - 1) * dd;
    const front = ci.padInfo.front;
    const xp = (0, util_1.padOrCrop)(backend, x, [[0, 0], [front, span - x.shape[1] - front], [0, 0], [0, 0], [0, 0]]);
    const taps = [];
    for (let t = 0; t < kd; t++) {
        const cut = (0, slice_1.slice)({ inputs: { x: xp }, backend, attrs: { begin: [0, t * dd, 0, 0, 0], size: [b, od * sd, h, w, c] } });
        if (sd === 1)
            taps.push(cut);
        else {
            // [B, OD, sd, H·W·C]: keep the first of every sd depth slices.
            const picked = (0, slice_1.slice)({ inputs: { x: (0, util_1.view)(cut, [b, od, sd, h * w * c]) }, backend, attrs: { begin: [0, 0, 0, 0], size: [b, od, 1, h * w * c] } });
            (0, util_1.free)(backend, cut);
            taps.push((0, util_1.view)(picked, [b, od, h, w, c]));
        }
    }
    if (xp !== x)
        (0, util_1.free)(backend, xp);
    const xc = kd === 1 ? taps[0] : (0, util_1.run)('Concat', backend, taps, { axis: 4 }); // [B, OD, H, W, KD·C]
    if (kd > 1)
        (0, util_1.free)(backend, ...taps);
    const wT = (0, util_1.transpose)(backend, filter, [1, 2, 0, 3, 4]); // [KH, KW, KD, C, Cout]
    // The path's Conv2D (im2col + BLAS where faster on native-blas, else XNNPACK).
    const y = (0, util_1.runRegistered)('Conv2D', backend, { x: (0, util_1.view)(xc, [b * od, h, w, kd * c]), filter: (0, util_1.view)(wT, [kh, kw, kd * c, co]) }, {
        strides: [ci.strideHeight, ci.strideWidth],
        dilations: [ci.dilationHeight, ci.dilationWidth],
        pad: [[0, 0], [ci.padInfo.top, ci.padInfo.bottom], [ci.padInfo.left, ci.padInfo.right], [0, 0]],
        dataFormat: 'NHWC',
        dimRoundingMode: undefined,
    }); // [B·OD, OH, OW, Cout]
    (0, util_1.free)(backend, xc, wT);
    return (0, util_1.view)(y, [b, od, oh, ow, co]);
}
exports.conv3dVia2d = conv3dVia2d;
function conv3d(args) {
    const { inputs, backend, attrs = {} } = args;
    const { strides, pad, dilations } = attrs;
    const grid = inputs.x.dtype === 'float32' ? (0, patchify_1.patchGrid)(inputs.x.shape, inputs.filter.shape, strides, dilations ?? 1, pad) : null;
    if (grid)
        return (0, patchify_1.patchConv3d)(backend, grid, inputs.x, inputs.filter);
    return conv3dVia2d(backend, inputs.x, inputs.filter, strides, pad, dilations ?? 1);
}
exports.conv3d = conv3d;
//# sourceMappingURL=conv3d.js.map