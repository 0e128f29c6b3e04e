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
exports.avgPoolGrad = exports.KERNEL_NAME = void 0;
/**
 * AvgPoolGrad on wasm for non-overlapping, unpadded windows (filter = stride, e.g. 2×2/2): the
 * gradient is dy spread evenly over each window,
 *   dx[b, oh·kh + i, ow·kw + j, c] = dy[b, oh, ow, c] / (kh·kw),
 * i.e. one broadcasting Multiply of dy viewed [B, OH, 1, OW, 1, C] by a [1, 1, KH, 1, KW, 1] constant.
 * The stock kernel loops per element (≈33 ms for [32,64,64,16] → [32,32,32,16]). Other pooling
 * geometries fall back to it.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const util_1 = require("./util");
exports.KERNEL_NAME = 'AvgPoolGrad';
function avgPoolGrad(args) {
    const { inputs, backend, attrs = {} } = args;
    const { dy, input: x } = inputs;
    const { filterSize, strides, pad } = attrs;
    const ci = tf.backend_util.computePool2DInfo(x.shape, filterSize, strides, 1, pad);
    const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = ci;
    const { outHeight: oh, outWidth: ow, inHeight: H, inWidth: W, batchSize: b, inChannels: c } = ci;
    const p = ci.padInfo;
    if (kh !== sh || kw !== sw || oh * kh !== H || ow * kw !== W || p.top || p.left || p.bottom || p.right || dy.dtype !== 'float32') {
        return (0, util_1.run)(exports.KERNEL_NAME, backend, inputs, attrs);
    }
    const scale = backend.makeOutput([1, 1, kh, 1, kw, 1], 'float32');
    backend.typedArrayFromHeap(scale).fill(1 / (kh * kw));
    const dx = (0, util_1.run)('Multiply', backend, { a: (0, util_1.view)(dy, [b, oh, 1, ow, 1, c]), b: scale }); // [B, OH, KH, OW, KW, C]
    (0, util_1.free)(backend, scale);
    return (0, util_1.view)(dx, [b, H, W, c]);
}
exports.avgPoolGrad = avgPoolGrad;
//# sourceMappingURL=avgPoolGrad.js.map