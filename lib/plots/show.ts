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
import { Figure, Theme, applyTheme, describeFigure, notebookTheme } from './figure';
import { renderFigure, saveFigure } from './render';
import * as path from 'path';
import sharp from 'sharp';
import { displayBundle, inNotebook, type MimeBundle as DisplayBundle } from '../util/display';

export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/** A Jupyter MIME bundle: MIME type → payload (JSON types as objects, binary types base64). */
export type MimeBundle = Record<string, unknown>;

export interface ShowOptions {
  /** PNG fallback width in CSS px. Default 700 (fits a notebook column). */
  width?: number;
  /** PNG fallback height in CSS px. Default 450. */
  height?: number;
  /** PNG pixel multiplier. Default 1: the fallback is a preview, and notebooks store it inline. */
  scale?: number;
  /** Theme for both the interactive and the PNG figure; `null` shows the figure as it is. Default `notebookTheme`. */
  theme?: Theme | null;
  /** Include the PNG fallback. Default true; false skips the browser entirely. */
  png?: boolean;
  /** Include the `text/html` representation (interactive in the classic Notebook and the docs site). Default true. */
  html?: boolean;
  /**
   * Also write the figure to `<save>.png` and `<save>.svg` (paper theme, the same width and height) with
   * `saveFigure`, so a notebook cell shows and saves a figure in one call and prints nothing else.
   */
  save?: string;
}

const DEFAULTS = { width: 700, height: 450, scale: 1, png: true, html: true };

/**
 * Build the MIME bundle `show` emits. The PNG is left out, with a warning returned, when it cannot be
 * rendered (e.g. no Chromium): the interactive figure and the text still work without it.
 */
export async function mimeBundle(fig: Figure, opts: ShowOptions = {}): Promise<{ bundle: MimeBundle; warning?: string }> {
  const o = { ...DEFAULTS, ...opts };
  const themed = o.theme === null ? fig : applyTheme(fig, o.theme ?? notebookTheme);
  const spec = { data: themed.data, layout: themed.layout, config: themed.config ?? {} };
  const bundle: MimeBundle = { [PLOTLY_MIME]: spec, 'text/plain': describeFigure(fig) };
  let warning: string | undefined;
  let png: Buffer | undefined;
  if (o.png) {
    try {
      png = await smallerPng(await renderFigure(themed, { format: 'png', width: o.width, height: o.height, scale: o.scale, theme: null }));
      bundle['image/png'] = png.toString('base64');
    } catch (e) {
      warning = `cfcml show(): no PNG fallback, the figure will not appear in exported HTML (${(e as Error).message})`;
    }
  }
  if (o.html) bundle['text/html'] = figureHtml(spec, { width: o.width, height: o.height, png, alt: describeFigure(fig) });
  return warning ? { bundle, warning } : { bundle };
}

/**
 * The PNG re-encoded with a 256-colour palette when that is smaller (figures are mostly flat colours:
 * typically 2–4× smaller); the original when not, or when it cannot be re-encoded.
 */
async function smallerPng(png: Buffer): Promise<Buffer> {
  try {
    const small = await sharp(png).png({ palette: true, quality: 100, compressionLevel: 9, effort: 8 }).toBuffer();
    return small.length < png.length ? small : png;
  } catch {
    return png;
  }
}

let figureCounter = 0;

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Where plotly.js is, for the page's loader: relative to the kernel's working directory, and absolute. */
function plotlyLocation(): { rel: string; abs: string } | null {
  try {
    const abs = require.resolve('plotly.js-dist');
    return { abs, rel: path.relative(process.cwd(), abs).split(path.sep).join('/') };
  } catch {
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
export function figureHtml(spec: { data: unknown; layout: unknown; config: unknown }, o: { width: number; height: number; png?: Buffer; alt: string }): string {
  const id = `cfcml-fig-${process.pid}-${Date.now().toString(36)}-${++figureCounter}`;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const inner = o.png
    ? `<img src="data:image/png;base64,${o.png.toString('base64')}" width="${o.width}" height="${o.height}" alt="${esc(o.alt)}" style="max-width:100%;height:auto">`
    : `<p>${esc(o.alt)}</p>`;
  return (
    `<div class="cfcml-figure" id="${id}" style="width:${o.width}px;max-width:100%;min-height:${o.height}px">${inner}</div>\n` +
    `<script type="text/javascript">(function(){${LOADER}\n` +
    `var el=document.getElementById(${JSON.stringify(id)});if(!el)return;var spec=${scriptJson(spec)};` +
    `cfcmlPlotly(${scriptJson(plotlyLocation())}).then(function(P){var lay=Object.assign({},spec.layout,{height:${o.height}});` +
    `el.innerHTML='';el.style.minHeight='';return P.newPlot(el,spec.data,lay,spec.config);})` +
    `.catch(function(e){el.setAttribute('data-cfcml-static',String(e&&e.message||e));});})();</script>`
  );
}

/**
 * Show a figure. In a tslab kernel: one output with the plotly JSON, a PNG fallback and text. Elsewhere:
 * prints a one-line summary. Never throws for want of a kernel or a browser. `await` it in notebooks so
 * the output lands in the cell that asked for it.
 */
export async function show(fig: Figure, opts: ShowOptions = {}): Promise<void> {
  if (opts.save) {
    const { width, height } = { ...DEFAULTS, ...opts };
    await saveFigure(fig, opts.save, { formats: ['png', 'svg'], width, height });
  }
  if (!inNotebook()) {
    console.log(describeFigure(fig));
    return;
  }
  const { bundle, warning } = await mimeBundle(fig, opts);
  if (warning) console.warn(warning);
  displayBundle(bundle as DisplayBundle);
}
