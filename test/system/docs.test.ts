/**
 * `npm run docs` for real, on notebook 00 (executed afresh): the site loads offline from the file system
 * in headless Chromium, with no console error; the index links to the page; on the page the code is
 * highlighted, the maths rendered by the local MathJax, and the figure drawn by the local plotly.js.
 * Skipped when Chromium or nbconvert is missing (`npm run setup` installs them); under CI=true that fails.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../lib/plots/render';
import { needTool } from '../helpers/tools';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PY = process.env.CFCML_PYTHON || '/usr/bin/python3';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-site-'));
after(() => fs.rmSync(out, { recursive: true, force: true }));

test('npm run docs: an offline site whose pages draw their figures and maths without console errors', async (t) => {
  if (!needTool(t, fs.existsSync(chromiumPath()), `no Chromium at ${chromiumPath()}`)) return;
  if (!needTool(t, spawnSync(PY, ['-c', 'import nbconvert, nbclient'], { stdio: 'ignore' }).status === 0, 'no nbconvert/nbclient (npm run setup)')) return;
  const built = spawnSync('bash', ['scripts/docs.sh', '--out', out, '00'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  assert.equal(built.status, 0, `docs build failed:\n${built.stdout}\n${built.stderr}`);
  for (const f of ['index.html', '00-smoke.html', 'assets/plotly.js', 'assets/mathjax/MathJax.js']) {
    assert.ok(fs.existsSync(path.join(out, f)), `${f} written`);
  }
  const html = fs.readFileSync(path.join(out, '00-smoke.html'), 'utf8');
  assert.ok(!/https?:\/\/(?!127\.0\.0\.1)[^"' )]*\.(js|css)/.test(html), 'no script or style from the network');

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ offline: true });
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${path.join(out, 'index.html')}`);
    const link = page.locator('ul.notebooks a').first();
    assert.match(await link.innerText(), /Smoke test/);
    await link.click();
    await page.waitForSelector('.cfcml-figure .main-svg', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('.MathJax_SVG svg').length >= 2, undefined, { timeout: 60_000 });
    const seen = await page.evaluate(() => ({
      url: location.pathname,
      figures: document.querySelectorAll('.cfcml-figure.js-plotly-plot').length,
      pngLeft: document.querySelectorAll('.cfcml-figure img').length,
      highlighted: document.querySelectorAll('.highlight .kd, .highlight .k').length,
      mathErrors: document.querySelectorAll('.MathJax_Error, merror').length,
      text: document.body.innerText,
    }));
    if (process.env.CFCML_SCREENSHOT) await page.screenshot({ path: process.env.CFCML_SCREENSHOT, fullPage: true });
    assert.match(seen.url, /00-smoke\.html$/);
    assert.equal(seen.figures, 1, 'figure drawn by plotly.js');
    assert.equal(seen.pngLeft, 0, 'the PNG was replaced by the interactive figure');
    assert.ok(seen.highlighted > 3, 'code highlighted');
    assert.equal(seen.mathErrors, 0);
    assert.match(seen.text, /smoke check passed/);
    assert.ok(requests.every((u) => u.startsWith('file://') || u.startsWith('data:')), `only local requests: ${requests.filter((u) => !u.startsWith('file://')).join(', ')}`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
