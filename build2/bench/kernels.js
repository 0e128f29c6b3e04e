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
 * Times each of this project's wasm kernels against the stock wasm kernel it replaces, on shapes from
 * a batch-32 CNN + attention step; with --cpu also against the cpu backend (slow: ≈1 min).
 * "wrong" marks a stock kernel that runs but gives wrong results (see the kernel's file).
 *
 *   npx tsc -p tsconfig.json && node build/bench/kernels.js [--cpu]
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../lib/backend");
const kernels_1 = require("../lib/backend/kernels");
const rnd = (shape, seed) => tf.randomNormal(shape, 0, 1, 'float32', seed);
const CASES = [
    {
        name: 'matmul Aᵀ·B [4096,128]ᵀ×[4096,128]',
        kernel: 'BatchMatMul',
        inputs: () => ({ a: rnd([1, 4096, 128], 1), b: rnd([1, 4096, 128], 2) }),
        attrs: { transposeA: true, transposeB: false },
    },
    {
        name: 'matmul A·Bᵀ [4096,128]×[256,128]ᵀ',
        kernel: 'BatchMatMul',
        inputs: () => ({ a: rnd([1, 4096, 128], 1), b: rnd([1, 256, 128], 2) }),
        attrs: { transposeA: false, transposeB: true },
    },
    {
        name: 'attention QKᵀ [128,64,16]×[128,64,16]ᵀ',
        kernel: 'BatchMatMul',
        inputs: () => ({ a: rnd([128, 64, 16], 1), b: rnd([128, 64, 16], 2) }),
        attrs: { transposeA: false, transposeB: true },
    },
    {
        name: 'attention A·V [128,64,64]×[128,64,16]',
        kernel: 'BatchMatMul',
        inputs: () => ({ a: rnd([128, 64, 64], 1), b: rnd([128, 64, 16], 2) }),
        attrs: { transposeA: false, transposeB: false },
    },
    {
        name: 'conv dx [32,32,32,16]←[3,3,16,32] s1',
        kernel: 'Conv2DBackpropInput',
        inputs: () => ({ dy: rnd([32, 32, 32, 32], 1), filter: rnd([3, 3, 16, 32], 2) }),
        attrs: { inputShape: [32, 32, 32, 16], strides: 1, pad: 'same', dataFormat: 'NHWC' },
    },
    {
        name: 'conv dx [32,32,32,16]←[3,3,16,32] s2',
        kernel: 'Conv2DBackpropInput',
        inputs: () => ({ dy: rnd([32, 16, 16, 32], 1), filter: rnd([3, 3, 16, 32], 2) }),
        attrs: { inputShape: [32, 32, 32, 16], strides: 2, pad: 'same', dataFormat: 'NHWC' },
    },
    {
        name: 'conv dW [32,32,32,16]→[3,3,16,32] s1',
        kernel: 'Conv2DBackpropFilter',
        inputs: () => ({ x: rnd([32, 32, 32, 16], 1), dy: rnd([32, 32, 32, 32], 2) }),
        attrs: { filterShape: [3, 3, 16, 32], strides: 1, pad: 'same', dataFormat: 'NHWC' },
    },
    {
        name: 'conv3d [4,16,16,16,8]⊛[3,3,3,8,16] s1',
        kernel: 'Conv3D',
        inputs: () => ({ x: rnd([4, 16, 16, 16, 8], 1), filter: rnd([3, 3, 3, 8, 16], 2) }),
        attrs: { strides: 1, pad: 'same', dilations: 1 },
    },
    {
        name: 'slice [4,18,16,16,8]→[4,16,16,16,8]',
        kernel: 'Slice',
        inputs: () => ({ x: rnd([4, 18, 16, 16, 8], 1) }),
        attrs: { begin: [0, 1, 0, 0, 0], size: [4, 16, 16, 16, 8] },
    },
    {
        name: 'slice [32,64,64,16]→[32,32,64,16]',
        kernel: 'Slice',
        inputs: () => ({ x: rnd([32, 64, 64, 16], 1) }),
        attrs: { begin: [0, 16, 0, 0], size: [32, 32, 64, 16] },
    },
    {
        name: 'conv3d dx [4,16,16,16,8]←[3,3,3,8,16] s1',
        kernel: 'Conv3DBackpropInputV2',
        inputs: () => ({ dy: rnd([4, 16, 16, 16, 16], 1), filter: rnd([3, 3, 3, 8, 16], 2) }),
        attrs: { inputShape: [4, 16, 16, 16, 8], strides: 1, pad: 'same' },
        stockWrong: true,
    },
    {
        name: 'conv3d dW [4,16,16,16,8]→[3,3,3,8,16] s2',
        kernel: 'Conv3DBackpropFilterV2',
        inputs: () => ({ x: rnd([4, 16, 16, 16, 8], 1), dy: rnd([4, 8, 8, 8, 16], 2) }),
        attrs: { filterShape: [3, 3, 3, 8, 16], strides: 2, pad: 'same' },
        stockWrong: true,
    },
    {
        name: 'depthwise dW [32,32,32,16] 3×3 s1',
        kernel: 'DepthwiseConv2dNativeBackpropFilter',
        inputs: () => ({ x: rnd([32, 32, 32, 16], 1), dy: rnd([32, 32, 32, 16], 2) }),
        attrs: { filterShape: [3, 3, 16, 1], strides: 1, pad: 'same', dilations: 1 },
    },
    {
        name: 'depthwise dx [32,32,32,16] 3×3 s1',
        kernel: 'DepthwiseConv2dNativeBackpropInput',
        inputs: () => ({ dy: rnd([32, 32, 32, 16], 1), filter: rnd([3, 3, 16, 1], 2) }),
        attrs: { inputShape: [32, 32, 32, 16], strides: 1, pad: 'same', dilations: 1 },
    },
    {
        name: 'avgPool grad [32,64,64,16] 2×2/2',
        kernel: 'AvgPoolGrad',
        inputs: () => ({ dy: rnd([32, 32, 32, 16], 1), input: rnd([32, 64, 64, 16], 2) }),
        attrs: { filterSize: 2, strides: 2, pad: 'valid' },
    },
    {
        name: 'sum of [32,32,32,32] over B,H,W',
        kernel: 'Sum',
        inputs: () => ({ x: rnd([32, 32, 32, 32], 1) }),
        attrs: { axis: [0, 1, 2], keepDims: false },
    },
    {
        name: 'tile [1,1,1,32]→[32,32,32,32]',
        kernel: 'Tile',
        inputs: () => ({ x: rnd([1, 1, 1, 32], 1) }),
        attrs: { reps: [32, 32, 32, 1] },
    },
    {
        name: 'gather grad [2048,64]→[1000,64]',
        kernel: 'UnsortedSegmentSum',
        inputs: () => ({ x: rnd([2048, 64], 1), segmentIds: tf.randomUniform([2048], 0, 1000, 'int32', 3) }),
        attrs: { numSegments: 1000 },
    },
];
/** Median milliseconds of `reps` runs of the kernel (after one warm-up), or NaN if it throws. */
function time(c, reps) {
    const inputs = c.inputs();
    const ms = [];
    try {
        for (let i = 0; i <= reps; i++) {
            const t0 = process.hrtime.bigint();
            const out = tf.engine().runKernel(c.kernel, inputs, c.attrs);
            out.dataSync();
            const t1 = process.hrtime.bigint();
            out.dispose();
            if (i > 0)
                ms.push(Number(t1 - t0) / 1e6);
        }
    }
    catch {
        return NaN;
    }
    finally {
        tf.dispose(inputs);
    }
    ms.sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)];
}
async function main() {
    const reps = Number(process.env.REPS ?? 5);
    const withCpu = process.argv.includes('--cpu');
    const rows = [];
    await (0, backend_1.initBackend)({ backend: 'cpu', quiet: true });
    const cpu = CASES.map((c) => (withCpu ? time(c, 1) : NaN));
    await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true });
    (0, backend_1.useComputePath)('wasm'); // the project's wasm kernels against stock (bench/conv.ts and bench/step.ts time the native path)
    (0, kernels_1.unregisterWasmKernels)();
    const stock = CASES.map((c) => time(c, reps));
    (0, kernels_1.registerWasmKernels)();
    const ours = CASES.map((c) => time(c, reps));
    CASES.forEach((c, i) => rows.push([c.name, cpu[i], stock[i], ours[i]]));
    const f = (x, missing = 'missing') => (Number.isNaN(x) ? missing : x.toFixed(1));
    console.log(`${'kernel'.padEnd(44)} ${'cpu ms'.padStart(9)} ${'wasm ms'.padStart(9)} ${'cfcml ms'.padStart(9)} ${'gain'.padStart(6)}`);
    CASES.forEach((c, i) => {
        const [name, cp, st, o] = rows[i];
        const stock = c.stockWrong ? `(wrong) ${f(st)}` : f(st);
        const gain = c.stockWrong || Number.isNaN(st) ? '' : `${(st / o).toFixed(1)}×`;
        console.log(`${name.padEnd(44)} ${f(cp, '-').padStart(9)} ${stock.padStart(9)} ${f(o).padStart(9)} ${gain.padStart(6)}`);
    });
}
main().catch((e) => {
    console.error(e);
    process.exit(1);
});
//# sourceMappingURL=kernels.js.map