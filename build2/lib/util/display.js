"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.displayPng = exports.displayMarkdown = exports.displayHtml = exports.displayBundle = exports.inNotebook = void 0;
function kernelWriter() {
    for (const [file, mod] of Object.entries(require.cache)) {
        if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file))
            continue;
        const w = mod?.exports?.lastWriteDisplayData;
        if (typeof w === 'function')
            return w;
    }
    return null;
}
/** True inside a tslab kernel: tslab sets `globalThis.__tslab__` before running any cell. */
function inNotebook() {
    return typeof globalThis.__tslab__ === 'object';
}
exports.inNotebook = inNotebook;
/** The kernel's own `tslab` display, via the kernel's hooked require (fallback only). */
function kernelTslabDisplay() {
    try {
        const req = globalThis.__tslab__.require;
        return req('tslab').display ?? null;
    }
    catch {
        return null;
    }
}
/**
 * Show one output with several representations. Outside a kernel it prints the `text/plain` entry and
 * returns false. If tslab's internals move, it falls back to the public API (one output per type).
 */
function displayBundle(bundle, target = {}) {
    const text = typeof bundle['text/plain'] === 'string' ? bundle['text/plain'] : '';
    if (!inNotebook()) {
        if (text)
            console.log(text);
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
        if (text)
            console.log(text);
        return false;
    }
    for (const type of rich) {
        const v = bundle[type];
        display.raw(type, type.startsWith('image/') && type !== 'image/svg+xml' && typeof v === 'string' ? Buffer.from(v, 'base64') : v);
    }
    return true;
}
exports.displayBundle = displayBundle;
/** Show HTML (with a text fallback). */
function displayHtml(html, text = '') {
    return displayBundle({ 'text/html': html, 'text/plain': text || html.replace(/<[^>]+>/g, '') });
}
exports.displayHtml = displayHtml;
/** Show Markdown (with itself as text). */
function displayMarkdown(md) {
    return displayBundle({ 'text/markdown': md, 'text/plain': md });
}
exports.displayMarkdown = displayMarkdown;
/** Show a PNG image (bytes), with a text description. */
function displayPng(png, text = '[image]') {
    return displayBundle({ 'image/png': Buffer.from(png).toString('base64'), 'text/plain': text });
}
exports.displayPng = displayPng;
//# sourceMappingURL=display.js.map