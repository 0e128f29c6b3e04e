/**
 * Render figures to PNG / SVG / PDF with plotly.js in headless Chromium (playwright-core driving the
 * system Chromium; no browser download, no network).
 *
 * One browser per process, launched on the first render and reused. It never keeps the process alive
 * while idle: between renders its child process and pipes are unref'd, so a CLI exits when its work is
 * done ('beforeExit' then closes the browser cleanly) and a notebook kernel can be shut down. It is also
 * killed on 'exit', and `closeRenderer()` closes it on demand (a later render launches a new one).
 */
import * as fs from 'fs';
import type { ChildProcess } from 'child_process';
import type { Browser, Page } from 'playwright-core';
import { CfcmlError, assertNever } from '../util/errors';
import { writeFileAtomic } from '../util/fs';
import { Figure, Theme, applyTheme, paperTheme } from './figure';

export type ImageFormat = 'png' | 'svg' | 'pdf';

export interface RenderOptions {
  /** Output format. Default `'png'`. */
  format?: ImageFormat;
  /** Width in CSS px. Default 600. */
  width?: number;
  /** Height in CSS px. Default 400. */
  height?: number;
  /** Pixel multiplier: a PNG is `width*scale × height*scale` px. Default 2 (print resolution at 300 dpi for ~4 in wide). */
  scale?: number;
  /** Theme applied before rendering; `null` renders the figure as it is. Default `paperTheme`. */
  theme?: Theme | null;
}

export interface SaveFigureOptions extends Omit<RenderOptions, 'format'> {
  /** Formats to write, one file each. Default `['png', 'svg']`. */
  formats?: ImageFormat[];
}

const DEFAULTS = { format: 'png' as ImageFormat, width: 600, height: 400, scale: 2 };

/** Debian's path; `CFCML_CHROMIUM` overrides it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

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

interface Renderer {
  browser: Browser;
  page: Page; // holds plotly.js; reused for every png/svg
  child?: ChildProcess;
}

let renderer: Promise<Renderer> | null = null;
/** The launched renderer `renderer` resolved to, once it has. */
let active: Renderer | null = null;
let queue: Promise<unknown> = Promise.resolve();
let inFlight = 0;
let launches = 0;
let hooksInstalled = false;
/** The open browser's process, for the synchronous 'exit' hook, which cannot await `renderer`. */
let currentChild: ChildProcess | undefined;

/** How many browsers this process has launched, and whether one is open now (for tests and logs). */
export function rendererStats(): { launches: number; open: boolean; pid?: number } {
  return { launches, open: renderer !== null, pid: currentChild?.pid };
}

/** The Chromium binary to use: `$CFCML_CHROMIUM`, else `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.CFCML_CHROMIUM || DEFAULT_CHROMIUM;
}

function missingChromium(path: string, cause?: unknown): CfcmlError {
  const what = fs.existsSync(path) ? 'failed to start' : 'not found';
  return new CfcmlError(
    `Chromium ${what} at ${path}: figures are rendered with headless Chromium. ` +
      `Install it with \`apt-get install chromium\` (gives ${DEFAULT_CHROMIUM}) or set CFCML_CHROMIUM to a Chrome/Chromium binary`, {
    where: 'plots/render',
    hint: `install it with \`apt-get install chromium\` (Debian/Ubuntu; provides ${DEFAULT_CHROMIUM}), or point CFCML_CHROMIUM at a Chrome/Chromium binary`,
    cause,
  });
}

/** Node's list of live handles (undocumented but stable since v0.x); used to find the browser process. */
function activeHandles(): unknown[] {
  const get = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles;
  return typeof get === 'function' ? get.call(process) : [];
}

/** Keep (or stop keeping) the event loop alive on account of the browser's process and pipes. */
function setRef(child: ChildProcess | undefined, ref: boolean): void {
  if (!child) return;
  // stdio entries are net.Sockets (pipes) at run time, though typed as plain streams.
  const handles = [child, ...child.stdio] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
  for (const h of handles) (ref ? h?.ref : h?.unref)?.call(h);
}

async function launch(): Promise<Renderer> {
  const path = chromiumPath();
  if (!fs.existsSync(path)) throw missingChromium(path);
  // Lazy: a notebook that never renders an image never loads playwright.
  const { chromium } = await import('playwright-core');
  const before = new Set(activeHandles());
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
  } catch (e) {
    throw missingChromium(path, e);
  }
  launches++;
  const child = activeHandles().find(
    (h): h is ChildProcess => !before.has(h) && (h as ChildProcess).constructor?.name === 'ChildProcess' && (h as ChildProcess).spawnfile === path,
  );
  currentChild = child;
  installExitHooks();
  try {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
    // plotly.js from node_modules, injected as a file: nothing is fetched.
    await page.addScriptTag({ path: require.resolve('plotly.js-dist') });
    const r: Renderer = { browser, page, child };
    // A crashed or killed browser is forgotten, so the next render launches a new one instead of failing.
    browser.on('disconnected', () => forget(r));
    page.on('crash', () => forget(r));
    active = r;
    return r;
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw new CfcmlError(`could not load plotly.js into the headless browser: ${(e as Error).message}`, { where: 'plots/render', cause: e });
  }
}

