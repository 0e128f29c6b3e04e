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
exports.gelu = exports.layerNorm = exports.makeLayerNorm = exports.torchLinear = exports.makeTorchLinear = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const layers_1 = require("../layers");
function makeTorchLinear(p, key, inDim, outDim, bias = true) {
    return {
        weight: p.add(`${key}/weight`, [outDim, inDim], { kind: 'normal', std: 0.02 }),
        bias: bias ? p.add(`${key}/bias`, [outDim], { kind: 'zeros' }) : null,
    };
}
exports.makeTorchLinear = makeTorchLinear;
/** y = x Wᵀ + b over the last axis of an input of any rank. */
function torchLinear(x, l) {
    const [outDim, inDim] = l.weight.shape;
    const y = tf.matMul(tf.reshape(x, [-1, inDim]), l.weight, false, true); // [*, out]
    return tf.reshape(l.bias ? tf.add(y, l.bias) : y, [...x.shape.slice(0, -1), outDim]);
}
exports.torchLinear = torchLinear;
/** nn.LayerNorm(C) as timm names it; the computation is the project's channelNorm (same ε). */
function makeLayerNorm(p, key, channels) {
    return { gamma: p.add(`${key}/weight`, [channels], { kind: 'ones' }), beta: p.add(`${key}/bias`, [channels], { kind: 'zeros' }) };
}
exports.makeLayerNorm = makeLayerNorm;
exports.layerNorm = layers_1.channelNorm;
/** nn.GELU(): the exact form x·Φ(x) = x/2 · (1 + erf(x/√2)), not the tanh approximation. */
function gelu(x) {
    return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}
exports.gelu = gelu;
//# sourceMappingURL=torchLayers.js.map