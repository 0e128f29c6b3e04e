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
exports.depthwiseBackpropInput = exports.depthwiseBackpropFilter = exports.KERNEL_NAMES = void 0;
/**
 * DepthwiseConv2dNativeBackpropFilter / …BackpropInput for wasm (both absent in 4.22, so
 * tf.depthwiseConv2d and tf.separableConv2d cannot train there), composed from the wasm depthwise
 * convolution. Filter W [KH, KW, C, m] (m = channel multiplier), dy [B, OH, OW, C·m]:
 *
 *   dx[b,i,c]     = Σ_{k,q} dyz[b, i+p−k, c·m+q] · W[k,c,q]
 *                 = Σ_q (depthwise conv of dyz with W flipped, viewed [KH, KW, C·m, 1])[b,i,c·m+q]
 *   dW[k,c,q]     = Σ_{b,o} xpad[b, s·o+k, c] · dy[b, o, c·m+q]
 *                 = Σ_b depthwise conv, dilated by s, of xᵀ [1, Hp, Wp, B·C] with dyᵀ [OH, OW, B·C, m]
 *
 * (dyz: dy with s−1 zeros inserted, as in conv2dBackpropInput.ts.)
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const util_1 = require("./util");
exports.KERNEL_NAMES = ['DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput'];
function info(xShape, wShape, a) {
    if (!(0, util_1.unitDilations)(a.dilations)) {
        throw new Error('cfcml wasm depthwise gradients: dilations > 1 are not supported');
    }
    return tf.backend_util.computeConv2DInfo(xShape, wShape, a.strides, 1, a.pad, a.dimRoundingMode, true);
}
function depthwiseBackpropFilter(args) {
    const { inputs, backend, attrs = {} } = args;
    const { x, dy } = inputs;
    const fs = attrs.filterShape;
    const ci = info(x.shape, fs, attrs);
    const [kh, kw, c, m] = fs;
    const b = ci.batchSize;
    const pt = ci.padInfo.top;
    const pl = ci.padInfo.left;
    const pb = (ci.outHeight - 1) * ci.strideHeight + kh - ci.inHeight - pt;
    const pr = (ci.outWidth - 1) * ci.strideWidth + kw - ci.inWidth - pl;
    const xc = pb < 0 || pr < 0
        ? (0, util_1.run)('Slice', backend, { x }, { begin: [0, 0, 0, 0], size: [b, ci.inHeight + Math.min(pb, 0), ci.inWidth + Math.min(pr, 0), c] })
        : x;
    const xT = (0, util_1.transpose)(backend, xc, [1, 2, 0, 3]); // [H, W, B, C]
    const dyT = (0, util_1.transpose)(backend, dy, [1, 2, 0, 3]); // [OH, OW, B, C·m]
    const out = (0, util_1.run)('DepthwiseConv2dNative', backend, { x: (0, util_1.view)(xT, [1, xT.shape[0], xT.shape[1], b * c]), filter: (0, util_1.view)(dyT, [ci.outHeight, ci.outWidth, b * c, m]) }, {
        strides: [1, 1],
        dilations: [ci.strideHeight, ci.strideWidth],
        pad: [[0, 0], [pt, Math.max(pb, 0)], [pl, Math.max(pr, 0)], [0, 0]],
        dimRoundingMode: undefined,
    }); // [1, KH, KW, B·C·m]
    const dW = (0, util_1.run)('Sum', backend, { x: (0, util_1.view)(out, [kh, kw, b, c * m]) }, { axis: [2], keepDims: false }); // [KH, KW, C·m]
    (0, util_1.free)(backend, xT, dyT, out);
    if (xc !== x)
        (0, util_1.free)(backend, xc);
    return (0, util_1.view)(dW, [kh, kw, c, m]);
}
exports.depthwiseBackpropFilter = depthwiseBackpropFilter;
function depthwiseBackpropInput(args) {
    const { inputs, backend, attrs = {} } = args;
    const { dy, filter } = inputs;
    const xs = attrs.inputShape;
    const ci = info(xs, filter.shape, attrs);
    const [kh, kw, c, m] = filter.shape;
    const [b, H, W] = xs;
    const pt = kh - 1 - ci.padInfo.top;
    const pl = kw - 1 - ci.padInfo.left;
    if (pt < 0 || pl < 0)
        throw new Error('cfcml wasm depthwise gradient: padding wider than the filter');
    let dyz = (0, util_1.insertZeros)(backend, dy, [ci.strideHeight, ci.strideWidth]); // [B, OH·sh, OW·sw, C·m]
    let pb = H + kh - 1 - pt - dyz.shape[1];
    let pr = W + kw - 1 - pl - dyz.shape[2];
    if (pb < 0 || pr < 0) {
        const cut = (0, util_1.run)('Slice', backend, { x: dyz }, {
            begin: [0, 0, 0, 0],
            size: [b, dyz.shape[1] + Math.min(pb, 0), dyz.shape[2] + Math.min(pr, 0), c * m],
        });
        if (dyz !== dy)
            (0, util_1.free)(backend, dyz);
        dyz = cut;
        pb = Math.max(pb, 0);
        pr = Math.max(pr, 0);
    }
    const flipped = (0, util_1.run)('Reverse', backend, { x: filter }, { dims: [0, 1] }); // [KH, KW, C, m]
    const y = (0, util_1.run)('DepthwiseConv2dNative', backend, { x: dyz, filter: (0, util_1.view)(flipped, [kh, kw, c * m, 1]) }, { strides: [1, 1], dilations: [1, 1], pad: [[0, 0], [pt, pb], [pl, pr], [0, 0]], dimRoundingMode: undefined }); // [B, H, W, C·m]
    (0, util_1.free)(backend, flipped);
    if (dyz !== dy)
        (0, util_1.free)(backend, dyz);
    if (m === 1)
        return y;
    const dx = (0, util_1.run)('Sum', backend, { x: (0, util_1.view)(y, [b, H, W, c, m]) }, { axis: [4], keepDims: false }); // [B, H, W, C]
    (0, util_1.free)(backend, y);
    return dx;
}
exports.depthwiseBackpropInput = depthwiseBackpropInput;
//# sourceMappingURL=depthwiseBackprop.js.map