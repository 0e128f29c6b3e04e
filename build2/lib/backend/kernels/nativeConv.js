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
exports.nativeConv3DBackpropFilter = exports.nativeConv2DBackpropInput = exports.nativeConv2DBackpropFilter = exports.nativeConv2D = exports.nativeConvRule = void 0;
/**
 * 2-D convolutions (NHWC, dilation 1) and both their gradients as im2col + `cblas_sgemm` on the native-blas
 * path (lib/backend/path.ts), where that beats the wasm kernels (XNNPACK) on the shape; elsewhere the wasm
 * kernels run. With cols[p, (kh, kw, ci)] = xpad[b, oh·sh + kh, ow·sw + kw, ci] for p = (b, oh, ow):
 *
 *   forward           y[P, Cout]      = cols · W[KH·KW·Cin, Cout]
 *   filter gradient   dW[KH·KW·Cin, Cout] = colsᵀ · dy[P, Cout]
 *   input gradient    dcols[P, KH·KW·Cin] = dy · Wᵀ, then scattered back (col2im, summing overlaps)
 *
 * cols lives in a JS scratch buffer (the BLAS reads any Float32Array); the output is written into the wasm heap.
 * `nativeConvRule` is the measured rule of where this is faster (docs/PERFORMANCE.md).
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const blas_1 = require("../blas");
const conv2dBackpropFilter_1 = require("./conv2dBackpropFilter");
const conv2dBackpropInput_1 = require("./conv2dBackpropInput");
const conv3dBackprop_1 = require("./conv3dBackprop");
const util_1 = require("./util");
let scratch = new Float32Array(0);
/** A scratch buffer of at least n floats (grown, never shrunk: the same shapes repeat every step). */
function cols(n) {
    if (scratch.length < n)
        scratch = new Float32Array(n);
    return scratch.subarray(0, n);
}
/**
 * Where im2col + sgemm beats the wasm kernels, per kernel, from per-shape timings on the presets' shapes
 * (docs/PERFORMANCE.md). The wasm kernels of both gradients build a new XNNPACK operator every call (their
 * filter is a fresh tensor: the flipped weights, or dy), which the BLAS does not pay; the forward pass builds
 * one per step too (the weights change), but with few input channels building cols costs more than XNNPACK.
 * Mutable for benchmarks that time both sides on every shape.
 */
