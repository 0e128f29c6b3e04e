import { CfcmlError } from '../../util/errors';

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
export const SWIN_T: SwinOptions = { depths: [2, 2, 6, 2], heads: [3, 6, 12, 24], window: 7, patch: 4, mlpRatio: 4 };

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
export function stageGeometry(imageSize: readonly number[], channels: readonly number[], o: SwinOptions): StageGeometry[] {
  if (imageSize.length !== 2) throw new CfcmlError(`a Swin encoder takes 2D images, got imageSize [${imageSize}]`, { where: 'model.backbone' });
  for (const [name, v] of [['patch', o.patch], ['window', o.window], ['mlpRatio', o.mlpRatio]] as const) {
    if (!(v > 0 && (name === 'mlpRatio' || Number.isInteger(v)))) throw new CfcmlError(`swin.${name} must be a positive ${name === 'mlpRatio' ? 'number' : 'integer'}, got ${v}`, { where: 'model.swin' });
  }
  for (let s = 0; s < 4; s++) {
    const c = channels[s];
    const h = o.heads[s];
    const d = o.depths[s];
    if (!(Number.isInteger(h) && h >= 1 && c % h === 0)) {
      throw new CfcmlError(`stage ${s + 1}: ${c} channels cannot be split over ${h} heads (expected a divisor of ${c})`, { where: 'model.swin.heads' });
    }
    if (!(Number.isInteger(d) && d >= 1)) throw new CfcmlError(`stage ${s + 1}: depth must be a positive integer, got ${d}`, { where: 'model.swin.depths' });
  }
  const [H, W] = imageSize;
  // Three patch mergings halve the token grid: a side works when it is a multiple of patch × 8.
  const unit = o.patch * 8;
  const nearest = (v: number) => Math.max(unit, Math.round(v / unit) * unit);
  const works = `sides that are multiples of ${unit} (patch ${o.patch} × 8) work, e.g. ${nearest(H)}×${nearest(W)}`;
  if (H % o.patch !== 0 || W % o.patch !== 0) {
    throw new CfcmlError(`image ${H}×${W} is not a multiple of the Swin patch ${o.patch}; ${works}`, { where: 'imageSize' });
  }
  let grid: [number, number] = [H / o.patch, W / o.patch];
  const out: StageGeometry[] = [];
  for (let s = 0; s < 4; s++) {
    if (s > 0) {
      if (grid[0] % 2 !== 0 || grid[1] % 2 !== 0) {
        throw new CfcmlError(`stage ${s + 1}: patch merging needs an even token grid, got ${grid[0]}×${grid[1]} (image ${H}×${W}, patch ${o.patch}); ${works}`, { where: 'imageSize' });
      }
      grid = [grid[0] / 2, grid[1] / 2];
    }
    const window = grid.map((r) => Math.min(r, o.window)) as [number, number];
    const shift = grid.map((r) => (r <= o.window ? 0 : Math.floor(o.window / 2))) as [number, number];
    out.push({ grid, window, shift });
  }
  return out;
}
