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
exports.fuse = exports.makeFusion = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const layers_1 = require("./layers");
/**
 * (C3) Multi-granularity fusion for one modality: the completed tokens of all stages used are concatenated on
 * the token axis (4 stages × 2L = 8L tokens in the full model), a Conv1d maps them back to L tokens, and a
 * mean over tokens gives the modality embedding z_m ∈ R^D.
 * With `no-mg` there is one stage (2L → L); with CIE off the completed tokens are P alone (4L → L).
 */
function makeFusion(store, key, inTokens, outTokens) {
    return (0, layers_1.makeTokenConv)(store, `${key}/conv`, inTokens, outTokens, 'head');
}
exports.makeFusion = makeFusion;
/** completedPerStage[s]: [B, L_s', D] for this modality → z_m [B, D]. */
function fuse(completedPerStage, p) {
    return tf.tidy(() => {
        const all = completedPerStage.length === 1 ? completedPerStage[0] : tf.concat(completedPerStage, 1); // [B, Σ_s 2L, D]
        const fused = (0, layers_1.tokenConv)(all, p); // [B, L, D]
        return tf.mean(fused, 1); // [B, D]  z_m
    });
}
exports.fuse = fuse;
//# sourceMappingURL=fusion.js.map