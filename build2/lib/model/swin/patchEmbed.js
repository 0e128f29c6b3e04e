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
exports.patchEmbed = exports.makePatchEmbed = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const torchLayers_1 = require("./torchLayers");
function makePatchEmbed(p, key, inChannels, channels, patch) {
    const fanIn = inChannels * patch * patch; // nn.Conv2d's default initialisation (timm leaves it)
    return {
        weight: p.add(`${key}/proj/weight`, [channels, inChannels, patch, patch], { kind: 'uniform', fanIn }),
        bias: p.add(`${key}/proj/bias`, [channels], { kind: 'uniform', fanIn }),
        norm: (0, torchLayers_1.makeLayerNorm)(p, `${key}/norm`, channels),
        patch,
    };
}
exports.makePatchEmbed = makePatchEmbed;
/** [B, H, W, C_in] → [B, H/p, W/p, C]. */
function patchEmbed(x, e) {
    const kernel = tf.transpose(e.weight, [2, 3, 1, 0]); // [p, p, C_in, C]
    const y = tf.add(tf.conv2d(x, kernel, e.patch, 'valid'), e.bias);
    return (0, torchLayers_1.layerNorm)(y, e.norm);
}
exports.patchEmbed = patchEmbed;
//# sourceMappingURL=patchEmbed.js.map