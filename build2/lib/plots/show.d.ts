/// <reference types="node" />
/// <reference types="node" />
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
import { Figure, Theme } from './figure';
export declare const PLOTLY_MIME = "application/vnd.plotly.v1+json";
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
/**
 * Build the MIME bundle `show` emits. The PNG is left out, with a warning returned, when it cannot be
 * rendered (e.g. no Chromium): the interactive figure and the text still work without it.
 */
export declare function mimeBundle(fig: Figure, opts?: ShowOptions): Promise<{
    bundle: MimeBundle;
    warning?: string;
}>;
/**
 * The `text/html` representation: a box holding the PNG (or a note), and a script that replaces its
 * content with the interactive figure once plotly.js is available.
 */
export declare function figureHtml(spec: {
    data: unknown;
    layout: unknown;
    config: unknown;
}, o: {
    width: number;
    height: number;
    png?: Buffer;
    alt: string;
}): string;
/**
 * Show a figure. In a tslab kernel: one output with the plotly JSON, a PNG fallback and text. Elsewhere:
 * prints a one-line summary. Never throws for want of a kernel or a browser. `await` it in notebooks so
 * the output lands in the cell that asked for it.
 */
export declare function show(fig: Figure, opts?: ShowOptions): Promise<void>;
