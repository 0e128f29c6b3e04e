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
exports.conv2dBackpropFilter = exports.KERNEL_NAME = void 0;
/**
 * Conv2DBackpropFilter for wasm (tfjs-backend-wasm 4.22 has none, so no CNN can train there).
 *
 *   dW[kh,kw,ci,co] = Σ_{b,oh,ow} xpad[b, s·oh+kh, s·ow+kw, ci] · dy[b,oh,ow,co]
 *
 * is a VALID, stride-1 convolution, dilated by the forward stride s, of xᵀ = [Cin, Hp, Wp, B] (the
 * batch plays the channel) with dyᵀ = [OH, OW, B, Cout] as the filter; its output [Cin, KH, KW, Cout] is
 * transposed to [KH, KW, Cin, Cout]. The forward padding becomes the convolution's explicit padding,
 * so XNNPACK does all the arithmetic.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const util_1 = require("./util");
exports.KERNEL_NAME = 'Conv2DBackpropFilter';
/**
 * Padding (and cropping, where negative) that maps an input of length `n` onto exactly the
 * `(o - 1)·s + k` positions a VALID stride-s window visits.
 */
function spanPads(n, before, o, s, k) {
    const after = (o - 1) * s + k - n - before;
    return [before, after];
}
/** Crop x [B, H, W, C] to rows [0, h) and columns [0, w) where h < H or w < W. */
function cropHW(backend, x, h, w) {
    const [b, H, W, c] = x.shape;
    if (h >= H && w >= W)
        return null;
    return (0, util_1.run)('Slice', backend, { x }, { begin: [0, 0, 0, 0], size: [b, Math.min(h, H), Math.min(w, W), c] });
}
function conv2dBackpropFilter(args) {
    const { inputs, backend, attrs = {} } = args;
    const { x, dy } = inputs;
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
    if (dataFormat === 'NCHW')
        throw new Error('cfcml wasm Conv2DBackpropFilter: only NHWC is supported');
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode);
    const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
    const { outHeight: oh, outWidth: ow, inChannels: cin, outChannels: cout } = info;
    let [pt, pb] = spanPads(info.inHeight, info.padInfo.top, oh, sh, kh);
    let [pl, pr] = spanPads(info.inWidth, info.padInfo.left, ow, sw, kw);
    // Rows/columns the strided window never reaches (pb/pr < 0) are cropped away first.
    const cropped = cropHW(backend, x, info.inHeight + Math.min(pb, 0), info.inWidth + Math.min(pr, 0));
    pb = Math.max(pb, 0);
    pr = Math.max(pr, 0);
    const xc = cropped ?? x;
    const xT = (0, util_1.transpose)(backend, xc, [3, 1, 2, 0]); // [Cin, H, W, B]
    const dyT = (0, util_1.transpose)(backend, dy, [1, 2, 0, 3]); // [OH, OW, B, Cout]
    const dWt = (0, util_1.run)('Conv2D', backend, { x: xT, filter: dyT }, {
        strides: [1, 1],
        pad: [[0, 0], [pt, pb], [pl, pr], [0, 0]],
        dataFormat: 'NHWC',
        dilations: [sh, sw],
        dimRoundingMode: undefined,
    }); // [Cin, KH, KW, Cout]
    const dW = (0, util_1.transpose)(backend, (0, util_1.view)(dWt, [cin, kh, kw, cout]), [1, 2, 0, 3]); // [KH, KW, Cin, Cout]
    (0, util_1.free)(backend, xT, dyT, dWt);
    if (cropped)
        (0, util_1.free)(backend, cropped);
    return dW;
}
exports.conv2dBackpropFilter = conv2dBackpropFilter;
//# sourceMappingURL=conv2dBackpropFilter.js.map