exports.nativeConvRule = {
    forward: (i) => i.inChannels >= 32,
    filter: () => true,
    input: (i) => i.strideHeight > 1 || i.strideWidth > 1 || i.inChannels >= 32,
};
function convInfo(xShape, filterShape, attrs) {
    if (attrs.dataFormat === 'NCHW')
        return null;
    if (!(0, util_1.unitDilations)(attrs.dilations))
        return null;
    return tf.backend_util.computeConv2DInfo(xShape, filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
}
/** cols [B·OH·OW, KH·KW·Cin] of x [B, H, W, Cin] (zeros where the window hangs over the padding). */
function im2col(x, info, out) {
    const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
    const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = info;
    const pt = info.padInfo.top;
    const pl = info.padInfo.left;
    const row = KW * C;
    let o = 0;
    for (let b = 0; b < B; b++) {
        for (let oh = 0; oh < OH; oh++) {
            for (let ow = 0; ow < OW; ow++) {
                const iw0 = ow * sw - pl;
                const inside = iw0 >= 0 && iw0 + KW <= W;
                for (let kh = 0; kh < KH; kh++) {
                    const ih = oh * sh - pt + kh;
                    if (ih < 0 || ih >= H) {
                        out.fill(0, o, o + row);
                    }
                    else if (inside) {
                        const src = ((b * H + ih) * W + iw0) * C;
                        for (let j = 0; j < row; j++)
                            out[o + j] = x[src + j];
                    }
                    else {
                        for (let kw = 0; kw < KW; kw++) {
                            const iw = iw0 + kw;
                            const dst = o + kw * C;
                            if (iw < 0 || iw >= W)
                                out.fill(0, dst, dst + C);
                            else {
                                const src = ((b * H + ih) * W + iw) * C;
                                for (let c = 0; c < C; c++)
                                    out[dst + c] = x[src + c];
                            }
                        }
                    }
                    o += row;
                }
            }
        }
    }
}
/** dx [B, H, W, Cin] = Σ over windows of dcols (col2im: the adjoint of im2col). */
function col2im(dcols, info, dx) {
    const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
    const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = info;
    const pt = info.padInfo.top;
    const pl = info.padInfo.left;
    dx.fill(0);
    let o = 0;
    for (let b = 0; b < B; b++) {
        for (let oh = 0; oh < OH; oh++) {
            for (let ow = 0; ow < OW; ow++) {
                for (let kh = 0; kh < KH; kh++) {
                    const ih = oh * sh - pt + kh;
                    for (let kw = 0; kw < KW; kw++) {
                        const iw = ow * sw - pl + kw;
                        if (ih >= 0 && ih < H && iw >= 0 && iw < W) {
                            const dst = ((b * H + ih) * W + iw) * C;
                            for (let c = 0; c < C; c++)
                                dx[dst + c] += dcols[o + c];
                        }
                        o += C;
                    }
                }
            }
        }
    }
}
/** The product's sizes: P output positions, K = KH·KW·Cin (its depth), N = Cout. */
function dims(info) {
    return { P: info.batchSize * info.outHeight * info.outWidth, K: info.filterHeight * info.filterWidth * info.inChannels, N: info.outChannels };
}
/** cols of x, read from the heap now (call after allocating the output: the allocation may move the heap). */
function colsOf(backend, x, info) {
    const { P, K } = dims(info);
    const c = cols(P * K);
    im2col(backend.typedArrayFromHeap(x), info, c);
    return c;
}
/** Conv2D forward: im2col + sgemm where the rule says so, else the stock (XNNPACK) kernel. */
function nativeConv2D(sgemm) {
    return function conv2DBlas(args) {
        const { inputs, backend, attrs = {} } = args;
        const { x, filter } = inputs;
        const info = x.dtype === 'float32' ? convInfo(x.shape, filter.shape, attrs) : null;
        if (!info || !exports.nativeConvRule.forward(info))
            return (0, util_1.run)('Conv2D', backend, inputs, attrs);
        const { P, K, N } = dims(info);
        const y = backend.makeOutput([info.batchSize, info.outHeight, info.outWidth, N], 'float32');
        const c = colsOf(backend, x, info);
        const W = backend.typedArrayFromHeap(filter);
        sgemm(blas_1.CBLAS_ROW_MAJOR, blas_1.CBLAS_NO_TRANS, blas_1.CBLAS_NO_TRANS, P, N, K, 1, c, K, W, N, 0, backend.typedArrayFromHeap(y), N);
        return y;
    };
}
exports.nativeConv2D = nativeConv2D;
/** Conv2DBackpropFilter: dW = colsᵀ · dy where the rule says so, else the project's wasm kernel. */
function nativeConv2DBackpropFilter(sgemm) {
    return function conv2DBackpropFilterBlas(args) {
        const { inputs, backend, attrs = {} } = args;
        const { x, dy } = inputs;
        const filterShape = attrs.filterShape;
        const info = x.dtype === 'float32' ? convInfo(x.shape, filterShape, attrs) : null;
        if (!info || !exports.nativeConvRule.filter(info))
            return (0, conv2dBackpropFilter_1.conv2dBackpropFilter)(args);
        const { P, K, N } = dims(info);
        const dW = backend.makeOutput([...filterShape], 'float32');
        const c = colsOf(backend, x, info);
        const DY = backend.typedArrayFromHeap(dy);
        sgemm(blas_1.CBLAS_ROW_MAJOR, blas_1.CBLAS_TRANS, blas_1.CBLAS_NO_TRANS, K, N, P, 1, c, K, DY, N, 0, backend.typedArrayFromHeap(dW), N);
        return dW;
    };
}
exports.nativeConv2DBackpropFilter = nativeConv2DBackpropFilter;
/** Conv2DBackpropInput: dcols = dy · Wᵀ then col2im where the rule says so, else the project's wasm kernel. */
function nativeConv2DBackpropInput(sgemm) {
    return function conv2DBackpropInputBlas(args) {
        const { inputs, backend, attrs = {} } = args;
        const { dy, filter } = inputs;
        const inputShape = attrs.inputShape;
        const info = dy.dtype === 'float32' ? convInfo(inputShape, filter.shape, attrs) : null;
        if (!info || !exports.nativeConvRule.input(info))
            return (0, conv2dBackpropInput_1.conv2dBackpropInput)(args);
        const { P, K, N } = dims(info);
        const dx = backend.makeOutput([...inputShape], 'float32');
        const c = cols(P * K);
        const DY = backend.typedArrayFromHeap(dy);
        const W = backend.typedArrayFromHeap(filter);
        sgemm(blas_1.CBLAS_ROW_MAJOR, blas_1.CBLAS_NO_TRANS, blas_1.CBLAS_TRANS, P, K, N, 1, DY, N, W, N, 0, c, K);
        col2im(c, info, backend.typedArrayFromHeap(dx));
        return dx;
    };
}
exports.nativeConv2DBackpropInput = nativeConv2DBackpropInput;
/** cols [B·OD·OH·OW, KD·KH·KW·Cin] of x [B, D, H, W, Cin] (3-D im2col; zeros over the padding). */
function im2col3d(x, c, out) {
    const { batchSize: B, inDepth: D, inHeight: H, inWidth: W, inChannels: C, outDepth: OD, outHeight: OH, outWidth: OW } = c;
    const { filterDepth: KD, filterHeight: KH, filterWidth: KW, strideDepth: sd, strideHeight: sh, strideWidth: sw } = c;
    const { front: pf, top: pt, left: pl } = c.padInfo;
    let o = 0;
    for (let b = 0; b < B; b++)
        for (let od = 0; od < OD; od++)
            for (let oh = 0; oh < OH; oh++)
                for (let ow = 0; ow < OW; ow++)
                    for (let kd = 0; kd < KD; kd++) {
                        const id = od * sd - pf + kd;
                        for (let kh = 0; kh < KH; kh++) {
                            const ih = oh * sh - pt + kh;
                            for (let kw = 0; kw < KW; kw++) {
                                const iw = ow * sw - pl + kw;
                                if (id < 0 || id >= D || ih < 0 || ih >= H || iw < 0 || iw >= W)
                                    out.fill(0, o, o + C);
                                else {
                                    const src = (((b * D + id) * H + ih) * W + iw) * C;
                                    for (let ci = 0; ci < C; ci++)
                                        out[o + ci] = x[src + ci];
                                }
                                o += C;
                            }
                        }
                    }
}
/**
 * Conv3DBackpropFilterV2 at stride 1 (where the wasm backend has only the stock per-element loop):
 * dW = colsᵀ · dy with 3-D im2col. Strided filters (patchify, the strided path) stay on the wasm kernel.
 */
function nativeConv3DBackpropFilter(sgemm) {
    return function conv3DBackpropFilterBlas(args) {
        const { inputs, backend, attrs = {} } = args;
        const { x, dy } = inputs;
        const a = attrs;
        if (x.dtype !== 'float32' || !(0, util_1.unitDilations)(a.dilations))
            return (0, conv3dBackprop_1.conv3dBackpropFilter)(args);
        const c = tf.backend_util.computeConv3DInfo(x.shape, a.filterShape, a.strides, 1, a.pad);
        if (c.strideDepth !== 1 || c.strideHeight !== 1 || c.strideWidth !== 1)
            return (0, conv3dBackprop_1.conv3dBackpropFilter)(args);
        const P = c.batchSize * c.outDepth * c.outHeight * c.outWidth;
        const K = c.filterDepth * c.filterHeight * c.filterWidth * c.inChannels;
        const N = c.outChannels;
        const dW = backend.makeOutput([...a.filterShape], 'float32');
        const buf = cols(P * K);
        im2col3d(backend.typedArrayFromHeap(x), c, buf);
        const DY = backend.typedArrayFromHeap(dy);
        sgemm(blas_1.CBLAS_ROW_MAJOR, blas_1.CBLAS_TRANS, blas_1.CBLAS_NO_TRANS, K, N, P, 1, buf, K, DY, N, 0, backend.typedArrayFromHeap(dW), N);
        return dW;
    };
}
exports.nativeConv3DBackpropFilter = nativeConv3DBackpropFilter;
//# sourceMappingURL=nativeConv.js.map