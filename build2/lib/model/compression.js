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
exports.compressTabular = exports.makeTabularCompression = exports.compressImage = exports.makeImageCompression = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const layers_1 = require("./layers");
function makeImageCompression(store, key, channels, nTokens, width, outTokens) {
    return {
        proj: (0, layers_1.makeLinear)(store, `${key}/proj`, channels, width, 'head'),
        conv: (0, layers_1.makeTokenConv)(store, `${key}/conv`, nTokens, outTokens, 'head'),
    };
}
exports.makeImageCompression = makeImageCompression;
/** (C1) F [B, (d,) h, w, C_s] → P [B, L_img, D]. */
function compressImage(F, p) {
    return tf.tidy(() => {
        const B = F.shape[0];
        const C = F.shape[F.rank - 1];
        const flat = tf.reshape(F, [B, -1, C]); // [B, N_s, C_s]
        const projected = (0, layers_1.linear)(flat, p.proj); // [B, N_s, D]
        return (0, layers_1.tokenConv)(projected, p.conv); // [B, L_img, D]
    });
}
exports.compressImage = compressImage;
function makeTabularCompression(store, key, fields, outTokens) {
    return (0, layers_1.makeTokenConv)(store, `${key}/conv`, fields, outTokens, 'head');
}
exports.makeTabularCompression = makeTabularCompression;
/** (C1) tabular tokens T [B, K, D] → P_t [B, L_tab, D]. */
function compressTabular(T, p) {
    return (0, layers_1.tokenConv)(T, p);
}
exports.compressTabular = compressTabular;
//# sourceMappingURL=compression.js.map