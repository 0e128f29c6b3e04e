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
Object.defineProperty(exports, "__esModule", { value: true });
exports.saveFigure = exports.renderFigure = exports.closeRenderer = exports.chromiumPath = exports.rendererStats = exports.DEFAULT_CHROMIUM = void 0;
/**
 * Render figures to PNG / SVG / PDF with plotly.js in headless Chromium (playwright-core driving the
 * system Chromium; no browser download, no network).
 *
 * One browser per process, launched on the first render and reused. It never keeps the process alive
 * while idle: between renders its child process and pipes are unref'd, so a CLI exits when its work is
 * done ('beforeExit' then closes the browser cleanly) and a notebook kernel can be shut down. It is also
 * killed on 'exit', and `closeRenderer()` closes it on demand (a later render launches a new one).
 */
const fs = __importStar(require("fs"));
const errors_1 = require("../util/errors");
const fs_1 = require("../util/fs");
const figure_1 = require("./figure");
const DEFAULTS = { format: 'png', width: 600, height: 400, scale: 2 };
/** Debian's path; `CFCML_CHROMIUM` overrides it. */
exports.DEFAULT_CHROMIUM = '/usr/bin/chromium';
/**
 * Flags for a quiet, offline, single-purpose browser: no GPU (servers have none), no sandbox (containers
 * run as root), and none of the background services that would try to reach the network.
 */
