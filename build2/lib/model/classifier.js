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
exports.classify = exports.makeClassifier = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const random_1 = require("../util/random");
const layers_1 = require("./layers");
function makeClassifier(store, key, modalities, width, classes, rate) {
    const hidden = Math.max(16, Math.floor(width / 8));
    return {
        fc1: (0, layers_1.makeLinear)(store, `${key}/fc1`, modalities * width, width, 'head'),
        fc2: (0, layers_1.makeLinear)(store, `${key}/fc2`, width, hidden, 'head'),
        out: (0, layers_1.makeLinear)(store, `${key}/out`, hidden, classes, 'head'),
        dropout: rate,
    };
}
exports.makeClassifier = makeClassifier;
/** z: one [B, D] per modality → logits [B, C]. Dropout masks come from `seed` (two independent streams). */
function classify(z, p, training, seed) {
    return tf.tidy(() => {
        const x = z.length === 1 ? z[0] : tf.concat(z, 1); // [B, M·D]
        const h1 = (0, layers_1.dropout)(tf.relu((0, layers_1.linear)(x, p.fc1)), p.dropout, training, (0, random_1.deriveSeed)(seed, 'classifier', 1)); // [B, D]
        const h2 = (0, layers_1.dropout)(tf.relu((0, layers_1.linear)(h1, p.fc2)), p.dropout, training, (0, random_1.deriveSeed)(seed, 'classifier', 2)); // [B, D/8]
        return (0, layers_1.linear)(h2, p.out); // [B, C]
    });
}
exports.classify = classify;
//# sourceMappingURL=classifier.js.map