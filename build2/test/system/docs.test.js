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
 * `npm run docs` for real, on notebook 00 (executed afresh): the site loads offline from the file system
 * in headless Chromium, with no console error; the index links to the page; on the page the code is
 * highlighted, the maths rendered by the local MathJax, and the figure drawn by the local plotly.js.
 * Skipped when Chromium or nbconvert is missing (`npm run setup` installs them); under CI=true that fails.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const child_process_1 = require("child_process");
const playwright_core_1 = require("playwright-core");
const render_1 = require("../../lib/plots/render");
const tools_1 = require("../helpers/tools");
const ROOT = path.resolve(__dirname, '..', '..', '..');
const PY = process.env.CFCML_PYTHON || '/usr/bin/python3';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-site-'));
(0, node_test_1.after)(() => fs.rmSync(out, { recursive: true, force: true }));
(0, node_test_1.test)('npm run docs: an offline site whose pages draw their figures and maths without console errors', async (t) => {
    if (!(0, tools_1.needTool)(t, fs.existsSync((0, render_1.chromiumPath)()), `no Chromium at ${(0, render_1.chromiumPath)()}`))
        return;
    if (!(0, tools_1.needTool)(t, (0, child_process_1.spawnSync)(PY, ['-c', 'import nbconvert, nbclient'], { stdio: 'ignore' }).status === 0, 'no nbconvert/nbclient (npm run setup)'))
        return;
    const built = (0, child_process_1.spawnSync)('bash', ['scripts/docs.sh', '--out', out, '00'], { cwd: ROOT, encoding: 'utf8', timeout: 600000 });
    strict_1.default.equal(built.status, 0, `docs build failed:\n${built.stdout}\n${built.stderr}`);
    for (const f of ['index.html', '00-smoke.html', 'assets/plotly.js', 'assets/mathjax/MathJax.js']) {
        strict_1.default.ok(fs.existsSync(path.join(out, f)), `${f} written`);
    }
    const html = fs.readFileSync(path.join(out, '00-smoke.html'), 'utf8');
    strict_1.default.ok(!/https?:\/\/(?!127\.0\.0\.1)[^"' )]*\.(js|css)/.test(html), 'no script or style from the network');
    const browser = await playwright_core_1.chromium.launch({ executablePath: (0, render_1.chromiumPath)(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
        const context = await browser.newContext({ offline: true });
        const requests = [];
        context.on('request', (r) => requests.push(r.url()));
        const page = await context.newPage();
        const errors = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`file://${path.join(out, 'index.html')}`);
        const link = page.locator('ul.notebooks a').first();
        strict_1.default.match(await link.innerText(), /Smoke test/);
        await link.click();
        await page.waitForSelector('.cfcml-figure .main-svg', { timeout: 60000 });
        await page.waitForFunction(() => document.querySelectorAll('.MathJax_SVG svg').length >= 2, undefined, { timeout: 60000 });
        const seen = await page.evaluate(() => ({
            url: location.pathname,
            figures: document.querySelectorAll('.cfcml-figure.js-plotly-plot').length,
            pngLeft: document.querySelectorAll('.cfcml-figure img').length,
            highlighted: document.querySelectorAll('.highlight .kd, .highlight .k').length,
            mathErrors: document.querySelectorAll('.MathJax_Error, merror').length,
            text: document.body.innerText,
        }));
        if (process.env.CFCML_SCREENSHOT)
            await page.screenshot({ path: process.env.CFCML_SCREENSHOT, fullPage: true });
        strict_1.default.match(seen.url, /00-smoke\.html$/);
        strict_1.default.equal(seen.figures, 1, 'figure drawn by plotly.js');
        strict_1.default.equal(seen.pngLeft, 0, 'the PNG was replaced by the interactive figure');
        strict_1.default.ok(seen.highlighted > 3, 'code highlighted');
        strict_1.default.equal(seen.mathErrors, 0);
        strict_1.default.match(seen.text, /smoke check passed/);
        strict_1.default.ok(requests.every((u) => u.startsWith('file://') || u.startsWith('data:')), `only local requests: ${requests.filter((u) => !u.startsWith('file://')).join(', ')}`);
        strict_1.default.deepEqual(errors, []);
    }
    finally {
        await browser.close();
    }
});
//# sourceMappingURL=docs.test.js.map