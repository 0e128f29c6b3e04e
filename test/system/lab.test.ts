/**
 * System tier: `npm run notebooks` with the JupyterLab built in lab/ (npm packages, Debian's
 * jupyterlab-server), driven in headless Chromium the way a reader uses it: the launcher offers the
 * tslab kernel; notebooks 00, 03 and 05 are opened and run with Lab's own menu (Run → Run All Cells)
 * until the kernel is idle; no cell shows an error or stderr, every figure is drawn by the plotly
 * renderer (jupyterlab-plotly: an SVG inside `.js-plotly-plot`) and shows a tooltip over a data point,
 * training progress stays one output redrawn in place, and the page logs no console error. Then with
 * the plotly renderer disabled, cfcml's HTML fallback draws the figure of 00 itself. Ctrl-C (SIGINT to
 * the process group, as a terminal sends it) stops the server, its kernels and its terminal; the
 * tracked notebooks are unchanged.
 *
 * Needs Chromium, Debian's jupyterlab-server and npm (the front end is built in the before step when
 * missing: scripts/lab-build.sh). Without one of them it is skipped, except under CI=true, where it fails.
 * CFCML_LAB_SCREENSHOT=<file.png> saves a screenshot of notebook 00 in Lab (docs/lab-notebook.png).
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from '../../lib/plots/render';
import { freePort } from '../helpers/net';
import { needTool } from '../helpers/tools';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PY = process.env.CFCML_PYTHON || '/usr/bin/python3';
/** CFCML_LAB_NOTEBOOKS=00-smoke (comma-separated) runs fewer while working on the test itself. */
const NOTEBOOKS = process.env.CFCML_LAB_NOTEBOOKS?.split(',') ?? ['00-smoke', '03-prototypes', '05-modality-gap'];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Console errors of Lab itself, not of cfcml's outputs: MathJax 2 probes web-font support with an
 *  `about:blank` font, which Chromium refuses. */
const FRONT_END_NOISE = [/Access to font at 'about:blank'/, /^Failed to load resource: net::ERR_FAILED$/];

