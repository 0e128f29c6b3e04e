import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildReport, type SweepReport } from '../../lib/experiments/report';
import { robustnessCsv, robustnessCurves } from '../../lib/experiments/robustness';
import { strataCsv, tableCsv, tableTex } from '../../lib/experiments/tables';
import { readSweep } from '../../lib/experiments/sweep';

/**
 * The results the README reports (docs/results/<sweep>/, archives made by `cfcml archive`) are what today's
 * report code computes from the archived runs: a change to the statistics that would move a published
 * number fails here, and so would an edited table. The cohorts are not in the repository; the oracle
 * ceiling comes from the archive's copy of each cohort's oracle.csv.
 */
const ROOT = path.join(__dirname, '../../..');
/** Every archive under docs/results/ with its report: a sweep published there is checked without naming it here. */
const PUBLISHED = fs
  .readdirSync(path.join(ROOT, 'docs', 'results'))
  .filter((d) => fs.existsSync(path.join(ROOT, 'docs', 'results', d, 'sweep.json')) && fs.existsSync(path.join(ROOT, 'docs', 'results', d, 'report', 'report.json')))
  .sort();

test('docs/results: the archives that the rebuild test below covers', () => {
  for (const name of ['ablation', 'curve', 'null-control', 'robustness']) assert.ok(PUBLISHED.includes(name), `${name} in ${PUBLISHED}`);
});

function read(file: string): SweepReport {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SweepReport;
}

for (const name of PUBLISHED) {
  test(`docs/results/${name}: the archived runs rebuild the published report (every metric, ΔAUC, DeLong, Holm, oracle; the tables byte for byte)`, () => {
    const dir = path.join(ROOT, 'docs', 'results', name);
    const published = read(path.join(dir, 'report', 'report.json'));
    const built = buildReport(dir);
    // The tables that name no path are rebuilt to the byte (table.md and report.json name the folders read).
    const tables: [string, string][] = [['table.csv', tableCsv(built)], ['table.tex', tableTex(built)]];
    if (built.groups.some((g) => g.strata.length > 0)) tables.push(['strata.csv', strataCsv(built)]);
    for (const [file, text] of tables) assert.equal(text, fs.readFileSync(path.join(dir, 'report', file), 'utf8'), `${name}/report/${file}`);
    // Through JSON, as report.json was written (NaN → null).
    const now = JSON.parse(JSON.stringify(built)) as SweepReport;
    assert.equal(now.runsDone, published.runsDone);
    assert.equal(now.runsDone, now.runsTotal, 'every run of the grid is archived');
    assert.deepEqual(now.problems, []);
    assert.equal(now.groups.length, published.groups.length);
    now.groups.forEach((g, gi) => {
      const p = published.groups[gi];
      assert.deepEqual(g.rows.map((r) => r.variant), p.rows.map((r) => r.variant));
      assert.deepEqual(g.oracle?.auc, p.oracle?.auc, 'oracle ceiling from the archived cohort copy');
      assert.deepEqual(g.strata ?? [], p.strata ?? [], 'test AUC per stratum of the record');
      assert.deepEqual((g.reference ?? []).map((r) => [r.name, r.seeds, r.testAuc]), (p.reference ?? []).map((r) => [r.name, r.seeds, r.testAuc]), 'standard-recipe rows');
      g.rows.forEach((r, i) => {
        const q = p.rows[i];
        assert.deepEqual(r.seeds, q.seeds, r.variant);
        for (const k of g.metrics) {
          assert.deepEqual(r.metrics[k].values, q.metrics[k].values, `${r.variant} ${k} per seed`);
        }
        assert.deepEqual(r.diffAuc?.perSeed ?? null, q.diffAuc?.perSeed ?? null, `${r.variant} ΔAUC per seed`);
        assert.equal(r.delong?.p ?? null, q.delong?.p ?? null, `${r.variant} DeLong p`);
        assert.equal(r.pHolm, q.pHolm, `${r.variant} Holm p`);
        assert.deepEqual(r.bootstrap, q.bootstrap, `${r.variant} seed × case bootstrap (CI, p)`);
        assert.equal(r.pBootHolm, q.pBootHolm, `${r.variant} bootstrap Holm p`);
        assert.deepEqual(r.best, q.best, `${r.variant} best marks`);
        assert.deepEqual(r.tabularUsed, q.tabularUsed, `${r.variant} tabular fields`);
      });
    });
  });
}

