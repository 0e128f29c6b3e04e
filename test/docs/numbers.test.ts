import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { checkText, jsonAt, markdownOf, writtenLike } from '../../scripts/records/docNumbers';
import { curveMarkdown } from '../../lib/experiments/tables';
import type { SweepReport } from '../../lib/experiments/report';

/** The numbers the README, docs/ and the notebooks' prose quote from result files equal those files. */
const ROOT = path.join(__dirname, '../../..');

function docs(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? docs(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
}

const notebooks = () =>
  fs
    .readdirSync(path.join(ROOT, 'notebooks'))
    .filter((f) => f.endsWith('.ipynb'))
    .map((f) => path.join(ROOT, 'notebooks', f));

function check(file: string) {
  return checkText(markdownOf(file), ROOT, path.relative(ROOT, file));
}

test('writtenLike rounds a value the way the quoted text is written', () => {
  assert.equal(writtenLike('0.677', 0.6771), '0.677');
  assert.equal(writtenLike('0.68', 0.6771), '0.68');
  assert.equal(writtenLike('238', 238.3), '238');
  assert.equal(writtenLike('443,738', 443738), '443,738');
  assert.equal(writtenLike('+0.047', 0.04712), '+0.047');
  assert.equal(writtenLike('−0.012', -0.0119), '−0.012');
  assert.equal(writtenLike('0.85', 0.7161), '0.72'); // a wrong quote is reported with the file's value
});

test('jsonAt follows keys, indices and [field=value] selectors, and names what is missing', () => {
  const doc = { groups: [{ rows: [{ variant: 'full', auc: 0.6 }, { variant: 'no-hrm', auc: 0.7 }] }] };
  assert.equal(jsonAt(doc, 'groups.0.rows[variant=no-hrm].auc', 'x'), 0.7);
  assert.equal(jsonAt(doc, 'groups.0.rows.0.auc', 'x'), 0.6);
  assert.throws(() => jsonAt(doc, 'groups.0.rows[variant=late-fusion].auc', 'x'), /variant=late-fusion/);
  assert.throws(() => jsonAt(doc, 'groups.0.table', 'x'), /'table'/);
});

test('checkText finds a table or a number that disagrees with its file', () => {
  const report = 'docs/results/ablation/report/report.json';
  const good = checkText(`full is 0.630<!-- ${report} groups.0.rows[variant=full].metrics.auc.mean -->.`, ROOT, 't');
  assert.deepEqual([good.numbers, good.mismatches.length], [1, 0]);
  const bad = checkText(`full is 0.640<!-- ${report} groups.0.rows[variant=full].metrics.auc.mean -->.`, ROOT, 't');
  assert.deepEqual(bad.mismatches.map((m) => [m.quoted, m.expected]), [['0.640', '0.630']]);
  const table = checkText(`<!-- table ${report} -->\n| variant |\n<!-- /table -->`, ROOT, 't');
  assert.equal(table.tables, 1);
  assert.equal(table.mismatches.length, 1);
  const rewritten = checkText(`<!-- table ${report} -->\n| variant |\n<!-- /table -->`, ROOT, 't', true);
  assert.equal(checkText(rewritten.text, ROOT, 't').mismatches.length, 0);
  assert.match(rewritten.text, /\| `no-hrm` \| 1,2,3,4,5 \| \*\*0\.677 ± 0\.020\*\* \|/);
});

test('curveMarkdown: variants × cohorts, bold above the additive oracle, reference rows "not yet" where a cohort lacks one', () => {
  const report = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/results/curve/report/report.json'), 'utf8')) as SweepReport;
  const g0 = report.groups[0];
  const full = g0.rows.find((r) => r.variant === 'full')!;
  // A reference row on the first cohort only, above its additive oracle.
  g0.reference = [{ name: 'standard joint CNN (PyTorch)', form: 'joint', seeds: [1, 2, 3], testAuc: { mean: 0.8, sd: 0.01, values: [0.79, 0.8, 0.81] }, validAuc: { mean: 0.8, sd: 0.01, values: [0.79, 0.8, 0.81] }, file: 'reference/x.json' }];
  full.metrics.auc = { ...full.metrics.auc, mean: 0.7, sd: 0.0125 };
  const lines = curveMarkdown(report).split('\n');
  assert.equal(lines[0], '| variant | derm7pt-n1 | derm7pt-n2 | derm7pt-n4 |');
  assert.match(lines[2], /^\| `full` \| 0\.700 ± 0\.013 \| /);
  assert.equal(lines.find((l) => l.startsWith('| *standard')), '| *standard joint CNN (PyTorch)* | **0.800 ± 0.010** | not yet | not yet |');
  const additive = g0.oracle!.auc.additive;
  assert.equal(lines.at(-1), `| oracle: best additive | ${[0, 1, 2].map(() => additive.toFixed(3)).join(' | ')} |`);
  // Bold exactly where a mean is above the additive oracle.
  for (const [i, g] of report.groups.entries()) {
    for (const r of g.rows) {
      const cellText = lines.find((l) => l.startsWith(`| \`${r.variant}\` |`))!.split(' | ')[i + 1];
      assert.equal(cellText.startsWith('**'), r.metrics.auc.mean > g.oracle!.auc.additive, `${g.group} ${r.variant}`);
    }
  }
});

test("the README's table is the published learning curve's report, and its quoted numbers are their files'", () => {
  const r = check(path.join(ROOT, 'README.md'));
  assert.equal(r.tables, 1, 'the README quotes one results table, marked <!-- table <report.json> curve -->');
  assert.match(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), /<!-- table docs\/results\/curve\/report\/report\.json curve -->/);
  assert.ok(r.numbers >= 6, `the README marks only ${r.numbers} quoted numbers`);
  assert.deepEqual(r.mismatches, []);
});

test('every decimal number in the README prose names the file it comes from', () => {
  const text = fs
    .readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<!-- table [\s\S]*?<!-- \/table -->/g, '')
    .replace(/`[^`]*`/g, '');
  const unmarked = [...text.matchAll(/\d+\.\d+(?!\d|<!-- )/g)].map((m) => text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length));
  assert.deepEqual(unmarked, [], 'mark each as 0.123<!-- <file.json> <path> --> (scripts/records/docNumbers.ts)');
});

test("the README has no date, clock time or 'this round'", () => {
  const text = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.doesNotMatch(text, /\b20\d\d-\d\d-\d\d\b|\b\d\d:\d\d\b|this round/);
  assert.ok(text.split('\n').length <= 160, `README.md has ${text.split('\n').length} lines (at most 160)`);
});

test('docs/ and the notebooks quote result files correctly where they mark a number', () => {
  let numbers = 0;
  for (const file of [...docs(path.join(ROOT, 'docs')), ...notebooks()]) {
    const r = check(file);
    numbers += r.numbers + r.tables;
    assert.deepEqual(r.mismatches, [], path.relative(ROOT, file));
  }
  assert.ok(numbers >= 8, `only ${numbers} marked numbers in docs/ and notebooks/`);
});
