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
exports.layersModelEncoder = exports.residualEncoder = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
const freeze_1 = require("./freeze");
const layers_1 = require("./layers");
/** A factory for the built-in encoder; it builds a 2D or 3D one to match the modality's `kind`. */
function residualEncoder(opts = {}) {
    return (args) => buildResidualEncoder(args, opts);
}
exports.residualEncoder = residualEncoder;
function buildResidualEncoder(args, opts) {
    const dims = args.kind === '2d' ? 2 : 3;
    const blocks = opts.blocksPerStage ?? 1;
    const stem = opts.stemStride ?? (dims === 2 ? [4, 4] : [2, 4, 4]);
    if (stem.length !== dims)
        throw new errors_1.CfcmlError(`stemStride must have ${dims} entries for a ${args.kind} encoder, got [${stem}]`);
    if (!(blocks >= 0))
        throw new errors_1.CfcmlError(`blocksPerStage must be >= 0, got ${blocks}`);
    const frozen = (0, freeze_1.freezableParams)(args.params, (key) => Number(/^stage(\d)\//.exec(key)?.[1] ?? 0) - 1);
    const p = frozen.params;
    const widths = args.widths;
    const makeConv = (key, k, cin, cout, strides) => {
        const fanIn = k.reduce((a, b) => a * b, 1) * cin;
        return { kernel: p.add(`${key}/kernel`, [...k, cin, cout], { kind: 'he', fanIn }), strides: strides.slice() };
    };
    const makeNorm = (key, c) => ({
        gamma: p.add(`${key}/gamma`, [c], { kind: 'ones' }),
        beta: p.add(`${key}/beta`, [c], { kind: 'zeros' }),
    });
    const k3 = new Array(dims).fill(3);
    const k2 = new Array(dims).fill(2);
    const s1 = new Array(dims).fill(1);
    const stages = widths.map((c, s) => {
        const cin = s === 0 ? args.channels : widths[s - 1];
        const name = `stage${s + 1}`;
        const entry = s === 0
            ? { conv: makeConv(`${name}/stem/conv`, stem, cin, c, stem), norm: makeNorm(`${name}/stem/norm`, c) }
            : { conv: makeConv(`${name}/down/conv`, k2, cin, c, k2), norm: makeNorm(`${name}/down/norm`, c) };
        const body = Array.from({ length: blocks }, (_, b) => ({
            conv1: makeConv(`${name}/block${b}/conv1`, k3, c, c, s1),
            norm1: makeNorm(`${name}/block${b}/norm1`, c),
            conv2: makeConv(`${name}/block${b}/conv2`, k3, c, c, s1),
            norm2: makeNorm(`${name}/block${b}/norm2`, c),
        }));
        return { entry, body };
    });
    frozen.freeze(args.freezeStages ?? 0);
    const conv = (x, c) => dims === 2
        ? tf.conv2d(x, c.kernel, c.strides, 'same')
        : tf.conv3d(x, c.kernel, c.strides, 'same');
    const norm = layers_1.channelNorm;
    return {
        stageChannels: [widths[0], widths[1], widths[2], widths[3]],
        apply(x) {
            const outs = [];
            // 2D photographs arrive in [0, 1]; centre and scale them to about unit range first. Without this the
            // stem's per-position LayerNorm removes brightness: a uniform patch c·v maps to the same normalised
            // feature for every c, so a dark lesion and pale skin of one hue look alike and an image-only model
            // stays at chance (measured: test AUC 0.59 → 0.77 on synthetic Derm7pt). 3D volumes are already
            // z-scored per volume by the data layer.
            let h = dims === 2 ? tf.mul(tf.sub(x, 0.5), 4) : x; // [B, (D,) H, W, C_in]
            for (const { entry, body } of stages) {
                h = tf.relu(norm(conv(h, entry.conv), entry.norm)); // [B, (d,) h, w, C_s]
                for (const b of body) {
                    const r = tf.relu(norm(conv(h, b.conv1), b.norm1));
                    h = tf.relu(tf.add(h, norm(conv(r, b.conv2), b.norm2)));
                }
                outs.push(h); // F^s
            }
            return outs;
        },
    };
}
/**
 * Wrap a tfjs LayersModel with four outputs (the stage maps, channels last) as an encoder, e.g. a pretrained
 * backbone loaded with tf.loadLayersModel. Its trainable weights join the model under `encoderN/<weight name>`;
 * the wrapped model stays owned by the caller (not disposed with the CFCML model).
 */
function layersModelEncoder(model) {
    return (args) => {
        const outputs = model.outputs;
        if (outputs.length !== 4)
            throw new errors_1.CfcmlError(`a LayersModel encoder needs 4 outputs (one per stage), got ${outputs.length}`);
        const channels = outputs.map((o) => o.shape[o.shape.length - 1]);
        if (channels.some((c) => c == null))
            throw new errors_1.CfcmlError('a LayersModel encoder needs known channel counts on its outputs');
        adoptLayerWeights(model, args.params);
        return {
            stageChannels: channels,
            apply: (x, training) => model.apply(x, { training }),
        };
    };
}
exports.layersModelEncoder = layersModelEncoder;
function adoptLayerWeights(model, params) {
    for (const w of model.trainableWeights)
        params.adopt(w.originalName, w.read());
}
//# sourceMappingURL=residualEncoder.js.map