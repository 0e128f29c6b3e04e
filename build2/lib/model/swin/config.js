"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stageGeometry = exports.SWIN_T = void 0;
const errors_1 = require("../../util/errors");
/** timm's `swin_tiny_patch4_window7_224` (with `encoderWidths` 96, 192, 384, 768 and 224 px images). */
exports.SWIN_T = { depths: [2, 2, 6, 2], heads: [3, 6, 12, 24], window: 7, patch: 4, mlpRatio: 4 };
/**
 * The four stages' geometry for an image of `imageSize` [H, W] pixels, by timm's rules
 * (`SwinTransformerBlock._calc_window_shift`): a grid side no larger than the window makes the window that
 * side and the shift 0. Throws a CfcmlError for sizes timm refuses (a side not a multiple of the patch, or
 * an odd grid before a patch merging).
 */
function stageGeometry(imageSize, channels, o) {
    if (imageSize.length !== 2)
        throw new errors_1.CfcmlError(`a Swin encoder takes 2D images, got imageSize [${imageSize}]`, { where: 'model.backbone' });
    for (const [name, v] of [['patch', o.patch], ['window', o.window], ['mlpRatio', o.mlpRatio]]) {
        if (!(v > 0 && (name === 'mlpRatio' || Number.isInteger(v))))
            throw new errors_1.CfcmlError(`swin.${name} must be a positive ${name === 'mlpRatio' ? 'number' : 'integer'}, got ${v}`, { where: 'model.swin' });
    }
    for (let s = 0; s < 4; s++) {
        const c = channels[s];
        const h = o.heads[s];
        const d = o.depths[s];
        if (!(Number.isInteger(h) && h >= 1 && c % h === 0)) {
            throw new errors_1.CfcmlError(`stage ${s + 1}: ${c} channels cannot be split over ${h} heads (expected a divisor of ${c})`, { where: 'model.swin.heads' });
        }
        if (!(Number.isInteger(d) && d >= 1))
            throw new errors_1.CfcmlError(`stage ${s + 1}: depth must be a positive integer, got ${d}`, { where: 'model.swin.depths' });
    }
    const [H, W] = imageSize;
    if (H % o.patch !== 0 || W % o.patch !== 0) {
        throw new errors_1.CfcmlError(`image ${H}×${W} is not a multiple of the Swin patch ${o.patch}`, { where: 'imageSize' });
    }
    let grid = [H / o.patch, W / o.patch];
    const out = [];
    for (let s = 0; s < 4; s++) {
        if (s > 0) {
            if (grid[0] % 2 !== 0 || grid[1] % 2 !== 0) {
                throw new errors_1.CfcmlError(`stage ${s + 1}: patch merging needs an even token grid, got ${grid[0]}×${grid[1]} (image ${H}×${W}, patch ${o.patch}; use a side that is a multiple of ${o.patch * 8})`, { where: 'imageSize' });
            }
            grid = [grid[0] / 2, grid[1] / 2];
        }
        const window = grid.map((r) => Math.min(r, o.window));
        const shift = grid.map((r) => (r <= o.window ? 0 : Math.floor(o.window / 2)));
        out.push({ grid, window, shift });
    }
    return out;
}
exports.stageGeometry = stageGeometry;
//# sourceMappingURL=config.js.map