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
/**
 * The seed × case bootstrap of a mean per-seed AUC difference, against scikit-learn on the same draws
 * (scripts/reference/seed_case_bootstrap.py), and its own drawing: paired, stratified, seeded.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const seedCaseBootstrap_1 = require("../../lib/metrics/seedCaseBootstrap");
const curves_1 = require("../../lib/metrics/curves");
const compute_1 = require("../../lib/metrics/compute");
const random_1 = require("../../lib/util/random");
const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'seed_case_bootstrap.json');
const ref = JSON.parse(fs.readFileSync(FIX, 'utf8'));
function close(actual, expected, what, tol = 1e-12) {
    strict_1.default.ok(Math.abs(actual - expected) <= tol, `${what}: got ${actual}, expected ${expected}`);
}
for (const c of ref.cases) {
    (0, node_test_1.test)(`seedCaseBootstrap equals scikit-learn on the same draws: ${c.name}`, () => {
        const r = c.multiclass
            ? (0, seedCaseBootstrap_1.seedCaseBootstrap)(c.labels, c.a, c.b, (0, seedCaseBootstrap_1.weightedMacroAuc)(c.labels, 3), { draws: c.draws })
            : (0, seedCaseBootstrap_1.seedCaseBootstrap)(c.labels, c.a, c.b, (0, seedCaseBootstrap_1.weightedAuc)(c.labels), { draws: c.draws });
        close(r.estimate, c.estimate, 'estimate');
        c.perSeed.forEach((d, s) => close(r.perSeed[s], d, `per-seed ${s}`));
        strict_1.default.equal(r.nValid, c.replicates.length);
        close(r.lower, c.lower, 'lower');
        close(r.upper, c.upper, 'upper');
        close(r.p, c.p, 'p');
        close(r.se, c.se, 'se', 1e-10);
    });
}
(0, node_test_1.test)('seedCaseBootstrap draws: seeds with replacement, cases within each class (counts kept), reproducible by seed', () => {
    const labels = [1, 0, 0, 1, 0, 2, 2, 0];
    const byClass = [0, 1, 2].map((k) => labels.map((y, i) => (y === k ? i : -1)).filter((i) => i >= 0));
    const d1 = (0, seedCaseBootstrap_1.drawSeedsAndCases)(new random_1.Rng(5), 3, byClass);
    const d2 = (0, seedCaseBootstrap_1.drawSeedsAndCases)(new random_1.Rng(5), 3, byClass);
    strict_1.default.deepEqual(d1, d2);
    strict_1.default.equal(d1.seeds.length, 3);
    strict_1.default.ok(d1.seeds.every((s) => s >= 0 && s < 3));
    strict_1.default.deepEqual(d1.cases.map((i) => labels[i]), [0, 0, 0, 0, 1, 1, 2, 2]);
});
(0, node_test_1.test)('seedCaseBootstrap with its own draws: the interval of the binary reference case is close to sklearn\'s', () => {
    const c = ref.cases[0];
    const r = (0, seedCaseBootstrap_1.seedCaseBootstrap)(c.labels, c.a, c.b, (0, seedCaseBootstrap_1.weightedAuc)(c.labels), { n: 2000, seed: 1 });
    close(r.estimate, c.estimate, 'estimate');
    // Different draws: the interval agrees within Monte-Carlo error (se of a 2.5% quantile with 300 vs 2000 draws).
    strict_1.default.ok(Math.abs(r.lower - c.lower) < 0.03, `lower ${r.lower} vs ${c.lower}`);
    strict_1.default.ok(Math.abs(r.upper - c.upper) < 0.03, `upper ${r.upper} vs ${c.upper}`);
    strict_1.default.ok(r.p > 0.2 && r.p < 0.7, `p ${r.p} (reference ${c.p})`);
    // A large, consistent gain is significant: arm B's scores are noise.
    const rng = new random_1.Rng(3);
    const noise = c.a.map(() => c.labels.map(() => rng.uniform()));
    const strong = (0, seedCaseBootstrap_1.seedCaseBootstrap)(c.labels, c.a, noise, (0, seedCaseBootstrap_1.weightedAuc)(c.labels), { n: 500, seed: 2 });
    strict_1.default.ok(strong.lower > 0 && strong.p < 0.01, `strong effect: [${strong.lower}, ${strong.upper}] p ${strong.p}`);
});
(0, node_test_1.test)('seedCaseBootstrap refuses unpaired arms and mismatched case counts, naming them', () => {
    strict_1.default.throws(() => (0, seedCaseBootstrap_1.seedCaseBootstrap)([0, 1], [[0.1, 0.9]], [], (0, seedCaseBootstrap_1.weightedAuc)([0, 1])), /1 seeds for one arm but 0 for the other/);
    strict_1.default.throws(() => (0, seedCaseBootstrap_1.seedCaseBootstrap)([0, 1, 1], [[0.1, 0.9]], [[0.2, 0.3]], (0, seedCaseBootstrap_1.weightedAuc)([0, 1, 1])), /seed 0: 2 and 2 predictions for 3 cases/);
});
(0, node_test_1.test)('weighted AUC: with unit weights equal to rocAuc / macroAucOvr (ties included); a weight k counts a case k times', () => {
    const c = ref.cases[0];
    const a0 = c.a[0];
    const ones = new Float64Array(c.labels.length).fill(1);
    strict_1.default.ok(Math.abs((0, seedCaseBootstrap_1.weightedAuc)(c.labels)(a0)(ones) - (0, curves_1.rocAuc)(c.labels, a0)) < 1e-14);
    const m = ref.cases[2];
    const rows = m.a[0];
    strict_1.default.ok(Math.abs((0, seedCaseBootstrap_1.weightedMacroAuc)(m.labels, 3)(rows)(new Float64Array(m.labels.length).fill(1)) - (0, compute_1.macroAucOvr)(m.labels, rows)) < 1e-14);
    const w = new Float64Array(c.labels.length).map((_, i) => i % 3);
    const expanded = c.labels.flatMap((y, i) => Array(w[i]).fill(y));
    const scores = a0.flatMap((s, i) => Array(w[i]).fill(s));
    strict_1.default.ok(Math.abs((0, seedCaseBootstrap_1.weightedAuc)(c.labels)(a0)(w) - (0, curves_1.rocAuc)(expanded, scores)) < 1e-14);
});
//# sourceMappingURL=seedCaseBootstrap.test.js.map