/**
 * Rich output for tslab notebooks that degrades to text elsewhere (plain node, the CLI, tests).
 *
 * tslab's public `display.raw(type, data)` sends one MIME type per output; `displayBundle` sends one
 * display_data carrying several (e.g. plotly JSON + PNG + text), through the same kernel hook tslab's own
 * display uses. Outside a tslab kernel it prints the `text/plain` entry.
 */
type Bundle = Record<string, string | object>;

interface TslabJupyter {
  lastWriteDisplayData: ((msg: { data: Bundle; metadata: object; transient: object }, update: boolean) => void) | null;
}

function kernelHook(): TslabJupyter | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const j = require('tslab/dist/jupyter') as TslabJupyter;
    return j && typeof j.lastWriteDisplayData === 'function' ? j : null;
  } catch {
    return null;
  }
}

/** True when running inside a tslab kernel that can show rich output. */
export function inNotebook(): boolean {
  return kernelHook() !== null;
}

/** Show one output with several representations; returns false (and prints text) outside a kernel. */
export function displayBundle(bundle: Bundle): boolean {
  const hook = kernelHook();
  if (!hook) {
    const text = bundle['text/plain'];
    if (typeof text === 'string') console.log(text);
    return false;
  }
  hook.lastWriteDisplayData!({ data: bundle, metadata: {}, transient: {} }, false);
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
