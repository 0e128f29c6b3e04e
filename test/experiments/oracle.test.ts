import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ceilingEntries, readOracle } from '../../lib/experiments/report';
import { macroAucOvr, rocAuc } from '../../lib/metrics';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-oracle-'));

test('readOracle (binary, the cohort writer layout): test rows only, every p_<key> including keys with underscores', () => {
  const d = dir();
  const rows = [
    [1, 'test', 0, 0.2, 0.4, 0.6],
    [2, 'test', 1, 0.9, 0.3, 0.5],
    [3, 'test', 1, 0.7, 0.5, 0.1],
    [4, 'test', 0, 0.3, 0.6, 0.2],
    [5, 'valid', 1, 0.0, 0.0, 0.0],
  ];
  fs.writeFileSync(path.join(d, 'oracle.csv'), ['case_num,split,label,p_joint,p_additive,p_image_global', ...rows.map((r) => r.join(','))].join('\n') + '\n');
  const o = readOracle(d, ['NEV', 'MEL'])!;
  const test = rows.filter((r) => r[1] === 'test');
  const y = test.map((r) => Number(r[2]));
  assert.equal(o.auc.joint, rocAuc(y, test.map((r) => Number(r[3]))));
  assert.equal(o.auc.joint, 1);
  assert.equal(o.auc.additive, rocAuc(y, test.map((r) => Number(r[4]))));
  assert.equal(o.auc.image_global, rocAuc(y, test.map((r) => Number(r[5]))));
  assert.deepEqual(ceilingEntries(o).map(([k]) => k), ['joint', 'additive'], 'the ceiling is joint and additive');
  assert.equal(readOracle(dir(), ['NEV', 'MEL']), null, 'no oracle.csv: no ceiling');
});

test('readOracle (three classes): p_<key>_<k> families, macro one-vs-rest AUC; bad value named with its row', () => {
  const d = dir();
  const probs = [
    [0.7, 0.2, 0.1],
    [0.2, 0.5, 0.3],
    [0.1, 0.3, 0.6],
    [0.3, 0.4, 0.3],
  ];
  const labels = [0, 1, 2, 0];
  const lines = ['patient_id,split,label,p_joint_0,p_joint_1,p_joint_2,p_image_global_0,p_image_global_1,p_image_global_2'];
  probs.forEach((p, i) => lines.push([`P${i}`, 'test', labels[i], ...p, ...[...p].reverse()].join(',')));
  fs.writeFileSync(path.join(d, 'oracle.csv'), lines.join('\n') + '\n');
  const o = readOracle(d, ['I', 'II', 'III'])!;
  assert.equal(o.auc.joint, macroAucOvr(labels, probs));
  assert.equal(o.auc.image_global, macroAucOvr(labels, probs.map((p) => [...p].reverse())));
  fs.writeFileSync(path.join(d, 'oracle.csv'), lines.join('\n').replace('0.5', 'x') + '\n');
  assert.throws(() => readOracle(d, ['I', 'II', 'III']), /oracle\.csv:3.*column p_joint_1: expected a probability, got 'x'/);
});
