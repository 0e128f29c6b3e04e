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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const tf = __importStar(require("@tensorflow/tfjs"));
const data_1 = require("../../lib/data");
const random_1 = require("../../lib/util/random");
const NONE = { flip: 0, rotate90: 0, ssr: 0, shift: 0, scale: 0, degrees: 0, brightnessContrast: 0, brightness: 0, contrast: 0 };
const ramp = Float32Array.from({ length: 5 * 5 }, (_, i) => i / 25);
function apply(src, shape, tr, clip = true) {
    const out = new Float32Array(src.length);
    (0, data_1.transformInto)(src, shape, tr, clip, out, 0);
    return Array.from(out);
}
(0, node_test_1.test)('flips and quarter turns are exact and agree with tf.reverse / transpose', async () => {
    await tf.setBackend('cpu');
    const x = tf.tensor4d(ramp, [1, 5, 5, 1]);
    // flip probability 1: horizontal and vertical together = a half turn.
    const half = apply(ramp, [1, 5, 5, 1], (0, data_1.drawTransform)(new random_1.Rng(1), 5, 5, { ...NONE, flip: 1 }));
    strict_1.default.deepEqual(half, Array.from(tf.reverse(x, [1, 2]).dataSync()));
    const t = x.transpose([0, 2, 1, 3]);
    const exact = [tf.reverse(t, 1), tf.reverse(x, [1, 2]), tf.reverse(t, 2)].map((c) => Array.from(c.dataSync()));
    const seen = new Set();
    for (let seed = 0; seed < 12; seed++) {
        const r = apply(ramp, [1, 5, 5, 1], (0, data_1.drawTransform)(new random_1.Rng(seed), 5, 5, { ...NONE, rotate90: 1 }));
        const k = exact.findIndex((c) => c.every((v, i) => v === r[i]));
        strict_1.default.ok(k >= 0, 'a quarter turn, exactly');
        seen.add(k);
    }
    strict_1.default.equal(seen.size, 3, 'all three turns occur');
    tf.dispose([x, t]);
});
(0, node_test_1.test)('shift-scale-rotate stays in range; depth flip reverses slices; brightness/contrast formula', () => {
    const tr = (0, data_1.drawTransform)(new random_1.Rng(3), 5, 5, { ...NONE, ssr: 1, shift: 0.2, scale: 0.2, degrees: 30 });
    const y = apply(ramp, [1, 5, 5, 1], tr);
    strict_1.default.ok(y.every((v) => v >= 0 && v <= 24 / 25));
    strict_1.default.notDeepEqual(y, Array.from(ramp));
    const vol = Float32Array.from({ length: 3 * 2 * 2 }, (_, i) => Math.floor(i / 4)); // slice z holds z
    const id = { m: [1, 0, 0, 1], t: [0, 0], flipDepth: true, contrast: 1, brightness: 0 };
    strict_1.default.deepEqual(apply(vol, [3, 2, 2, 1], id, false), [2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0]);
    const bc = { m: [1, 0, 0, 1], t: [0, 0], flipDepth: false, contrast: 2, brightness: 0.1 };
    // mean 0.5: (−0.3·2, −0.1·2, 0.1·2, 0.3·2) + 0.6 = (0, 0.4, 0.8, 1.2 → 1)
    const z = apply(Float32Array.from([0.2, 0.4, 0.6, 0.8]), [1, 2, 2, 1], bc);
    [0, 0.4, 0.8, 1].forEach((v, i) => strict_1.default.ok(Math.abs(z[i] - v) < 1e-6, `${z[i]} vs ${v}`));
});
//# sourceMappingURL=augment.test.js.map