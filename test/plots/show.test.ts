import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { metricBars } from '../../lib/plots/bars';
import { closeRenderer } from '../../lib/plots/render';
import { PLOTLY_MIME, mimeBundle, show } from '../../lib/plots/show';

after(() => closeRenderer());

const fig = metricBars([
  { variant: 'full', metric: 'AUC', value: 0.9, ci: [0.85, 0.93] },
  { variant: 'no HRM', metric: 'AUC', value: 0.85, ci: [0.8, 0.9] },
]);

/** Capture console.log / console.warn lines while `fn` runs. */
async function captureConsole(fn: () => Promise<void>): Promise<{ log: string[]; warn: string[] }> {
  const log: string[] = [];
  const warn: string[] = [];
  const [l, w] = [console.log, console.warn];
  console.log = (...a: unknown[]) => void log.push(a.join(' '));
  console.warn = (...a: unknown[]) => void warn.push(a.join(' '));
  try {
    await fn();
  } finally {
    [console.log, console.warn] = [l, w];
  }
  return { log, warn };
}

test('outside a kernel, show prints a one-line summary and does not throw', async () => {
  const { log } = await captureConsole(() => show(fig));
  assert.deepEqual(log, ['Figure "Metrics": 1 trace(s) (1 bar)']);
});

test('in a tslab kernel, show sends ONE display_data with plotly JSON, HTML, PNG and text', async () => {
  // Stand-in for a running kernel: tslab sets globalThis.__tslab__ and, per execution,
  // tslab/dist/jupyter.js's `lastWriteDisplayData`.
  const sent: Array<{ msg: { data: Record<string, unknown> }; update: boolean }> = [];
  const fakeKey = '/nonexistent/node_modules/tslab/dist/jupyter.js';
  (globalThis as { __tslab__?: unknown }).__tslab__ = {};
  require.cache[fakeKey] = { exports: { lastWriteDisplayData: (msg: never, update: boolean) => sent.push({ msg, update }) } } as unknown as NodeModule;
  try {
    await show(fig, { width: 320, height: 240 });
  } finally {
    delete require.cache[fakeKey];
    delete (globalThis as { __tslab__?: unknown }).__tslab__;
  }
  assert.equal(sent.length, 1, 'one output');
  const data = sent[0].msg.data;
  assert.deepEqual(Object.keys(data).sort(), [PLOTLY_MIME, 'image/png', 'text/html', 'text/plain'].sort());
  const plotly = data[PLOTLY_MIME] as { data: unknown[]; layout: { font: { size: number } } };
  assert.deepEqual(plotly.data, fig.data);
  assert.equal(plotly.layout.font.size, 13, 'notebook theme applied');
  const png = Buffer.from(data['image/png'] as string, 'base64');
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [320, 240]);
  assert.equal(data['text/plain'], 'Figure "Metrics": 1 trace(s) (1 bar)');
  // The HTML carries the same PNG as its static content, and the figure for plotly.js.
  const html = data['text/html'] as string;
  assert.ok(html.includes(`src="data:image/png;base64,${data['image/png']}"`), 'PNG inside the HTML');
  assert.match(html, /Plotly|newPlot/);
  assert.equal((html.match(/<\/script>/g) ?? []).length, 1, 'one script element, not closed early by the figure JSON');
});

test('without Chromium the bundle keeps plotly JSON + text and carries a one-line warning', async () => {
  await closeRenderer();
  process.env.CFCML_CHROMIUM = '/nonexistent/chromium';
  try {
    const { bundle, warning } = await mimeBundle(fig);
    assert.deepEqual(Object.keys(bundle).sort(), [PLOTLY_MIME, 'text/html', 'text/plain'].sort());
    assert.match(warning ?? '', /^cfcml show\(\): no PNG fallback.*apt-get install chromium/);
    assert.equal(warning?.includes('\n'), false);
  } finally {
    delete process.env.CFCML_CHROMIUM;
  }
  const { bundle } = await mimeBundle(fig, { png: false, html: false, theme: null });
  assert.deepEqual(Object.keys(bundle).sort(), [PLOTLY_MIME, 'text/plain'].sort());
  assert.deepEqual((bundle[PLOTLY_MIME] as { layout: unknown }).layout, fig.layout);
});