const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
];
let renderer = null;
/** The launched renderer `renderer` resolved to, once it has. */
let active = null;
let queue = Promise.resolve();
let inFlight = 0;
let launches = 0;
let hooksInstalled = false;
/** The open browser's process, for the synchronous 'exit' hook, which cannot await `renderer`. */
let currentChild;
/** How many browsers this process has launched, and whether one is open now (for tests and logs). */
function rendererStats() {
    return { launches, open: renderer !== null, pid: currentChild?.pid };
}
exports.rendererStats = rendererStats;
/** The Chromium binary to use: `$CFCML_CHROMIUM`, else `/usr/bin/chromium`. */
function chromiumPath() {
    return process.env.CFCML_CHROMIUM || exports.DEFAULT_CHROMIUM;
}
exports.chromiumPath = chromiumPath;
function missingChromium(path, cause) {
    const what = fs.existsSync(path) ? 'failed to start' : 'not found';
    return new errors_1.CfcmlError(`Chromium ${what} at ${path}: figures are rendered with headless Chromium. ` +
        `Install it with \`apt-get install chromium\` (gives ${exports.DEFAULT_CHROMIUM}) or set CFCML_CHROMIUM to a Chrome/Chromium binary`, {
        where: 'plots/render',
        hint: `install it with \`apt-get install chromium\` (Debian/Ubuntu; provides ${exports.DEFAULT_CHROMIUM}), or point CFCML_CHROMIUM at a Chrome/Chromium binary`,
        cause,
    });
}
/** Node's list of live handles (undocumented but stable since v0.x); used to find the browser process. */
function activeHandles() {
    const get = process._getActiveHandles;
    return typeof get === 'function' ? get.call(process) : [];
}
/** Keep (or stop keeping) the event loop alive on account of the browser's process and pipes. */
function setRef(child, ref) {
    if (!child)
        return;
    // stdio entries are net.Sockets (pipes) at run time, though typed as plain streams.
    const handles = [child, ...child.stdio];
    for (const h of handles)
        (ref ? h?.ref : h?.unref)?.call(h);
}
async function launch() {
    const path = chromiumPath();
    if (!fs.existsSync(path))
        throw missingChromium(path);
    // Lazy: a notebook that never renders an image never loads playwright.
    const { chromium } = await Promise.resolve().then(() => __importStar(require('playwright-core')));
    const before = new Set(activeHandles());
    let browser;
    try {
        browser = await chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS, timeout: 30000 });
    }
    catch (e) {
        throw missingChromium(path, e);
    }
    launches++;
    const child = activeHandles().find((h) => !before.has(h) && h.constructor?.name === 'ChildProcess' && h.spawnfile === path);
    currentChild = child;
    installExitHooks();
    try {
        const page = await browser.newPage();
        await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
        // plotly.js from node_modules, injected as a file: nothing is fetched.
        await page.addScriptTag({ path: require.resolve('plotly.js-dist') });
        const r = { browser, page, child };
        // A crashed or killed browser is forgotten, so the next render launches a new one instead of failing.
        browser.on('disconnected', () => forget(r));
        page.on('crash', () => forget(r));
        active = r;
        return r;
    }
    catch (e) {
        await browser.close().catch(() => undefined);
        throw new errors_1.CfcmlError(`could not load plotly.js into the headless browser: ${e.message}`, { where: 'plots/render', cause: e });
    }
}
function forget(r) {
    if (active !== r)
        return;
    active = null;
    renderer = null;
    currentChild = undefined;
}
function installExitHooks() {
    if (hooksInstalled)
        return;
    hooksInstalled = true;
    // Reached only once nothing else keeps the loop alive (the browser is unref'd when idle).
    process.on('beforeExit', () => {
        if (renderer)
            void closeRenderer();
    });
    // Last resort on process.exit(): 'exit' handlers must be synchronous, so kill rather than close.
    process.on('exit', () => {
        if (currentChild && currentChild.exitCode === null)
            currentChild.kill('SIGKILL');
    });
}
/** Run `fn` with the (possibly new) browser, one render at a time, keeping the process alive meanwhile. */
function withRenderer(fn) {
    const run = async () => {
        if (!renderer) {
            renderer = launch();
            renderer.catch(() => {
                renderer = null; // a failed launch is retried on the next render
            });
        }
        const r = await renderer;
        if (inFlight++ === 0)
            setRef(r.child, true);
        try {
            return await fn(r);
        }
        finally {
            if (--inFlight === 0) {
                setRef(r.child, false);
                // Without the child's handles to unref (Node internals changed), the open browser would keep a
                // CLI alive forever; close it when idle instead.
                if (!r.child)
                    setTimeout(() => inFlight === 0 && void closeRenderer(), 1000);
            }
        }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
}
/**
 * Close the browser once the renders already asked for have finished. Safe to call when none is open;
 * a later render launches a new one.
 */
function closeRenderer() {
    const result = queue.then(closeNow, closeNow);
    queue = result.catch(() => undefined);
    return result;
}
exports.closeRenderer = closeRenderer;
async function closeNow() {
    const r = renderer;
    renderer = null;
    active = null;
    currentChild = undefined;
    if (!r)
        return;
    const opened = await r.catch(() => null);
    if (!opened)
        return;
    setRef(opened.child, true); // keep the loop alive until the close completes
    await opened.browser.close().catch(() => undefined);
}
/**
 * Render a figure to image bytes: PNG (`width*scale × height*scale` px), SVG (text, `width*scale` ×
 * `height*scale` with a `width × height` viewBox) or PDF (one `width × height` CSS-px page, vector).
 */
async function renderFigure(fig, opts = {}) {
    const { format, width, height, scale } = { ...DEFAULTS, ...opts };
    const themed = opts.theme === null ? fig : (0, figure_1.applyTheme)(fig, opts.theme ?? figure_1.paperTheme);
    const where = 'renderFigure';
    for (const [k, v] of Object.entries({ width, height, scale })) {
        if (!(Number.isFinite(v) && v > 0))
            throw new errors_1.CfcmlError(`${k} must be a positive number, got ${v}`, { where });
    }
    // Plotly only needs data + layout; the config's interactive options do not apply to a static image.
    const spec = { data: themed.data, layout: { ...themed.layout, width, height } };
    switch (format) {
        case 'png': {
            const url = await withRenderer((r) => toImage(r.page, spec, 'png', width, height, scale));
            return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
        }
        case 'svg': {
            const url = await withRenderer((r) => toImage(r.page, spec, 'svg', width, height, scale));
            return Buffer.from(decodeURIComponent(url.slice(url.indexOf(',') + 1)), 'utf8');
        }
        case 'pdf':
            // plotly.js has no PDF export (that is Kaleido's); print the SVG from a page of the same size.
            return withRenderer(async (r) => {
                const url = await toImage(r.page, spec, 'svg', width, height, 1);
                const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
                const pdfPage = await r.browser.newPage();
                try {
                    await pdfPage.setContent(`<!DOCTYPE html><html><head><style>@page{margin:0}html,body{margin:0;padding:0}svg{display:block}</style></head><body>${svg}</body></html>`);
                    return await pdfPage.pdf({ width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1' });
                }
                finally {
                    await pdfPage.close();
                }
            });
        default:
            return (0, errors_1.assertNever)(format, 'format');
    }
}
exports.renderFigure = renderFigure;
async function toImage(page, spec, format, width, height, scale) {
    try {
        return await page.evaluate(
        // Runs in the browser, where plotly.js defined the global `Plotly`.
        ([s, o]) => globalThis.Plotly.toImage(s, o), [spec, { format, width, height, scale }]);
    }
    catch (e) {
        throw new errors_1.CfcmlError(`plotly could not render the figure: ${e.message.split('\n')[0]}`, { where: 'renderFigure', cause: e });
    }
}
/**
 * Render and write `fig` once per format, to `<pathWithoutExt>.<format>`, each written atomically
 * (temp file + rename). Folders are created. Returns the written paths, in `formats` order.
 */
async function saveFigure(fig, pathWithoutExt, opts = {}) {
    const formats = opts.formats ?? ['png', 'svg'];
    const written = [];
    for (const format of formats) {
        const bytes = await renderFigure(fig, { ...opts, format });
        const file = `${pathWithoutExt}.${format}`;
        (0, fs_1.writeFileAtomic)(file, bytes);
        written.push(file);
    }
    return written;
}
exports.saveFigure = saveFigure;
//# sourceMappingURL=render.js.map