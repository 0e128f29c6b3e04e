"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const tables_1 = require("../../lib/experiments/tables");
const stats_1 = require("../../lib/experiments/stats");
const csv_1 = require("../../lib/util/csv");
const s = (values) => ({ mean: (0, stats_1.mean)(values), sd: (0, stats_1.sd)(values), values });
function row(variant, auc, bacc, p, pHolm, best) {
    return {
        group: '',
        variant,
        seeds: [1, 2, 3],
        metrics: { auc: s(auc), balanced_accuracy: s(bacc) },
        validAuc: s(auc.map((x) => x - 0.01)),
        diffAuc: variant === 'full' ? null : { mean: -0.05, sd: 0.02, perSeed: [], wins: 0 },
        bootstrap: p === null ? null : { lower: -0.09, upper: -0.012, p: p * 2, replicates: 2000 },
        pBootHolm: p === null ? NaN : Math.min(1, p * 4),
        delong: p === null ? null : { aucVariant: 0.8, aucFull: 0.85, z: -2, p },
        pHolm,
        tabularUsed: variant === 'image-only' ? [] : ['sex', 'elevation'],
        tabularExcluded: variant === 'image-only' ? [] : ['management'],
        best,
    };
}
const report = {
    root: '/tmp/sweep',
    trainArgs: ['--epochs', '3'],
    runsTotal: 10,
    runsDone: 9,
    groups: [
        {
            group: '',
            dataset: 'derm7pt',
            data: '/data/d7',
            preset: 'cpu',
            metrics: ['auc', 'balanced_accuracy'],
            rows: [
                row('full', [0.84, 0.86, 0.88], [0.7, 0.72, 0.74], null, NaN, ['auc', 'balanced_accuracy']),
                row('late_fusion', [0.8, 0.81, 0.82], [0.65, 0.66, 0.67], 0.0004, 0.0008, []),
                row('image-only', [0.7, 0.72, 0.74], [0.6, 0.6, 0.6], 0.2, 0.2, []),
            ],
            oracle: { file: '/data/d7/oracle.csv', auc: { joint: 0.93, additive: 0.9 } },
            delongNote: 'note',
            reference: [{ name: 'standard joint CNN (PyTorch)', form: 'joint', seeds: [1, 2], testAuc: s([0.85, 0.87]), validAuc: s([0.8, 0.82]), file: 'reference/d7.json' }],
            strata: [
                { rule: 'site', stratum: 'acral', n: 20, positives: 5, variants: { full: s([0.6, 0.7]) }, oracle: { joint: 0.9, additive: 0.55 } },
            ],
        },
    ],
    problems: [{ id: 'no-cie/seed2', state: 'failed', reason: 'exit 2: cfcml train: error: boom | bad' }],
    notes: ['a note'],
};
(0, node_test_1.test)('CSV: one row per variant, mean/sd columns, p_delong and p_holm, tabular fields', () => {
    const t = (0, csv_1.parseCsv)((0, tables_1.tableCsv)(report));
    strict_1.default.deepEqual(t.rows.map((r) => r.variant), ['full', 'late_fusion', 'image-only']);
    strict_1.default.equal(t.rows[0].auc_mean, '0.86');
    strict_1.default.equal(t.rows[0].auc_sd, '0.02');
    strict_1.default.equal(t.rows[1].balanced_accuracy_mean, '0.66');
    strict_1.default.equal(t.rows[1].balanced_accuracy_sd, '0.01');
    strict_1.default.equal(t.rows[0].p_delong, '', 'full is not compared with itself');
    strict_1.default.equal(t.rows[1].p_delong, '0.0004');
    strict_1.default.equal(t.rows[1].p_holm, '0.0008');
    strict_1.default.equal(t.rows[1].diff_auc_ci_low, '-0.09');
    strict_1.default.equal(t.rows[1].diff_auc_ci_high, '-0.012');
    strict_1.default.equal(t.rows[1].p_boot, '0.0008');
    strict_1.default.equal(t.rows[1].p_boot_holm, '0.0016');
    strict_1.default.equal(t.rows[0].p_boot, '', 'full is not compared with itself');
    strict_1.default.equal(t.rows[2].balanced_accuracy_sd, '0', 'sd of equal values is 0');
    strict_1.default.equal(t.rows[0].tabular_used, 'sex elevation');
    strict_1.default.equal(t.rows[0].tabular_excluded, 'management');
    strict_1.default.equal(t.rows[0].best, 'auc balanced_accuracy');
    strict_1.default.ok(!t.header.includes('group'), 'no group column for a one-group sweep');
});
(0, node_test_1.test)('Markdown: mean ± sd cells, best in bold, p-values, oracle, failed runs', () => {
    const md = (0, tables_1.tableMarkdown)(report);
    strict_1.default.match(md, /\| full \| 3 \| \*\*0\.860 ± 0\.020\*\* \| \*\*0\.720 ± 0\.020\*\* \| – \| – \| – \| – \| – \| – \|/);
    strict_1.default.match(md, /\| late_fusion \| 3 \| 0\.810 ± 0\.010 \| 0\.660 ± 0\.010 \| -0\.050 ± 0\.020 \(0\/0 seeds better\) \| \[−0\.090, −0\.012\] \| <0\.001 \| 0\.002 \| <0\.001 \| <0\.001 \|/);
    strict_1.default.match(md, /\| image-only \| 3 \| 0\.720 ± 0\.020 \| 0\.600 ± 0\.000 \| .* \| 0\.400 \| 0\.800 \| 0\.200 \| 0\.200 \|/);
    strict_1.default.match(md, /\| \*standard joint CNN \(PyTorch\)\* \| 2 \| 0\.860 ± 0\.014 \|  \| \| \| \| \| \| \|/);
    strict_1.default.match(md, /Reference rows \(italic\): .*reference\/d7\.json/);
    strict_1.default.match(md, /\| site: acral \| 20 \(5\) \| 0\.650 ± 0\.071 \| 0\.900 \| 0\.550 \|/);
    strict_1.default.match(md, /joint 0\.930, additive 0\.900/);
    strict_1.default.match(md, /\| no-cie\/seed2 \| failed \| exit 2: cfcml train: error: boom \\\| bad \|/);
    strict_1.default.match(md, /9 of 10 runs finished/);
});
(0, node_test_1.test)('LaTeX: booktabs, $\\pm$, \\textbf on the best mean, escaped names, oracle row under a rule', () => {
    const tex = (0, tables_1.tableTex)(report);
    for (const k of ['\\toprule', '\\midrule', '\\bottomrule', '\\begin{tabular}{lccrrrr}'])
        strict_1.default.ok(tex.includes(k), k);
    strict_1.default.ok(tex.includes('full & \\textbf{0.860 $\\pm$ 0.020} & \\textbf{0.720 $\\pm$ 0.020} & -- & -- & -- & -- \\\\'), tex);
    strict_1.default.ok(tex.includes('late\\_fusion & 0.810 $\\pm$ 0.010 & 0.660 $\\pm$ 0.010 & $-$0.050 & 0.002 & $<$0.001 & $<$0.001 \\\\'), tex);
    strict_1.default.ok(tex.includes('\\emph{standard joint CNN (PyTorch)} & 0.860 $\\pm$ 0.014 &  & & & & \\\\'), tex);
    strict_1.default.ok(tex.includes('\\emph{oracle (joint)} & 0.930 &  & & & & \\\\'), tex);
    strict_1.default.match(tex, /over 3 training seeds/);
    strict_1.default.match(tex, /Holm-corrected over 2 comparisons/);
});
(0, node_test_1.test)('formatP and texEscape', () => {
    strict_1.default.equal((0, tables_1.formatP)(0.04567), '0.046');
    strict_1.default.equal((0, tables_1.formatP)(0.0002), '<0.001');
    strict_1.default.equal((0, tables_1.formatP)(NaN), '–');
    strict_1.default.equal((0, tables_1.texEscape)('a_b & 50% #1 {x}'), 'a\\_b \\& 50\\% \\#1 \\{x\\}');
});
//# sourceMappingURL=tables.test.js.map