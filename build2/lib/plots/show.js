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
exports.show = exports.figureHtml = exports.mimeBundle = exports.PLOTLY_MIME = void 0;
/**
 * `show(fig)`: display a figure in a tslab notebook as ONE output carrying four representations —
 * - `application/vnd.plotly.v1+json`, drawn by JupyterLab's / VS Code's plotly renderer;
 * - `text/html`: the PNG, which a small script replaces by the interactive plotly.js figure where scripts
 *   run (the classic Notebook, JupyterLab without the plotly extension, the `npm run docs` site);
 * - `image/png` for GitHub, nbviewer and other static viewers;
 * - a text line.
 * Front ends pick the richest one they can render.
 *
 * plotly.js (`plotly.js-dist`, 10 MB) is never copied into the notebook: the HTML loads it once per page,
 * from the Jupyter server's `files/` URL of this project's `node_modules` (found from the notebook's
 * path and the kernel's working directory), or uses `window.Plotly` where the page has it already (the
 * docs site loads it in its head). Every figure waits on one shared promise, so the library is fetched
 * once per notebook, not once per figure. Where it cannot be loaded the PNG stays.
 *
 * Outside a tslab kernel (plain node, tests, the CLI) it prints the text line and renders nothing.
 */
const figure_1 = require("./figure");
const render_1 = require("./render");
const path = __importStar(require("path"));
const sharp_1 = __importDefault(require("sharp"));
const display_1 = require("../util/display");
exports.PLOTLY_MIME = 'application/vnd.plotly.v1+json';
const DEFAULTS = { width: 700, height: 450, scale: 1, png: true, html: true };
/**
 * Build the MIME bundle `show` emits. The PNG is left out, with a warning returned, when it cannot be
 * rendered (e.g. no Chromium): the interactive figure and the text still work without it.
 */
async function mimeBundle(fig, opts = {}) {
    const o = { ...DEFAULTS, ...opts };
    const themed = o.theme === null ? fig : (0, figure_1.applyTheme)(fig, o.theme ?? figure_1.notebookTheme);
    const spec = { data: themed.data, layout: themed.layout, config: themed.config ?? {} };
    const bundle = { [exports.PLOTLY_MIME]: spec, 'text/plain': (0, figure_1.describeFigure)(fig) };
    let warning;
    let png;
    if (o.png) {
        try {
            png = await smallerPng(await (0, render_1.renderFigure)(themed, { format: 'png', width: o.width, height: o.height, scale: o.scale, theme: null }));
            bundle['image/png'] = png.toString('base64');
        }
        catch (e) {
            warning = `cfcml show(): no PNG fallback, the figure will not appear in exported HTML (${e.message})`;
        }
    }
    if (o.html)
        bundle['text/html'] = figureHtml(spec, { width: o.width, height: o.height, png, alt: (0, figure_1.describeFigure)(fig) });
    return warning ? { bundle, warning } : { bundle };
}
exports.mimeBundle = mimeBundle;
/**
 * The PNG re-encoded with a 256-colour palette when that is smaller (figures are mostly flat colours:
 * typically 2–4× smaller); the original when not, or when it cannot be re-encoded.
 */
