/**
 * `show(fig)`: display a figure in a tslab notebook as ONE output carrying three representations —
 * the plotly JSON (`application/vnd.plotly.v1+json`, drawn interactively by JupyterLab), a PNG (for
 * exported HTML, GitHub and nbviewer, which cannot run plotly) and a text line. Front ends pick the
 * richest one they can render.
 *
 * Outside a tslab kernel (plain node, tests, the CLI) it prints the text line and renders nothing.
 */
import { Figure, Theme, applyTheme, describeFigure, notebookTheme } from './figure';
import { renderFigure } from './render';
import { displayBundle, inNotebook, type MimeBundle as DisplayBundle } from '../notebook/display';

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
}

const DEFAULTS = { width: 700, height: 450, scale: 1, png: true };

/**
 * Build the MIME bundle `show` emits. The PNG is left out, with a warning returned, when it cannot be
 * rendered (e.g. no Chromium): the interactive figure and the text still work without it.
 */
export async function mimeBundle(fig: Figure, opts: ShowOptions = {}): Promise<{ bundle: MimeBundle; warning?: string }> {
  const o = { ...DEFAULTS, ...opts };
  const themed = o.theme === null ? fig : applyTheme(fig, o.theme ?? notebookTheme);
  const bundle: MimeBundle = {
    [PLOTLY_MIME]: { data: themed.data, layout: themed.layout, config: themed.config ?? {} },
    'text/plain': describeFigure(fig),
  };
  if (!o.png) return { bundle };
  try {
    const png = await renderFigure(themed, { format: 'png', width: o.width, height: o.height, scale: o.scale, theme: null });
    bundle['image/png'] = png.toString('base64');
    return { bundle };
  } catch (e) {
    return { bundle, warning: `cfcml show(): no PNG fallback, the figure will not appear in exported HTML (${(e as Error).message})` };
  }
}

/**
 * Show a figure. In a tslab kernel: one output with the plotly JSON, a PNG fallback and text. Elsewhere:
 * prints a one-line summary. Never throws for want of a kernel or a browser. `await` it in notebooks so
 * the output lands in the cell that asked for it.
 */
export async function show(fig: Figure, opts: ShowOptions = {}): Promise<void> {
  if (!inNotebook()) {
    console.log(describeFigure(fig));
    return;
  }
  const { bundle, warning } = await mimeBundle(fig, opts);
  if (warning) console.warn(warning);
  displayBundle(bundle as DisplayBundle);
}
