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
exports.windowReverse = exports.windowPartition = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
/**
 * Window partition and its inverse, as timm's `window_partition` / `window_reverse`: windows are ordered
 * batch-major, then by window row, then window column; inside a window, tokens are row-major.
 */
/** [B, H, W, C] → [B·nW, wh·ww, C] with nW = (H/wh)·(W/ww). H and W must be multiples of the window. */
function windowPartition(x, window) {
    const [B, H, W, C] = x.shape;
    const [wh, ww] = window;
    const t = tf.transpose(tf.reshape(x, [B, H / wh, wh, W / ww, ww, C]), [0, 1, 3, 2, 4, 5]); // [B, H/wh, W/ww, wh, ww, C]
    return tf.reshape(t, [-1, wh * ww, C]);
}
exports.windowPartition = windowPartition;
/** [B·nW, wh·ww, C] → [B, H, W, C]: the inverse of windowPartition. */
function windowReverse(windows, window, H, W) {
    const C = windows.shape[2];
    const [wh, ww] = window;
    const t = tf.transpose(tf.reshape(windows, [-1, H / wh, W / ww, wh, ww, C]), [0, 1, 3, 2, 4, 5]); // [B, H/wh, wh, W/ww, ww, C]
    return tf.reshape(t, [-1, H, W, C]);
}
exports.windowReverse = windowReverse;
//# sourceMappingURL=windows.js.map