async function smallerPng(png) {
    try {
        const small = await (0, sharp_1.default)(png).png({ palette: true, quality: 100, compressionLevel: 9, effort: 8 }).toBuffer();
        return small.length < png.length ? small : png;
    }
    catch {
        return png;
    }
}
let figureCounter = 0;
/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
function scriptJson(v) {
    return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
/** Where plotly.js is, for the page's loader: relative to the kernel's working directory, and absolute. */
function plotlyLocation() {
    try {
        const abs = require.resolve('plotly.js-dist');
        return { abs, rel: path.relative(process.cwd(), abs).split(path.sep).join('/') };
    }
    catch {
        return null;
    }
}
/**
 * The page-side loader, shared by every figure of a page (`window.__cfcmlPlotly`, one promise): use
 * `window.Plotly` if present; else load the file from the Jupyter server (classic Notebook: its base URL +
 * `files/` + the notebook's folder + `rel`; JupyterLab: `files/` + `abs` below the server root). The
 * UMD bundle would register with require.js (which the classic Notebook has) instead of defining
 * `window.Plotly`, so `define` is hidden while it loads.
 */
const LOADER = `function cfcmlPlotly(loc){
if(window.Plotly)return Promise.resolve(window.Plotly);
if(window.__cfcmlPlotly)return window.__cfcmlPlotly;
var urls=[];if(window.cfcmlPlotlyUrl)urls.push(window.cfcmlPlotlyUrl);
var b=document.body&&document.body.dataset||{};
if(loc&&b.notebookPath!==undefined){var base=(b.baseUrl||'/').replace(/\\/?$/,'/');
var parts=b.notebookPath.split('/').slice(0,-1).concat(loc.rel.split('/')),out=[];
parts.forEach(function(p){if(p==='..')out.pop();else if(p&&p!=='.')out.push(p);});
urls.push(base+'files/'+out.map(encodeURIComponent).join('/'));}
var cfg=document.getElementById('jupyter-config-data');
if(loc&&cfg){try{var c=JSON.parse(cfg.textContent);var root=(c.serverRoot||'').replace(/\\/$/,'');
if(root&&loc.abs.indexOf(root+'/')===0)urls.push((c.baseUrl||'/').replace(/\\/?$/,'/')+'files/'+loc.abs.slice(root.length+1).split('/').map(encodeURIComponent).join('/'));}catch(e){}}
window.__cfcmlPlotly=urls.reduce(function(p,u){return p.catch(function(){return new Promise(function(ok,fail){
var d=window.define;window.define=undefined;var s=document.createElement('script');s.charset='utf-8';s.src=u;
s.onload=function(){window.define=d;window.Plotly?ok(window.Plotly):fail(new Error('no Plotly in '+u));};
s.onerror=function(){window.define=d;fail(new Error('cannot load '+u));};document.head.appendChild(s);});});},
Promise.reject(new Error('no plotly.js source')));
window.__cfcmlPlotly.catch(function(){window.__cfcmlPlotly=null;});
return window.__cfcmlPlotly;}`;
/**
 * The `text/html` representation: a box holding the PNG (or a note), and a script that replaces its
 * content with the interactive figure once plotly.js is available.
 */
function figureHtml(spec, o) {
    const id = `cfcml-fig-${process.pid}-${Date.now().toString(36)}-${++figureCounter}`;
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const inner = o.png
        ? `<img src="data:image/png;base64,${o.png.toString('base64')}" width="${o.width}" height="${o.height}" alt="${esc(o.alt)}" style="max-width:100%;height:auto">`
        : `<p>${esc(o.alt)}</p>`;
    return (`<div class="cfcml-figure" id="${id}" style="width:${o.width}px;max-width:100%;min-height:${o.height}px">${inner}</div>\n` +
        `<script type="text/javascript">(function(){${LOADER}\n` +
        `var el=document.getElementById(${JSON.stringify(id)});if(!el)return;var spec=${scriptJson(spec)};` +
        `cfcmlPlotly(${scriptJson(plotlyLocation())}).then(function(P){var lay=Object.assign({},spec.layout,{height:${o.height}});` +
        `el.innerHTML='';el.style.minHeight='';return P.newPlot(el,spec.data,lay,spec.config);})` +
        `.catch(function(e){el.setAttribute('data-cfcml-static',String(e&&e.message||e));});})();</script>`);
}
exports.figureHtml = figureHtml;
/**
 * Show a figure. In a tslab kernel: one output with the plotly JSON, a PNG fallback and text. Elsewhere:
 * prints a one-line summary. Never throws for want of a kernel or a browser. `await` it in notebooks so
 * the output lands in the cell that asked for it.
 */
async function show(fig, opts = {}) {
    if (opts.save) {
        const { width, height } = { ...DEFAULTS, ...opts };
        await (0, render_1.saveFigure)(fig, opts.save, { formats: ['png', 'svg'], width, height });
    }
    if (!(0, display_1.inNotebook)()) {
        console.log((0, figure_1.describeFigure)(fig));
        return;
    }
    const { bundle, warning } = await mimeBundle(fig, opts);
    if (warning)
        console.warn(warning);
    (0, display_1.displayBundle)(bundle);
}
exports.show = show;
//# sourceMappingURL=show.js.map