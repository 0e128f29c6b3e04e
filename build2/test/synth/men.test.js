"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const menModel_1 = require("../../lib/synth/menModel");
const menRender_1 = require("../../lib/synth/menRender");
(0, node_test_1.test)('MEN plan: default counts per split and grade; the record fields are written as the loader reads them', () => {
    const plan = (0, menModel_1.planMen)({ seed: 1 });
    strict_1.default.equal(plan.length, 354);
    for (const split of ['train', 'valid', 'test']) {
        strict_1.default.deepEqual([0, 1, 2].map((y) => plan.filter((p) => p.split === split && p.label === y).length), [...menModel_1.MEN_COUNTS[split]]);
    }
    for (const p of plan) {
        strict_1.default.equal(p.clinical.location, menModel_1.MEN_LOCATIONS[p.record.location]);
        strict_1.default.equal(p.clinical.sex, p.record.male ? 'male' : 'female');
        strict_1.default.equal(Number(p.clinical.age), Number(p.record.age.toFixed(1)));
    }
    // A small scale keeps at least one patient per split and grade.
    const small = (0, menModel_1.planMen)({ seed: 1, scale: 0.01 });
    strict_1.default.equal(small.length, 9);
});
(0, node_test_1.test)('MEN plan: boundary tongues mean invasion off the skull base and the opposite at it (context), the grade alone under the null control', () => {
    const rate = (ps) => ps.filter((p) => p.findings.tongues === 1).length / ps.length;
    const at = (ps, y, skullBase) => ps.filter((p) => p.label === y && (p.record.location === 2) === skullBase);
    const ctx = (0, menModel_1.planMen)({ seed: 2, scale: 2 });
    strict_1.default.ok(rate(at(ctx, 1, false)) > 0.8 && rate(at(ctx, 0, false)) < 0.15, `off the skull base: ${rate(at(ctx, 1, false))} / ${rate(at(ctx, 0, false))}`);
    strict_1.default.ok(rate(at(ctx, 0, true)) > 0.7 && rate(at(ctx, 1, true)) < 0.2, `at the skull base: ${rate(at(ctx, 0, true))} / ${rate(at(ctx, 1, true))}`);
    const none = (0, menModel_1.planMen)({ seed: 2, scale: 2, interaction: 'none' });
    for (const y of [0, 1, 2])
        strict_1.default.ok(Math.abs(rate(at(none, y, true)) - rate(at(none, y, false))) < 0.15, `null control, grade ${y}`);
});
(0, node_test_1.test)('MEN volumes: three sequences, non-negative, the same patient renders the same voxels', () => {
    const size = [8, 24, 24];
    const p = (0, menModel_1.planMen)({ seed: 3, scale: 0.05 })[0];
    const a = (0, menRender_1.renderMenVolumes)(p, size);
    const b = (0, menRender_1.renderMenVolumes)(p, size);
    strict_1.default.equal(a.length, 3);
    for (let m = 0; m < 3; m++) {
        strict_1.default.equal(a[m].length, 8 * 24 * 24);
        strict_1.default.ok(a[m].every((v) => v >= 0));
        strict_1.default.deepEqual(a[m], b[m]);
    }
});
//# sourceMappingURL=men.test.js.map