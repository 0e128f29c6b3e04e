import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { initBackend } from '../../lib/backend';
import { auditLeakage, DEFAULT_MISSING_MARKERS, DERM7PT, formatInspectReport, formatLeakageReport, inspectCohort, loadCohort, loadDerm7pt, loadMen, TabularEncoder } from '../../lib/data';
import { synthDerm7pt, synthMen } from '../../lib/synth';
import { parseTabularCell } from '../../lib/data/records';
import { maskCases, parseMaskFields } from '../../lib/data/mask';
import { evaluateRun, train } from '../../lib/train';
import { CfcmlError } from '../../lib/util/errors';
import { CfcmlProblemsError } from '../../lib/util/problems';
import { formatCsv, parseCsv } from '../../lib/util/csv';
import { tmpDir } from './fixtures';

// Missing cells in a cohort's record: read, reported, encoded, trained on and evaluated (docs/DATA.md, "Missing cells").

const root = tmpDir('missing');
const derm = path.join(root, 'derm7pt');
const men = path.join(root, 'men');

before(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  await synthDerm7pt({ out: derm, seed: 4, scale: 0.1 });
  await synthMen({ out: men, seed: 5, scale: 0.08, size: [8, 16, 16] });
});

/** Rewrite column `column` of a CSV at the data rows `rows` (0-based) to `value`. */
function blank(file: string, column: string, rows: readonly number[], value: string): void {
  const t = parseCsv(fs.readFileSync(file, 'utf8'));
  for (const r of rows) t.rows[r][column] = value;
  fs.writeFileSync(file, formatCsv(t.header, t.rows));
}

test('a cell is a level, a missing marker (null) or an error naming file, row, column and value', () => {
  const sex = DERM7PT.tabular.find((f) => f.name === 'sex')!;
  const age = { name: 'age', column: 'age', kind: 'numeric' as const, range: [0, 110] as const };
  const M = DEFAULT_MISSING_MARKERS;
  assert.equal(parseTabularCell(sex, ' Male ', 'm.csv', 4, M), 'male');
  for (const v of ['', '  ', 'NA', 'nan', 'NaN', 'Unknown', '?', 'N/A', undefined]) assert.equal(parseTabularCell(sex, v, 'm.csv', 4, M), null, `'${v}'`);
  for (const v of ['', 'NA', 'nan', 'unknown']) assert.equal(parseTabularCell(age, v, 'm.csv', 4, M), null, `'${v}'`);
  assert.equal(parseTabularCell(age, ' 42.5 ', 'm.csv', 4, M), 42.5);
  assert.throws(() => parseTabularCell(sex, 'alien', 'm.csv', 4, M), (e: unknown) => e instanceof CfcmlError && e.message.includes("m.csv: row 4, column 'sex'") && e.message.includes("unknown category 'alien'") && e.message.includes("'NA'"));
  assert.throws(() => parseTabularCell(age, '4o', 'm.csv', 7, M), (e: unknown) => e instanceof CfcmlError && e.message.includes("m.csv: row 7, column 'age'") && e.message.includes("'4o'"));
  // A field's own markers replace the dataset's: here only '-' is missing, so an empty cell is an error again.
  assert.equal(parseTabularCell(sex, '-', 'm.csv', 4, ['-']), null);
  assert.throws(() => parseTabularCell(sex, '', 'm.csv', 4, ['-']), /empty value for field 'sex'/);
  // A level spelt like a marker stays a level.
  const answer = { name: 'answer', column: 'answer', kind: 'categorical' as const, levels: ['yes', 'no', 'unknown'] };
  assert.equal(parseTabularCell(answer, 'unknown', 'm.csv', 2, M), 'unknown');
});

