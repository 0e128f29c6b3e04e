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
exports.lossGradients = exports.stackLossTerms = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const loss_1 = require("./loss");
const lossTerms_1 = require("./lossTerms");
/** The loss terms of LOSS_TERM_NAMES, stacked into one tensor (one device read per step). */
function stackLossTerms(l) {
    return tf.stack(lossTerms_1.LOSS_TERM_NAMES.map((k) => l[lossTerms_1.LOSS_TERMS[k].tensor]));
}
exports.stackLossTerms = stackLossTerms;
/**
 * One step's gradient, the plain way: forward in training mode over the whole batch → loss (H8) →
 * gradient of the total with respect to every model weight. Call inside `tf.tidy`; `terms` survives it.
 *
 * This is the function to replace for another way of computing the same gradient (micro-batches, a split
 * at the embeddings, workers): the trainer calls it through `Trainer.gradientFn`.
 */
function lossGradients(input) {
    const { model, batch } = input;
    const vars = model.weights.map((w) => w.variable).filter((v) => v.trainable); // frozen stages: no gradient
    let terms;
    const { grads } = tf.variableGrads(() => {
        const out = model.forward(batch.images, batch.tabular, { training: true, seed: input.dropoutSeed });
        const l = (0, loss_1.cfcmlLoss)(out, batch.labels, input.hostLabels, { numClasses: input.numClasses, weights: input.weights, tau: input.tau });
        terms = tf.keep(stackLossTerms(l));
        return l.total;
    }, vars);
    return { grads, terms: terms };
}
exports.lossGradients = lossGradients;
//# sourceMappingURL=step.js.map