function forget(r: Renderer): void {
  if (active !== r) return;
  active = null;
  renderer = null;
  currentChild = undefined;
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Reached only once nothing else keeps the loop alive (the browser is unref'd when idle).
  process.on('beforeExit', () => {
    if (renderer) void closeRenderer();
  });
  // Last resort on process.exit(): 'exit' handlers must be synchronous, so kill rather than close.
  process.on('exit', () => {
    if (currentChild && currentChild.exitCode === null) currentChild.kill('SIGKILL');
  });
}

/** Run `fn` with the (possibly new) browser, one render at a time, keeping the process alive meanwhile. */
function withRenderer<T>(fn: (r: Renderer) => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    if (!renderer) {
      renderer = launch();
      renderer.catch(() => {
        renderer = null; // a failed launch is retried on the next render
      });
    }
    const r = await renderer;
    if (inFlight++ === 0) setRef(r.child, true);
    try {
      return await fn(r);
    } finally {
      if (--inFlight === 0) {
        setRef(r.child, false);
        // Without the child's handles to unref (Node internals changed), the open browser would keep a
        // CLI alive forever; close it when idle instead.
        if (!r.child) setTimeout(() => inFlight === 0 && void closeRenderer(), 1000);
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
export function closeRenderer(): Promise<void> {
  const result = queue.then(closeNow, closeNow);
  queue = result.catch(() => undefined);
  return result;
}

async function closeNow(): Promise<void> {
  const r = renderer;
  renderer = null;
  active = null;
  currentChild = undefined;
  if (!r) return;
  const opened = await r.catch(() => null);
  if (!opened) return;
  setRef(opened.child, true); // keep the loop alive until the close completes
  await opened.browser.close().catch(() => undefined);
}

/**
 * Render a figure to image bytes: PNG (`width*scale × height*scale` px), SVG (text, `width*scale` ×
 * `height*scale` with a `width × height` viewBox) or PDF (one `width × height` CSS-px page, vector).
 */
export async function renderFigure(fig: Figure, opts: RenderOptions = {}): Promise<Buffer> {
  const { format, width, height, scale } = { ...DEFAULTS, ...opts };
  const themed = opts.theme === null ? fig : applyTheme(fig, opts.theme ?? paperTheme);
  const where = 'renderFigure';
  for (const [k, v] of Object.entries({ width, height, scale })) {
    if (!(Number.isFinite(v) && v > 0)) throw new CfcmlError(`${k} must be a positive number, got ${v}`, { where });
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
          await pdfPage.setContent(
            `<!DOCTYPE html><html><head><style>@page{margin:0}html,body{margin:0;padding:0}svg{display:block}</style></head><body>${svg}</body></html>`,
          );
          return await pdfPage.pdf({ width: `${width}px`, height: `${height}px`, printBackground: true, pageRanges: '1' });
        } finally {
          await pdfPage.close();
        }
      });
    default:
      return assertNever(format, 'format');
  }
}

async function toImage(page: Page, spec: object, format: 'png' | 'svg', width: number, height: number, scale: number): Promise<string> {
  try {
    return await page.evaluate(
      // Runs in the browser, where plotly.js defined the global `Plotly`.
      ([s, o]) => (globalThis as unknown as { Plotly: { toImage(f: object, o: object): Promise<string> } }).Plotly.toImage(s, o),
      [spec, { format, width, height, scale }] as const,
    );
  } catch (e) {
    throw new CfcmlError(`plotly could not render the figure: ${(e as Error).message.split('\n')[0]}`, { where: 'renderFigure', cause: e });
  }
}

/**
 * Render and write `fig` once per format, to `<pathWithoutExt>.<format>`, each written atomically
 * (temp file + rename). Folders are created. Returns the written paths, in `formats` order.
 */
export async function saveFigure(fig: Figure, pathWithoutExt: string, opts: SaveFigureOptions = {}): Promise<string[]> {
  const formats = opts.formats ?? ['png', 'svg'];
  const written: string[] = [];
  for (const format of formats) {
    const bytes = await renderFigure(fig, { ...opts, format });
    const file = `${pathWithoutExt}.${format}`;
    writeFileAtomic(file, bytes);
    written.push(file);
  }
  return written;
}