test('docs/results/ablation: the README headline numbers (full, no-hrm, late-fusion test AUC; no-hrm Holm)', () => {
  const r = buildReport(path.join(ROOT, 'docs', 'results', 'ablation'));
  const row = (v: string) => r.groups[0].rows.find((x) => x.variant === v)!;
  assert.equal(row('full').metrics.auc.mean.toFixed(3), '0.630');
  assert.equal(row('no-hrm').metrics.auc.mean.toFixed(3), '0.677');
  assert.equal(row('late-fusion').metrics.auc.mean.toFixed(3), '0.659');
  assert.ok(row('no-hrm').pHolm < 0.001, `no-hrm DeLong Holm ${row('no-hrm').pHolm}`);
  // The primary test of the per-seed ΔAUC (seed × case bootstrap): no-hrm's gain is not significant after Holm.
  assert.equal(row('no-hrm').bootstrap?.p.toFixed(3), '0.005');
  assert.equal(row('no-hrm').pBootHolm.toFixed(3), '0.055');
  assert.equal(row('no-hrm').bootstrap?.lower.toFixed(3), '0.016');
  assert.equal(row('late-fusion').pBootHolm.toFixed(3), '0.990');
  assert.equal(row('no-hrm').metrics.auc.values.length, 5);
  assert.equal(r.groups[0].oracle?.auc.joint.toFixed(3), '0.891');
});

test('npm run paper -- --archived: the tables and figures from the archive, no cohort and no training', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-paper-'));
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'paper.js'), '--archived', '--only', 'null-control', '--out', out], {
    encoding: 'utf8',
    cwd: ROOT,
    // The CLI of this build (build/), not dist/, which the unit tier does not rebuild.
    env: { ...process.env, CFCML_CLI: path.join(__dirname, '../../bin/cfcml.js') },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /null-control: report of the archive .*docs\/results\/null-control/);
  assert.doesNotMatch(r.stdout, /\$ cfcml (sweep|synth)/, 'nothing trained, no cohort made');
  const rep = path.join(out, 'null-control', 'report');
  assert.equal(fs.readFileSync(path.join(rep, 'table.csv'), 'utf8'), fs.readFileSync(path.join(ROOT, 'docs', 'results', 'null-control', 'report', 'table.csv'), 'utf8'));
  assert.equal(fs.readFileSync(path.join(rep, 'table.tex'), 'utf8'), fs.readFileSync(path.join(ROOT, 'docs', 'results', 'null-control', 'report', 'table.tex'), 'utf8'));
  for (const f of ['ablation', 'roc', 'curves']) for (const ext of ['png', 'svg', 'pdf']) {
    assert.ok(fs.statSync(path.join(rep, 'figures', `${f}.${ext}`)).size > 1000, `${f}.${ext}`);
  }
  fs.rmSync(out, { recursive: true, force: true });
});

test('docs/results/robustness: the archived runs rebuild the published robustness curve; masking nothing gives each run\'s test AUC', () => {
  const dir = path.join(ROOT, 'docs', 'results', 'robustness');
  const spec = readSweep(dir);
  const r = buildReport(dir, spec);
  assert.equal(r.runsDone, r.runsTotal, 'every run of the grid is archived');
  const curves = robustnessCurves(dir, spec, r.groups[0])!;
  assert.equal(robustnessCsv(curves), fs.readFileSync(path.join(dir, 'report', 'robustness.csv'), 'utf8'));
  assert.deepEqual(curves.variants.map((v) => v.variant), ['full', 'late-fusion', 'tabular-only']);
  for (const v of curves.variants) {
    const row = r.groups[0].rows.find((x) => x.variant === v.variant)!;
    assert.equal(v.fractions[0], 0);
    assert.ok(Math.abs(v.mean[0] - row.metrics.auc.mean) < 1e-12, `${v.variant}: unmasked point = the table's test AUC`);
  }
  // The oracle at fraction 0 is the cohort's own test oracle.
  const joint = curves.oracle.find((o) => o.key === 'joint')!;
  assert.ok(Math.abs(joint.auc[0] - r.groups[0].oracle!.auc.joint) < 1e-12);
});
