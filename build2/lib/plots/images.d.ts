/// <reference types="node" />
/// <reference types="node" />
import { Figure } from './figure';
/** An image as plain pixels, interleaved channel-last: `data[(y * width + x) * channels + c]`. */
export interface PlainImage {
    data: Float32Array | Uint8Array | number[];
    height: number;
    width: number;
    /** 1 (grey), 3 (RGB) or 4 (RGBA; alpha is dropped). */
    channels: number;
}
/**
 * Convert to plotly's `image` z: `[height][width][3]` of 0–255 integers. Values are taken as [0, 1] when
 * none exceeds 1.0, else as [0, 255]; grey is repeated into three channels. Figures use `imageSource`
 * instead (a compressed PNG); this is for reading pixel values.
 */
export declare function imageToRgbRows(img: PlainImage): number[][][];
/** The image as PNG bytes (same value scaling as `imageToRgbRows`). */
export declare function imageToPng(img: PlainImage): Buffer;
/**
 * The image as a `data:image/png` URI, for an `image` trace's `source`: figures carry compressed PNGs,
 * never pixel arrays, so a notebook that shows a grid of photos stays small.
 */
export declare function imageSource(img: PlainImage): string;
export interface AttentionOverImageOptions {
    /** Opacity of the attention overlay. Default 0.5: the image stays readable under it. */
    opacity?: number;
    /** Figure title. Default `'Attention'`. */
    title?: string;
    /** Overlay colour scale. Default Viridis (colour-blind safe, monotone in lightness). */
    colorscale?: string;
}
/**
 * An image with a per-token attention map drawn over it. `attention` has one weight per patch token,
 * row-major over a `grid = [rows, cols]` patch grid (a ViT's 14×14 for a 224 px image); each cell is
 * stretched over the pixels its patch covers. The class token, if any, must already be dropped.
 */
export declare function attentionOverImage(image: PlainImage, attention: ArrayLike<number>, grid: [number, number], opts?: AttentionOverImageOptions): Figure;
export interface ImageGridOptions {
    /** Horizontal and vertical gap between cells, as a fraction of the figure. Default 0.02. */
    gap?: number;
    /** Figure title. Default: none. */
    title?: string;
}
/**
 * Images in a grid, `cols` per row, each with its title above it. Each image gets its own axis pair
 * (`xaxis`, `xaxis2`, …) so they keep their aspect ratio.
 */
export declare function imageGrid(images: PlainImage[], titles?: string[], cols?: number, opts?: ImageGridOptions): Figure;
/** One panel of `featureMapGrid`: a photo, or a 2-D map drawn on the shared colour scale. */
export type FeatureMapPanel = {
    image: PlainImage;
} | {
    map: number[][];
};
export interface FeatureMapGridOptions {
    /** Figure title. Default: none. */
    title?: string;
    /** Colour bar title. Default `'value'`. */
    colorbarTitle?: string;
    /** Range of the shared colour scale. Default [0, 1]. */
    range?: [number, number];
    /** Colour scale. Default Viridis: dark at the minimum, yellow at the maximum, both visible on white. */
    colorscale?: string;
    /** Gap between panels. Default 0.03. */
    gap?: number;
}
/**
 * Photos and feature maps side by side, `cols` per row: each map is a heatmap on one shared colour scale
 * (with one colour bar), row 0 at the top, square cells, so an 8×8 and a 1×1 map read alike.
 */
export declare function featureMapGrid(panels: FeatureMapPanel[], titles: string[], cols: number, opts?: FeatureMapGridOptions): Figure;
