/**
 * Rich output for tslab notebooks that degrades to text elsewhere (plain node, the CLI, tests).
 *
 * tslab's public `display.raw(type, payload)` sends one MIME type per output, so a figure with plotly
 * JSON + PNG + text would show three times. Its kernel keeps the function that sends a whole bundle as
 * `lastWriteDisplayData` in `tslab/dist/jupyter.js` (set at each cell execution); `displayBundle` uses
 * it. The kernel may run a tslab installed elsewhere (global) than ours, so the module is looked up among
 * those already loaded rather than required by name — plain node never loads tslab.
 */
export type MimeBundle = Record<string, string | object>;

type WriteDisplayData = (msg: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

interface TslabDisplay {
  raw(contentType: string, b: string | Uint8Array): void;
}

function kernelWriter(): WriteDisplayData | null {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) continue;
    const w = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof w === 'function') return w as WriteDisplayData;
  }
  return null;
}

/** True inside a tslab kernel: tslab sets `globalThis.__tslab__` before running any cell. */
export function inNotebook(): boolean {
  return typeof (globalThis as { __tslab__?: unknown }).__tslab__ === 'object';
}

/** The kernel's own `tslab` display, via the kernel's hooked require (fallback only). */
function kernelTslabDisplay(): TslabDisplay | null {
  try {
    const req = (globalThis as unknown as { __tslab__: { require(id: string): { display?: TslabDisplay } } }).__tslab__.require;
    return req('tslab').display ?? null;
  } catch {
    return null;
  }
}

export interface DisplayTarget {
  /**
   * Jupyter display id: outputs sent with the same id are one output, which `update: true` replaces in
   * place (`update_display_data`) instead of adding a new one.
   */
  displayId?: string;
  /** Replace the output shown earlier with `displayId`. */
  update?: boolean;
}

/**
 * Show one output with several representations. Outside a kernel it prints the `text/plain` entry and
 * returns false. If tslab's internals move, it falls back to the public API (one output per type).
 */
export function displayBundle(bundle: MimeBundle, target: DisplayTarget = {}): boolean {
  const text = typeof bundle['text/plain'] === 'string' ? (bundle['text/plain'] as string) : '';
  if (!inNotebook()) {
    if (text) console.log(text);
    return false;
  }
  const write = kernelWriter();
  if (write) {
    write({ data: bundle, metadata: {}, transient: target.displayId ? { display_id: target.displayId } : {} }, !!(target.update && target.displayId));
    return true;
  }
  const display = kernelTslabDisplay();
  const rich = Object.keys(bundle).filter((k) => k !== 'text/plain');
  if (!display || rich.length === 0) {
    if (text) console.log(text);
    return false;
  }
  for (const type of rich) {
    const v = bundle[type];
    display.raw(type, type.startsWith('image/') && type !== 'image/svg+xml' && typeof v === 'string' ? Buffer.from(v, 'base64') : (v as string));
  }
  return true;
}

/** Show HTML (with a text fallback). */
export function displayHtml(html: string, text = ''): boolean {
  return displayBundle({ 'text/html': html, 'text/plain': text || html.replace(/<[^>]+>/g, '') });
}

/** Show Markdown (with itself as text). */
export function displayMarkdown(md: string): boolean {
  return displayBundle({ 'text/markdown': md, 'text/plain': md });
}

/** Show a PNG image (bytes), with a text description. */
export function displayPng(png: Uint8Array, text = '[image]'): boolean {
  return displayBundle({ 'image/png': Buffer.from(png).toString('base64'), 'text/plain': text });
}
