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
 * The `text/html` representation of `show()` in a real browser, in a page laid out like the classic
 * Jupyter Notebook's (body data attributes, require.js's `define` present, files served under `files/`):
 * plotly.js is fetched once for two figures, both draw interactively, and nothing is logged as an error.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const http = __importStar(require("http"));
const path = __importStar(require("path"));
const playwright_core_1 = require("playwright-core");
const bars_1 = require("../../lib/plots/bars");
const images_1 = require("../../lib/plots/images");
const render_1 = require("../../lib/plots/render");
const show_1 = require("../../lib/plots/show");
const tools_1 = require("../helpers/tools");
(0, node_test_1.after)(() => (0, render_1.closeRenderer)());
const ROOT = process.cwd(); // the tests run from the repository root (npm test)
(0, node_test_1.test)('show() HTML: plotly.js loaded once from the server for two figures, both drawn, PNG replaced', async (t) => {
    if (!(0, tools_1.needTool)(t, fs.existsSync((0, render_1.chromiumPath)()), `no Chromium at ${(0, render_1.chromiumPath)()}`))
        return;
    const bars = (0, bars_1.metricBars)([{ variant: 'full', metric: 'AUC', value: 0.9 }, { variant: 'no HRM', metric: 'AUC', value: 0.8 }]);
    const tile = { data: new Float32Array(8 * 8 * 3).fill(0.4), height: 8, width: 8, channels: 3 };
    const grid = (0, images_1.imageGrid)([tile, tile], ['a', 'b'], 2);
    const html1 = (await (0, show_1.mimeBundle)(bars, { width: 400, height: 300 })).bundle['text/html'];
    const html2 = (await (0, show_1.mimeBundle)(grid, { width: 400, height: 200, png: false })).bundle['text/html'];
    strict_1.default.match(html1, /<img src="data:image\/png;base64,/);
    const requests = [];
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
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const port = server.address().port;
    const browser = await playwright_core_1.chromium.launch({ executablePath: (0, render_1.chromiumPath)(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
        const page = await browser.newPage();
        const errors = [];
        page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`http://127.0.0.1:${port}/notebooks/demo.ipynb`);
        await page.waitForFunction(() => document.querySelectorAll('.cfcml-figure .main-svg').length >= 2, undefined, { timeout: 60000 });
        const state = await page.evaluate(() => ({
            figures: document.querySelectorAll('.cfcml-figure.js-plotly-plot').length,
            imgs: document.querySelectorAll('.cfcml-figure img').length,
            bars: document.querySelectorAll('.cfcml-figure .bars path').length,
            images: document.querySelectorAll('.cfcml-figure image').length,
            defineKept: typeof window.define === 'function',
        }));
        strict_1.default.equal(state.figures, 2);
        strict_1.default.equal(state.imgs, 0, 'the PNG placeholder was replaced');
        strict_1.default.ok(state.bars >= 2, `${state.bars} bars drawn`);
        strict_1.default.equal(state.images, 2, 'two image tiles drawn from their PNG sources');
        strict_1.default.ok(state.defineKept, 'require.js define restored');
        strict_1.default.equal(requests.filter((r) => r.endsWith('plotly.js')).length, 1, `plotly.js requested once: ${requests.join(', ')}`);
        strict_1.default.deepEqual(errors, []);
    }
    finally {
        await browser.close();
        server.close();
    }
});
//# sourceMappingURL=showHtml.test.js.map