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
/** Reference rows (the standard recipe's JSON) and the learning curve of a report over nested cohorts. */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const reference_1 = require("../../lib/experiments/reference");
const figures_1 = require("../../lib/experiments/figures");
(0, node_test_1.test)('reference rows: one per form, mean ± sd over its seeds, from <sweep>/reference/<cohort>.json; bad files named', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ref-'));
    strict_1.default.deepEqual((0, reference_1.readReferenceRows)(root, '/data/d7-n4'), [], 'no file, no rows');
    const file = (0, reference_1.referenceFileOf)(root, '/data/d7-n4');
    strict_1.default.equal(file, path.join(root, 'reference', 'd7-n4.json'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({
        runs: [
            { form: 'joint', seed: 2, test_auc: 0.86, valid_auc: 0.84 },
            { form: 'joint', seed: 1, test_auc: 0.84, valid_auc: 0.8 },
            { form: 'late', seed: 1, test_auc: 0.75, valid_auc: 0.78 },
        ],
    }));
    const rows = (0, reference_1.readReferenceRows)(root, '/data/d7-n4');
    strict_1.default.deepEqual(rows.map((r) => [r.name, r.seeds, r.testAuc.values]), [
        ['standard joint CNN (PyTorch)', [1, 2], [0.84, 0.86]],
        ['standard late-fusion CNN (PyTorch)', [1], [0.75]],
    ]);
    strict_1.default.ok(Math.abs(rows[0].testAuc.mean - 0.85) < 1e-12);
    strict_1.default.equal(rows[0].file, path.join('reference', 'd7-n4.json'));
    fs.writeFileSync(file, JSON.stringify({ runs: [{ form: 'joint', seed: 'x' }] }));
    strict_1.default.throws(() => (0, reference_1.readReferenceRows)(root, '/data/d7-n4'), /d7-n4\.json: run 0: needs form, an integer seed/);
    fs.writeFileSync(file, '{');
    strict_1.default.throws(() => (0, reference_1.readReferenceRows)(root, '/data/d7-n4'), /d7-n4\.json: not valid JSON/);
});
function oracleFile(dir, nTrain) {
    const lines = ['case_num,split,label,p_joint,p_additive'];
    for (let i = 0; i < nTrain; i++)
        lines.push(`${i + 1},train,${i % 2},0.5,0.5`);
    lines.push(`${nTrain + 1},test,1,0.9,0.6`, `${nTrain + 2},test,0,0.2,0.4`, `${nTrain + 3},test,0,0.3,0.7`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'oracle.csv'), lines.join('\n') + '\n');
    return path.join(dir, 'oracle.csv');
}
function group(name, file, auc) {
    const s = { mean: auc.reduce((a, b) => a + b, 0) / auc.length, sd: 0, values: auc };
    const row = { group: name, variant: 'full', seeds: auc.map((_, i) => i + 1), metrics: { auc: s }, validAuc: s };
    return { group: name, dataset: 'derm7pt', data: `/d/${name}`, preset: 'cpu', metrics: ['auc'], rows: [row], oracle: { file, auc: { joint: 1, additive: 0.75 } }, delongNote: '', reference: [], strata: [] };
}
(0, node_test_1.test)('learning curve of a report: x = training cases of each nested cohort, one point per group; none for a single group', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-'));
    const g1 = group('n1', oracleFile(path.join(tmp, 'n1'), 6), [0.6, 0.62]);
    const g2 = group('n2', oracleFile(path.join(tmp, 'n2'), 12), [0.7, 0.74]);
    const report = (groups) => ({ root: tmp, trainArgs: [], runsTotal: 4, runsDone: 4, groups, problems: [], notes: [] });
    const fig = (0, figures_1.learningCurveOf)(report([g1, g2]));
    strict_1.default.ok(fig);
    const line = fig.data.find((d) => d.name === 'full');
    strict_1.default.deepEqual(line?.x, [6, 12]);
    strict_1.default.ok(Math.abs(line?.y[1] - 0.72) < 1e-12);
    strict_1.default.deepEqual(fig.layout.shapes.map((x) => x.y0), [1, 0.75], 'the shared test cases\' oracle ceilings');
    strict_1.default.equal((0, figures_1.learningCurveOf)(report([g1])), null);
    const other = { ...g2, oracle: { file: g2.oracle.file, auc: { joint: 0.9, additive: 0.75 } } };
    strict_1.default.equal((0, figures_1.learningCurveOf)(report([g1, other])), null, 'different test cases (other oracle AUCs): no curve');
});
//# sourceMappingURL=reference.test.js.map