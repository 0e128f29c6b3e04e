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
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../../lib/backend");
const testing_1 = require("../../lib/backend/testing");
const model_1 = require("../../lib/model");
const step_1 = require("../../lib/train/step");
const errors_1 = require("../../lib/util/errors");
const safetensors_1 = require("../../lib/util/safetensors");
const helpers_1 = require("./helpers");
/**
 * lib/model/swin against timm's own SwinTransformer (scripts/reference/swin_timm_fixture.py, timm 0.9.16): a
 * small random Swin's state dict (small.safetensors, loaded by the same loader as real timm files), an input
 * batch and timm's four stage outputs (small_io.safetensors); and the names and shapes of timm's
 * swin_tiny_patch4_window7_224 (swin_tiny_names.json).
 */
const DIR = path.join(__dirname, '../../../test/fixtures/reference/swin');
const TOL = 1e-4;
const META = JSON.parse(fs.readFileSync(path.join(DIR, 'small.json'), 'utf8'));
const c = META.small.config;
/** The fixture's configuration as cfcml's Swin options and stage widths. */
function swinOf(m) {
    const f = m.config;
    return {
        swin: { depths: f.depths, heads: f.num_heads, window: f.window_size, patch: f.patch_size, mlpRatio: 4 },
        widths: [0, 1, 2, 3].map((s) => f.embed_dim * 2 ** s),
    };
}
const { swin: SMALL_SWIN, widths: SMALL_WIDTHS } = swinOf(META.small);
function swinModel(m, model = {}) {
    const { swin, widths } = swinOf(m);
    const config = (0, helpers_1.dermLike)(2, 'full', { backbone: 'swin', swin, encoderWidths: widths, ...model });
    return (0, model_1.createModel)({ ...config, imageSize: [m.config.img_size, m.config.img_size] });
}
const smallSwinModel = (model = {}) => swinModel(META.small, model);
const SMALL_EXPECTED = 'the small timm Swin of scripts/reference/swin_timm_fixture.py';
(0, node_test_1.test)('setup: wasm backend with the project kernels', async () => {
    await (0, backend_1.initBackend)({ backend: 'wasm', quiet: true });
});
(0, node_test_1.test)('the fixtures exercise shifted windows and their masks in stages 1–3, one whole window in stage 4, and padding', () => {
    const g = (0, model_1.stageGeometry)([c.img_size, c.img_size], SMALL_WIDTHS, SMALL_SWIN);
    strict_1.default.deepEqual(g.map((s) => s.grid[0]), [56, 28, 14, 7]);
    strict_1.default.deepEqual(g.map((s) => s.shift[0]), [3, 3, 3, 0]);
    strict_1.default.deepEqual(g.map((s) => s.window[0]), [7, 7, 7, 7]);
    const p = swinOf(META.padded);
    const gp = (0, model_1.stageGeometry)([META.padded.config.img_size, META.padded.config.img_size], p.widths, p.swin);
    strict_1.default.deepEqual(gp.map((s) => s.grid[0]), [32, 16, 8, 4], 'not multiples of the window 7: padded');
    strict_1.default.deepEqual(gp.map((s) => s.shift[0]), [3, 3, 3, 0]);
    strict_1.default.deepEqual(gp.map((s) => s.window[0]), [7, 7, 7, 4]);
});
for (const name of ['small', 'padded']) {
    (0, node_test_1.test)(`every stage of the ${name} Swin equals timm's, with timm's weights loaded by name (head skipped)`, (t) => {
        const meta = META[name];
        const model = swinModel(meta);
        (0, model_1.loadSwinWeights)(model, path.join(DIR, `${name}.safetensors`), `the ${name} timm Swin of scripts/reference/swin_timm_fixture.py`);
        const io = (0, safetensors_1.readSafetensors)(path.join(DIR, `${name}_io.safetensors`));
        const pixels = io.tensor('input'); // U8 [B, H, W, 3] as float32 0..255
        const B = pixels.shape[0];
        const before = tf.memory().numTensors;
        const images = [0, 1].map(() => tf.tidy(() => tf.div(tf.tensor(pixels.data, pixels.shape), 255)));
        const tabular = tf.zeros([B, 5]);
        for (let round = 0; round < 2; round++) {
            const out = model.forward(images, tabular, { training: false, intermediates: true });
            for (let s = 0; s < 4; s++) {
                const want = io.tensor(`stage${s + 1}`);
                const got = out.intermediates.stageFeatures[0][s];
                strict_1.default.deepEqual(got.shape, want.shape, `stage ${s + 1} shape`);
                strict_1.default.deepEqual(meta.stageShapes[s], want.shape);
                const err = (0, testing_1.relError)(got.dataSync(), want.data);
                const tol = Math.max(TOL, 2 * meta.float32ErrorVsFloat64[s]);
                if (round === 0)
                    t.diagnostic(`stage ${s + 1}: relative error ${err.toExponential(2)} (timm float32 vs float64: ${meta.float32ErrorVsFloat64[s].toExponential(2)})`);
                strict_1.default.ok(err <= tol, `stage ${s + 1}: max |cfcml − timm| / max |timm| = ${err.toExponential(2)} > ${tol.toExponential(1)}`);
            }
            tf.dispose(out);
        }
        tf.dispose([...images, tabular]);
        strict_1.default.equal(tf.memory().numTensors, before, 'no tensor left behind by the Swin forward');
        model.dispose();
    });
}
(0, node_test_1.test)('the loader refuses a file of other names or shapes with one error listing them, and assigns nothing', () => {
    const model = smallSwinModel();
    const src = (0, safetensors_1.readSafetensors)(path.join(DIR, 'small.safetensors'));
    const tensors = [...src.entries.keys()].map((name) => ({ name, ...src.tensor(name) }));
    const renamed = tensors
        .filter((t) => t.name !== 'layers.1.downsample.reduction.weight') // missing
        .map((t) => (t.name === 'norm.weight' ? { ...t, name: 'fc_norm.weight' } : t)) // unexpected (and norm.weight missing)
        .map((t) => (t.name === 'layers.0.blocks.1.attn.qkv.bias' ? { ...t, shape: [t.data.length / 2, 2] } : t)); // mis-shaped
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-swin-')), 'bad.safetensors');
    fs.writeFileSync(file, (0, safetensors_1.encodeSafetensors)(renamed));
    const key = 'encoder0/patch_embed/proj/weight';
    const before = model.weights.find((w) => w.key === key).variable.dataSync().slice();
    strict_1.default.throws(() => (0, model_1.loadSwinWeights)(model, file, SMALL_EXPECTED), (e) => {
        strict_1.default.ok(e instanceof errors_1.CfcmlError);
        const m = e.message;
        strict_1.default.match(m, /2 missing: layers\.1\.downsample\.reduction\.weight \[12,24\], norm\.weight \[48\]/);
        strict_1.default.match(m, /1 unexpected: fc_norm\.weight \[48\]/);
        strict_1.default.match(m, /1 mis-shaped: layers\.0\.blocks\.1\.attn\.qkv\.bias \(file \[9,2\], expected \[18\]\)/);
        strict_1.default.match(m, /Expected the small timm Swin/);
        strict_1.default.ok(m.includes(file), 'names the file');
        return true;
    });
    strict_1.default.deepEqual(model.weights.find((w) => w.key === key).variable.dataSync(), before, 'nothing assigned');
    model.dispose();
});
(0, node_test_1.test)("full Swin-T: every tensor name and shape and the parameter count of timm's swin_tiny_patch4_window7_224 without head", () => {
    const ref = JSON.parse(fs.readFileSync(path.join(DIR, 'swin_tiny_names.json'), 'utf8'));
    const made = [];
    let n = 0;
    const encoder = (0, model_1.swinEncoder)()({
        kind: '2d',
        channels: 3,
        imageSize: [224, 224],
        widths: [96, 192, 384, 768],
        params: {
            // Zeros: only names and shapes are compared (no 27.5 M random draws).
            add: (key, shape) => {
                const v = tf.variable(tf.zeros(shape), true, `swinT${n++}`);
                made.push({ key, v });
                return v;
            },
            adopt: () => strict_1.default.fail('the Swin encoder adopts nothing'),
        },
    });
    strict_1.default.deepEqual(encoder.stageChannels, [96, 192, 384, 768]);
    strict_1.default.deepEqual(model_1.SWIN_T, { depths: [2, 2, 6, 2], heads: [3, 6, 12, 24], window: 7, patch: 4, mlpRatio: 4 });
    const ours = made.map(({ key, v }) => [(0, model_1.timmName)(key), v.shape]);
    strict_1.default.deepEqual(ours, ref.tensors, "same names, shapes and order as timm's state dict");
    strict_1.default.equal(made.reduce((s, m) => s + m.v.size, 0), ref.params);
    strict_1.default.equal(ref.params, 27519354);
    made.forEach((m) => m.v.dispose());
});
(0, node_test_1.test)('freezeStages 3: stages 1–3 get no gradient and are non-trainable; stage 4 and the head get one', () => {
    const model = smallSwinModel({ freezeStages: 3 });
    const enc = model.weights.filter((w) => w.key.startsWith('encoder0/'));
    const frozen = enc.filter((w) => !w.variable.trainable).map((w) => w.key);
    strict_1.default.ok(frozen.includes('encoder0/patch_embed/proj/weight') && frozen.includes('encoder0/layers/2/blocks/1/mlp/fc2/bias'));
    strict_1.default.ok(frozen.every((k) => /^encoder0\/(patch_embed|layers\/[012])\//.test(k)), frozen.join(', '));
    strict_1.default.equal(frozen.length, enc.filter((w) => /^encoder0\/(patch_embed|layers\/[012])\//.test(w.key)).length);
    const x = tf.tidy(() => [0, 1].map(() => tf.randomUniform([2, c.img_size, c.img_size, 3], 0, 1, 'float32', 3)));
    const tabular = tf.zeros([2, 5]);
    const labels = tf.tensor1d([0, 1], 'int32');
    const g = tf.tidy(() => {
        const r = (0, step_1.lossGradients)({ model, batch: { images: x, tabular, labels }, hostLabels: [0, 1], dropoutSeed: 1, numClasses: 2, weights: { sam: 0.1, up: 0.1, cp: 0.1 }, tau: 0.07 });
        r.terms.dispose();
        return r.grads;
    });
    const byKey = new Map(model.weights.map((w) => [w.variable.name, w.key]));
    const withGrad = new Set(Object.entries(g).filter(([, t]) => t != null).map(([name]) => byKey.get(name)));
    for (const k of frozen)
        strict_1.default.ok(!withGrad.has(k), `frozen ${k} has a gradient`);
    for (const k of ['encoder0/layers/3/blocks/0/attn/qkv/weight', 'encoder0/layers/3/downsample/reduction/weight', 'encoder0/norm/weight']) {
        strict_1.default.ok(withGrad.has(k), `${k} has a gradient`);
    }
    const gNorm = tf.tidy(() => tf.norm(g[model.weights.find((w) => w.key === 'encoder0/layers/3/downsample/reduction/weight').variable.name]).dataSync()[0]);
    strict_1.default.ok(gNorm > 0, 'stage 4 gradient is not zero');
    tf.dispose([...x, tabular, labels, ...Object.values(g)]);
    model.dispose();
});
(0, node_test_1.test)('frozen stages run off the gradient tape: a step with stages 1–3 frozen holds far less memory', async (t) => {
    const peak = async (freezeStages) => {
        const model = smallSwinModel({ freezeStages });
        const x = tf.tidy(() => [0, 1].map(() => tf.randomUniform([2, c.img_size, c.img_size, 3], 0, 1, 'float32', 3)));
        const tabular = tf.zeros([2, 5]);
        const labels = tf.tensor1d([0, 1], 'int32');
        const info = await tf.profile(() => {
            const r = (0, step_1.lossGradients)({ model, batch: { images: x, tabular, labels }, hostLabels: [0, 1], dropoutSeed: 1, numClasses: 2, weights: { sam: 0.1, up: 0.1, cp: 0.1 }, tau: 0.07 });
            tf.dispose([r.terms, ...Object.values(r.grads)]);
        });
        tf.dispose([...x, tabular, labels]);
        model.dispose();
        return info.peakBytes;
    };
    const all = await peak(0);
    const frozen = await peak(3);
    t.diagnostic(`peak bytes of a step: ${all} trainable, ${frozen} with stages 1–3 frozen (${(frozen / all).toFixed(3)})`);
    strict_1.default.ok(frozen < 0.5 * all, `frozen ${frozen} vs ${all}`);
});
(0, node_test_1.test)('window partition and reverse are inverse, in timm order (batch, window row, window column, row-major inside)', () => {
    tf.tidy(() => {
        const x = tf.reshape(tf.range(0, 2 * 4 * 6 * 1), [2, 4, 6, 1]);
        const w = (0, model_1.windowPartition)(x, [2, 3]);
        strict_1.default.deepEqual(w.shape, [2 * 2 * 2, 6, 1]);
        strict_1.default.deepEqual(Array.from(w.dataSync().slice(0, 12)), [0, 1, 2, 6, 7, 8, 3, 4, 5, 9, 10, 11]);
        strict_1.default.deepEqual((0, model_1.windowReverse)(w, [2, 3], 4, 6).dataSync(), x.dataSync());
    });
});
(0, node_test_1.test)('a Swin backbone refuses sizes timm refuses, and 3D or grey images, with a CfcmlError', () => {
    strict_1.default.throws(() => smallSwinModel({ encoderWidths: [6, 12, 24, 50] }), /stage 4: 50 channels cannot be split over 6 heads/);
    strict_1.default.throws(() => (0, model_1.createModel)({ ...(0, helpers_1.dermLike)(2, 'full', { backbone: 'swin', swin: SMALL_SWIN, encoderWidths: SMALL_WIDTHS }), imageSize: [36, 36] }), /patch merging needs an even token grid/);
    strict_1.default.throws(() => (0, model_1.createModel)({ ...(0, helpers_1.dermLike)(2, 'full', { backbone: 'swin', encoderWidths: SMALL_WIDTHS }), images: [{ kind: '2d', channels: 1 }], imageSize: [32, 32] }), /2D RGB images/);
});
//# sourceMappingURL=swin.test.js.map