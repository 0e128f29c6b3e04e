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
exports.onPath = exports.evalOn = exports.randomTensor = exports.relError = exports.withBackend = void 0;
/**
 * Helpers for tests that compare backends.
 */
const tf = __importStar(require("@tensorflow/tfjs"));
const path_1 = require("./path");
const select_1 = require("./select");
/** Run `fn` with backend `name` active (quietly), then switch back to the previous backend. */
async function withBackend(name, fn) {
    const before = tf.getBackend();
    await (0, select_1.initBackend)({ backend: name, quiet: true });
    try {
        return await fn();
    }
    finally {
        if (before && before !== name)
            await (0, select_1.initBackend)({ backend: before, quiet: true });
    }
}
exports.withBackend = withBackend;
/** max |a − b| / max(max |b|, floor): relative error of `a` against reference `b`. */
function relError(a, b, floor = 1e-6) {
    if (a.length !== b.length)
        throw new Error(`relError: lengths ${a.length} and ${b.length} differ`);
    let num = 0;
    let den = floor;
    for (let i = 0; i < a.length; i++) {
        num = Math.max(num, Math.abs(a[i] - b[i]));
        den = Math.max(den, Math.abs(b[i]));
    }
    return num / den;
}
exports.relError = relError;
/** A float32 tensor of standard normals drawn from `rng` (tests: seeds injected, not global). */
function randomTensor(rng, shape) {
    const n = shape.reduce((a, b) => a * b, 1);
    const v = new Float32Array(n);
    for (let i = 0; i < n; i++)
        v[i] = rng.normal();
    return tf.tensor(v, shape);
}
exports.randomTensor = randomTensor;
/**
 * Evaluate `f` on `backend` and return its outputs as plain arrays; `make` builds the inputs (from a
 * fresh generator each time, so both backends see identical values).
 */
async function evalOn(backend, make, f) {
    return withBackend(backend, () => {
        const xs = make();
        const out = tf.tidy(() => {
            const r = f(...xs);
            return Array.isArray(r) ? r : [r];
        });
        const data = out.map((t) => t.dataSync());
        tf.dispose([...xs, ...out]);
        return data;
    });
}
exports.evalOn = evalOn;
/**
 * node:test options for a test of the wasm backend's `path`: where the native BLAS (koffi + a BLAS library) is
 * missing, the native-blas test is skipped with the reason, except under CI=true, where it runs and fails.
 */
function onPath(path) {
    if (path === 'wasm' || process.env.CI === 'true' || (0, path_1.nativeBlasAvailable)())
        return { skip: false };
    return { skip: 'no native BLAS here (koffi or OpenBLAS missing; `cfcml backend` says which)' };
}
exports.onPath = onPath;
//# sourceMappingURL=testing.js.map