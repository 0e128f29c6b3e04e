"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm run notebooks` for real: start the server script, open notebook 00 in headless Chromium, Kernel →
 * Restart & Run All through the page, and check what a reader sees: every cell ran, no error or stderr
 * output, the figure drawn by plotly.js (loaded from the server), the tracked file untouched; then Ctrl-C
 * (SIGINT) stops the server and its kernel cleanly.
 *
 * Skipped when the classic Notebook (or JupyterLab) or Chromium is missing (`npm run setup` installs them);
 * under CI=true that fails.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const net = __importStar(require("net"));
const path = __importStar(require("path"));
const child_process_1 = require("child_process");
const playwright_core_1 = require("playwright-core");
const render_1 = require("../../lib/plots/render");
const tools_1 = require("../helpers/tools");
const ROOT = path.resolve(__dirname, '..', '..', '..');
const PY = process.env.CFCML_PYTHON || '/usr/bin/python3';
const NOTEBOOK = 'notebooks/00-smoke.ipynb';
function freePort() {
    return new Promise((ok, fail) => {
        const s = net.createServer();
        s.once('error', fail);
        s.listen(0, '127.0.0.1', () => {
            const p = s.address().port;
            s.close(() => ok(p));
        });
    });
}
function hasClassicNotebook() {
    return (0, child_process_1.spawnSync)(PY, ['-c', 'import notebook'], { stdio: 'ignore' }).status === 0;
}
(0, node_test_1.test)('npm run notebooks: Restart & Run All of 00-smoke in Chromium, outputs and figure present, Ctrl-C stops it', async (t) => {
    if (!(0, tools_1.needTool)(t, fs.existsSync((0, render_1.chromiumPath)()), `no Chromium at ${(0, render_1.chromiumPath)()}`))
        return;
    if (!(0, tools_1.needTool)(t, hasClassicNotebook(), `the classic Notebook is not installed for ${PY} (npm run setup)`))
        return;
    const before = fs.readFileSync(path.join(ROOT, NOTEBOOK));
    const port = await freePort();
    const token = 'cfcmltest' + process.pid;
    // The test drives the classic Notebook's page API; CFCML_JUPYTER picks it even where JupyterLab exists.
    const server = (0, child_process_1.spawn)('bash', ['scripts/notebooks.sh'], {
        cwd: ROOT,
        env: { ...process.env, CFCML_PORT: String(port), CFCML_TOKEN: token, CFCML_JUPYTER: 'notebook' },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    server.stdout.on('data', (d) => (out += d));
    server.stderr.on('data', (d) => (out += d));
    const exited = new Promise((ok) => server.on('exit', (code) => ok(code)));
    const browser = await playwright_core_1.chromium.launch({ executablePath: (0, render_1.chromiumPath)(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
        // The script prints the address once the server answers.
        const t0 = Date.now();
        while (!out.includes(`http://127.0.0.1:${port}/tree/notebooks?token=${token}`)) {
            strict_1.default.ok(Date.now() - t0 < 60000, `no URL printed within 60 s:\n${out}`);
            strict_1.default.equal(server.exitCode, null, `server script exited early:\n${out}`);
            await new Promise((r) => setTimeout(r, 250));
        }
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        const pageErrors = [];
        page.on('pageerror', (e) => pageErrors.push(String(e)));
        await page.goto(`http://127.0.0.1:${port}/notebooks/${NOTEBOOK}?token=${token}`);
        await page.waitForFunction(() => {
            const J = window.Jupyter;
            return !!J?.notebook?.kernel?.is_connected?.();
        }, undefined, { timeout: 120000 });
        // Never let the page save the executed notebook over the tracked one.
        await page.evaluate(() => window.Jupyter.notebook.set_autosave_interval(0));
        await page.evaluate(() => window.Jupyter.notebook.restart_run_all({ confirm: false }));
        await page.waitForFunction(() => {
            const nb = window.Jupyter.notebook;
            const cells = nb.get_cells().filter((c) => c.cell_type === 'code');
            return cells.every((c) => typeof c.input_prompt_number === 'number') && !nb.kernel_busy;
        }, undefined, { timeout: 300000, polling: 500 });
        await page.waitForSelector('.cfcml-figure .main-svg', { timeout: 120000 });
        const seen = await page.evaluate(() => ({
            errors: document.querySelectorAll('.output_error').length,
            stderr: Array.from(document.querySelectorAll('.output_stderr')).map((e) => e.textContent),
            figures: document.querySelectorAll('.cfcml-figure.js-plotly-plot').length,
            heatmapCells: document.querySelectorAll('.cfcml-figure .hm, .cfcml-figure image').length,
            text: document.querySelector('#notebook-container').innerText,
        }));
        if (process.env.CFCML_SCREENSHOT)
            await page.screenshot({ path: process.env.CFCML_SCREENSHOT, fullPage: true });
        strict_1.default.equal(seen.errors, 0, 'no error output');
        strict_1.default.deepEqual(seen.stderr, [], 'no stderr output');
        strict_1.default.equal(seen.figures, 1, 'the figure was drawn by plotly.js');
        strict_1.default.ok(seen.heatmapCells >= 1, 'the heatmap is in the figure');
        strict_1.default.match(seen.text, /backend: \w+; kernels registered by cfcml/);
        strict_1.default.match(seen.text, /smoke check passed/);
        strict_1.default.deepEqual(pageErrors, []);
        // The kernel this run started, to check that Ctrl-C shuts it down.
        const kernels = (await (await fetch(`http://127.0.0.1:${port}/api/kernels?token=${token}`)).json());
        strict_1.default.equal(kernels.length, 1);
        await page.close();
        server.kill('SIGINT');
        const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 30000))]);
        strict_1.default.equal(code, 0, `exit status after Ctrl-C:\n${out.slice(-2000)}`);
        strict_1.default.match(out, /stopping the Jupyter server/);
        const ps = (0, child_process_1.spawnSync)('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
        strict_1.default.ok(!ps.includes(`kernel-${kernels[0].id}.json`), 'the kernel process is gone');
        strict_1.default.ok(!ps.includes(`--NotebookApp.port=${port}`), 'the server process is gone');
        strict_1.default.deepEqual(fs.readFileSync(path.join(ROOT, NOTEBOOK)), before, 'the tracked notebook is unchanged');
    }
    finally {
        await browser.close();
        if (server.exitCode === null)
            server.kill('SIGTERM');
    }
});
//# sourceMappingURL=jupyter.test.js.map