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
exports.patchMerging = exports.makePatchMerging = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const torchLayers_1 = require("./torchLayers");
function makePatchMerging(p, key, inDim, outDim) {
    return { norm: (0, torchLayers_1.makeLayerNorm)(p, `${key}/norm`, 4 * inDim), reduction: (0, torchLayers_1.makeTorchLinear)(p, `${key}/reduction`, 4 * inDim, outDim, false) };
}
exports.makePatchMerging = makePatchMerging;
function patchMerging(x, m) {
    const [B, H, W, C] = x.shape;
    const blocks = tf.transpose(tf.reshape(x, [B, H / 2, 2, W / 2, 2, C]), [0, 1, 3, 4, 2, 5]); // [B, H/2, W/2, 2 (col), 2 (row), C]
    return (0, torchLayers_1.torchLinear)((0, torchLayers_1.layerNorm)(tf.reshape(blocks, [B, H / 2, W / 2, 4 * C]), m.norm), m.reduction);
}
exports.patchMerging = patchMerging;
//# sourceMappingURL=patchMerging.js.map