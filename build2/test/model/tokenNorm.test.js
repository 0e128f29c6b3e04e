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
const model_1 = require("../../lib/model");
const helpers_1 = require("./helpers");
/** Mean and population variance over the last axis of every token, on the host. */
function tokenMoments(t) {
    const [B, L, D] = t.shape;
    const v = t.dataSync();
    const out = [];
    for (let i = 0; i < B * L; i++) {
        const row = Array.from(v.subarray(i * D, (i + 1) * D));
        const mean = row.reduce((a, b) => a + b, 0) / D;
        out.push({ mean, variance: row.reduce((a, b) => a + (b - mean) ** 2, 0) / D });
    }
    return out;
}
(0, node_test_1.test)('model.tokenNorm: every compressed token P_m^s has mean 0 and variance 1 over D at initialisation (γ = 1, β = 0)', () => {
    for (const config of [(0, helpers_1.dermLike)(2, 'full', { tokenNorm: true }), (0, helpers_1.menLike)(3, 'full', { tokenNorm: true })]) {
        const model = (0, model_1.createModel)(config);
        const { images, tabular } = (0, helpers_1.randomInputs)(config, 3);
        const out = model.forward(images, tabular, { training: false, intermediates: true });
        for (const [s, perModality] of out.intermediates.tokens.entries()) {
            for (const [m, P] of perModality.entries()) {
                for (const { mean, variance } of tokenMoments(P)) {
                    strict_1.default.ok(Math.abs(mean) < 1e-4, `stage ${s} modality ${m}: token mean ${mean}`);
                    strict_1.default.ok(Math.abs(variance - 1) < 2e-3, `stage ${s} modality ${m}: token variance ${variance}`);
                }
            }
        }
        tf.dispose([images, tabular, out]);
        model.dispose();
    }
});
(0, node_test_1.test)('model.tokenNorm adds exactly 2·D weights per (stage, image modality) and one pair for the record; off = the authors\' architecture', () => {
    const base = (0, model_1.createModel)((0, helpers_1.dermLike)(2, 'full'));
    const normed = (0, model_1.createModel)((0, helpers_1.dermLike)(2, 'full', { tokenNorm: true }));
    const noMg = (0, model_1.createModel)((0, helpers_1.dermLike)(2, 'no-mg', { tokenNorm: true }));
    const noMgBase = (0, model_1.createModel)((0, helpers_1.dermLike)(2, 'no-mg'));
    const D = base.config.model.width;
    strict_1.default.equal(normed.paramCount() - base.paramCount(), (4 * 2 + 1) * 2 * D);
    strict_1.default.equal(noMg.paramCount() - noMgBase.paramCount(), (1 * 2 + 1) * 2 * D);
    // Off: no norm weights at all, and the shared weights start identical (same keys, same initial values).
    const isTokenNorm = (key) => /^(compress\/stage\d\/image\d|tabular\/compress)\/norm\//.test(key);
    strict_1.default.ok(!base.weights.some((w) => isTokenNorm(w.key)));
    strict_1.default.equal(normed.weights.filter((w) => isTokenNorm(w.key)).length, (4 * 2 + 1) * 2);
    const byKey = new Map(normed.weights.map((w) => [w.key, w.variable]));
    for (const w of base.weights) {
        const other = byKey.get(w.key);
        strict_1.default.ok(other, `${w.key} missing with tokenNorm`);
        strict_1.default.deepEqual(Array.from(other.dataSync()), Array.from(w.variable.dataSync()), w.key);
    }
    // The pooled baselines have no tokens: tokenNorm changes nothing there.
    const lf = (0, model_1.createModel)((0, helpers_1.dermLike)(2, 'late-fusion'));
    const lfNorm = (0, model_1.createModel)((0, helpers_1.dermLike)(2, 'late-fusion', { tokenNorm: true }));
    strict_1.default.equal(lfNorm.paramCount(), lf.paramCount());
    for (const m of [base, normed, noMg, noMgBase, lf, lfNorm])
        m.dispose();
});
(0, node_test_1.test)('model.tokenNorm: the crossmodal attention is no longer uniform at initialisation when image tokens are small', () => {
    // The defect it fixes: tokens ~10× smaller than the record's make Q·Kᵀ ≈ 0 and the softmax uniform.
    const spread = (tokenNorm) => {
        const config = (0, helpers_1.dermLike)(2, 'full', { tokenNorm, width: 16, heads: 2 });
        const model = (0, model_1.createModel)(config);
        const { images, tabular } = (0, helpers_1.randomInputs)(config, 4);
        const small = images.map((x) => tf.mul(x, 0.05));
        const out = model.forward(small, tabular, { training: false, intermediates: true });
        // Largest deviation of any attention weight from uniform (1 / number of keys), over stages and modalities.
        let worst = 0;
        for (const perModality of out.intermediates.attention) {
            for (const A of perModality) {
                const keys = A.shape[3];
                for (const v of A.dataSync())
                    worst = Math.max(worst, Math.abs(v - 1 / keys));
            }
        }
        tf.dispose([images, small, tabular, out]);
        model.dispose();
        return worst;
    };
    const off = spread(false);
    const on = spread(true);
    strict_1.default.ok(on > 3 * off, `max |a − 1/L| with token norm ${on.toFixed(4)} should be well above without ${off.toFixed(4)}`);
});
//# sourceMappingURL=tokenNorm.test.js.map