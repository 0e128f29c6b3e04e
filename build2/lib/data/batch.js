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
exports.disposeBatch = exports.makeBatch = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
const random_1 = require("../util/random");
const augment_1 = require("./augment");
const augment_2 = require("./augment");
/**
 * Assemble a batch of tensors from cached images: each modality's arrays are copied into one buffer with
 * `TypedArray.set` (a memcpy per case) — or, with `augment`, resampled into it by the case's transform
 * (see augment.ts for why this is not a tf op) — and handed to tf once. The caller disposes the batch
 * (`disposeBatch`).
 */
function makeBatch(spec, cases, indices, images, tabular, opts = {}) {
    if (indices.length === 0)
        throw new errors_1.CfcmlError('makeBatch: empty batch');
    const picked = indices.map((i) => {
        const c = cases[i];
        if (!c)
            throw new errors_1.CfcmlError(`makeBatch: index ${i} is outside the ${cases.length} cases`);
        return c;
    });
    const B = picked.length;
    const size = images.size;
    const transforms = opts.augment
        ? picked.map((c, k) => {
            const rng = new random_1.Rng((0, random_1.deriveSeed)(opts.seed ?? 0, 'augment', k, c.id));
            const [H, W] = size.length === 3 ? [size[1], size[2]] : [size[0], size[1]];
            return (0, augment_1.drawTransform)(rng, H, W, { ...augment_2.AUGMENT_DEFAULTS, ...opts.augmentOptions });
        })
        : undefined;
    const imgs = spec.imageModalities.map((mod, m) => {
        const shape = mod.kind === '2d' ? [size[0], size[1], mod.channels] : [size[0], size[1], size[2], mod.channels];
        const per = shape.reduce((a, b) => a * b, 1);
        const dhwc = mod.kind === '2d' ? [1, size[0], size[1], mod.channels] : [size[0], size[1], size[2], mod.channels];
        const buf = new Float32Array(B * per);
        picked.forEach((c, k) => {
            const a = images.get(c.id, m);
            if (a.length !== per)
                throw new errors_1.CfcmlError(`image of case ${c.id}, modality ${mod.name} has ${a.length} values, expected ${per} (${shape.join('x')})`);
            if (transforms)
                (0, augment_1.transformInto)(a, dhwc, transforms[k], mod.kind === '2d', buf, k * per);
            else
                buf.set(a, k * per);
        });
        return tf.tensor(buf, [B, ...shape]);
    });
    const K = tabular.fields.length;
    return {
        images: imgs,
        tabular: tf.tensor2d(tabular.encode(picked), [B, K]),
        labels: tf.tensor1d(picked.map((c) => c.label), 'int32'),
        ids: picked.map((c) => c.id),
    };
}
exports.makeBatch = makeBatch;
/** Dispose every tensor of a batch. */
function disposeBatch(b) {
    tf.dispose([...b.images, b.tabular, b.labels]);
}
exports.disposeBatch = disposeBatch;
//# sourceMappingURL=batch.js.map