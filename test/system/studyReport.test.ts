import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCsv } from '../../lib/util/csv';

/**
 * The data-size study's report, end to end on a miniature of it (docs/study.md): two nested cohorts as the
 * sweep's cohort axis, the standard-recipe reference rows, `cfcml report --figures` (learning curve, strata,
 * reference rows), then the archive that goes to docs/results/, reported again with the cohorts gone: the
 * same tables byte for byte, and the same figures.
 */
const bin = path.join(__dirname, '../../bin/cfcml.js');

function cfcml(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CFCML_BACKEND: 'wasm' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const read = (f: string) => fs.readFileSync(f, 'utf8');
const lines = (f: string) => read(f).trim().split('\n').length - 1;

test('study report: nested cohorts → learning curve, strata and reference rows; the archive rebuilds every table without the cohorts', { timeout: 600_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-study-report-'));
  const data = ['n1', 'n2'].map((n) => path.join(root, 'data', n));
  [0.1, 0.2].forEach((scale, i) => {
    const s = cfcml('synth', 'derm7pt', '--nested', '--scale', String(scale), '--valid-scale', '0.5', '--seed', '5', '--out', data[i]);
    assert.equal(s.code, 0, s.err);
  });
  const trainCases = data.map((d) => lines(path.join(d, 'meta', 'train_indexes.csv')));
  assert.ok(trainCases[1] > trainCases[0], `nested training sets grow: ${trainCases}`);
  const sweep = path.join(root, 'sweep');
  const sw = cfcml('sweep', '--data', data.join(','), '--variants', 'full,late-fusion', '--seeds', '1', '--preset', 'tiny', '--epochs', '2', '--out', sweep, '--jobs', '2');
  assert.equal(sw.code, 0, sw.out + sw.err);
  assert.match(sw.out, /4 runs \(2 variants × 1 seeds × 2 cohorts\)/);
  // Reference rows as scripts/reference/standard_recipe.py writes them (the suite does not run PyTorch).
  fs.mkdirSync(path.join(sweep, 'reference'));
  data.forEach((d, i) => {
    const runs = [1, 2].flatMap((seed) => [
      { form: 'joint', seed, test_auc: 0.7 + 0.1 * i + 0.01 * seed, valid_auc: 0.72 },
      { form: 'late', seed, test_auc: 0.6 + 0.1 * i, valid_auc: 0.62 },
    ]);
    fs.writeFileSync(path.join(sweep, 'reference', `${path.basename(d)}.json`), JSON.stringify({ runs }));
  });

  const rep = cfcml('report', sweep, '--figures');
  assert.equal(rep.code, 0, rep.out + rep.err);
  const out = path.join(sweep, 'report');
  const md = read(path.join(out, 'table.md'));
  assert.match(md, /standard joint CNN \(PyTorch\)/);
  assert.match(md, /standard late-fusion CNN \(PyTorch\)/);
  assert.match(md, /0\.715 ± 0\.007/, 'the joint reference row of n1: mean ± sd of 0.71 and 0.72');
  assert.match(md, /Test AUC per stratum of the record/);
  for (const ext of ['png', 'svg', 'pdf']) assert.ok(fs.statSync(path.join(out, 'figures', `learning-curve.${ext}`)).size > 1000, `learning-curve.${ext}`);
  const svg = read(path.join(out, 'figures', 'learning-curve.svg'));
  assert.match(svg, /against training cases/);
  // The strata cover the test cases of each cohort, which are the same cases at both scales.
  const strata = parseCsv(read(path.join(out, 'strata.csv'))).rows;
  const n = (g: string, rule: string) => strata.filter((r) => r.group === g && r.rule === rule && r.model === 'full').map((r) => `${r.stratum}:${r.n}`).join(' ');
  assert.ok(n('n1', 'difficulty').length > 0, read(path.join(out, 'strata.csv')).slice(0, 400));
  assert.equal(n('n1', 'difficulty'), n('n2', 'difficulty'));

  // The archive (what goes to docs/results/), reported with the cohorts gone.
  const arch = path.join(root, 'archive');
  const a = cfcml('archive', sweep, '--out', arch);
  assert.equal(a.code, 0, a.err);
  fs.renameSync(path.join(root, 'data'), path.join(root, 'data.away'));
  const again = cfcml('report', arch, '--figures');
  assert.equal(again.code, 0, again.out + again.err);
  for (const f of ['table.csv', 'table.tex', 'strata.csv']) {
    assert.equal(read(path.join(arch, 'report', f)), read(path.join(out, f)), `${f} from the archive`);
  }
  // table.md names the folders it read: the sweep's (or the archive's), and each oracle.csv's (the cohort's,
  // or its copy in the archive). Everything else is the same text.
  const paths = (t: string) => t.replace(/^# Sweep report: .*$/m, '# Sweep report').replace(/, \S+oracle\.csv\)/g, ')');
  assert.equal(paths(read(path.join(arch, 'report', 'table.md'))), paths(md), 'table.md from the archive');
  assert.ok(fs.existsSync(path.join(arch, 'report', 'figures', 'learning-curve.svg')));
});
