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
const child_process_1 = require("child_process");
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const report_1 = require("../../lib/experiments/report");
/**
 * The results the README reports (docs/results/<sweep>/, archives made by `cfcml archive`) are what today's
 * report code computes from the archived runs: a change to the statistics that would move a published
 * number fails here, and so would an edited table. The cohorts are not in the repository; the oracle
 * ceiling comes from the archive's copy of each cohort's oracle.csv.
 */
const ROOT = path.join(__dirname, '../../..');
const PUBLISHED = ['ablation', 'null-control'];
function read(file) {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
}
for (const name of PUBLISHED) {
    (0, node_test_1.test)(`docs/results/${name}: the archived runs rebuild the published report (every metric, ΔAUC, DeLong, Holm, oracle)`, () => {
        const dir = path.join(ROOT, 'docs', 'results', name);
        const published = read(path.join(dir, 'report', 'report.json'));
        // Through JSON, as report.json was written (NaN → null).
        const now = JSON.parse(JSON.stringify((0, report_1.buildReport)(dir)));
        strict_1.default.equal(now.runsDone, published.runsDone);
        strict_1.default.equal(now.runsDone, now.runsTotal, 'every run of the grid is archived');
        strict_1.default.deepEqual(now.problems, []);
        strict_1.default.equal(now.groups.length, published.groups.length);
        now.groups.forEach((g, gi) => {
            const p = published.groups[gi];
            strict_1.default.deepEqual(g.rows.map((r) => r.variant), p.rows.map((r) => r.variant));
            strict_1.default.deepEqual(g.oracle?.auc, p.oracle?.auc, 'oracle ceiling from the archived cohort copy');
            g.rows.forEach((r, i) => {
                const q = p.rows[i];
                strict_1.default.deepEqual(r.seeds, q.seeds, r.variant);
                for (const k of g.metrics) {
                    strict_1.default.deepEqual(r.metrics[k].values, q.metrics[k].values, `${r.variant} ${k} per seed`);
                }
                strict_1.default.deepEqual(r.diffAuc?.perSeed ?? null, q.diffAuc?.perSeed ?? null, `${r.variant} ΔAUC per seed`);
                strict_1.default.equal(r.delong?.p ?? null, q.delong?.p ?? null, `${r.variant} DeLong p`);
                strict_1.default.equal(r.pHolm, q.pHolm, `${r.variant} Holm p`);
                strict_1.default.deepEqual(r.bootstrap, q.bootstrap, `${r.variant} seed × case bootstrap (CI, p)`);
                strict_1.default.equal(r.pBootHolm, q.pBootHolm, `${r.variant} bootstrap Holm p`);
                strict_1.default.deepEqual(r.best, q.best, `${r.variant} best marks`);
                strict_1.default.deepEqual(r.tabularUsed, q.tabularUsed, `${r.variant} tabular fields`);
            });
        });
    });
}
(0, node_test_1.test)('docs/results/ablation: the README headline numbers (full, no-hrm, late-fusion test AUC; no-hrm Holm)', () => {
    const r = (0, report_1.buildReport)(path.join(ROOT, 'docs', 'results', 'ablation'));
    const row = (v) => r.groups[0].rows.find((x) => x.variant === v);
    strict_1.default.equal(row('full').metrics.auc.mean.toFixed(3), '0.630');
    strict_1.default.equal(row('no-hrm').metrics.auc.mean.toFixed(3), '0.677');
    strict_1.default.equal(row('late-fusion').metrics.auc.mean.toFixed(3), '0.659');
    strict_1.default.ok(row('no-hrm').pHolm < 0.001, `no-hrm DeLong Holm ${row('no-hrm').pHolm}`);
    // The primary test of the per-seed ΔAUC (seed × case bootstrap): no-hrm's gain is not significant after Holm.
    strict_1.default.equal(row('no-hrm').bootstrap?.p.toFixed(3), '0.005');
    strict_1.default.equal(row('no-hrm').pBootHolm.toFixed(3), '0.055');
    strict_1.default.equal(row('no-hrm').bootstrap?.lower.toFixed(3), '0.016');
    strict_1.default.equal(row('late-fusion').pBootHolm.toFixed(3), '0.990');
    strict_1.default.equal(row('no-hrm').metrics.auc.values.length, 5);
    strict_1.default.equal(r.groups[0].oracle?.auc.joint.toFixed(3), '0.891');
});
(0, node_test_1.test)('npm run paper -- --archived: the tables and figures from the archive, no cohort and no training', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-paper-'));
    const r = (0, child_process_1.spawnSync)(process.execPath, [path.join(ROOT, 'scripts', 'paper.js'), '--archived', '--only', 'null-control', '--out', out], {
        encoding: 'utf8',
        cwd: ROOT,
        // The CLI of this build (build/), not dist/, which the unit tier does not rebuild.
        env: { ...process.env, CFCML_CLI: path.join(__dirname, '../../bin/cfcml.js') },
    });
    strict_1.default.equal(r.status, 0, r.stdout + r.stderr);
    strict_1.default.match(r.stdout, /null-control: report of the archive .*docs\/results\/null-control/);
    strict_1.default.doesNotMatch(r.stdout, /\$ cfcml (sweep|synth)/, 'nothing trained, no cohort made');
    const rep = path.join(out, 'null-control', 'report');
    strict_1.default.equal(fs.readFileSync(path.join(rep, 'table.csv'), 'utf8'), fs.readFileSync(path.join(ROOT, 'docs', 'results', 'null-control', 'report', 'table.csv'), 'utf8'));
    strict_1.default.equal(fs.readFileSync(path.join(rep, 'table.tex'), 'utf8'), fs.readFileSync(path.join(ROOT, 'docs', 'results', 'null-control', 'report', 'table.tex'), 'utf8'));
    for (const f of ['ablation', 'roc', 'curves'])
        for (const ext of ['png', 'svg', 'pdf']) {
            strict_1.default.ok(fs.statSync(path.join(rep, 'figures', `${f}.${ext}`)).size > 1000, `${f}.${ext}`);
        }
    fs.rmSync(out, { recursive: true, force: true });
});
//# sourceMappingURL=published.test.js.map