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
const synth_1 = require("../../lib/synth");
const data_1 = require("../../lib/data");
const derm7ptModel_1 = require("../../lib/synth/derm7ptModel");
const oracle_1 = require("../../lib/synth/oracle");
const errors_1 = require("../../lib/util/errors");
const random_1 = require("../../lib/util/random");
const fixtures_1 = require("../data/fixtures");
const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'oracle_auc.json');
const reference = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
function derm7ptAucs(seed, interaction) {
    const rows = (0, synth_1.planDerm7pt)({ seed, interaction })
        .filter((c) => c.label >= 0)
        .map((c) => (0, synth_1.derm7ptOracleRow)(c, interaction));
    return (0, synth_1.oracleAucs)(rows, 2);
}
(0, node_test_1.test)('Derm7pt v2 oracle AUCs (project metrics) equal scikit-learn on the same oracle (seeds 1-3, both designs)', () => {
    for (const interaction of ['context', 'none']) {
        for (const seed of [1, 2, 3]) {
            const ours = derm7ptAucs(seed, interaction);
            const ref = reference[`derm7pt-${interaction}-seed${seed}`];
            strict_1.default.ok(ref, `fixture has derm7pt-${interaction}-seed${seed}`);
            for (const split of ['train', 'valid', 'test']) {
                for (const [k, v] of Object.entries(ref[split]))
                    strict_1.default.ok(Math.abs(ours[split][k] - v) < 1e-9, `${interaction} seed ${seed} ${split} ${k}: ${ours[split][k]} vs sklearn ${v}`);
            }
        }
    }
});
(0, node_test_1.test)('Derm7pt v2 design criteria hold on the test split: seed 1, and seeds 2-3 within 0.02; the null control is additive', () => {
    for (const seed of [1, 2, 3]) {
        const tol = seed === 1 ? 0 : 0.02;
        const a = derm7ptAucs(seed, 'context').test;
        const c = (0, synth_1.oracleCriteria)(a, ['clinic', 'derm']);
        strict_1.default.ok(c.jointMinusAdditive >= 0.05 - tol, `seed ${seed}: joint − additive ${c.jointMinusAdditive}`);
        strict_1.default.ok(c.jointMinusTabular >= 0.08 - tol, `seed ${seed}: joint − tabular ${c.jointMinusTabular}`);
        strict_1.default.ok(c.jointMinusImage >= 0.08 - tol, `seed ${seed}: joint − image ${c.jointMinusImage}`);
        strict_1.default.ok(c.jointMinusBestView >= 0.05 - tol, `seed ${seed}: joint − best view ${c.jointMinusBestView}`);
        strict_1.default.ok(c.imageMinusGlobal >= 0.05 - tol, `seed ${seed}: image − global ${c.imageMinusGlobal}`);
        const n = derm7ptAucs(seed, 'none').test;
        strict_1.default.ok(n.joint - n.additive <= 0.005 + tol, `null seed ${seed}: joint − additive ${n.joint - n.additive}`);
    }
});
(0, node_test_1.test)('Derm7pt v2 oracle: null control log-odds add exactly; posteriors are calibrated on fresh draws of the model', () => {
    const rng = new random_1.Rng(11);
    const lp = (0, oracle_1.logit)(derm7ptModel_1.DERM7PT_PRIOR);
    for (let i = 0; i < 300; i++) {
        const { record, findings } = (0, derm7ptModel_1.drawDermCase)(rng, rng.bernoulli(0.3) ? 1 : 0, 'none');
        const p = (0, synth_1.derm7ptPosteriors)(record, findings, 'none');
        strict_1.default.ok(Math.abs((0, oracle_1.logit)(p.joint) - ((0, oracle_1.logit)(p.tabular) + (0, oracle_1.logit)(p.image) - lp)) < 1e-9);
    }
    // Calibration: among cases drawn from the model, the mean posterior in each decile bin matches the MEL rate.
    for (const interaction of ['context', 'none']) {
        const r = new random_1.Rng(12);
        const bins = Array.from({ length: 5 }, () => ({ n: 0, p: 0, y: 0 }));
        let sum = 0;
        const N = 20000;
        for (let i = 0; i < N; i++) {
            const y = r.bernoulli(derm7ptModel_1.DERM7PT_PRIOR) ? 1 : 0;
            const { record, findings } = (0, derm7ptModel_1.drawDermCase)(r, y, interaction);
            const p = (0, synth_1.derm7ptPosteriors)(record, findings, interaction).joint;
            sum += p;
            const b = bins[Math.min(4, Math.floor(p * 5))];
            b.n++;
            b.p += p;
            b.y += y;
        }
        strict_1.default.ok(Math.abs(sum / N - derm7ptModel_1.DERM7PT_PRIOR) < 0.01, `${interaction}: mean posterior ${sum / N}`);
        for (const b of bins)
            if (b.n > 500)
                strict_1.default.ok(Math.abs(b.p / b.n - b.y / b.n) < 0.03, `${interaction}: bin mean p ${b.p / b.n} vs rate ${b.y / b.n} (n ${b.n})`);
    }
    // Under the interaction, a discordant (high-difficulty) record turns the same findings the other way.
    const f = { asymmetry: 1, colours: 1, diameterBin: 1, diameterMm: 8, sunDamage: 0, dots: 2, streaks: 2, regression: 1, network: 2 };
    const low = (0, synth_1.derm7ptPosteriors)({ difficulty: 0, elevation: 0, location: 2, sex: 0 }, f, 'context').joint;
    const high = (0, synth_1.derm7ptPosteriors)({ difficulty: 2, elevation: 0, location: 2, sex: 0 }, f, 'context').joint;
    strict_1.default.ok(low > 0.9 && high < 0.2, `low ${low}, high ${high}`);
});
(0, node_test_1.test)('synth derm7pt v2 writes oracle.csv and cohort.json beside the release layout; the loader reads the cohort', async () => {
    const out = (0, fixtures_1.tmpDir)('synth-oracle');
    const s = await (0, synth_1.synthDerm7pt)({ out, seed: 5, scale: 0.1 });
    strict_1.default.equal(s.version, '2.0');
    strict_1.default.equal(s.interaction, 'context');
    const file = path.join(out, 'oracle.csv');
    strict_1.default.ok(fs.existsSync(file) && !fs.existsSync(path.join(out, 'meta', 'oracle.csv')));
    const header = fs.readFileSync(file, 'utf8').split('\n')[0];
    strict_1.default.equal(header, 'case_num,split,label,p_joint,p_additive,p_tabular,p_image,p_clinic,p_derm,p_image_global');
    const rows = (0, synth_1.readOracleCsv)(file, 2);
    const plan = (0, synth_1.planDerm7pt)({ seed: 5, scale: 0.1 }).filter((c) => c.label >= 0);
    strict_1.default.equal(rows.length, plan.length);
    rows.forEach((r, i) => {
        const want = (0, synth_1.derm7ptOracleRow)(plan[i], 'context');
        strict_1.default.equal(r.id, want.id);
        strict_1.default.equal(r.label, plan[i].label);
        for (const k of Object.keys(want.p))
            strict_1.default.ok(Math.abs(r.p[k][1] - want.p[k][1]) < 1e-8);
    });
    strict_1.default.deepEqual(s.oracle, (0, synth_1.oracleAucs)(rows, 2));
    const meta = JSON.parse(fs.readFileSync(path.join(out, 'cohort.json'), 'utf8'));
    strict_1.default.equal(meta.version, '2.0');
    const cohort = await (0, data_1.loadCohort)(out);
    strict_1.default.equal(cohort.cases.length, rows.length);
    // A damaged oracle file is refused with the file, row and column named.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n(\d+),(train|valid|test),(\d),[^,]+,/, '\n$1,$2,$3,NaN,'));
    strict_1.default.throws(() => (0, synth_1.readOracleCsv)(file, 2), (e) => e instanceof errors_1.CfcmlError && /oracle\.csv:2: column p_joint/.test(e.message));
});
function menAucs(seed, interaction) {
    return (0, synth_1.oracleAucs)((0, synth_1.planMen)({ seed, interaction }).map((p) => (0, synth_1.menOracleRow)(p, interaction)), 3);
}
(0, node_test_1.test)('MEN v2 oracle macro AUCs equal scikit-learn; design criteria hold on the test split; the null control is additive', () => {
    for (const interaction of ['context', 'none']) {
        for (const seed of [1, 2, 3]) {
            const ours = menAucs(seed, interaction);
            const ref = reference[`men-${interaction}-seed${seed}`];
            strict_1.default.ok(ref, `fixture has men-${interaction}-seed${seed}`);
            for (const split of ['train', 'valid', 'test']) {
                for (const [k, v] of Object.entries(ref[split]))
                    strict_1.default.ok(Math.abs(ours[split][k] - v) < 1e-9, `MEN ${interaction} seed ${seed} ${split} ${k}: ${ours[split][k]} vs sklearn ${v}`);
            }
            const tol = seed === 1 ? 0 : 0.02;
            if (interaction === 'none') {
                strict_1.default.ok(ours.test.joint - ours.test.additive <= 0.005 + tol, `MEN null seed ${seed}`);
                continue;
            }
            const c = (0, synth_1.oracleCriteria)(ours.test, ['t1c', 't2', 'adc']);
            strict_1.default.ok(c.jointMinusAdditive >= 0.05 - tol, `MEN seed ${seed}: joint − additive ${c.jointMinusAdditive}`);
            strict_1.default.ok(c.jointMinusTabular >= 0.08 - tol && c.jointMinusImage >= 0.08 - tol, `MEN seed ${seed}: single modality ${JSON.stringify(c)}`);
            strict_1.default.ok(c.jointMinusBestView >= 0.05 - tol, `MEN seed ${seed}: joint − best view ${c.jointMinusBestView}`);
            strict_1.default.ok(c.imageMinusGlobal >= 0.05 - tol, `MEN seed ${seed}: image − global ${c.imageMinusGlobal}`);
        }
    }
});
(0, node_test_1.test)('synth men v2 writes oracle.csv (p_joint_0..2 ...) beside the cohort; the loader reads the cohort', async () => {
    const out = (0, fixtures_1.tmpDir)('synth-men-oracle');
    const s = await (0, synth_1.synthMen)({ out, seed: 4, scale: 0.1, size: [8, 16, 16] });
    strict_1.default.equal(s.version, '2.0');
    const file = path.join(out, 'oracle.csv');
    const header = fs.readFileSync(file, 'utf8').split('\n')[0].split(',');
    strict_1.default.deepEqual(header.slice(0, 6), ['patient_id', 'split', 'label', 'p_joint_0', 'p_joint_1', 'p_joint_2']);
    strict_1.default.ok(header.includes('p_additive_2') && header.includes('p_image_global_0') && header.includes('p_t1c_1'));
    const rows = (0, synth_1.readOracleCsv)(file, 3);
    const plan = (0, synth_1.planMen)({ seed: 4, scale: 0.1 });
    strict_1.default.equal(rows.length, plan.length);
    for (const r of rows)
        for (const p of Object.values(r.p))
            strict_1.default.ok(Math.abs(p[0] + p[1] + p[2] - 1) < 1e-8);
    const cohort = await (0, data_1.loadCohort)(out);
    strict_1.default.equal(cohort.cases.length, rows.length);
    // Under the interaction the same tongues point to Grade_2_invasion off the skull base and away from it at the skull base.
    const f = { necrosis: 1, lowAdc: 0, heteroEnhancement: 0, cleftLost: 0, tongues: 1 };
    const rec = { location: 0, male: 0, age: 57, adc: 0.9, logTumourArea: Math.log(11), logOedemaArea: Math.log(5) };
    const off = (0, synth_1.menPosteriors)(rec, f, 'context').joint;
    const base = (0, synth_1.menPosteriors)({ ...rec, location: 2 }, f, 'context').joint;
    strict_1.default.ok(off[1] > 0.5 && base[1] < 0.05 && base[0] > off[0], `off ${off}, skull base ${base}`);
});
//# sourceMappingURL=oracle.test.js.map