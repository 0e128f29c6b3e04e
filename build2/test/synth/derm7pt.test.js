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
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const data_1 = require("../../lib/data");
const synth_1 = require("../../lib/synth");
const csv_1 = require("../../lib/util/csv");
const derm7pt_1 = require("../../lib/data/derm7pt");
const fixtures_1 = require("../data/fixtures");
(0, node_test_1.test)('plan at scale 1 has the release counts: 1011 rows, NEV/MEL per split, 9 shared files', () => {
    const plan = (0, synth_1.planDerm7pt)({ seed: 1 });
    strict_1.default.equal(plan.length, 1011);
    const count = (split, label) => plan.filter((c) => c.split === split && c.label === label).length;
    strict_1.default.deepEqual([count('train', 0), count('train', 1)], [256, 90]);
    strict_1.default.deepEqual([count('valid', 0), count('valid', 1)], [100, 61]);
    strict_1.default.deepEqual([count('test', 0), count('test', 1)], [219, 101]);
    strict_1.default.deepEqual(['train', 'valid', 'test'].map((s) => plan.filter((c) => c.split === s).length), [413, 203, 395]);
    strict_1.default.equal(plan.filter((c) => c.sameFile).length, 9);
    // The leak: every MEL is excised; with leak off, not.
    strict_1.default.ok(plan.filter((c) => c.label === 1).every((c) => c.meta.management === 'excision'));
    const off = (0, synth_1.planDerm7pt)({ seed: 1, leak: false }).filter((c) => c.label === 1);
    strict_1.default.ok(off.some((c) => c.meta.management !== 'excision'));
    // The seven-point score matches the recorded criteria (2 points per major, 1 per minor criterion).
    for (const c of plan.slice(0, 200)) {
        const m = c.meta;
        const s = 2 * +(m.pigment_network === 'atypical') +
            2 * +(m.blue_whitish_veil === 'present') +
            2 * +['dotted', 'linear irregular'].includes(m.vascular_structures) +
            +(m.streaks === 'irregular') +
            +m.pigmentation.includes('irregular') +
            +(m.dots_and_globules === 'irregular') +
            +(m.regression_structures !== 'absent');
        strict_1.default.equal(Number(m.seven_point_score), s);
    }
    // The recorded checklist describes the drawn findings.
    for (const c of plan) {
        strict_1.default.equal(c.meta.dots_and_globules, ['absent', 'regular', 'irregular'][c.findings.dots]);
        strict_1.default.equal(c.meta.pigment_network === 'atypical', c.findings.network === 2 || c.findings.network === 4);
    }
});
(0, node_test_1.test)('plan: the record says how to read the dermoscopy (context), and nothing of it under the null control', () => {
    const rate = (cases, f) => cases.filter(f).length / cases.length;
    const irregularDots = (c) => c.findings.dots === 2;
    // Context: a MEL rated easy shows the melanoma table's findings; one rated difficult mostly the nevus table's.
    const mel = (0, synth_1.planDerm7pt)({ seed: 2, scale: 2 }).filter((c) => c.label === 1);
    const low = rate(mel.filter((c) => c.record.difficulty === 0), irregularDots);
    const high = rate(mel.filter((c) => c.record.difficulty === 2), irregularDots);
    strict_1.default.ok(low > high + 0.3, `MEL irregular dots: difficulty low ${low}, high ${high}`);
    // Acral sites show the parallel pattern instead of a network, and only there.
    const all = (0, synth_1.planDerm7pt)({ seed: 2, scale: 2 });
    for (const c of all)
        strict_1.default.equal(c.findings.network >= 3, c.record.location === 7, `case ${c.row}`);
    // Null control: the findings follow the class alone, whatever the difficulty or site.
    const none = (0, synth_1.planDerm7pt)({ seed: 2, scale: 2, interaction: 'none' });
    const melNone = none.filter((c) => c.label === 1);
    const lowN = rate(melNone.filter((c) => c.record.difficulty === 0), irregularDots);
    const highN = rate(melNone.filter((c) => c.record.difficulty === 2), irregularDots);
    strict_1.default.ok(Math.abs(lowN - highN) < 0.15, `null control: difficulty low ${lowN}, high ${highN}`);
    strict_1.default.ok(none.every((c) => c.findings.network < 3));
});
(0, node_test_1.test)('generator is deterministic per seed and writes the release_v0 layout', async () => {
    const a = (0, fixtures_1.tmpDir)('syn-a');
    const b = (0, fixtures_1.tmpDir)('syn-b');
    const c = (0, fixtures_1.tmpDir)('syn-c');
    const sa = await (0, synth_1.synthDerm7pt)({ out: a, seed: 7, scale: 0.04 });
    await (0, synth_1.synthDerm7pt)({ out: b, seed: 7, scale: 0.04 });
    await (0, synth_1.synthDerm7pt)({ out: c, seed: 8, scale: 0.04 });
    const metaA = fs.readFileSync(path.join(a, 'meta', 'meta.csv'));
    strict_1.default.ok(metaA.equals(fs.readFileSync(path.join(b, 'meta', 'meta.csv'))));
    strict_1.default.ok(!metaA.equals(fs.readFileSync(path.join(c, 'meta', 'meta.csv'))));
    const t = (0, csv_1.parseCsv)(metaA.toString('utf8'));
    strict_1.default.deepEqual(t.header, [...derm7pt_1.DERM7PT_COLUMNS]);
    const files = t.rows.flatMap((r) => [r.clinic, r.derm]);
    for (const f of new Set(files)) {
        const bytes = fs.readFileSync(path.join(a, 'images', f));
        strict_1.default.deepEqual(bytes.subarray(0, 2), Buffer.from([0xff, 0xd8]), `${f} is a JPEG`);
        strict_1.default.ok(bytes.equals(fs.readFileSync(path.join(b, 'images', f))), `${f} identical for the same seed`);
    }
    strict_1.default.ok(files.some((f) => f.endsWith('.JPG')) && files.some((f) => f.endsWith('.jpg')));
    const firstDerm = path.join('images', t.rows[0].derm);
    strict_1.default.ok(!fs.readFileSync(path.join(a, firstDerm)).equals(fs.readFileSync(path.join(c, 'images', (0, csv_1.parseCsv)(fs.readFileSync(path.join(c, 'meta', 'meta.csv'), 'utf8')).rows[0].derm))));
    strict_1.default.equal(sa.files, new Set(files).size);
    // Loader round trip: counts and exclusions agree with the summary; inspect reports them.
    const cohort = await (0, data_1.loadCohort)(a);
    for (const split of ['train', 'valid', 'test']) {
        strict_1.default.equal(cohort.cases.filter((x) => x.split === split && x.label === 0).length, sa.splits[split].NEV);
        strict_1.default.equal(cohort.cases.filter((x) => x.split === split && x.label === 1).length, sa.splits[split].MEL);
    }
    const excludedTotal = cohort.excluded.reduce((s, e) => s + e.count, 0);
    strict_1.default.equal(excludedTotal, Object.values(sa.excluded).reduce((s, v) => s + v, 0));
    strict_1.default.ok(excludedTotal > 0);
    const rep = await (0, data_1.inspectCohort)(cohort);
    strict_1.default.deepEqual(rep.splits.train, sa.splits.train);
    strict_1.default.deepEqual(Object.keys(rep.imageSizes), ['clinic', 'derm']);
    strict_1.default.equal(rep.imageSizes.derm['192x192'], cohort.cases.length);
});
(0, node_test_1.test)('audit flags management on synthetic Derm7pt, and not with the leak off', async () => {
    const on = (0, fixtures_1.tmpDir)('leak-on');
    const off = (0, fixtures_1.tmpDir)('leak-off');
    await (0, synth_1.synthDerm7pt)({ out: on, seed: 3, scale: 0.25 });
    await (0, synth_1.synthDerm7pt)({ out: off, seed: 3, scale: 0.25, leak: false });
    const rOn = (0, data_1.auditLeakage)(await (0, data_1.loadCohort)(on));
    strict_1.default.deepEqual(rOn.flagged, ['management']);
    const mgmt = rOn.fields.find((f) => f.name === 'management');
    strict_1.default.ok(mgmt.reasons.some((r) => r.startsWith('every MEL case')));
    strict_1.default.ok(mgmt.auc > 0.8);
    const rOff = (0, data_1.auditLeakage)(await (0, data_1.loadCohort)(off));
    strict_1.default.deepEqual(rOff.flagged, []);
    // The other fields carry partial signal: better than chance, far from a giveaway.
    for (const f of rOff.fields)
        strict_1.default.ok(f.auc > 0.5 && f.auc < 0.85, `${f.name} AUC ${f.auc}`);
});
//# sourceMappingURL=derm7pt.test.js.map