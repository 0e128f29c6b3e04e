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
exports.loadSwinWeights = exports.assignTimmWeights = exports.timmName = exports.isSkippedTimmName = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../../util/errors");
const safetensors_1 = require("../../util/safetensors");
/**
 * Pretrained Swin weights from a timm state dict in safetensors form (the `model.safetensors` of the Hugging
 * Face hub model `timm/swin_tiny_patch4_window7_224.ms_in1k`), by timm's names. The classification head
 * (`head.*`) is skipped, as are the buffers older timm files carry and timm itself drops on load
 * (`relative_position_index`, `attn_mask`). Every other tensor must match one encoder weight by name and
 * shape; otherwise nothing is assigned and one error lists what is missing, unexpected and mis-shaped.
 */
/** timm names that are not encoder weights: the classifier and recomputed buffers. */
function isSkippedTimmName(name) {
    return name.startsWith('head.') || name.endsWith('.relative_position_index') || name.endsWith('.attn_mask');
}
exports.isSkippedTimmName = isSkippedTimmName;
/** The timm name of an encoder weight key (`layers/0/blocks/1/attn/qkv/weight` → `layers.0.blocks.1.attn.qkv.weight`). */
function timmName(encoderKey) {
    return encoderKey.split('/').join('.');
}
exports.timmName = timmName;
const FIRST = 10;
function firstTen(items) {
    return items.slice(0, FIRST).join(', ') + (items.length > FIRST ? `, … (${items.length - FIRST} more)` : '');
}
/**
 * Assign `targets` from the file's tensors of the same names. `expected` says, for the error, what file
 * would fit (e.g. "timm's swin_tiny_patch4_window7_224 state dict").
 */
function assignTimmWeights(file, targets, expected) {
    const want = new Map(targets.map((t) => [t.name, t]));
    const missing = targets.filter((t) => !file.entries.has(t.name)).map((t) => `${t.name} [${t.variable.shape.join(',')}]`);
    const unexpected = [];
    const misShaped = [];
    for (const [name, entry] of file.entries) {
        if (isSkippedTimmName(name))
            continue;
        const t = want.get(name);
        if (!t)
            unexpected.push(`${name} [${entry.shape.join(',')}]`);
        else if (entry.shape.join(',') !== t.variable.shape.join(','))
            misShaped.push(`${name} (file [${entry.shape.join(',')}], expected [${t.variable.shape.join(',')}])`);
    }
    if (missing.length || unexpected.length || misShaped.length) {
        const parts = [
            missing.length ? `${missing.length} missing: ${firstTen(missing)}` : '',
            unexpected.length ? `${unexpected.length} unexpected: ${firstTen(unexpected)}` : '',
            misShaped.length ? `${misShaped.length} mis-shaped: ${firstTen(misShaped)}` : '',
        ].filter(Boolean);
        throw new errors_1.CfcmlError(`does not fit the Swin encoder: ${parts.join('; ')}. Expected ${expected}: ${targets.length} tensors by timm's names ` +
            `(the head and the relative_position_index / attn_mask buffers are ignored)`, { where: file.source });
    }
    for (const t of targets) {
        const { data, shape } = file.tensor(t.name);
        tf.tidy(() => t.variable.assign(tf.tensor(data, shape, 'float32')));
    }
}
exports.assignTimmWeights = assignTimmWeights;
/**
 * Load a timm Swin state dict (safetensors) into every image encoder of `model` (one shared, or one per
 * modality: each gets the same weights). `expected` describes the configuration for the error message.
 */
function loadSwinWeights(model, path, expected) {
    const encoders = new Map();
    for (const w of model.weights) {
        const m = /^(encoder\d+)\/(.+)$/.exec(w.key);
        if (!m || w.group !== 'encoder')
            continue;
        const list = encoders.get(m[1]) ?? [];
        list.push({ name: timmName(m[2]), variable: w.variable });
        encoders.set(m[1], list);
    }
    if (encoders.size === 0)
        throw new errors_1.CfcmlError(`the model has no image encoder to load ${path} into (variant '${model.config.variant}')`, { where: 'model.backboneWeights' });
    const file = (0, safetensors_1.readSafetensors)(path);
    for (const targets of encoders.values())
        assignTimmWeights(file, targets, expected);
}
exports.loadSwinWeights = loadSwinWeights;
//# sourceMappingURL=weights.js.map