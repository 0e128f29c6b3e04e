/// <reference types="node" />
/// <reference types="node" />
/**
 * Encode 8-bit pixels, interleaved row-major (`pixels[(y * width + x) * channels + c]`), as a PNG.
 * `channels` 1 (grey) or 3 (RGB).
 */
export declare function encodePng(pixels: Uint8Array, width: number, height: number, channels: 1 | 3): Buffer;
/** A PNG as a `data:` URI, for plotly's image `source` and layout images. */
export declare function pngDataUri(png: Uint8Array): string;
