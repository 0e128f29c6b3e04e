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
const synth_1 = require("../../lib/synth");
const fixtures_1 = require("./fixtures");
(0, node_test_1.test)('makeBatch: shapes, no tensor leak, seeded augmentation, one transform for all images of a case', async () => {
    await tf.setBackend('cpu');
    const root = (0, fixtures_1.tmpDir)('batch');
    await (0, synth_1.synthDerm7pt)({ out: root, seed: 2, scale: 0.03 });
    const cohort = await (0, data_1.loadCohort)(root);
    const cache = await data_1.ImageCache.load(cohort, { size: [24, 24] });
    const enc = data_1.TabularEncoder.fit(cohort.spec, cohort.cases.filter((c) => c.split === 'train'), { exclude: ['management'] });
    const same = cohort.cases.findIndex((c) => c.imagePaths[0] === c.imagePaths[1]);
    strict_1.default.ok(same >= 0, 'a case with one file for both images');
    const idx = [same, 0, 1, 2];
    const before = tf.memory().numTensors;
    const plain = (0, data_1.makeBatch)(cohort.spec, cohort.cases, idx, cache, enc);
    strict_1.default.deepEqual(plain.images.map((t) => t.shape), [[4, 24, 24, 3], [4, 24, 24, 3]]);
    strict_1.default.deepEqual(plain.tabular.shape, [4, 4]);
    strict_1.default.equal(plain.labels.dtype, 'int32');
    const firstDerm = tf.tidy(() => Array.from(plain.images[1].slice([1, 0, 0, 0], [1, 24, 24, 3]).dataSync()));
    strict_1.default.deepEqual(firstDerm, Array.from(cache.get(cohort.cases[0].id, 1)));
    const a1 = (0, data_1.makeBatch)(cohort.spec, cohort.cases, idx, cache, enc, { augment: true, seed: 11 });
    const a2 = (0, data_1.makeBatch)(cohort.spec, cohort.cases, idx, cache, enc, { augment: true, seed: 11 });
    const a3 = (0, data_1.makeBatch)(cohort.spec, cohort.cases, idx, cache, enc, { augment: true, seed: 12 });
    strict_1.default.deepEqual(Array.from(a1.images[0].dataSync()), Array.from(a2.images[0].dataSync()));
    strict_1.default.notDeepEqual(Array.from(a1.images[0].dataSync()), Array.from(a3.images[0].dataSync()));
    // The shared-file case has identical clinic and derm inputs, so one transform gives identical outputs.
    for (const b of [a1, a3]) {
        const [c0, c1] = tf.tidy(() => b.images.map((t) => Array.from(t.slice([0, 0, 0, 0], [1, 24, 24, 3]).dataSync())));
        strict_1.default.deepEqual(c0, c1);
    }
    const [min, max] = tf.tidy(() => [a1.images[0].min().dataSync()[0], a1.images[0].max().dataSync()[0]]);
    strict_1.default.ok(min >= 0 && max <= 1);
    // Every case of the batch is transformed, not only the first (tfjs 4.22's CPU tf.image.transform fills
    // all but the first image with zeros): flips alone keep each image's sum.
    const flips = (0, data_1.makeBatch)(cohort.spec, cohort.cases, idx, cache, enc, {
        augment: true,
        seed: 5,
        augmentOptions: { flip: 1, rotate90: 0, ssr: 0, brightnessContrast: 0 },
    });
    const sums = (t) => tf.tidy(() => Array.from(t.sum([1, 2, 3]).dataSync()));
    sums(flips.images[1]).forEach((v, k) => strict_1.default.ok(Math.abs(v - sums(plain.images[1])[k]) < 1e-2, `case ${k}: ${v}`));
    strict_1.default.notDeepEqual(tf.tidy(() => Array.from(flips.images[1].dataSync())), tf.tidy(() => Array.from(plain.images[1].dataSync())));
    (0, data_1.disposeBatch)(flips);
    for (const b of [plain, a1, a2, a3])
        (0, data_1.disposeBatch)(b);
    strict_1.default.equal(tf.memory().numTensors, before);
});
(0, node_test_1.test)('makeBatch on 3D volumes with augmentation keeps shapes and leaks nothing', async () => {
    await tf.setBackend('cpu');
    const root = (0, fixtures_1.tmpDir)('batch3d');
    await (0, synth_1.synthMen)({ out: root, seed: 2, scale: 0.03, size: [6, 12, 12] });
    const cohort = await (0, data_1.loadCohort)(root);
    const cache = await data_1.ImageCache.load(cohort, { size: [4, 8, 8] });
    const enc = data_1.TabularEncoder.fit(cohort.spec, cohort.cases.filter((c) => c.split === 'train'));
    const before = tf.memory().numTensors;
    const b = (0, data_1.makeBatch)(cohort.spec, cohort.cases, [0, 1, 2], cache, enc, { augment: true, seed: 1 });
    strict_1.default.deepEqual(b.images.map((t) => t.shape), [[3, 4, 8, 8, 1], [3, 4, 8, 8, 1], [3, 4, 8, 8, 1]]);
    strict_1.default.deepEqual(b.tabular.shape, [3, 6]);
    strict_1.default.ok(tf.tidy(() => b.images.every((t) => Number.isFinite(t.sum().dataSync()[0]))));
    (0, data_1.disposeBatch)(b);
    strict_1.default.equal(tf.memory().numTensors, before);
});
//# sourceMappingURL=batch.test.js.map