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
exports.shiftedWindowMask = exports.shiftRegions = exports.cyclicShift = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
/**
 * Shifted windows (SW-MSA): the odd blocks of a stage roll the token grid up and left by the shift before
 * partitioning, so that windows straddle the previous block's window borders; tokens that the roll brought
 * together from opposite edges of the image must not attend to each other, which the attention mask says.
 */
/** torch.roll(x, shifts=(−sh, −sw), dims=(1, 2)) for `sign` −1, and its inverse for +1. [B, H, W, C]. */
function cyclicShift(x, shift, sign) {
    let y = x;
    for (const axis of [1, 2]) {
        const n = y.shape[axis];
        const s = (((sign * shift[axis - 1]) % n) + n) % n; // positions moved to the front
        if (s === 0)
            continue;
        const [head, tail] = tf.split(y, [n - s, s], axis);
        y = tf.concat([tail, head], axis);
    }
    return y;
}
exports.cyclicShift = cyclicShift;
/**
 * Region label of every position of the (padded) H×W grid after the shift, as timm labels them: rows split
 * at H − window and H − shift, columns likewise, nine regions numbered row-major.
 */
function shiftRegions(H, W, window, shift) {
    const band = (i, n, w, s) => (i < n - w ? 0 : i < n - s ? 1 : 2);
    const labels = new Int32Array(H * W);
    for (let i = 0; i < H; i++)
        for (let j = 0; j < W; j++)
            labels[i * W + j] = band(i, H, window[0], shift[0]) * 3 + band(j, W, window[1], shift[1]);
    return labels;
}
exports.shiftRegions = shiftRegions;
/**
 * The additive attention mask of a shifted block, [nW, N, N] with N = wh·ww, windows in windowPartition's
 * order: 0 where two tokens of a window come from the same region, −100 (timm's value: e^−100 is 0 in
 * float32 after softmax) where they do not.
 */
function shiftedWindowMask(H, W, window, shift) {
    const labels = shiftRegions(H, W, window, shift);
    const [wh, ww] = window;
    const N = wh * ww;
    const nW = (H / wh) * (W / ww);
    const data = new Float32Array(nW * N * N);
    let w = 0;
    const inWindow = new Int32Array(N);
    for (let bi = 0; bi < H / wh; bi++) {
        for (let bj = 0; bj < W / ww; bj++, w++) {
            for (let a = 0; a < wh; a++)
                for (let b = 0; b < ww; b++)
                    inWindow[a * ww + b] = labels[(bi * wh + a) * W + bj * ww + b];
            for (let p = 0; p < N; p++)
                for (let q = 0; q < N; q++)
                    data[(w * N + p) * N + q] = inWindow[p] === inWindow[q] ? 0 : -100;
        }
    }
    return { data, shape: [nW, N, N] };
}
exports.shiftedWindowMask = shiftedWindowMask;
//# sourceMappingURL=shiftedWindows.js.map