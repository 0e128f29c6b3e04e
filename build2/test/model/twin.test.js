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
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../../lib/backend");
const testing_1 = require("../../lib/backend/testing");
const model_1 = require("../../lib/model");
const checkpoint_1 = require("../../lib/run/checkpoint");
const loss_1 = require("../../lib/train/loss");
/**
 * cfcml against its PyTorch twin (scripts/reference/cfcml_twin.py): fixtures made by
 * scripts/reference/make_twin_fixtures.py hold fixed weights (cfcml keys and layouts), a fixed batch, and the
 * twin's logits, embeddings z, loss terms and weight gradients (float64). cfcml on wasm (float32), on both paths of its
 * dense products (native BLAS and XNNPACK, lib/backend/path.ts), must match
 * within 1e-4 relative, per tensor: max |cfcml − twin| / max |twin|; a weight gradient where PyTorch's own float32
 * is further than that from its float64 (recorded in the fixture: LayerNorms over 2–8 channels are
 * ill-conditioned; worst 1.6e-3, 2d-full-tokennorm) may be off by twice PyTorch's own error. Dropout is 0 in the fixtures (the two
 * libraries draw different masks), so the training-mode forward is deterministic on both sides.
 */
const DIR = path.join(__dirname, '../../../test/fixtures/reference/twin');
const TOL = 1e-4;
(0, node_test_1.test)('setup: wasm backend with the project kernels', async () => {
    await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true });
});
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ckpt')).sort();
(0, node_test_1.test)('fixtures cover full and two other variants, in 2-D and in 3-D', () => {
    for (const dims of ['2d', '3d']) {
        const variants = files.filter((f) => f.startsWith(`${dims}-`));
        strict_1.default.ok(variants.includes(`${dims}-full.ckpt`), `${dims}: full`);
        strict_1.default.ok(variants.length >= 3, `${dims}: ${variants.join(', ')}`);
    }
});
for (const file of files)
    for (const cpath of backend_1.COMPUTE_PATHS) {
        (0, node_test_1.test)(`logits, z, loss terms and weight gradients equal the PyTorch twin's: ${file} (${cpath} path)`, (0, testing_1.onPath)(cpath), () => {
            (0, backend_1.useComputePath)(cpath);
            const ck = (0, checkpoint_1.loadCheckpoint)(path.join(DIR, file));
            const { config, labels, hrmWeights, tau, terms } = ck.meta;
            const arrays = new Map(ck.arrays.map((a) => [a.name, a]));
            const get = (name) => {
                const a = arrays.get(name);
                strict_1.default.ok(a, `fixture ${file} has no array '${name}'`);
                return a;
            };
            const model = (0, model_1.createModel)(config);
            strict_1.default.equal(model.paramCount(), ck.meta.paramCount, 'same parameter count as the twin');
            // setWeightData throws on a missing, unknown or mis-shaped key: the twin has exactly cfcml's weights.
            model.setWeightData(ck.arrays.filter((a) => a.name.startsWith('w:')).map((a) => ({ key: a.name.slice(2), shape: a.shape, data: a.data })));
            const before = tf.memory().numTensors;
            const images = config.images.map((_, m) => tf.tensor(get(`in:image${m}`).data, get(`in:image${m}`).shape));
            const tab = get('in:tabular');
            const tabular = tf.tensor2d(tab.data, tab.shape);
            const y = tf.tensor1d(labels, 'int32');
            const vars = model.weights.map((w) => w.variable);
            let kept = [];
            const { value, grads } = tf.variableGrads(() => {
                const out = model.forward(images, tabular, { training: true, seed: 1 });
                const l = (0, loss_1.cfcmlLoss)(out, y, labels, { numClasses: config.numClasses, weights: hrmWeights, tau });
                kept = [out.logits, ...out.z, l.ce, l.sam, l.up, l.cp].map((t) => tf.keep(t));
                return l.total;
            }, vars);
            const errors = [];
            const check = (what, actual, expected, tol = TOL) => {
                const e = typeof expected === 'number' ? [expected] : expected.data;
                if (typeof expected !== 'number')
                    strict_1.default.deepEqual(actual.shape, expected.shape, `${what}: shape`);
                const err = (0, testing_1.relError)(actual.dataSync(), e, 1e-12);
                if (!(err <= tol))
                    errors.push(`${what}: relative error ${err.toExponential(2)} (allowed ${tol.toExponential(1)})`);
            };
            const [logits, ...rest] = kept;
            const z = rest.slice(0, rest.length - 4);
            const [ce, sam, up, cp] = rest.slice(rest.length - 4);
            check('logits', logits, get('out:logits'));
            z.forEach((zm, m) => check(`z${m}`, zm, get(`out:z${m}`)));
            check('total', value, terms.total);
            check('ce', ce, terms.ce);
            for (const [k, t] of [['sam', sam], ['up', up], ['cp', cp]]) {
                if (hrmWeights.sam > 0 || hrmWeights.up > 0 || hrmWeights.cp > 0)
                    check(k, t, terms[k]);
            }
            // The attention's key bias gets an exactly zero gradient (it adds q·b_k to every score of a query, and
            // softmax ignores a shift): both sides hold rounding noise there, so it is checked against the scale of
            // the whole gradient instead of its own. So does, with model.tokenNorm, the bias of every compression conv
            // whose tokens are then layer-normalised: it adds one constant across a token's D channels, which the norm
            // subtracts again.
            const zeroGradient = (key) => key.endsWith('/k/bias') || (config.model.tokenNorm === true && /^(compress\/stage\d\/image\d|tabular\/compress)\/conv\/bias$/.test(key));
            let scale = 0;
            for (const w of model.weights)
                for (const v of get(`g:${w.key}`).data)
                    scale = Math.max(scale, Math.abs(v));
            for (const w of model.weights) {
                const g = grads[w.variable.name];
                strict_1.default.ok(g, `no gradient for ${w.key}`);
                if (zeroGradient(w.key)) {
                    const worst = Math.max(...Array.from(g.dataSync(), Math.abs), ...Array.from(get(`g:${w.key}`).data, Math.abs));
                    if (!(worst <= 1e-5 * scale))
                        errors.push(`d total / d ${w.key} should be 0: ${worst.toExponential(2)} vs gradient scale ${scale.toExponential(2)}`);
                }
                else {
                    // As close to the float64 truth as PyTorch's own float32 gets on this fixture (or 1e-4, whichever is larger):
                    // a LayerNorm over few channels is ill-conditioned, and both float32 implementations round there.
                    const torch32 = ck.meta.torchFloat32RelError?.[w.key] ?? 0;
                    check(`d total / d ${w.key}`, g, get(`g:${w.key}`), Math.max(TOL, 2 * torch32));
                }
            }
            strict_1.default.deepEqual(errors, [], errors.join('\n'));
            // Not trivially equal: the gradient reaches the HRM terms (they are weighted ×10 in the fixtures).
            strict_1.default.ok(Math.abs(terms.total - terms.ce) > 1e-3 || hrmWeights.sam + hrmWeights.up + hrmWeights.cp === 0);
            tf.dispose([value, ...Object.values(grads), ...kept]);
            strict_1.default.equal(tf.memory().numTensors, before + images.length + 2, 'no tensors leak beyond the inputs');
            tf.dispose([...images, tabular, y]);
            model.dispose();
        });
    }
//# sourceMappingURL=twin.test.js.map