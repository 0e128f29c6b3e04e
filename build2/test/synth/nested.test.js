"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The nested Derm7pt layout (learning curves): the test and validation cases are the same at every training
 * scale, and each scale's training cases are inside every larger scale's; the release layout is untouched.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const derm7ptModel_1 = require("../../lib/synth/derm7ptModel");
const oracle_1 = require("../../lib/synth/oracle");
const content = (c) => {
    const { case_num: _n, clinic: _c, derm: _d, case_id: _i, notes: _x, ...meta } = c.meta;
    return JSON.stringify({ label: c.label, record: c.record, findings: c.findings, renderSeed: c.renderSeed, sameFile: c.sameFile, meta });
};
(0, node_test_1.test)('nested layout: test and validation rows identical at scales 1 and 2, training of 1 inside 2, class counts as the release × scale', () => {
    const one = (0, derm7ptModel_1.planDerm7pt)({ seed: 1, scale: 1, nested: { validScale: 2 } });
    const two = (0, derm7ptModel_1.planDerm7pt)({ seed: 1, scale: 2, nested: { validScale: 2 } });
    for (const split of ['test', 'valid']) {
        const a = one.filter((c) => c.split === split);
        const b = two.filter((c) => c.split === split);
        strict_1.default.equal(a.length, b.length, split);
        a.forEach((c, i) => strict_1.default.deepEqual(c, b[i], `${split} row ${c.row}`));
    }
    const count = (plan, split, label) => plan.filter((c) => c.split === split && c.label === label).length;
    strict_1.default.deepEqual([count(one, 'test', 0), count(one, 'test', 1)], [219, 101]);
    strict_1.default.deepEqual([count(one, 'valid', 0), count(one, 'valid', 1)], [200, 122]);
    strict_1.default.deepEqual([count(one, 'train', 0), count(one, 'train', 1)], [256, 90]);
    strict_1.default.deepEqual([count(two, 'train', 0), count(two, 'train', 1)], [512, 180]);
    // Test rows come first, then validation, then training: the fixed splits never move.
    strict_1.default.deepEqual([...new Set(one.map((c) => c.split))], ['test', 'valid', 'train']);
    const bigger = new Set(two.filter((c) => c.split === 'train').map(content));
    const small = one.filter((c) => c.split === 'train');
    strict_1.default.equal(small.filter((c) => bigger.has(content(c))).length, small.length, 'every scale-1 training case is in scale 2');
    // ... in the same relative order
    const order2 = two.filter((c) => c.split === 'train').map(content).filter((k) => small.some((c) => content(c) === k));
    strict_1.default.deepEqual(order2, small.map(content));
});
(0, node_test_1.test)('nested layout: the validation size follows validScale, another seed draws other cases, the release layout is not nested', () => {
    const v1 = (0, derm7ptModel_1.planDerm7pt)({ seed: 1, scale: 1, nested: { validScale: 1 } });
    strict_1.default.equal(v1.filter((c) => c.split === 'valid' && c.label >= 0).length, 161);
    const s2 = (0, derm7ptModel_1.planDerm7pt)({ seed: 2, scale: 1, nested: { validScale: 2 } });
    const s1 = (0, derm7ptModel_1.planDerm7pt)({ seed: 1, scale: 1, nested: { validScale: 2 } });
    strict_1.default.notEqual(s1[0].renderSeed, s2[0].renderSeed, "another seed, other cases");
    const flat1 = (0, derm7ptModel_1.planDerm7pt)({ seed: 1, scale: 1 });
    const flat2 = (0, derm7ptModel_1.planDerm7pt)({ seed: 1, scale: 2 });
    const t1 = flat1.filter((c) => c.split === 'test').map(content);
    const t2 = new Set(flat2.filter((c) => c.split === 'test').map(content));
    strict_1.default.ok(t1.filter((k) => t2.has(k)).length < t1.length / 10, 'the release layout redraws every case at another scale');
});
(0, node_test_1.test)('nested layout, seed 1: the design\'s oracle numbers, fixed before any network is trained on it (docs/study.md)', () => {
    const auc = (interaction, scale) => (0, oracle_1.oracleAucs)((0, derm7ptModel_1.planDerm7pt)({ seed: 1, scale, interaction, nested: { validScale: 2 } }).filter((c) => c.label >= 0).map((c) => (0, derm7ptModel_1.derm7ptOracleRow)(c, interaction)), 2);
    const f = (x) => x.toFixed(3);
    for (const scale of [1, 4]) {
        const a = auc('context', scale);
        strict_1.default.deepEqual([f(a.test.joint), f(a.test.additive), f(a.test.tabular), f(a.test.image)], ['0.877', '0.772', '0.618', '0.758'], `test, scale ${scale}`);
        strict_1.default.deepEqual([f(a.valid.joint), f(a.valid.additive), f(a.valid.tabular)], ['0.907', '0.788', '0.646'], `valid, scale ${scale}`);
    }
    const n = auc('none', 4);
    strict_1.default.deepEqual([f(n.test.joint), f(n.test.additive)], ['0.966', '0.966'], 'null control: joint = additive');
});
//# sourceMappingURL=nested.test.js.map