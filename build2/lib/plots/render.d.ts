/// <reference types="node" />
/// <reference types="node" />
import { Figure, Theme } from './figure';
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
/** Debian's path; `CFCML_CHROMIUM` overrides it. */
export declare const DEFAULT_CHROMIUM = "/usr/bin/chromium";
/** How many browsers this process has launched, and whether one is open now (for tests and logs). */
export declare function rendererStats(): {
    launches: number;
    open: boolean;
    pid?: number;
};
/** The Chromium binary to use: `$CFCML_CHROMIUM`, else `/usr/bin/chromium`. */
export declare function chromiumPath(): string;
/**
 * Close the browser once the renders already asked for have finished. Safe to call when none is open;
 * a later render launches a new one.
 */
export declare function closeRenderer(): Promise<void>;
/**
 * Render a figure to image bytes: PNG (`width*scale × height*scale` px), SVG (text, `width*scale` ×
 * `height*scale` with a `width × height` viewBox) or PDF (one `width × height` CSS-px page, vector).
 */
export declare function renderFigure(fig: Figure, opts?: RenderOptions): Promise<Buffer>;
/**
 * Render and write `fig` once per format, to `<pathWithoutExt>.<format>`, each written atomically
 * (temp file + rename). Folders are created. Returns the written paths, in `formats` order.
 */
export declare function saveFigure(fig: Figure, pathWithoutExt: string, opts?: SaveFigureOptions): Promise<string[]>;
