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
const B = 2;
/** Spatial size after a 'same'-padded stride. */
const down = (size, stride) => size.map((n, i) => Math.ceil(n / stride[i]));
function expectedStageShapes(config) {
    const stem = config.imageSize.length === 2 ? [4, 4] : [2, 4, 4];
    const two = config.imageSize.map(() => 2);
    let size = down(config.imageSize, stem);
    return config.model.encoderWidths.map((c, s) => {
        if (s > 0)
            size = down(size, two);
        return [B, ...size, c];
    });
}
function checkShapes(config) {
    const spec = (0, model_1.variantSpec)(config.variant);
    const model = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, B);
    try {
        const I = spec.useImages ? config.images.length : 0;
        const names = [...Array.from({ length: I }, (_, m) => `image${m}`), ...(spec.useTabular ? ['tabular'] : [])];
        strict_1.default.deepEqual(model.modalityNames, names);
        const D = config.model.width;
        const L = names.map((n) => (n === 'tabular' ? config.model.tabTokens : config.model.imgTokens));
        const out = model.forward(images, tabular, { training: true, seed: 3, intermediates: true });
        strict_1.default.equal(out.z.length, names.length);
        for (const z of out.z)
            strict_1.default.deepEqual(z.shape, [B, D]);
        strict_1.default.deepEqual(out.logits.shape, [B, config.numClasses]);
        const it = out.intermediates;
        strict_1.default.equal(it.stageFeatures.length, I);
        const want = expectedStageShapes(config);
        for (const perStage of it.stageFeatures)
            strict_1.default.deepEqual(perStage.map((F) => F.shape), want);
        if (spec.architecture === 'pooled') {
            strict_1.default.equal(it.tokens.length, 0);
        }
        else {
            const stages = spec.multiGranularity ? 4 : 1;
            const cieOn = spec.cie && names.length > 1;
            const heads = spec.singleHead ? 1 : config.model.heads;
            strict_1.default.equal(it.tokens.length, stages);
            for (let s = 0; s < stages; s++) {
                names.forEach((_, m) => {
                    strict_1.default.deepEqual(it.tokens[s][m].shape, [B, L[m], D], `tokens stage ${s} modality ${m}`);
                    strict_1.default.deepEqual(it.completed[s][m].shape, [B, (cieOn ? 2 : 1) * L[m], D]);
                    const A = it.attention[s][m];
                    if (!cieOn)
                        strict_1.default.equal(A, null);
                    else {
                        const Lk = L.reduce((a, b) => a + b, 0) - L[m];
                        strict_1.default.deepEqual(A.shape, [B, heads, L[m], Lk]);
                    }
                });
            }
        }
        tf.dispose(out);
        // Backward: every variant trains (the authors' `no-cie` crashed); gradients are finite.
        const vars = model.weights.map((w) => w.variable);
        const { value, grads } = tf.variableGrads(() => (0, helpers_1.ceLoss)(model, images, tabular, [0, config.numClasses - 1], true, 5), vars);
        strict_1.default.ok(Number.isFinite(value.dataSync()[0]));
        for (const [name, g] of Object.entries(grads)) {
            const ok = tf.tidy(() => tf.all(tf.isFinite(g)).dataSync()[0]);
            strict_1.default.equal(ok, 1, `non-finite gradient for ${name}`);
        }
        tf.dispose([value, ...Object.values(grads)]);
    }
    finally {
        tf.dispose([...images, tabular]);
        model.dispose();
    }
}
(0, node_test_1.before)(async () => {
    await tf.setBackend('cpu');
});
/** One variant per distinct architecture: the loss ablations (no-sam, no-up, no-cp, no-hrm) build `full`'s (tested below). */
const ARCHITECTURES = model_1.VARIANTS.filter((v) => v === 'full' || JSON.stringify((0, model_1.variantSpec)(v)) !== JSON.stringify((0, model_1.variantSpec)('full')));
(0, node_test_1.test)('the loss ablations build exactly the full model: same weights, same outputs for the same seed', () => {
    strict_1.default.deepEqual(ARCHITECTURES.length, model_1.VARIANTS.length - 4);
    const config = (0, helpers_1.dermLike)(2);
    const full = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, B);
    const ref = tf.tidy(() => full.forward(images, tabular, { training: false }).logits.arraySync());
    for (const variant of ['no-sam', 'no-up', 'no-cp', 'no-hrm']) {
        const m = (0, model_1.createModel)({ ...config, variant });
        strict_1.default.deepEqual(m.weights.map((w) => [w.key, w.variable.shape]), full.weights.map((w) => [w.key, w.variable.shape]), variant);
        strict_1.default.deepEqual(tf.tidy(() => m.forward(images, tabular, { training: false }).logits.arraySync()), ref, variant);
        m.dispose();
    }
    tf.dispose([...images, tabular]);
    full.dispose();
});
for (const [label, make] of [
    ['Derm7pt-like (2 images, 2D)', helpers_1.dermLike],
    ['MEN-like (3 volumes, 3D)', helpers_1.menLike],
]) {
    for (const classes of [2, 3]) {
        for (const variant of ARCHITECTURES) {
            (0, node_test_1.test)(`shapes + backward: ${label}, ${classes} classes, variant ${variant}`, () => {
                checkShapes(make(classes, variant));
            });
        }
    }
}
(0, node_test_1.test)('a single image modality with no tabular has no CIE partner: CIE is off, the model still runs', () => {
    const config = { ...(0, helpers_1.dermLike)(2, 'no-tabular'), images: [{ kind: '2d', channels: 3 }] };
    const model = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, B);
    const out = model.forward(images, tabular, { training: false, intermediates: true });
    strict_1.default.equal(out.intermediates.attention[0][0], null);
    strict_1.default.deepEqual(out.logits.shape, [B, 2]);
    tf.dispose([out, ...images, tabular]);
    model.dispose();
});
(0, node_test_1.test)('tabular-only accepts no image tensors', () => {
    const config = (0, helpers_1.menLike)(3, 'tabular-only');
    const model = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, B);
    const out = model.forward([], tabular, { training: false });
    strict_1.default.deepEqual(out.logits.shape, [B, 3]);
    strict_1.default.ok(model.weights.every((w) => w.group === 'head'), 'tabular-only has no encoder weights');
    tf.dispose([out, ...images, tabular]);
    model.dispose();
});
(0, node_test_1.test)('bad inputs and configs give CfcmlErrors that say what is wrong', () => {
    const config = (0, helpers_1.dermLike)(2);
    const model = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, B);
    strict_1.default.throws(() => model.forward([images[0]], tabular, { training: false }), /expected 2 image tensors/);
    strict_1.default.throws(() => model.forward(images, tf.zeros([B, 3]), { training: false }), /tabular has shape \[2,3\], expected \[2, 5\]/);
    strict_1.default.throws(() => (0, model_1.createModel)((0, helpers_1.dermLike)(2, 'full', { heads: 3 })), /heads \(3\) must divide/);
    strict_1.default.throws(() => (0, model_1.createModel)({ ...(0, helpers_1.dermLike)(2), imageSize: [4, 16, 16] }), /imageSize/);
    tf.dispose([...images, tabular]);
    model.dispose();
});
(0, node_test_1.test)('evaluation is deterministic and dropout is seeded', () => {
    const config = (0, helpers_1.dermLike)(2);
    const model = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, 4);
    const a = model.forward(images, tabular, { training: false }).logits;
    const b = model.forward(images, tabular, { training: false }).logits;
    strict_1.default.deepEqual(a.arraySync(), b.arraySync());
    const c = model.forward(images, tabular, { training: true, seed: 42 }).logits;
    const d = model.forward(images, tabular, { training: true, seed: 42 }).logits;
    strict_1.default.deepEqual(c.arraySync(), d.arraySync());
    tf.dispose([a, b, c, d, ...images, tabular]);
    model.dispose();
});
//# sourceMappingURL=cfcml.test.js.map