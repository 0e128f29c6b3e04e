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
exports.swinBlock = exports.makeSwinBlock = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const shiftedWindows_1 = require("./shiftedWindows");
const torchLayers_1 = require("./torchLayers");
const windowAttention_1 = require("./windowAttention");
const windows_1 = require("./windows");
function makeSwinBlock(p, key, dim, heads, mlpRatio, geometry, shifted) {
    const { grid, window } = geometry;
    const shift = shifted ? geometry.shift : [0, 0];
    const padded = grid.map((n, a) => Math.ceil(n / window[a]) * window[a]);
    const hidden = Math.floor(dim * mlpRatio);
    return {
        norm1: (0, torchLayers_1.makeLayerNorm)(p, `${key}/norm1`, dim),
        attn: (0, windowAttention_1.makeWindowAttention)(p, `${key}/attn`, dim, heads, window),
        norm2: (0, torchLayers_1.makeLayerNorm)(p, `${key}/norm2`, dim),
        fc1: (0, torchLayers_1.makeTorchLinear)(p, `${key}/mlp/fc1`, dim, hidden),
        fc2: (0, torchLayers_1.makeTorchLinear)(p, `${key}/mlp/fc2`, hidden, dim),
        window,
        shift,
        mask: shift[0] > 0 || shift[1] > 0 ? (0, shiftedWindows_1.shiftedWindowMask)(padded[0], padded[1], window, shift) : null,
    };
}
exports.makeSwinBlock = makeSwinBlock;
function shiftedWindowAttention(x, b) {
    const [, H, W] = x.shape;
    const [wh, ww] = b.window;
    const shifted = (0, shiftedWindows_1.cyclicShift)(x, b.shift, -1);
    const padH = (wh - (H % wh)) % wh;
    const padW = (ww - (W % ww)) % ww;
    const padded = padH || padW ? tf.pad(shifted, [[0, 0], [0, padH], [0, padW], [0, 0]]) : shifted;
    const mask = b.mask ? tf.tensor3d(b.mask.data, b.mask.shape) : null;
    const windows = (0, windowAttention_1.windowAttention)((0, windows_1.windowPartition)(padded, b.window), b.attn, mask); // [B·nW, wh·ww, C]
    let y = (0, windows_1.windowReverse)(windows, b.window, H + padH, W + padW);
    if (padH || padW)
        y = tf.slice(y, [0, 0, 0, 0], [-1, H, W, -1]);
    return (0, shiftedWindows_1.cyclicShift)(y, b.shift, 1);
}
function swinBlock(x, b) {
    const h = tf.add(x, shiftedWindowAttention((0, torchLayers_1.layerNorm)(x, b.norm1), b));
    return tf.add(h, (0, torchLayers_1.torchLinear)((0, torchLayers_1.gelu)((0, torchLayers_1.torchLinear)((0, torchLayers_1.layerNorm)(h, b.norm2), b.fc1)), b.fc2));
}
exports.swinBlock = swinBlock;
//# sourceMappingURL=block.js.map