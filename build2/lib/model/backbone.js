"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.backboneEncoder = void 0;
const errors_1 = require("../util/errors");
const residualEncoder_1 = require("./residualEncoder");
const encoder_1 = require("./swin/encoder");
/** The image encoder a preset names (`model.backbone`): the residual CNN by default, or a Swin Transformer. */
function backboneEncoder(preset) {
    const backbone = preset.backbone ?? 'residual';
    if (backbone === 'residual')
        return (0, residualEncoder_1.residualEncoder)();
    if (backbone === 'swin')
        return (0, encoder_1.swinEncoder)(preset.swin);
    throw new errors_1.CfcmlError(`unknown backbone '${String(backbone)}'; known: residual, swin`, { where: 'model.backbone' });
}
exports.backboneEncoder = backboneEncoder;
//# sourceMappingURL=backbone.js.map