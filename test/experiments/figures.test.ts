import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ablationFigure, tprAt } from '../../lib/experiments/figures';
import { gapCsv, gapFigure, type GapRow } from '../../lib/experiments/gap';
import type { GroupReport } from '../../lib/experiments/report';
import { rocCurve } from '../../lib/metrics';
import { parseCsv } from '../../lib/util/csv';

test('tprAt: vertical averaging reads the ROC curve (steps and interpolated segments)', () => {
  // labels/scores with ROC points (0,0) (0,0.5) (0.5,0.5) (0.5,1) (1,1)
  const c = rocCurve([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]);
  assert.equal(tprAt(c, 0), 0.5);
  assert.equal(tprAt(c, 0.25), 0.5);
  assert.equal(tprAt(c, 0.5), 1);
  assert.equal(tprAt(c, 1), 1);
  // a diagonal segment (tie between a positive and a negative) is interpolated
  const d = rocCurve([1, 0], [0.5, 0.5]);
  assert.equal(tprAt(d, 0.3), 0.3);
});

test('ablationFigure: mean bars with ±sd error bars and one dashed oracle line per oracle score', () => {
  const s = (mean: number, sd: number) => ({ mean, sd, values: [] });
  const g = {
    group: '',
    dataset: 'derm7pt',
    metrics: ['auc', 'balanced_accuracy'],
    rows: [
      { variant: 'full', metrics: { auc: s(0.8, 0.05), balanced_accuracy: s(0.7, 0.02) } },
      { variant: 'no-cie', metrics: { auc: s(0.75, 0.1), balanced_accuracy: s(0.68, NaN) } },
    ],
    oracle: { file: 'x', auc: { joint: 0.91, additive: 0.88 } },
  } as unknown as GroupReport;
  const fig = ablationFigure(g);
  assert.deepEqual(fig.data.map((t) => t.name), ['AUC', 'Bal. acc.']);
  assert.deepEqual(fig.data[0].y, [0.8, 0.75]);
  assert.ok(Math.abs(fig.data[0].error_y.array[1] - 0.1) < 1e-12);
  assert.equal(fig.data[1].error_y.array[1], 0, 'one seed: no error bar');
  assert.deepEqual(fig.layout.shapes.map((x: { y0: number }) => x.y0), [0.91, 0.88]);
  assert.match(fig.layout.annotations[0].text, /oracle joint AUC 0\.910/);
});

test('gap: CSV per run and bars per variant with mean ± sd over seeds', () => {
  const rows: GapRow[] = [1, 2].flatMap((seed) => [
    { group: '', variant: 'full', seed, modalities: ['clinic', 'derm', 'tabular'], values: { relativeModalityGap: 0.5 + seed / 10, centroidGap: 0.4, alignment: 0.3 } },
    { group: '', variant: 'late-fusion', seed, modalities: ['clinic', 'derm', 'tabular'], values: { relativeModalityGap: 0.9, centroidGap: 1.2, alignment: 1.8 } },
  ]);
  const t = parseCsv(gapCsv(rows));
  assert.equal(t.rows.length, 4);
  assert.equal(t.rows[0].relativeModalityGap, '0.6');
  const fig = gapFigure(rows, '');
  assert.deepEqual(fig.data[0].x, ['full', 'late-fusion']);
  assert.ok(Math.abs(fig.data[0].y[0] - 0.65) < 1e-12);
  assert.ok(Math.abs(fig.data[0].error_y.array[0] - Math.SQRT1_2 / 10) < 1e-12, 'sd of 0.6, 0.7');
});
