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
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const child_process_1 = require("child_process");
const playwright_core_1 = require("playwright-core");
const curves_1 = require("../../lib/plots/curves");
const heatmaps_1 = require("../../lib/plots/heatmaps");
const render_1 = require("../../lib/plots/render");
const errors_1 = require("../../lib/util/errors");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-plots-'));
(0, node_test_1.after)(async () => {
    await (0, render_1.closeRenderer)();
    fs.rmSync(tmp, { recursive: true, force: true });
});
const roc = (0, curves_1.rocCurveFigure)([
    { name: 'CFCML', fpr: [0, 0.1, 0.3, 1], tpr: [0, 0.6, 0.9, 1], auc: 0.91, ci: [0.88, 0.94] },
    { name: 'image only', fpr: [0, 0.2, 0.5, 1], tpr: [0, 0.4, 0.8, 1], auc: 0.8 },
]);
/** Width and height from a PNG's IHDR chunk (the first chunk, right after the 8-byte signature). */
function pngSize(b) {
    strict_1.default.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    strict_1.default.equal(b.subarray(12, 16).toString('ascii'), 'IHDR');
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
(0, node_test_1.test)('saveFigure writes a real PNG, SVG and PDF of the requested size, reusing one browser', async () => {
    const launchesBefore = (0, render_1.rendererStats)().launches;
    const files = await (0, render_1.saveFigure)(roc, path.join(tmp, 'figures', 'roc'), { formats: ['png', 'svg', 'pdf'], width: 500, height: 400, scale: 2 });
    strict_1.default.deepEqual(files, ['png', 'svg', 'pdf'].map((e) => path.join(tmp, 'figures', `roc.${e}`)));
    strict_1.default.deepEqual(fs.readdirSync(path.join(tmp, 'figures')).sort(), ['roc.pdf', 'roc.png', 'roc.svg'], 'no temp files left');
    strict_1.default.deepEqual(pngSize(fs.readFileSync(files[0])), { width: 1000, height: 800 });
    const svg = fs.readFileSync(files[1], 'utf8');
    const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    strict_1.default.match(root, /\swidth="1000"/);
    strict_1.default.match(root, /\sheight="800"/);
    strict_1.default.match(root, /viewBox="0 0 500 400"/);
    const pdf = fs.readFileSync(files[2]);
    strict_1.default.equal(pdf.subarray(0, 5).toString('ascii'), '%PDF-');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    strict_1.default.ok(box, 'PDF has a MediaBox');
    // 500×400 CSS px = 375×300 pt at 96 px/in.
    strict_1.default.ok(Math.abs(+box[1] - 375) < 1 && Math.abs(+box[2] - 300) < 1, `MediaBox ${box[1]}×${box[2]}`);
    // A second, different figure: same browser.
    const png2 = await (0, render_1.renderFigure)((0, heatmaps_1.confusionMatrixFigure)([[5, 1], [2, 7]], ['a', 'b'], { normalize: 'true' }), { width: 300, height: 300, scale: 1 });
    strict_1.default.deepEqual(pngSize(png2), { width: 300, height: 300 });
    strict_1.default.equal((0, render_1.rendererStats)().launches - launchesBefore, 1, 'one browser launch for all renders');
    // The SVG is a real image: a browser decodes it at its stated size.
    const browser = await playwright_core_1.chromium.launch({ executablePath: render_1.DEFAULT_CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
        const page = await browser.newPage();
        const dims = await page.evaluate(async (src) => {
            const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
            const img = new Image();
            img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(src)));
            await img.decode();
            return { parseError: doc.getElementsByTagName('parsererror').length, w: img.naturalWidth, h: img.naturalHeight };
        }, svg);
        strict_1.default.deepEqual(dims, { parseError: 0, w: 1000, h: 800 });
    }
    finally {
        await browser.close();
    }
});
(0, node_test_1.test)('closeRenderer closes the browser; a closed or dead browser is replaced on the next render', async () => {
    await (0, render_1.renderFigure)(roc, { width: 200, height: 150, scale: 1 });
    const first = (0, render_1.rendererStats)();
    strict_1.default.ok(first.open && first.pid);
    await (0, render_1.closeRenderer)();
    strict_1.default.equal((0, render_1.rendererStats)().open, false);
    strict_1.default.equal(isAlive(first.pid), false, 'chromium process gone');
    await (0, render_1.closeRenderer)(); // idempotent
    strict_1.default.deepEqual(pngSize(await (0, render_1.renderFigure)(roc, { width: 200, height: 150, scale: 1 })), { width: 200, height: 150 });
    const second = (0, render_1.rendererStats)();
    strict_1.default.equal(second.launches, first.launches + 1);
    // Killed from outside (OOM killer, crash): forgotten, and the next render launches a new one.
    strict_1.default.ok(second.pid);
    process.kill(second.pid, 'SIGKILL');
    for (let i = 0; i < 50 && (0, render_1.rendererStats)().open; i++)
        await new Promise((r) => setTimeout(r, 100));
    strict_1.default.equal((0, render_1.rendererStats)().open, false, 'dead browser forgotten');
    strict_1.default.deepEqual(pngSize(await (0, render_1.renderFigure)(roc, { width: 200, height: 150, scale: 1 })), { width: 200, height: 150 });
    strict_1.default.equal((0, render_1.rendererStats)().launches, second.launches + 1);
    await (0, render_1.closeRenderer)();
});
(0, node_test_1.test)('a missing Chromium is a CfcmlError naming /usr/bin/chromium and the apt command', async () => {
    await (0, render_1.closeRenderer)();
    process.env.CFCML_CHROMIUM = path.join(tmp, 'no-such-chromium');
    try {
        await strict_1.default.rejects((0, render_1.renderFigure)(roc), (e) => {
            strict_1.default.ok(e instanceof errors_1.CfcmlError);
            strict_1.default.match(e.message, /no-such-chromium/);
            strict_1.default.match(e.message, /\/usr\/bin\/chromium/);
            strict_1.default.match(e.message, /apt-get install chromium/);
            return true;
        });
    }
    finally {
        delete process.env.CFCML_CHROMIUM;
    }
});
(0, node_test_1.test)('bad sizes are rejected before any browser work', async () => {
    await strict_1.default.rejects((0, render_1.renderFigure)(roc, { width: 0 }), /width must be a positive number/);
});
(0, node_test_1.test)('a script that renders and never calls closeRenderer still exits, and leaves no browser behind', () => {
    const renderJs = path.resolve(__dirname, '../../lib/plots/render.js');
    const script = `
    const r = require(${JSON.stringify(renderJs)});
    r.renderFigure({ data: [{ y: [1, 3, 2] }], layout: {} }, { width: 100, height: 80, scale: 1 })
      .then((b) => { console.log(JSON.stringify({ bytes: b.length, pid: r.rendererStats().pid })); });`;
    const res = (0, child_process_1.spawnSync)(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30000 });
    strict_1.default.equal(res.signal, null, `child hung (killed by ${res.signal}); stderr: ${res.stderr}`);
    strict_1.default.equal(res.status, 0, res.stderr);
    const { bytes, pid } = JSON.parse(res.stdout.trim());
    strict_1.default.ok(bytes > 100);
    strict_1.default.equal(isAlive(pid), false, 'browser closed at exit');
});
//# sourceMappingURL=render.test.js.map