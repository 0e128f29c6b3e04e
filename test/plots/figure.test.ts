import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Figure, OKABE_ITO, applyTheme, describeFigure, notebookTheme, paletteColor, paperTheme } from '../../lib/plots/figure';

const fig = (): Figure => ({
  data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }, { type: 'heatmap', z: [[1]] }],
  layout: { title: { text: 'T' }, font: { size: 20 }, xaxis: { title: { text: 'epoch' } }, xaxis2: { domain: [0.5, 1] } },
});

test('applyTheme lays the theme under the figure: figure keys win, theme fills the rest', () => {
  const f = fig();
  const t = applyTheme(f, paperTheme);
  assert.equal(t.layout.font.size, 20); // the figure's own
  assert.equal(t.layout.font.family, paperTheme.layout.font.family); // from the theme
  assert.deepEqual(t.layout.colorway, [...OKABE_ITO]);
  assert.equal(t.layout.xaxis.title.text, 'epoch');
  assert.equal(t.layout.xaxis.ticks, 'outside');
  assert.equal(t.layout.xaxis2.ticks, 'outside', 'theme axis style reaches numbered axes');
  assert.deepEqual(t.layout.xaxis2.domain, [0.5, 1]);
  assert.equal(t.layout.yaxis.showgrid, false);
  assert.equal(t.config?.displayModeBar, false);
  assert.deepEqual(f, fig(), 'input not changed');
  assert.equal(applyTheme(f, notebookTheme).layout.yaxis.showgrid, true);
});

test('Okabe–Ito palette cycles', () => {
  assert.equal(OKABE_ITO.length, 8);
  assert.equal(paletteColor(0), '#E69F00');
  assert.equal(paletteColor(8), paletteColor(0));
});

test('describeFigure names title and trace kinds', () => {
  assert.equal(describeFigure(fig()), 'Figure "T": 2 trace(s) (1 scatter, 1 heatmap)');
});
