import type { Rng } from '../util/random';
import { Canvas, ValueNoise } from './raster';
/**
 * Drawing a synthetic pigmented lesion. A `Lesion` (in lesion coordinates, radius ≈ 1) says what is drawn —
 * the body's shape and pigment, the network, fine marks and translucent patches; a `View` says where and at
 * what magnification, on which skin, under which light. derm7ptRender.ts builds both from a case's
 * findings, so the checklist columns of meta.csv describe the pictures.
 */
/** The darkest pigment: where a body's pigment density exceeds 1, its colour goes towards this. */
export declare const BLACK: number[];
export interface Spot {
    u: number;
    v: number;
    r: number;
    col: readonly number[];
    a: number;
}
export interface Stroke {
    u0: number;
    v0: number;
    u1: number;
    v1: number;
    w: number;
    col: readonly number[];
    a: number;
}
export interface Lesion {
    /** Boundary radius multiplier sampled at 64 angles. */
    boundary: Float32Array;
    edge: number;
    light: number[];
    dark: number[];
    variegation: number;
    centralDark: number;
    blotches: Spot[];
    network: 'absent' | 'typical' | 'atypical';
    netFreq: number;
    netWarp: number;
    /** Fine marks drawn after the body: dots, streaks, vessels, peppering. */
    spots: Spot[];
    strokes: Stroke[];
    /** Large translucent patches: veil, regression areas. */
    patches: Spot[];
    noise: ValueNoise;
    warp: ValueNoise;
    netNoise: ValueNoise;
    size: number;
}
/** How a lesion is placed in a picture. */
export interface View {
    width: number;
    height: number;
    /** Pixels per lesion unit. */
    scale: number;
    cx: number;
    cy: number;
    rot: number;
    skin: readonly number[];
    /** Brightness gradient across the frame (clinical photos), [gx, gy] per frame width. */
    light: readonly [number, number];
    /** Dark dermoscope rim. */
    vignette: boolean;
    hairs: number;
}
/** Draw a lesion in a view. */
export declare function drawLesion(lesion: Lesion, view: View, rng: Rng): Canvas;
