"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.pngDataUri = exports.encodePng = void 0;
/**
 * A small synchronous PNG encoder (8-bit RGB or grey, zlib from Node), so that figure builders can put
 * images into plotly figures as compressed `data:image/png` sources instead of pixel arrays: a 96×96
 * RGB tile is ~27 kB as JSON numbers and ~5–15 kB as a PNG data URI.
 *
 * Each row gets the PNG filter (None, Sub, Up, Average, Paeth) with the smallest sum of absolute
 * differences, the usual heuristic (libpng's default), which compresses smooth images well.
 */
const zlib = __importStar(require("zlib"));
const errors_1 = require("../util/errors");
const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        t[n] = c >>> 0;
    }
    return t;
})();
function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i++)
        c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    out.set(data, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
}
function paeth(a, b, c) {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
/**
 * Encode 8-bit pixels, interleaved row-major (`pixels[(y * width + x) * channels + c]`), as a PNG.
 * `channels` 1 (grey) or 3 (RGB).
 */
function encodePng(pixels, width, height, channels) {
    const where = 'encodePng';
    (0, errors_1.check)(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0, `size must be positive integers, got ${width}×${height}`, where);
    (0, errors_1.check)(pixels.length === width * height * channels, `${pixels.length} bytes for ${width}×${height}×${channels}`, where);
    const stride = width * channels;
    const raw = new Uint8Array((stride + 1) * height);
    const candidate = new Uint8Array(stride);
    const best = new Uint8Array(stride);
    for (let y = 0; y < height; y++) {
        const row = pixels.subarray(y * stride, (y + 1) * stride);
        const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
        let bestFilter = 0;
        let bestCost = Infinity;
        for (let f = 0; f < 5; f++) {
            let cost = 0;
            for (let i = 0; i < stride; i++) {
                const a = i >= channels ? row[i - channels] : 0;
                const b = prev ? prev[i] : 0;
                const c = prev && i >= channels ? prev[i - channels] : 0;
                const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
                const v = (row[i] - pred) & 0xff;
                candidate[i] = v;
                cost += v < 128 ? v : 256 - v;
            }
            if (cost < bestCost) {
                bestCost = cost;
                bestFilter = f;
                best.set(candidate);
            }
        }
        raw[y * (stride + 1)] = bestFilter;
        raw.set(best, y * (stride + 1) + 1);
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = channels === 3 ? 2 : 0; // colour type: truecolour or greyscale
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', ihdr),
        chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
        chunk('IEND', new Uint8Array(0)),
    ]);
}
exports.encodePng = encodePng;
/** A PNG as a `data:` URI, for plotly's image `source` and layout images. */
function pngDataUri(png) {
    return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}
exports.pngDataUri = pngDataUri;
//# sourceMappingURL=png.js.map