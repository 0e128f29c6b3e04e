/** AUC per stratum of the record, and the learning-curve figure. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STRATA, readStrata, strataTable } from '../../lib/experiments/strata';
import { learningCurveFigure } from '../../lib/plots/learningCurve';

test('strata: per-stratum AUC of each seed, mean ± sd, oracle AUCs on the same cases; one-class strata are NaN', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-'));
  const meta = path.join(dir, 'meta.csv');
  fs.writeFileSync(
    meta,
    [
      'case_num,level_of_diagnostic_difficulty,location',
      '1,low,back',
      '2,low,acral',
      '3,low,back',
      '4,low,chest',
      '5,high,acral',
      '6,high,back',
      '7,high,acral',
      '8,medium,back',
    ].join('\n') + '\n',
  );
  const rules = STRATA.derm7pt;
  const strata = readStrata(meta, rules);
  assert.deepEqual(strata.get('2'), { difficulty: 'low', site: 'acral' });
  const labels = new Map([['1', 1], ['2', 0], ['3', 0], ['4', 1], ['5', 1], ['6', 0], ['7', 0], ['8', 1]]);
  const seed = (seedNo: number, s: number[]) => ({ seed: seedNo, scores: new Map(s.map((p, i) => [String(i + 1), p])) });
  // seed 1 ranks the low stratum perfectly (AUC 1); seed 2 orders one of its four positive-negative pairs right (0.25)
  const rows = strataTable(rules, strata, labels, { full: [seed(1, [0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0.7, 0.5]), seed(2, [0.9, 0.95, 0.2, 0.1, 0.6, 0.4, 0.3, 0.5])] }, {
    joint: new Map([['1', 0.9], ['2', 0.1], ['3', 0.3], ['4', 0.7], ['5', 0.8], ['6', 0.2], ['7', 0.3], ['8', 0.6]]),
  });
  assert.deepEqual(rows.map((r) => `${r.rule}:${r.stratum}:${r.n}:${r.positives}`), [
    'difficulty:low:4:2',
    'difficulty:medium:1:1',
    'difficulty:high:3:1',
    'site:acral:3:1',
    'site:not acral:5:3',
  ]);
  const low = rows[0];
  // low: positives 1 (0.9 / 0.9) and 4 (0.8 / 0.1), negatives 2 (0.1 / 0.95) and 3 (0.2 / 0.2)
  assert.deepEqual(low.variants.full.values, [1, 0.25]);
  assert.equal(low.variants.full.mean, 0.625);
  assert.ok(Math.abs(low.variants.full.sd - Math.SQRT1_2 * 0.75) < 1e-12);
  assert.equal(low.oracle.joint, 1);
  assert.ok(Number.isNaN(rows[1].variants.full.mean), 'one-class stratum has no AUC');
  // high: positive 5 (0.6 / 0.6) vs negatives 6 (0.4 / 0.4), 7 (0.7 / 0.3): seed 1 0.5, seed 2 1
  assert.deepEqual(rows[2].variants.full.values, [0.5, 1]);
  assert.throws(() => strataTable(rules, strata, new Map([['99', 1]]), {}), /test case 99 has no row/);
  assert.throws(() => strataTable(rules, strata, labels, { full: [{ seed: 3, scores: new Map([['1', 0.2]]) }] }), /variant full seed 3 has no prediction for test case 2/);
});

test('learning curve: one line per variant at the measured sizes (log x), ±1 sd band, oracle ceilings', () => {
  const fig = learningCurveFigure(
    [
      { variant: 'full', trainCases: 346, values: [0.62, 0.64] },
      { variant: 'full', trainCases: 1384, values: [0.8, 0.84] },
      { variant: 'late-fusion', trainCases: 346, values: [0.66] },
      { variant: 'late-fusion', trainCases: 692, values: [0.7] },
    ],
    { ceilings: [['joint', 0.9], ['additive', 0.78]] },
  );
  const lines = fig.data.filter((d) => d.mode === 'lines+markers');
  assert.deepEqual(lines.map((d) => d.name), ['full', 'late-fusion']);
  assert.deepEqual(lines[0].x, [346, 1384]);
  assert.ok(Math.abs(lines[0].y[1] - 0.82) < 1e-12);
  const band = fig.data.find((d) => d.fill === 'toself');
  assert.ok(band, 'full has a band (two seeds)');
  assert.ok(Math.abs(band.y[0] - (0.63 + Math.sqrt(0.0002))) < 1e-12);
  assert.equal(fig.data.filter((d) => d.fill === 'toself').length, 1, 'late-fusion has one seed per size: no band');
  // Markers only at the means, in the line's colour: a band drawn with plotly's default mode would mark its
  // outline's vertices in other colours (a published curve showed them as if they were seeds).
  assert.equal(band.mode, 'lines');
  for (const d of fig.data.filter((t) => String(t.mode ?? '').includes('markers'))) assert.equal(d.marker.color, d.line.color, d.name);
  assert.deepEqual(fig.data.map((d) => d.mode), ['lines', 'lines+markers', 'lines+markers']);
  assert.equal(fig.layout.xaxis.type, 'log');
  assert.deepEqual(fig.layout.xaxis.tickvals, [346, 692, 1384]);
  assert.deepEqual(fig.layout.shapes.map((s: { y0: number }) => s.y0), [0.9, 0.78]);
});
