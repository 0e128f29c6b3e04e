/// <reference types="node" />
/// <reference types="node" />
import type { Rng } from '../util/random';
/**
 * Small raster helpers for the synthetic generators: a float RGB canvas, smooth value noise, soft discs and
 * thick segments, and JPEG encoding through sharp (which also does the blur of the clinical photos).
 * Loops here are per pixel on purpose: they *draw* the pictures, once, at generation time.
 */
/** An RGB image, float values in [0, 1], row-major [H, W, 3]. */
export declare class Canvas {
    readonly width: number;
    readonly height: number;
    readonly data: Float32Array;
    constructor(width: number, height: number);
    /** Blend colour `rgb` into pixel (x, y) with opacity `a`. */
    blend(x: number, y: number, rgb: readonly number[], a: number): void;
    /** Multiply pixel (x, y) by `f` (darken when f < 1). */
    scale(x: number, y: number, f: number): void;
    /** A soft-edged disc of radius r (pixels) centred at (cx, cy). */
    disc(cx: number, cy: number, r: number, rgb: readonly number[], alpha: number): void;
    /** A thick segment from (x0, y0) to (x1, y1), width w pixels, soft edge. */
    segment(x0: number, y0: number, x1: number, y1: number, w: number, rgb: readonly number[], alpha: number): void;
    /** 8-bit interleaved RGB. */
    toUint8(): Buffer;
}
/**
 * Smooth 2D value noise on a `cells`×`cells` lattice over [-extent, extent]², bilinear with a smoothstep;
 * returns values in about [-1, 1]. Sampled outside the extent it wraps, so it is defined everywhere.
 */
export declare class ValueNoise {
    private readonly cells;
    private readonly extent;
    private readonly grid;
    constructor(rng: Rng, cells: number, extent: number);
    at(u: number, v: number): number;
}
export declare function clamp(x: number, lo: number, hi: number): number;
export declare function sigmoid(x: number): number;
export declare function smoothstep(e0: number, e1: number, x: number): number;
/** Encode a canvas as JPEG, optionally blurred first (Gaussian, sigma in pixels). */
export declare function canvasToJpeg(c: Canvas, opts?: {
    blur?: number;
    quality?: number;
}): Promise<Buffer>;
