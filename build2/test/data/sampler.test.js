"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const data_1 = require("../../lib/data");
const labels = [...Array(90).fill(0), ...Array(10).fill(1), ...Array(20).fill(2)];
(0, node_test_1.test)('balanced batches take one case per class per draw, deterministically', () => {
    const s = new data_1.BatchSampler(labels, { batchSize: 12, balanced: true, numClasses: 3, seed: 4 });
    strict_1.default.equal(s.stepsPerEpoch, 10);
    const e0 = s.batches(0);
    strict_1.default.equal(e0.length, 10);
    for (const b of e0) {
        strict_1.default.equal(b.length, 12);
        strict_1.default.deepEqual([0, 1, 2].map((y) => b.filter((i) => labels[i] === y).length), [4, 4, 4]);
    }
    strict_1.default.deepEqual(s.batches(0), e0);
    strict_1.default.notDeepEqual(s.batches(1), e0);
    strict_1.default.notDeepEqual(new data_1.BatchSampler(labels, { batchSize: 12, balanced: true, numClasses: 3, seed: 5 }).batches(0), e0);
    strict_1.default.throws(() => new data_1.BatchSampler([0, 0, 2], { batchSize: 2, balanced: true, numClasses: 3, seed: 1 }), /class\(es\) 1 have no case/);
});
(0, node_test_1.test)('plain batches cover every case exactly once per epoch', () => {
    const s = new data_1.BatchSampler(labels, { batchSize: 32, balanced: false, numClasses: 3, seed: 4 });
    const e = s.batches(2);
    strict_1.default.deepEqual(e.map((b) => b.length), [32, 32, 32, 24]);
    strict_1.default.deepEqual(e.flat().sort((a, b) => a - b), labels.map((_, i) => i));
    strict_1.default.deepEqual(s.batches(2), e);
});
//# sourceMappingURL=sampler.test.js.map