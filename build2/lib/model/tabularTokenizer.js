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
exports.makeTabularTokenizer = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const errors_1 = require("../util/errors");
function makeTabularTokenizer(store, key, fields, width) {
    if (fields.length === 0)
        throw new errors_1.CfcmlError('the tabular modality needs at least one field', { where: 'config.tabular' });
    const catCols = [];
    const offsets = [];
    const numCols = [];
    let totalLevels = 0;
    fields.forEach((f, k) => {
        if (f.kind === 'categorical') {
            if (!(f.levels !== undefined && f.levels >= 1))
                throw new errors_1.CfcmlError(`categorical field ${k} needs levels >= 1`, { where: 'config.tabular' });
            catCols.push(k);
            offsets.push(totalLevels);
            totalLevels += f.levels;
        }
        else {
            numCols.push(k);
        }
    });
    // All categorical fields share one table: field k's rows are offsets[k] .. offsets[k] + levels_k − 1.
    const E = catCols.length ? store.add(`${key}/embedding`, [totalLevels, width], { kind: 'normal', std: 1 }, 'head') : null; // [ΣV, D]
    const w = numCols.length ? store.add(`${key}/numeric/scale`, [numCols.length, width], { kind: 'normal', std: 1 }, 'head') : null; // [Kn, D]
    const b = numCols.length ? store.add(`${key}/numeric/bias`, [numCols.length, width], { kind: 'zeros' }, 'head') : null; // [Kn, D]
    // Tokens come out as [categorical…, numeric…]; this permutation puts them back in field order.
    const order = [...catCols, ...numCols];
    const inverse = fields.map((_, k) => order.indexOf(k));
    const identity = inverse.every((v, i) => v === i);
    return {
        apply(tabular) {
            if (tabular.shape[1] !== fields.length) {
                throw new errors_1.CfcmlError(`tabular input has ${tabular.shape[1]} columns, the model expects ${fields.length}`);
            }
            return tf.tidy(() => {
                const B = tabular.shape[0];
                const parts = [];
                if (E) {
                    const idx = tf.add(tf.cast(tf.gather(tabular, catCols, 1), 'int32'), tf.tensor1d(offsets, 'int32')); // [B, Kc]
                    const oneHot = tf.oneHot(tf.reshape(idx, [-1]), totalLevels); // [B·Kc, ΣV]
                    parts.push(tf.reshape(tf.matMul(tf.cast(oneHot, 'float32'), E), [B, catCols.length, width])); // [B, Kc, D]
                }
                if (w && b) {
                    const x = tf.expandDims(tf.gather(tabular, numCols, 1), 2); // [B, Kn, 1]
                    parts.push(tf.add(tf.mul(x, w), b)); // [B, Kn, D]
                }
                const tokens = parts.length === 1 ? parts[0] : tf.concat(parts, 1); // [B, K, D] (categorical first)
                if (identity)
                    return tokens;
                // Split + concat rather than gather: its gradient needs no UnsortedSegmentSum (missing on wasm).
                const slices = tf.split(tokens, fields.length, 1);
                return tf.concat(inverse.map((i) => slices[i]), 1); // [B, K, D] field order
            });
        },
    };
}
exports.makeTabularTokenizer = makeTabularTokenizer;
//# sourceMappingURL=tabularTokenizer.js.map