import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oracleRocSeries, type OracleRow } from '../../lib/synth/oracle';
import { rocAuc } from '../../lib/metrics';
import { metricBars, rocCurveFigure, withCeilings } from '../../lib/plots';

test('withCeilings: one line per ceiling at its value (first dashed, then dotted), labelled; the input figure is untouched', () => {
  const bars = metricBars([{ variant: 'full', metric: 'AUC', value: 0.7 }]);
  bars.layout.shapes = [{ type: 'rect' }];
  const fig = withCeilings(bars, [['joint', 0.891], ['additive', 0.777]]);
  assert.equal(bars.layout.shapes.length, 1, 'input unchanged');
  assert.equal(fig.layout.shapes.length, 3, 'existing shapes kept');
  assert.deepEqual(fig.layout.shapes.slice(1).map((s: { y0: number; y1: number }) => [s.y0, s.y1]), [[0.891, 0.891], [0.777, 0.777]]);
  assert.deepEqual(fig.layout.shapes.slice(1).map((s: { line: { dash: string } }) => s.line.dash), ['dash', 'dot']);
  assert.deepEqual(fig.layout.annotations.map((a: { text: string }) => a.text), ['oracle joint AUC 0.891', 'oracle additive AUC 0.777']);
});

test('withCeilings: near-equal ceilings share one label above the highest line, so labels do not overprint', () => {
  const bars = metricBars([{ variant: 'full', metric: 'AUC', value: 0.9 }]);
  // The null cohort's oracles (0.976, 0.975), listed in either order; a third line close below; a far one.
  const fig = withCeilings(bars, [['additive', 0.975], ['tabular', 0.6], ['joint', 0.976], ['image', 0.95]]);
  assert.equal(fig.layout.shapes.length, 4, 'every ceiling keeps its own line');
  assert.deepEqual(
    fig.layout.annotations.map((a: { text: string; y: number }) => [a.text, a.y]),
    [['oracle joint AUC 0.976 · additive AUC 0.975 · image AUC 0.950', 0.976], ['oracle tabular AUC 0.600', 0.6]],
  );
  // 4% of the axis span: on a 0–0.5 axis, 0.05 apart is far enough; on 0–1.5, 0.05 apart is not.
  const narrow = metricBars([{ variant: 'full', metric: 'AUC', value: 0.3 }], { yRange: [0, 0.5] });
  assert.equal(withCeilings(narrow, [['a', 0.45], ['b', 0.4]]).layout.annotations.length, 2);
  const wide = metricBars([{ variant: 'full', metric: 'AUC', value: 0.3 }], { yRange: [0, 1.5] });
  assert.equal(withCeilings(wide, [['a', 0.45], ['b', 0.4]]).layout.annotations.length, 1);
});

test('oracleRocSeries: the ROC of each oracle column on one split, AUC equal to rocAuc, drawn as grey references', () => {
  const rows: OracleRow[] = [
    { id: '1', split: 'test', label: 1, p: { joint: [0.1, 0.9], additive: [0.4, 0.6] } },
    { id: '2', split: 'test', label: 0, p: { joint: [0.8, 0.2], additive: [0.3, 0.7] } },
    { id: '3', split: 'test', label: 1, p: { joint: [0.3, 0.7], additive: [0.5, 0.5] } },
    { id: '4', split: 'test', label: 0, p: { joint: [0.6, 0.4], additive: [0.6, 0.4] } },
    { id: '5', split: 'valid', label: 0, p: { joint: [0.0, 1.0], additive: [0.0, 1.0] } },
  ];
  const series = oracleRocSeries(rows, 'test', ['joint', 'additive', 'absent']);
  assert.deepEqual(series.map((s) => s.name), ['oracle joint', 'oracle additive']);
  assert.equal(series[0].auc, 1);
  assert.equal(series[1].auc, rocAuc([1, 0, 1, 0], [0.6, 0.7, 0.5, 0.4]));
  assert.equal(series[1].auc, 0.5);
  assert.throws(() => oracleRocSeries(rows, 'train'), /no case in split 'train'/);
  const fig = rocCurveFigure([{ name: 'model', fpr: [0, 1], tpr: [0, 1], auc: 0.5 }, ...series]);
  assert.equal(fig.data[0].line.dash, undefined, 'the model is a solid palette line');
  assert.deepEqual(fig.data.slice(1, 3).map((d) => d.line.dash), ['dash', 'dot']);
  assert.match(fig.data[1].name, /oracle joint \(AUC 1\.000\)/);
});
