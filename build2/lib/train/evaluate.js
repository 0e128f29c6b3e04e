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
exports.metricsOf = exports.predict = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const data_1 = require("../data");
const metrics_1 = require("../metrics");
async function predict(model, spec, cases, images, tabular, opts = {}) {
    const batchSize = opts.batchSize ?? 64;
    const out = { ids: [], labels: [], probs: [], loss: 0 };
    const emb = [];
    let lossSum = 0;
    for (let start = 0; start < cases.length; start += batchSize) {
        const idx = [];
        for (let i = start; i < Math.min(cases.length, start + batchSize); i++)
            idx.push(i);
        const batch = (0, data_1.makeBatch)(spec, cases, idx, images, tabular, { augment: false });
        const [probsT, lossT, zs] = tf.tidy(() => {
            const f = model.forward(batch.images, batch.tabular, { training: false });
            const logp = tf.logSoftmax(f.logits);
            const oneHot = tf.oneHot(tf.cast(batch.labels, 'int32'), f.logits.shape[1]);
            const nll = tf.neg(tf.sum(tf.mul(oneHot, logp))); // summed over the batch
            return [tf.exp(logp), nll, opts.embeddings ? f.z : []];
        });
        const p = (await probsT.array());
        lossSum += (await lossT.data())[0];
        if (opts.embeddings) {
            for (let m = 0; m < zs.length; m++) {
                const zm = (await zs[m].array());
                (emb[m] ?? (emb[m] = [])).push(...zm);
            }
        }
        tf.dispose([probsT, lossT, ...zs]);
        (0, data_1.disposeBatch)(batch);
        for (let k = 0; k < idx.length; k++) {
            out.ids.push(cases[idx[k]].id);
            out.labels.push(cases[idx[k]].label);
            out.probs.push(p[k]);
        }
    }
    out.loss = cases.length > 0 ? lossSum / cases.length : NaN;
    if (opts.embeddings)
        out.embeddings = emb;
    return out;
}
exports.predict = predict;
/** The metrics of a set of predictions (keys in snake_case, see lib/metrics): binary or multi-class by the class count. */
function metricsOf(pred, spec) {
    return (0, metrics_1.computeMetrics)(pred.labels, pred.probs, { positiveClass: spec.positiveClass, classNames: [...spec.classes] });
}
exports.metricsOf = metricsOf;
//# sourceMappingURL=evaluate.js.map