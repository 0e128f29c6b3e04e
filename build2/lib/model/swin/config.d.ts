/**
 * Sizes of a Swin Transformer (Liu et al. 2021) as timm's `SwinTransformer` takes them. The channels of the
 * four stages are the preset's `encoderWidths` (timm's `embed_dim` per stage); the rest is here.
 */
export interface SwinOptions {
    /** Blocks per stage (timm `depths`). Swin-T: 2, 2, 6, 2. */
    depths: readonly [number, number, number, number];
    /** Attention heads per stage (timm `num_heads`). Swin-T: 3, 6, 12, 24. */
    heads: readonly [number, number, number, number];
    /** Window side in tokens (timm `window_size`). Swin-T: 7. */
    window: number;
    /** Patch side in pixels of the patch embedding (timm `patch_size`). Swin-T: 4. */
    patch: number;
    /** Hidden width of the MLP as a multiple of the stage width (timm `mlp_ratio`). Swin-T: 4. */
    mlpRatio: number;
}
/** timm's `swin_tiny_patch4_window7_224` (with `encoderWidths` 96, 192, 384, 768 and 224 px images). */
export declare const SWIN_T: SwinOptions;
/** What one stage computes on: its token grid, window and cyclic shift (per axis). */
export interface StageGeometry {
    /** Token grid [h, w] of the stage (after its patch merging). */
    grid: [number, number];
    /** Window [h, w]: the option's window, or the whole grid where the grid is smaller (timm's rule). */
    window: [number, number];
    /** Shift [h, w] of the odd blocks: half the window, 0 where the window covers the grid. */
    shift: [number, number];
}
/**
 * The four stages' geometry for an image of `imageSize` [H, W] pixels, by timm's rules
 * (`SwinTransformerBlock._calc_window_shift`): a grid side no larger than the window makes the window that
 * side and the shift 0. Throws a CfcmlError for sizes timm refuses (a side not a multiple of the patch, or
 * an odd grid before a patch merging).
 */
export declare function stageGeometry(imageSize: readonly number[], channels: readonly number[], o: SwinOptions): StageGeometry[];
