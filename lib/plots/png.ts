/**
 * PNG encoding for figures, through pngjs (synchronous, so figure builders stay plain functions): images go
 * into plotly figures as compressed `data:image/png` sources instead of pixel arrays — a 96×96 RGB tile is
 * ~27 kB as JSON numbers and ~5–15 kB as a PNG data URI.
 */
import { PNG } from 'pngjs';
import { check } from '../util/errors';

/**
 * Encode 8-bit pixels, interleaved row-major (`pixels[(y * width + x) * channels + c]`), as a PNG.
 * `channels` 1 (grey) or 3 (RGB).
 */
export function encodePng(pixels: Uint8Array, width: number, height: number, channels: 1 | 3): Buffer {
  const where = 'encodePng';
  check(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0, `size must be positive integers, got ${width}×${height}`, where);
  check(pixels.length === width * height * channels, `${pixels.length} bytes for ${width}×${height}×${channels}`, where);
  const png = new PNG({ width, height });
  png.data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const colorType = channels === 3 ? 2 : 0; // truecolour or greyscale, 8 bits, no alpha
  return PNG.sync.write(png, { colorType, inputColorType: colorType, inputHasAlpha: false, deflateLevel: 9 });
}

/** A PNG as a `data:` URI, for plotly's image `source` and layout images. */
export function pngDataUri(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}
