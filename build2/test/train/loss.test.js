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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const tf = __importStar(require("@tensorflow/tfjs"));
const hrm_1 = require("../../lib/hrm");
const model_1 = require("../../lib/model");
const loss_1 = require("../../lib/train/loss");
const helpers_1 = require("../model/helpers");
(0, node_test_1.before)(async () => {
    await tf.setBackend('cpu');
});
const BASE = { sam: 0.04, up: 0.06, cp: 0.18 };
(0, node_test_1.test)('variant → loss weights: each loss ablation zeroes its term, baselines train on CE alone, the rest keep all', () => {
    const want = {
        full: BASE,
        'no-mg': BASE,
        'no-cie': BASE,
        'single-head': BASE,
        'no-tabular': BASE,
        'no-sam': { ...BASE, sam: 0 },
        'no-up': { ...BASE, up: 0 },
        'no-cp': { ...BASE, cp: 0 },
        'no-hrm': { sam: 0, up: 0, cp: 0 },
        'image-only': { sam: 0, up: 0, cp: 0 },
        'tabular-only': { sam: 0, up: 0, cp: 0 },
        'late-fusion': { sam: 0, up: 0, cp: 0 },
    };
    for (const v of model_1.VARIANTS)
        strict_1.default.deepEqual((0, loss_1.hrmWeightsFor)(v, BASE), want[v], v);
});
/** d(loss)/d(weights), flattened in weight order (0 for a weight the loss does not reach). */
function gradient(model, loss) {
    const { value, grads } = tf.variableGrads(loss, model.weights.map((w) => w.variable));
    const flat = tf.tidy(() => tf.concat(model.weights.map((w) => tf.reshape(grads[w.variable.name] ?? tf.zerosLike(w.variable), [-1]))).dataSync());
    tf.dispose([value, ...Object.values(grads)]);
    return flat;
}
const maxAbs = (a) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const diff = (a, b) => a.map((v, i) => v - b[i]);
(0, node_test_1.test)("the trained gradient really drops a zero-weight term: no-sam's is CE + w_up·L_up + w_cp·L_cp, full's adds w_sam·L_sam", () => {
    const config = (0, helpers_1.dermLike)(2);
    const model = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, 4, 5);
    const hostLabels = [0, 1, 0, 1];
    const labels = tf.tensor1d(hostLabels, 'int32');
    const trained = (variant) => () => (0, loss_1.cfcmlLoss)(model.forward(images, tabular, { training: false }), labels, hostLabels, { numClasses: 2, weights: (0, loss_1.hrmWeightsFor)(variant, BASE), tau: 0.07 }).total;
    /** CE plus the named terms with the BASE weights, written out from hrmLosses. */
    const byHand = (terms) => () => {
        const out = model.forward(images, tabular, { training: false });
        const h = (0, hrm_1.hrmLosses)(out.z, hostLabels, { numClasses: 2, tau: 0.07 });
        return terms.reduce((acc, k) => tf.add(acc, tf.mul(h[k], BASE[k])), (0, loss_1.crossEntropy)(out.logits, labels));
    };
    const g = {
        full: gradient(model, trained('full')),
        noSam: gradient(model, trained('no-sam')),
        noHrm: gradient(model, trained('no-hrm')),
        handFull: gradient(model, byHand(['sam', 'up', 'cp'])),
        handNoSam: gradient(model, byHand(['up', 'cp'])),
        handCe: gradient(model, byHand([])),
        sam: gradient(model, () => (0, hrm_1.hrmLosses)(model.forward(images, tabular, { training: false }).z, hostLabels, { numClasses: 2, tau: 0.07 }).sam),
    };
    const scale = maxAbs(g.full);
    const tol = 1e-5 * scale;
    strict_1.default.ok(maxAbs(diff(g.full, g.handFull)) <= tol, 'full = CE + all three terms');
    strict_1.default.ok(maxAbs(diff(g.noSam, g.handNoSam)) <= tol, 'no-sam = CE + L_up + L_cp');
    strict_1.default.ok(maxAbs(diff(g.noHrm, g.handCe)) <= tol, 'no-hrm = CE');
    // And L_sam matters: full − no-sam is w_sam · ∇L_sam, which is not small.
    const delta = diff(g.full, g.noSam);
    strict_1.default.ok(maxAbs(delta) > 100 * tol, `L_sam must move the gradient (max |Δ| ${maxAbs(delta)})`);
    strict_1.default.ok(maxAbs(diff(delta, g.sam.map((v) => v * BASE.sam))) <= tol, 'full − no-sam = w_sam · ∇L_sam');
    tf.dispose([labels, ...images, tabular]);
    model.dispose();
});
//# sourceMappingURL=loss.test.js.map