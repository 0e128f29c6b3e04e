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
exports.swinStage = exports.makeSwinStage = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const block_1 = require("./block");
const patchMerging_1 = require("./patchMerging");
function makeSwinStage(p, key, inDim, dim, depth, heads, mlpRatio, geometry, downsample) {
    return {
        downsample: downsample ? (0, patchMerging_1.makePatchMerging)(p, `${key}/downsample`, inDim, dim) : null,
        blocks: Array.from({ length: depth }, (_, i) => (0, block_1.makeSwinBlock)(p, `${key}/blocks/${i}`, dim, heads, mlpRatio, geometry, i % 2 === 1)),
    };
}
exports.makeSwinStage = makeSwinStage;
/** [B, H, W, C_in] → [B, h, w, C]. */
function swinStage(x, s) {
    let h = s.downsample ? (0, patchMerging_1.patchMerging)(x, s.downsample) : x;
    // One tidy per block: only what the gradient tape saved outlives it, not every intermediate of the stage.
    for (const b of s.blocks)
        h = tf.tidy(() => (0, block_1.swinBlock)(h, b));
    return h;
}
exports.swinStage = swinStage;
//# sourceMappingURL=stage.js.map