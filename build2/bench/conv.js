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
/**
 * Times Conv2D and its two gradient kernels on the native-blas path (im2col + sgemm, every shape forced through
 * it) against the wasm path, interleaved, on the Derm7pt `cpu` preset's convolution shapes: the measurements
 * behind `nativeConvRule` (lib/backend/kernels/nativeConv.ts, docs/PERFORMANCE.md). The forward pass gets fresh
 * weights every call, as in training (XNNPACK caches an operator per weight tensor).
 *
 *   npx tsc -p tsconfig.json && node build/bench/conv.js [--reps 11]
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../lib/backend");
const nativeConv_1 = require("../lib/backend/kernels/nativeConv");
const measure_1 = require("./measure");
/** [x shape, filter shape, stride], 'same' padding, as the residual encoder's convolutions. */
const CASES = [
    [[64, 64, 64, 3], [4, 4, 3, 16], 4],
    [[64, 16, 16, 16], [3, 3, 16, 16], 1],
    [[64, 16, 16, 16], [2, 2, 16, 32], 2],
    [[64, 8, 8, 32], [3, 3, 32, 32], 1],
    [[64, 8, 8, 32], [2, 2, 32, 48], 2],
    [[64, 4, 4, 48], [3, 3, 48, 48], 1],
    [[64, 4, 4, 48], [2, 2, 48, 64], 2],
    [[64, 2, 2, 64], [3, 3, 64, 64], 1],
];
async function main() {
    const i = process.argv.indexOf('--reps');
    const reps = i > 0 ? Number(process.argv[i + 1]) : 11;
    await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true });
    if (!(0, backend_1.nativeBlasAvailable)())
        throw new Error('bench/conv: no native BLAS here (cfcml backend says why)');
    for (const k of ['forward', 'filter', 'input'])
        nativeConv_1.nativeConvRule[k] = () => true;
    console.log('| x, filter, stride | forward ms native / wasm | filter gradient | input gradient |\n|---|---|---|---|');
    for (const [xs, ws, s] of CASES) {
        const x = tf.randomNormal(xs);
        const w = tf.randomNormal(ws);
        const dy = tf.randomNormal(tf.conv2d(x, w, s, 'same').shape);
        const attrs = { strides: s, pad: 'same', dataFormat: 'NHWC' };
        const ops = [
            () => tf.tidy(() => tf.conv2d(x, tf.clone(w), s, 'same')),
            () => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: ws }),
            () => tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: xs }),
        ];
        const cells = ops.map((f) => {
            const t = (0, measure_1.timedPaths)(['native-blas', 'wasm'], () => f().dispose(), reps, 2);
            return `${t['native-blas'].median.toFixed(2)} / ${t.wasm.median.toFixed(2)}`;
        });
        console.log(`| ${JSON.stringify(xs)}, ${ws.join('×')}, ${s} | ${cells.join(' | ')} |`);
        tf.dispose([x, w, dy]);
    }
}
main().catch((e) => {
    console.error(e);
    process.exit(1);
});
//# sourceMappingURL=conv.js.map