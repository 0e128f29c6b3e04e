import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SweepReport, VariantRow } from '../../lib/experiments/report';
import { formatP, tableCsv, tableMarkdown, tableTex, texEscape } from '../../lib/experiments/tables';
import { mean, sd } from '../../lib/experiments/stats';
import { parseCsv } from '../../lib/util/csv';

const s = (values: number[]) => ({ mean: mean(values), sd: sd(values), values });

function row(variant: string, auc: number[], bacc: number[], p: number | null, pHolm: number, best: string[]): VariantRow {
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

const report: SweepReport = {
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

test('CSV: one row per variant, mean/sd columns, p_delong and p_holm, tabular fields', () => {
  const t = parseCsv(tableCsv(report));
  assert.deepEqual(t.rows.map((r) => r.variant), ['full', 'late_fusion', 'image-only']);
  assert.equal(t.rows[0].auc_mean, '0.86');
  assert.equal(t.rows[0].auc_sd, '0.02');
  assert.equal(t.rows[1].balanced_accuracy_mean, '0.66');
  assert.equal(t.rows[1].balanced_accuracy_sd, '0.01');
  assert.equal(t.rows[0].p_delong, '', 'full is not compared with itself');
  assert.equal(t.rows[1].p_delong, '0.0004');
  assert.equal(t.rows[1].p_holm, '0.0008');
  assert.equal(t.rows[1].diff_auc_ci_low, '-0.09');
  assert.equal(t.rows[1].diff_auc_ci_high, '-0.012');
  assert.equal(t.rows[1].p_boot, '0.0008');
  assert.equal(t.rows[1].p_boot_holm, '0.0016');
  assert.equal(t.rows[0].p_boot, '', 'full is not compared with itself');
  assert.equal(t.rows[2].balanced_accuracy_sd, '0', 'sd of equal values is 0');
  assert.equal(t.rows[0].tabular_used, 'sex elevation');
  assert.equal(t.rows[0].tabular_excluded, 'management');
  assert.equal(t.rows[0].best, 'auc balanced_accuracy');
  assert.ok(!t.header.includes('group'), 'no group column for a one-group sweep');
});

test('Markdown: mean ± sd cells, best in bold, p-values, oracle, failed runs', () => {
  const md = tableMarkdown(report);
  assert.match(md, /\| full \| 3 \| \*\*0\.860 ± 0\.020\*\* \| \*\*0\.720 ± 0\.020\*\* \| – \| – \| – \| – \| – \| – \|/);
  assert.match(md, /\| late_fusion \| 3 \| 0\.810 ± 0\.010 \| 0\.660 ± 0\.010 \| -0\.050 ± 0\.020 \(0\/0 seeds better\) \| \[−0\.090, −0\.012\] \| <0\.001 \| 0\.002 \| <0\.001 \| <0\.001 \|/);
  assert.match(md, /\| image-only \| 3 \| 0\.720 ± 0\.020 \| 0\.600 ± 0\.000 \| .* \| 0\.400 \| 0\.800 \| 0\.200 \| 0\.200 \|/);
  assert.match(md, /\| \*standard joint CNN \(PyTorch\)\* \| 2 \| 0\.860 ± 0\.014 \|  \| \| \| \| \| \| \|/);
  assert.match(md, /Reference rows \(italic\): .*reference\/d7\.json/);
  assert.match(md, /\| site: acral \| 20 \(5\) \| 0\.650 ± 0\.071 \| 0\.900 \| 0\.550 \|/);
  assert.match(md, /joint 0\.930, additive 0\.900/);
  assert.match(md, /\| no-cie\/seed2 \| failed \| exit 2: cfcml train: error: boom \\\| bad \|/);
  assert.match(md, /9 of 10 runs finished/);
});

test('LaTeX: booktabs, $\\pm$, \\textbf on the best mean, escaped names, oracle row under a rule', () => {
  const tex = tableTex(report);
  for (const k of ['\\toprule', '\\midrule', '\\bottomrule', '\\begin{tabular}{lccrrrr}']) assert.ok(tex.includes(k), k);
  assert.ok(tex.includes('full & \\textbf{0.860 $\\pm$ 0.020} & \\textbf{0.720 $\\pm$ 0.020} & -- & -- & -- & -- \\\\'), tex);
  assert.ok(tex.includes('late\\_fusion & 0.810 $\\pm$ 0.010 & 0.660 $\\pm$ 0.010 & $-$0.050 & 0.002 & $<$0.001 & $<$0.001 \\\\'), tex);
  assert.ok(tex.includes('\\emph{standard joint CNN (PyTorch)} & 0.860 $\\pm$ 0.014 &  & & & & \\\\'), tex);
  assert.ok(tex.includes('\\emph{oracle (joint)} & 0.930 &  & & & & \\\\'), tex);
  assert.match(tex, /over 3 training seeds/);
  assert.match(tex, /Holm-corrected over 2 comparisons/);
});

test('formatP and texEscape', () => {
  assert.equal(formatP(0.04567), '0.046');
  assert.equal(formatP(0.0002), '<0.001');
  assert.equal(formatP(NaN), '–');
  assert.equal(texEscape('a_b & 50% #1 {x}'), 'a\\_b \\& 50\\% \\#1 \\{x\\}');
});