test('a real-format Derm7pt folder with blank cells in three fields loads, reports its missing rates, trains and evaluates; a bad cell is still an error', async () => {
  const dir = path.join(root, 'derm-blank');
  fs.cpSync(derm, dir, { recursive: true });
  const meta = path.join(dir, 'meta', 'meta.csv');
  const n = parseCsv(fs.readFileSync(meta, 'utf8')).rows.length;
  const every = (k: number, off: number) => Array.from({ length: n }, (_, i) => i).filter((i) => i % k === off);
  blank(meta, 'level_of_diagnostic_difficulty', every(4, 0), '');
  blank(meta, 'location', every(5, 1), 'NA');
  blank(meta, 'sex', every(3, 2), 'unknown');
  const cohort = await loadDerm7pt(dir);
  const nullShare = (f: string) => cohort.cases.filter((c) => c.tabular[f] === null).length / cohort.cases.length;
  for (const [f, k] of [['difficulty', 4], ['location', 5], ['sex', 3]] as const) assert.ok(Math.abs(nullShare(f) - 1 / k) < 0.1, `${f}: ${nullShare(f)}`);
  assert.equal(nullShare('elevation'), 0);
  // Inspect: each field's rate, over all cases, per split and per class (the counts recomputed here).
  const r = await inspectCohort(cohort);
  for (const f of r.fields) {
    assert.equal(f.missing.count, cohort.cases.filter((c) => c.tabular[f.name] === null).length, f.name);
    assert.ok(Math.abs(f.missing.rate - nullShare(f.name)) < 1e-12);
    const test_ = cohort.cases.filter((c) => c.split === 'test');
    assert.ok(Math.abs(f.missing.bySplit.test - test_.filter((c) => c.tabular[f.name] === null).length / test_.length) < 1e-12);
    const mel = cohort.cases.filter((c) => c.label === 1);
    assert.ok(Math.abs(f.missing.byClass.MEL - mel.filter((c) => c.tabular[f.name] === null).length / mel.length) < 1e-12);
  }
  assert.equal(r.fields.find((f) => f.name === 'difficulty')!.levels!.low + r.fields.find((f) => f.name === 'difficulty')!.levels!.medium + r.fields.find((f) => f.name === 'difficulty')!.levels!.high, cohort.cases.length - r.fields.find((f) => f.name === 'difficulty')!.missing.count);
  const text = formatInspectReport(r);
  assert.match(text, /missing cells per field/);
  assert.match(text, new RegExp(`sex\\s+${(100 * nullShare('sex')).toFixed(1)}% \\(train `));
  assert.match(text, /elevation\s+none/);
  // The audit: missing rates too; blanks every k-th row do not depend on the class, so nothing is flagged for them.
  const audit = auditLeakage(cohort);
  assert.deepEqual(audit.flagged, ['management']);
  assert.ok(audit.fields.find((f) => f.name === 'location')!.levels.some((l) => l.level === '(missing)' && l.count === cohort.cases.filter((c) => c.tabular.location === null).length));
  assert.match(formatLeakageReport(audit), /missing: /);
  // The encoder: level count for a missing categorical cell; numeric statistics are unaffected.
  const enc = TabularEncoder.fit(cohort.spec, cohort.cases.filter((c) => c.split === 'train'), { exclude: ['management'] });
  const X = enc.encode(cohort.cases);
  const K = enc.fields.length;
  cohort.cases.forEach((c, i) => {
    enc.fields.forEach((f, k) => {
      if (c.tabular[f.name] === null) assert.equal(X[i * K + k], f.kind === 'categorical' ? f.levels.length : NaN);
    });
  });
  // Trains (tiny, 2 epochs) and evaluates from the run directory alone.
  const out = path.join(root, 'derm-blank-run');
  const run = await train({ data: dir, preset: 'tiny', epochs: 2, seed: 3, progress: 'none', out });
  assert.ok(Number.isFinite(run.testMetrics!.auc), `test AUC ${run.testMetrics!.auc}`);
  const ev = await evaluateRun(out);
  assert.equal(ev.metrics.auc, run.testMetrics!.auc, 'evaluation from the run directory gives the training run\'s test AUC');

  // A cell that is neither a level nor a marker is still refused, by file, row, column and value.
  blank(meta, 'location', [every(5, 1)[0]], 'elbow');
  await assert.rejects(loadDerm7pt(dir), (e: unknown) => e instanceof CfcmlProblemsError && e.message.includes(`meta.csv: row ${every(5, 1)[0] + 2}, column 'location'`) && e.message.includes("unknown category 'elbow'"));
});

