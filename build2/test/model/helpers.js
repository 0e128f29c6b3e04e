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
exports.maxAbsDiff = exports.ceLoss = exports.randomInputs = exports.menLike = exports.dermLike = exports.TINY = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
/** Tiny model sizes for tests (the cpu backend's conv gradients are slow). */
exports.TINY = {
    width: 8,
    imgTokens: 3,
    tabTokens: 2,
    heads: 2,
    encoderWidths: [2, 4, 4, 6],
    sharedEncoder: true,
    dropout: 0.2,
};
/** Derm7pt-like: 2 colour images (2D, shared encoder), 5 categorical fields. */
function dermLike(numClasses, variant = 'full', model = {}) {
    return {
        images: [
            { kind: '2d', channels: 3 },
            { kind: '2d', channels: 3 },
        ],
        imageSize: [16, 16],
        tabular: [3, 3, 9, 2, 3].map((levels) => ({ kind: 'categorical', levels })),
        numClasses,
        variant,
        model: { ...exports.TINY, ...model },
        seed: 7,
    };
}
exports.dermLike = dermLike;
/** MEN-like: 3 single-channel volumes (3D, one encoder each), 2 categorical + 4 numeric fields. */
function menLike(numClasses, variant = 'full', model = {}) {
    return {
        images: [
            { kind: '3d', channels: 1 },
            { kind: '3d', channels: 1 },
            { kind: '3d', channels: 1 },
        ],
        imageSize: [4, 8, 8],
        tabular: [
            { kind: 'categorical', levels: 5 },
            { kind: 'categorical', levels: 2 },
            { kind: 'numeric' },
            { kind: 'numeric' },
            { kind: 'numeric' },
            { kind: 'numeric' },
        ],
        numClasses,
        variant,
        model: { ...exports.TINY, sharedEncoder: false, ...model },
        seed: 11,
    };
}
exports.menLike = menLike;
/** Random inputs matching a config: images in [0, 1), categorical level indices, standardised numerics. */
var splitStep_1 = require("../../lib/run/splitStep");
Object.defineProperty(exports, "randomInputs", { enumerable: true, get: function () { return splitStep_1.randomInputs; } });
/** Softmax cross-entropy of a forward pass (the trainer's CE term, enough for model tests). */
function ceLoss(model, images, tabular, labels, training = false, seed = 0) {
    return tf.tidy(() => {
        const { logits } = model.forward(images, tabular, { training, seed });
        const y = tf.oneHot(tf.tensor1d(labels, 'int32'), model.config.numClasses);
        return tf.losses.softmaxCrossEntropy(y, logits);
    });
}
exports.ceLoss = ceLoss;
function maxAbsDiff(a, b) {
    return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}
exports.maxAbsDiff = maxAbsDiff;
//# sourceMappingURL=helpers.js.map