/** What is missing for this test, or null. */
function missingTool(): string | null {
  if (!fs.existsSync(chromiumPath())) return `no Chromium at ${chromiumPath()}`;
  if (spawnSync(PY, ['-c', 'import jupyterlab_server, jupyter_server'], { stdio: 'ignore' }).status !== 0) {
    return `jupyterlab-server is not installed for ${PY} (npm run setup: python3-jupyterlab-server)`;
  }
  if (spawnSync('npm', ['--version'], { stdio: 'ignore' }).status !== 0) return 'no npm to build the front end';
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Kernel {
  id: string;
  execution_state: string;
}
interface Session {
  path: string;
  kernel: Kernel;
}

/** Every process below `pid` (children, theirs, ...), from `ps`. */
function descendants(pid: number): number[] {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n');
  const children = new Map<number, number[]>();
  for (const row of rows) {
    const [p, pp] = row.trim().split(/\s+/).map(Number);
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const out: number[] = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    out.push(p);
    todo.push(...(children.get(p) ?? []));
  }
  return out;
}

let built: string | null = null;
before(() => {
  if (missingTool()) return;
  // Quick when `npm run setup` built it already; otherwise an npm install and a webpack build.
  const r = spawnSync('bash', ['scripts/lab-build.sh'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  built = r.status === 0 ? null : `scripts/lab-build.sh failed:\n${r.stdout}\n${r.stderr}`;
});

test('JupyterLab built in lab/: notebooks 00, 03, 05 run from the Run menu, plotly figures drawn and interactive, Ctrl-C stops everything', async (t) => {
  const missing = missingTool();
  if (!needTool(t, missing === null, missing ?? '')) return;
  assert.equal(built, null, built ?? '');
  const tracked = new Map(NOTEBOOKS.map((n) => [n, fs.readFileSync(path.join(ROOT, 'notebooks', `${n}.ipynb`))]));

  // A Jupyter config dir of its own: no autosave (the tracked notebooks stay as they are), the Lab
  // settings and workspaces of this run only, and the page config the fallback check edits.
  const cfg = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-lab-test-'));
  const docmanager = path.join(cfg, 'cfcml-lab', 'user-settings', '@jupyterlab', 'docmanager-extension');
  fs.mkdirSync(docmanager, { recursive: true });
  fs.writeFileSync(path.join(docmanager, 'plugin.jupyterlab-settings'), JSON.stringify({ autosave: false }));

  const port = await freePort();
  const token = 'cfcmllab' + process.pid;
  const base = `http://127.0.0.1:${port}`;
  const api = async <T>(p: string, init?: RequestInit): Promise<T> => {
    const r = await fetch(`${base}${p}${p.includes('?') ? '&' : '?'}token=${token}`, init);
    assert.ok(r.ok, `${init?.method ?? 'GET'} ${p}: ${r.status}`);
    return (await r.json()) as T;
  };
  // Its own process group, so that SIGINT reaches npm and the script together, as Ctrl-C in a terminal.
  const server = spawn('npm', ['run', 'notebooks'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, CFCML_PORT: String(port), CFCML_TOKEN: token, CFCML_JUPYTER: 'cfcml-lab', JUPYTER_CONFIG_DIR: cfg },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout.on('data', (d) => (out += d));
  server.stderr.on('data', (d) => (out += d));
  const exited = new Promise<string>((ok) => server.on('exit', (code, signal) => ok(signal ?? String(code))));
  let browser: Browser | undefined;
  const consoleErrors: string[] = [];
  const watch = (page: Page, where: string) => {
    page.on('pageerror', (e) => consoleErrors.push(`${where}: ${e}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !FRONT_END_NOISE.some((re) => re.test(m.text()))) consoleErrors.push(`${where}: ${m.text()}`);
    });
  };
  try {
    const t0 = Date.now();
    while (!out.includes(`${base}/lab/tree/notebooks?token=${token}`)) {
      assert.ok(Date.now() - t0 < 120_000, `no URL printed within 120 s:\n${out}`);
      assert.equal(server.exitCode, null, `npm run notebooks exited early:\n${out}`);
      await sleep(250);
    }
    assert.match(out, /JupyterLab \(lab\/, built from npm packages\)/);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

    /** Open `/lab/workspaces/<workspace><rest>`: a workspace per page, so no page reopens another's tabs. */
    const open = async (workspace: string, rest: string, where: string): Promise<Page> => {
      const page = await browser!.newPage({ viewport: { width: 1200, height: 800 } });
      watch(page, where);
      await page.goto(`${base}/lab/workspaces/${workspace}${rest}?token=${token}`);
      await page.waitForSelector('body[data-cfcml-lab-restored]', { state: 'attached', timeout: 120_000 });
      return page;
    };

    // The launcher lists the repo-local tslab kernel and a terminal.
    const launcher = await open('launcher', '', 'launcher');
    await launcher.waitForSelector('.jp-LauncherCard[title="TypeScript (tslab, cfcml)"]', { timeout: 60_000 });
    await launcher.waitForSelector('.jp-LauncherCard[title="Start a new terminal session"]', { timeout: 10_000 });
    await launcher.close();
    // A terminal, which Ctrl-C must end too.
    const term = await api<{ name: string }>('/api/terminals', { method: 'POST' });

    /** Open a notebook, Run → Run All Cells, wait until every code cell ran and its kernel is idle. */
    const runAll = async (name: string, where: string) => {
      const nbPath = `notebooks/${name}.ipynb`;
      const page = await open(where.replace(/\W+/g, '-'), `/tree/${nbPath}`, where);
      // Lab's own view of the kernel (the status bar: "TypeScript (tslab, cfcml) | Idle"); the REST
      // API's execution_state can stay "starting" until a client asks the kernel something.
      const idle = () =>
        page.$$eval('#jp-main-statusbar span', (els) => els.some((e) => /\(tslab, cfcml\) \| Idle$/.test((e.textContent ?? '').trim())));
      await page.waitForSelector('.jp-NotebookPanel .jp-CodeCell', { timeout: 60_000 });
      for (const start = Date.now(); !(await idle()); await sleep(500)) {
        if (Date.now() - start > 180_000) {
          const shot = path.join(os.tmpdir(), `cfcml-lab-${name.replace(/\W+/g, '-')}.png`);
          await page.screenshot({ path: shot });
          assert.fail(`${name}: kernel not idle within 180 s of opening (screenshot: ${shot})`);
        }
      }
      await page.click('.lm-MenuBar-item:has-text("Run")');
      await page.click('.lm-Menu-item[data-command="runmenu:run-all"]');
      const start = Date.now();
      for (;;) {
        const prompts = await page.$$eval('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt', (els) =>
          els.map((e) => (e.textContent ?? '').trim()),
        );
        if (prompts.length > 0 && prompts.every((p) => /^\[\d+\]:$/.test(p)) && (await idle())) break;
        assert.ok(Date.now() - start < 900_000, `${name}: not all cells ran within 15 min: ${prompts.join(' ')}`);
        await sleep(1000);
      }
      const session = (await api<Session[]>('/api/sessions')).find((x) => x.path === nbPath);
      assert.ok(session, `${name}: no session`);
      const kernel = session.kernel;
      const shown = await page.evaluate(() => ({
        errors: Array.from(document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')).map(
          (e) => (e.textContent ?? '').slice(0, 500),
        ),
        // The titles of the progress displays of each code cell.
        progress: Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')).map((cell) =>
          Array.from(cell.querySelectorAll('.cfcml-progress > b')).map((b) => b.textContent ?? ''),
        ),
        renderers: document.querySelectorAll('.jp-RenderedPlotly').length,
        fallbacks: document.querySelectorAll('.cfcml-figure').length,
      }));
      assert.deepEqual(shown.errors, [], `${name}: error or stderr output`);
      return { page, kernel, shown };
    };

    /** Point at a data point of the drawn figures until one shows plotly's tooltip. */
    const tooltip = async (page: Page, figures: string, name: string) => {
      for (const fig of await page.$$(figures)) {
        await fig.scrollIntoViewIfNeeded();
        const targets = [...(await fig.$$('.scatterlayer .point')).slice(0, 3), ...(await fig.$$('.heatmaplayer image, .heatmaplayer .hm'))];
        for (const target of targets) {
          const box = await target.boundingBox();
          if (!box) continue;
          await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
          try {
            await fig.waitForSelector('.hoverlayer .hovertext', { timeout: 2000 });
            return;
          } catch {
            // no point under the pointer here: try the next one
          }
        }
      }
      assert.fail(`${name}: no plotly tooltip over any data point`);
    };

    const kernels: string[] = [];
    for (const name of NOTEBOOKS) {
      const { page, kernel, shown } = await runAll(name, name);
      kernels.push(kernel.id);
      const source = fs.readFileSync(path.join(ROOT, 'notebooks', `${name}.ipynb`), 'utf8');
      // Each progress display was redrawn in place, not appended to: one output per display (a display
      // has its own title within a cell), and one at least where the notebook trains with one.
      const progress = shown.progress.flat();
      if (source.includes('trainingProgress(')) assert.ok(progress.length >= 1, `${name}: no progress output`);
      for (const titles of shown.progress) assert.equal(new Set(titles).size, titles.length, `${name}: progress outputs ${titles.join(' | ')}`);
      const figures = (source.match(/\bshow\(/g) ?? []).length;
      if (figures > 0) {
        assert.ok(shown.renderers >= 1, `${name}: no figure output for the plotly renderer`);
        assert.equal(shown.fallbacks, 0, `${name}: the HTML fallback was used although the renderer is there`);
        // jupyterlab-plotly shows the PNG of the bundle and draws the interactive figure when the
        // pointer enters it.
        for (const el of await page.$$('.jp-RenderedPlotly')) {
          await el.scrollIntoViewIfNeeded();
          await el.hover();
        }
        await page.waitForSelector('.jp-RenderedPlotly.js-plotly-plot svg.main-svg', { timeout: 60_000 });
        const drawn = await page.$$eval('.jp-RenderedPlotly', (els) => els.filter((e) => e.matches('.js-plotly-plot') && e.querySelector('svg.main-svg')).length);
        assert.equal(drawn, shown.renderers, `${name}: every figure drawn by plotly.js`);
        await tooltip(page, '.jp-RenderedPlotly.js-plotly-plot', name);
        if (name === '00-smoke' && process.env.CFCML_LAB_SCREENSHOT) {
          await page.screenshot({ path: process.env.CFCML_LAB_SCREENSHOT });
        }
      }
      await page.close();
    }

    // Without the plotly renderer (page config, as `jupyter labextension disable` writes it), the
    // text/html representation draws the figure with plotly.js loaded from the server.
    fs.mkdirSync(path.join(cfg, 'labconfig'), { recursive: true });
    fs.writeFileSync(path.join(cfg, 'labconfig', 'page_config.json'), JSON.stringify({ disabledExtensions: { 'jupyterlab-plotly': true } }));
    const fallback = await runAll('00-smoke', '00-smoke without jupyterlab-plotly');
    assert.equal(fallback.shown.renderers, 0, 'the plotly renderer is disabled');
    await fallback.page.waitForSelector('.cfcml-figure.js-plotly-plot svg.main-svg', { timeout: 60_000 });
    await tooltip(fallback.page, '.cfcml-figure.js-plotly-plot', '00-smoke (HTML fallback)');
    await fallback.page.close();

    assert.deepEqual(consoleErrors, [], 'console errors');
    const running = await api<Kernel[]>('/api/kernels');
    assert.deepEqual(running.map((k) => k.id).sort(), [...new Set(kernels)].sort(), 'one kernel per notebook');

    const started = descendants(server.pid!);
    assert.ok(started.length >= 3 + kernels.length, `npm, the script, the server, the kernels and the terminal: ${started.join(' ')}`);
    process.kill(-server.pid!, 'SIGINT');
    const how = await Promise.race([exited, sleep(60_000).then(() => 'timeout')]);
    // npm ends by the signal itself (as in a terminal) once the script has stopped the server.
    assert.ok(how === '0' || how === 'SIGINT', `npm run notebooks after Ctrl-C: ${how}\n${out.slice(-3000)}`);
    assert.match(out, /stopping the Jupyter server/);
    const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
    for (const id of kernels) assert.ok(!ps.includes(`kernel-${id}.json`), `kernel ${id} is gone:\n${ps}`);
    assert.ok(!ps.includes(`--ServerApp.port=${port}`), `the server is gone:\n${ps}`);
    const alive = started.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    assert.deepEqual(alive, [], `processes left after Ctrl-C:\n${ps}`);
    assert.match(out, /Shutting down 1 terminal/, `terminal ${term.name} shut down`);
    for (const [name, bytes] of tracked) {
      assert.deepEqual(fs.readFileSync(path.join(ROOT, 'notebooks', `${name}.ipynb`)), bytes, `${name} unchanged`);
    }
  } finally {
    await browser?.close();
    if (server.exitCode === null) {
      try {
        process.kill(-server.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    fs.rmSync(cfg, { recursive: true, force: true });
  }
});
