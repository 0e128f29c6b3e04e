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
exports.useComputePath = exports.nativeBlasAvailable = exports.computePath = exports.COMPUTE_PATHS = void 0;
/**
 * The compute path of the wasm backend's dense products: `native-blas` (the system BLAS through koffi,
 * lib/backend/blas.ts and kernels/nativeMatMul.ts) or `wasm` (XNNPACK inside the wasm module).
 *
 * The two paths round differently (another summation order), so the same seed gives different bits on each:
 * the numerics fingerprint (lib/run/numerics.ts) names the path, and a sweep does not mix them. The default
 * (`auto`) is native-blas wherever a BLAS library loads (docs/PERFORMANCE.md gives the measurements behind it);
 * `CFCML_BLAS=none` or `useComputePath('wasm')` pins the wasm path.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
const blas_1 = require("./blas");
const batchMatMul_1 = require("./kernels/batchMatMul");
const conv2dBackpropFilter_1 = require("./kernels/conv2dBackpropFilter");
const conv2dBackpropInput_1 = require("./kernels/conv2dBackpropInput");
const conv3dBackprop_1 = require("./kernels/conv3dBackprop");
const nativeConv_1 = require("./kernels/nativeConv");
const nativeMatMul_1 = require("./kernels/nativeMatMul");
const util_1 = require("./kernels/util");
exports.COMPUTE_PATHS = ['native-blas', 'wasm'];
let current = 'wasm';
let why = 'the wasm backend is not initialised';
/** The last path asked for: kept when the backend is switched away and back (tests comparing backends). */
let asked = 'auto';
/** The path in use and why; `blas` says which library the native path has (or why none). */
function computePath() {
    return { path: current, reason: why, blas: (0, blas_1.blasStatus)() };
}
exports.computePath = computePath;
/** Whether the native path can run here (a BLAS library loaded through koffi). */
function nativeBlasAvailable() {
    return (0, blas_1.blas)() !== null;
}
exports.nativeBlasAvailable = nativeBlasAvailable;
/**
 * Register the dense-product kernels of `path` on the (initialised) wasm backend; `auto` takes native-blas
 * where available, no argument the path asked for last (else auto). Returns the path now in use. Asking for
 * native-blas where it cannot run is an error naming the reason.
 */
function useComputePath(want) {
    const path = want ?? asked;
    if (tf.getBackend() !== 'wasm')
        throw new errors_1.CfcmlError(`the compute path applies to the wasm backend; the backend is ${tf.getBackend()}`);
    const lib = (0, blas_1.blas)();
    if (path === 'native-blas' && !lib) {
        throw new errors_1.CfcmlError(`the native-blas path is unavailable: ${(0, blas_1.blasStatus)().reason}`, {
            hint: 'install OpenBLAS (bash scripts/setup-system.sh) or set CFCML_BLAS=/path/to/libcblas',
        });
    }
    asked = path;
    if (path === 'wasm' || !lib) {
        (0, util_1.registerWasm)('BatchMatMul', batchMatMul_1.batchMatMul);
        (0, util_1.registerWasm)('_FusedMatMul', batchMatMul_1.fusedMatMul);
        (0, util_1.captureStock)('Conv2D'); // (a no-op once captured; restoring what was never captured would remove it)
        (0, util_1.restoreStock)('Conv2D');
        (0, util_1.registerWasm)('Conv2DBackpropFilter', conv2dBackpropFilter_1.conv2dBackpropFilter);
        (0, util_1.registerWasm)('Conv2DBackpropInput', conv2dBackpropInput_1.conv2dBackpropInput);
        (0, util_1.registerWasm)('Conv3DBackpropFilterV2', conv3dBackprop_1.conv3dBackpropFilter);
        current = 'wasm';
        why = path === 'wasm' ? 'asked for' : `no BLAS: ${(0, blas_1.blasStatus)().reason}`;
        return current;
    }
    (0, util_1.registerWasm)('BatchMatMul', (0, nativeMatMul_1.nativeBatchMatMul)(lib.sgemm));
    (0, util_1.registerWasm)('_FusedMatMul', (0, nativeMatMul_1.nativeFusedMatMul)(lib.sgemm));
    (0, util_1.registerWasm)('Conv2D', (0, nativeConv_1.nativeConv2D)(lib.sgemm));
    (0, util_1.registerWasm)('Conv2DBackpropFilter', (0, nativeConv_1.nativeConv2DBackpropFilter)(lib.sgemm));
    (0, util_1.registerWasm)('Conv2DBackpropInput', (0, nativeConv_1.nativeConv2DBackpropInput)(lib.sgemm));
    (0, util_1.registerWasm)('Conv3DBackpropFilterV2', (0, nativeConv_1.nativeConv3DBackpropFilter)(lib.sgemm));
    current = 'native-blas';
    const s = lib.status;
    why = `${path === 'auto' ? 'default where BLAS loads' : 'asked for'}; ${s.reason}: ${s.library}${s.core ? ` (${s.core} kernels)` : ''}, ${s.threads} thread${s.threads === 1 ? '' : 's'}`;
    return current;
}
exports.useComputePath = useComputePath;
//# sourceMappingURL=path.js.map