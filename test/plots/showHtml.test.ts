/**
 * The `text/html` representation of `show()` in a real browser, in a page laid out like the classic
 * Jupyter Notebook's (body data attributes, require.js's `define` present, files served under `files/`):
 * plotly.js is fetched once for two figures, both draw interactively, and nothing is logged as an error.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium } from 'playwright-core';
import { metricBars } from '../../lib/plots/bars';
import { imageGrid } from '../../lib/plots/images';
import { chromiumPath, closeRenderer } from '../../lib/plots/render';
import { mimeBundle } from '../../lib/plots/show';
import { needTool } from '../helpers/tools';

after(() => closeRenderer());

const ROOT = process.cwd(); // the tests run from the repository root (npm test)

test('show() HTML: plotly.js loaded once from the server for two figures, both drawn, PNG replaced', async (t) => {
  if (!needTool(t, fs.existsSync(chromiumPath()), `no Chromium at ${chromiumPath()}`)) return;
  const bars = metricBars([{ variant: 'full', metric: 'AUC', value: 0.9 }, { variant: 'no HRM', metric: 'AUC', value: 0.8 }]);
  const tile = { data: new Float32Array(8 * 8 * 3).fill(0.4), height: 8, width: 8, channels: 3 };
  const grid = imageGrid([tile, tile], ['a', 'b'], 2);
  const html1 = (await mimeBundle(bars, { width: 400, height: 300 })).bundle['text/html'] as string;
  const html2 = (await mimeBundle(grid, { width: 400, height: 200, png: false })).bundle['text/html'] as string;
  assert.match(html1, /<img src="data:image\/png;base64,/);

  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push(url);
    if (url === '/notebooks/demo.ipynb') {
      res.setHeader('content-type', 'text/html');
      // `define` as require.js leaves it: a UMD bundle would register with it instead of setting window.Plotly.
      res.end(`<!DOCTYPE html><html><head><script>window.define=function(){};window.define.amd={};</script></head>
<body data-base-url="/" data-notebook-path="demo.ipynb"><div>${html1}</div><div>${html2}</div></body></html>`);
      return;
    }
    if (url === '/favicon.ico') {
      res.statusCode = 204;
      res.end();
      return;
    }
    const file = path.join(ROOT, url.replace(/^\/files\//, ''));
    if (url.startsWith('/files/') && file.startsWith(ROOT) && fs.existsSync(file)) {
      res.setHeader('content-type', 'application/javascript');
      fs.createReadStream(file).pipe(res);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/notebooks/demo.ipynb`);
    await page.waitForFunction(() => document.querySelectorAll('.cfcml-figure .main-svg').length >= 2, undefined, { timeout: 60_000 });
    const state = await page.evaluate(() => ({
      figures: document.querySelectorAll('.cfcml-figure.js-plotly-plot').length,
      imgs: document.querySelectorAll('.cfcml-figure img').length,
      bars: document.querySelectorAll('.cfcml-figure .bars path').length,
      images: document.querySelectorAll('.cfcml-figure image').length,
      defineKept: typeof (window as unknown as { define?: unknown }).define === 'function',
    }));
    assert.equal(state.figures, 2);
    assert.equal(state.imgs, 0, 'the PNG placeholder was replaced');
    assert.ok(state.bars >= 2, `${state.bars} bars drawn`);
    assert.equal(state.images, 2, 'two image tiles drawn from their PNG sources');
    assert.ok(state.defineKept, 'require.js define restored');
    assert.equal(requests.filter((r) => r.endsWith('plotly.js')).length, 1, `plotly.js requested once: ${requests.join(', ')}`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
