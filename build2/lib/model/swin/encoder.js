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
exports.swinStageOf = exports.swinEncoder = exports.IMAGENET_STD = exports.IMAGENET_MEAN = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../../util/errors");
const freeze_1 = require("../freeze");
const config_1 = require("./config");
const patchEmbed_1 = require("./patchEmbed");
const stage_1 = require("./stage");
const torchLayers_1 = require("./torchLayers");
/** ImageNet's per-channel mean and standard deviation (timm's IMAGENET_DEFAULT_MEAN / _STD), RGB. */
exports.IMAGENET_MEAN = [0.485, 0.456, 0.406];
exports.IMAGENET_STD = [0.229, 0.224, 0.225];
/**
 * A Swin Transformer image encoder (timm's SwinTransformer without its head) as a pluggable ImageEncoder.
 * Its four stage maps, channels last [B, h_s, w_s, C_s], are the outputs of timm's `layers.0`–`layers.2` and,
 * for stage 4, of `forward_features` (`layers.3`, then the final LayerNorm `norm`): the features timm's
 * classifier pools. Weight keys are timm's state-dict names with `/` for `.` (`layers/1/blocks/0/attn/qkv/weight`),
 * in PyTorch's layouts, so a timm file loads by name (lib/model/swin/weights.ts).
 *
 * Inputs are RGB in [0, 1], normalised here with ImageNet's mean and std, as timm's pretrained Swin expects.
 * Stage s of `freezeStages` holds `patch_embed` (stage 1), `layers.{s−1}` (its patch merging and blocks) and,
 * for stage 4, `norm`.
 */
function swinEncoder(options = {}) {
    const o = { ...config_1.SWIN_T, ...options };
    return (args) => buildSwinEncoder(args, o);
}
exports.swinEncoder = swinEncoder;
/** The stage (0-based) of a Swin weight key. */
function swinStageOf(key) {
    if (key.startsWith('patch_embed/'))
        return 0;
    if (key.startsWith('norm/'))
        return 3;
    const m = /^layers\/(\d+)\//.exec(key);
    return m ? Number(m[1]) : -1;
}
exports.swinStageOf = swinStageOf;
function buildSwinEncoder(args, o) {
    if (args.kind !== '2d' || args.channels !== 3) {
        throw new errors_1.CfcmlError(`a Swin encoder takes 2D RGB images (ImageNet-normalised), got a ${args.kind} modality with ${args.channels} channel(s)`, { where: 'model.backbone' });
    }
    const widths = args.widths;
    const geometry = (0, config_1.stageGeometry)(args.imageSize, widths, o);
    const frozen = (0, freeze_1.freezableParams)(args.params, swinStageOf);
    const p = frozen.params;
    const embed = (0, patchEmbed_1.makePatchEmbed)(p, 'patch_embed', args.channels, widths[0], o.patch);
    const stages = widths.map((c, s) => (0, stage_1.makeSwinStage)(p, `layers/${s}`, s === 0 ? c : widths[s - 1], c, o.depths[s], o.heads[s], o.mlpRatio, geometry[s], s > 0));
    const norm = (0, torchLayers_1.makeLayerNorm)(p, 'norm', widths[3]);
    const freeze = args.freezeStages ?? 0;
    frozen.freeze(freeze);
    // Stage s as a function of the previous stage's map (stage 1: of the image); frozen stages off the tape.
    const stageFns = stages.map((stage, s) => {
        const f = (h) => tf.tidy(() => (0, stage_1.swinStage)((s === 0 ? (0, patchEmbed_1.patchEmbed)(h, embed) : h), stage));
        return s < freeze ? (0, freeze_1.withoutGradient)(f) : f;
    });
    const finalNorm = (h) => (0, torchLayers_1.layerNorm)(h, norm);
    const stage4Norm = freeze >= 4 ? (0, freeze_1.withoutGradient)(finalNorm) : finalNorm;
    return {
        stageChannels: [widths[0], widths[1], widths[2], widths[3]],
        apply(x) {
            const mean = tf.tensor1d(exports.IMAGENET_MEAN.slice());
            const std = tf.tensor1d(exports.IMAGENET_STD.slice());
            let h = tf.div(tf.sub(x, mean), std); // [B, H, W, 3]
            const outs = [];
            for (const f of stageFns) {
                h = f(h);
                outs.push(h); // F^s
            }
            outs[3] = stage4Norm(outs[3]);
            return outs;
        },
    };
}
//# sourceMappingURL=encoder.js.map