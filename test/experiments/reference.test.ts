/** Reference rows (the standard recipe's JSON) and the learning curve of a report over nested cohorts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readReferenceRows, referenceFileOf } from '../../lib/experiments/reference';
import { learningCurveOf } from '../../lib/experiments/figures';
import type { GroupReport, SweepReport, VariantRow } from '../../lib/experiments/report';

test('reference rows: one per form, mean ± sd over its seeds, from <sweep>/reference/<cohort>.json; bad files named', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ref-'));
  assert.deepEqual(readReferenceRows(root, '/data/d7-n4'), [], 'no file, no rows');
  const file = referenceFileOf(root, '/data/d7-n4');
  assert.equal(file, path.join(root, 'reference', 'd7-n4.json'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify({
      runs: [
        { form: 'joint', seed: 2, test_auc: 0.86, valid_auc: 0.84 },
        { form: 'joint', seed: 1, test_auc: 0.84, valid_auc: 0.8 },
        { form: 'late', seed: 1, test_auc: 0.75, valid_auc: 0.78 },
      ],
    }),
  );
  const rows = readReferenceRows(root, '/data/d7-n4');
  assert.deepEqual(rows.map((r) => [r.name, r.seeds, r.testAuc.values]), [
    ['standard joint CNN (PyTorch)', [1, 2], [0.84, 0.86]],
    ['standard late-fusion CNN (PyTorch)', [1], [0.75]],
  ]);
  assert.ok(Math.abs(rows[0].testAuc.mean - 0.85) < 1e-12);
  assert.equal(rows[0].file, path.join('reference', 'd7-n4.json'));
  fs.writeFileSync(file, JSON.stringify({ runs: [{ form: 'joint', seed: 'x' }] }));
  assert.throws(() => readReferenceRows(root, '/data/d7-n4'), /d7-n4\.json: run 0: needs form, an integer seed/);
  fs.writeFileSync(file, '{');
  assert.throws(() => readReferenceRows(root, '/data/d7-n4'), /d7-n4\.json: not valid JSON/);
});

function oracleFile(dir: string, nTrain: number): string {
  const lines = ['case_num,split,label,p_joint,p_additive'];
  for (let i = 0; i < nTrain; i++) lines.push(`${i + 1},train,${i % 2},0.5,0.5`);
  lines.push(`${nTrain + 1},test,1,0.9,0.6`, `${nTrain + 2},test,0,0.2,0.4`, `${nTrain + 3},test,0,0.3,0.7`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'oracle.csv'), lines.join('\n') + '\n');
  return path.join(dir, 'oracle.csv');
}

function group(name: string, file: string, auc: number[]): GroupReport {
  const s = { mean: auc.reduce((a, b) => a + b, 0) / auc.length, sd: 0, values: auc };
  const row = { group: name, variant: 'full', seeds: auc.map((_, i) => i + 1), metrics: { auc: s }, validAuc: s } as Partial<VariantRow> as VariantRow;
  return { group: name, dataset: 'derm7pt', data: `/d/${name}`, preset: 'cpu', metrics: ['auc'], rows: [row], oracle: { file, auc: { joint: 1, additive: 0.75 } }, delongNote: '', reference: [], strata: [] };
}

test('learning curve of a report: x = training cases of each nested cohort, one point per group; none for a single group', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-'));
  const g1 = group('n1', oracleFile(path.join(tmp, 'n1'), 6), [0.6, 0.62]);
  const g2 = group('n2', oracleFile(path.join(tmp, 'n2'), 12), [0.7, 0.74]);
  const report = (groups: GroupReport[]): SweepReport => ({ root: tmp, trainArgs: [], runsTotal: 4, runsDone: 4, groups, problems: [], notes: [] });
  const fig = learningCurveOf(report([g1, g2]));
  assert.ok(fig);
  const line = fig.data.find((d) => d.name === 'full');
  assert.deepEqual(line?.x, [6, 12]);
  assert.ok(Math.abs(line?.y[1] - 0.72) < 1e-12);
  assert.deepEqual(fig.layout.shapes.map((x: { y0: number }) => x.y0), [1, 0.75], 'the shared test cases\' oracle ceilings');
  assert.equal(learningCurveOf(report([g1])), null);
  const other = { ...g2, oracle: { file: g2.oracle!.file, auc: { joint: 0.9, additive: 0.75 } } };
  assert.equal(learningCurveOf(report([g1, other])), null, 'different test cases (other oracle AUCs): no curve');
});