test('missingness that predicts the label is flagged by the audit; the same rate at random is not', async () => {
  const cohort = await loadDerm7pt(derm);
  // Elevation recorded for every NEV but blank in 60% of MEL cases (a test ordered only when suspicion is low).
  const mel = cohort.cases.filter((c) => c.label === 1);
  const leaky = { ...cohort, cases: cohort.cases.map((c) => (c.label === 1 && mel.indexOf(c) % 5 < 3 ? { ...c, tabular: { ...c.tabular, elevation: null } } : c)) };
  const a = auditLeakage(leaky);
  const f = a.fields.find((x) => x.name === 'elevation')!;
  assert.ok(f.flagged, formatLeakageReport(a));
  assert.ok(f.reasons.some((r) => r.includes('missingness predicts the label') && r.includes('of MEL cases vs 0.0% of the others')), f.reasons.join('; '));
  assert.ok(Math.abs(f.missing.byClass.NEV) < 1e-12 && Math.abs(f.missing.byClass.MEL - leaky.cases.filter((c) => c.label === 1 && c.tabular.elevation === null).length / mel.length) < 1e-12);
  // About the same number of blanks, spread over both classes by a seeded mask: not flagged.
  const count = leaky.cases.filter((c) => c.tabular.elevation === null).length;
  const random = { ...cohort, cases: maskCases(cohort.cases, parseMaskFields(String(count / cohort.cases.length), cohort.spec)[0], 9, ['elevation']) };
  const b = auditLeakage(random);
  assert.ok(!b.fields.find((x) => x.name === 'elevation')!.flagged, formatLeakageReport(b));
});

test('a MEN folder with a blank numeric field loads, trains and evaluates; the field is standardised on its observed values', async () => {
  const dir = path.join(root, 'men-blank');
  fs.cpSync(men, dir, { recursive: true });
  const csv = path.join(dir, 'clinical.csv');
  const n = parseCsv(fs.readFileSync(csv, 'utf8')).rows.length;
  blank(csv, 'adc_value', Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 === 0), '');
  const cohort = await loadMen(dir);
  const missing = cohort.cases.filter((c) => c.tabular.adc === null);
  assert.ok(missing.length >= n / 3 - 2, `${missing.length} of ${n}`);
  const train_ = cohort.cases.filter((c) => c.split === 'train');
  const enc = TabularEncoder.fit(cohort.spec, train_);
  const observed = train_.filter((c) => c.tabular.adc !== null).map((c) => Number(c.tabular.adc));
  const mean = observed.reduce((s, x) => s + x, 0) / observed.length;
  assert.ok(Math.abs((enc.toJSON().stats.adc.mean as number) - mean) < 1e-12);
  const k = enc.fields.findIndex((f) => f.name === 'adc');
  const X = enc.encode(cohort.cases);
  cohort.cases.forEach((c, i) => assert.equal(Number.isNaN(X[i * enc.fields.length + k]), c.tabular.adc === null));
  assert.match(formatInspectReport(await inspectCohort(cohort)), /adc\s+\d+\.\d% \(train/);
  const out = path.join(root, 'men-blank-run');
  const run = await train({ data: dir, preset: 'tiny', epochs: 1, seed: 2, progress: 'none', out });
  assert.ok(Number.isFinite(run.testMetrics!.auc));
  const ev = await evaluateRun(out);
  assert.equal(ev.metrics.auc, run.testMetrics!.auc);
  assert.equal((await loadCohort(dir)).cases.filter((c) => c.tabular.adc === null).length, missing.length);
});
