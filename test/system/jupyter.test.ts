/**
 * `npm run notebooks` for real: start the server script, open notebook 00 in headless Chromium, Kernel →
 * Restart & Run All through the page, and check what a reader sees: every cell ran, no error or stderr
 * output, the figure drawn by plotly.js (loaded from the server), the tracked file untouched; then Ctrl-C
 * (SIGINT) stops the server and its kernel cleanly.
 *
 * Skipped when the classic Notebook (or JupyterLab) or Chromium is missing (`npm run setup` installs them);
 * under CI=true that fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../lib/plots/render';
import { freePort } from '../helpers/net';
import { needTool } from '../helpers/tools';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PY = process.env.CFCML_PYTHON || '/usr/bin/python3';
const NOTEBOOK = 'notebooks/00-smoke.ipynb';

/** The parts of the classic Notebook's page API (`window.Jupyter.notebook`) that the test uses. */
interface J {
  notebook: {
    kernel?: { is_connected?(): boolean; info_reply?: { status?: string } };
    kernel_busy: boolean;
    get_cells(): { cell_type: string; input_prompt_number: unknown }[];
    set_autosave_interval(ms: number): void;
    restart_run_all(o: { confirm: boolean }): void;
  };
}

function hasClassicNotebook(): boolean {
  return spawnSync(PY, ['-c', 'import notebook'], { stdio: 'ignore' }).status === 0;
}

test('npm run notebooks: Restart & Run All of 00-smoke in Chromium, outputs and figure present, Ctrl-C stops it', async (t) => {
  if (!needTool(t, fs.existsSync(chromiumPath()), `no Chromium at ${chromiumPath()}`)) return;
  if (!needTool(t, hasClassicNotebook(), `the classic Notebook is not installed for ${PY} (npm run setup)`)) return;
  const before = fs.readFileSync(path.join(ROOT, NOTEBOOK));
  const port = await freePort();
  const token = 'cfcmltest' + process.pid;
  // The test drives the classic Notebook's page API; CFCML_JUPYTER picks it even where JupyterLab exists.
  const server = spawn('bash', ['scripts/notebooks.sh'], {
    cwd: ROOT,
    env: { ...process.env, CFCML_PORT: String(port), CFCML_TOKEN: token, CFCML_JUPYTER: 'notebook' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout.on('data', (d) => (out += d));
  server.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((ok) => server.on('exit', (code) => ok(code)));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // The script prints the address once the server answers.
    const t0 = Date.now();
    while (!out.includes(`http://127.0.0.1:${port}/tree/notebooks?token=${token}`)) {
      assert.ok(Date.now() - t0 < 60_000, `no URL printed within 60 s:\n${out}`);
      assert.equal(server.exitCode, null, `server script exited early:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/notebooks/${NOTEBOOK}?token=${token}`);
    await page.waitForFunction(() => {
      const J = (window as unknown as { Jupyter?: J }).Jupyter;
      return !!J?.notebook?.kernel?.is_connected?.();
    }, undefined, { timeout: 120_000 });
    // Never let the page save the executed notebook over the tracked one.
    await page.evaluate(() => (window as unknown as { Jupyter: J }).Jupyter.notebook.set_autosave_interval(0));
    await page.evaluate(() => (window as unknown as { Jupyter: J }).Jupyter.notebook.restart_run_all({ confirm: false }));
    await page.waitForFunction(() => {
      const nb = (window as unknown as { Jupyter: J }).Jupyter.notebook;
      const cells = nb.get_cells().filter((c) => c.cell_type === 'code');
      return cells.every((c) => typeof c.input_prompt_number === 'number') && !nb.kernel_busy;
    }, undefined, { timeout: 300_000, polling: 500 });
    await page.waitForSelector('.cfcml-figure .main-svg', { timeout: 120_000 });
    const seen = await page.evaluate(() => ({
      errors: document.querySelectorAll('.output_error').length,
      stderr: Array.from(document.querySelectorAll('.output_stderr')).map((e) => e.textContent),
      figures: document.querySelectorAll('.cfcml-figure.js-plotly-plot').length,
      heatmapCells: document.querySelectorAll('.cfcml-figure .hm, .cfcml-figure image').length,
      text: (document.querySelector('#notebook-container') as HTMLElement).innerText,
    }));
    if (process.env.CFCML_SCREENSHOT) await page.screenshot({ path: process.env.CFCML_SCREENSHOT, fullPage: true });
    assert.equal(seen.errors, 0, 'no error output');
    assert.deepEqual(seen.stderr, [], 'no stderr output');
    assert.equal(seen.figures, 1, 'the figure was drawn by plotly.js');
    assert.ok(seen.heatmapCells >= 1, 'the heatmap is in the figure');
    assert.match(seen.text, /backend: \w+; kernels registered by cfcml/);
    assert.match(seen.text, /smoke check passed/);
    assert.deepEqual(pageErrors, []);
    // The kernel this run started, to check that Ctrl-C shuts it down.
    const kernels = (await (await fetch(`http://127.0.0.1:${port}/api/kernels?token=${token}`)).json()) as { id: string }[];
    assert.equal(kernels.length, 1);
    await page.close();
    server.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 30_000))]);
    assert.equal(code, 0, `exit status after Ctrl-C:\n${out.slice(-2000)}`);
    assert.match(out, /stopping the Jupyter server/);
    const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
    assert.ok(!ps.includes(`kernel-${kernels[0].id}.json`), 'the kernel process is gone');
    assert.ok(!ps.includes(`--NotebookApp.port=${port}`), 'the server process is gone');
    assert.deepEqual(fs.readFileSync(path.join(ROOT, NOTEBOOK)), before, 'the tracked notebook is unchanged');
  } finally {
    await browser.close();
    if (server.exitCode === null) server.kill('SIGTERM');
  }
});
