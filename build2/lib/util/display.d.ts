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
/** True inside a tslab kernel: tslab sets `globalThis.__tslab__` before running any cell. */
export declare function inNotebook(): boolean;
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
export declare function displayBundle(bundle: MimeBundle, target?: DisplayTarget): boolean;
/** Show HTML (with a text fallback). */
export declare function displayHtml(html: string, text?: string): boolean;
/** Show Markdown (with itself as text). */
export declare function displayMarkdown(md: string): boolean;
/** Show a PNG image (bytes), with a text description. */
export declare function displayPng(png: Uint8Array, text?: string): boolean;
