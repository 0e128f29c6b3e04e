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
const backend_1 = require("../../lib/backend");
const main_1 = require("../../lib/cli/main");
const config_1 = require("../../lib/train/config");
const datasets_1 = require("../../lib/data/datasets");
const checkpoint_1 = require("../../lib/run/checkpoint");
const safetensors_1 = require("../../lib/util/safetensors");
/**
 * The paper preset with a Swin backbone trains end to end from the CLI, with the small timm Swin of
 * scripts/reference/swin_timm_fixture.py as its pretrained weights (`--weights`), on the real-format Derm7pt
 * folder of the equivalence fixtures; stages 1–3 (frozen by the preset) come out bit for bit as loaded.
 */
const DATA = path.join(__dirname, '../../../test/fixtures/equivalence/derm7pt');
const WEIGHTS = path.join(__dirname, '../../../test/fixtures/reference/swin/small.safetensors');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-swin-train-'));
/** The small Swin of the fixture (patch 2 at 112 px, widths 6-12-24-48, depths 2-2-2-2, heads 1-2-3-6) and tiny heads. */
const SMALL = 'model.encoderWidths=6:12:24:48,model.swin.depths=2:2:2:2,model.swin.heads=1:2:3:6,model.swin.patch=2,model.width=16,model.imgTokens=4,model.tabTokens=4,model.heads=2,warmupEpochs=0';
(0, node_test_1.before)(async () => {
    await (0, backend_1.initBackend)({ quiet: true });
});
(0, node_test_1.test)('the paper preset of Derm7pt is the authors\' fine-tuning: Swin-T, stages 1–3 frozen, backbone lr × 0.1', () => {
    const p = datasets_1.DERM7PT.presets.paper;
    strict_1.default.equal(p.model.backbone, 'swin');
    strict_1.default.equal(p.model.freezeStages, 3);
    strict_1.default.equal(p.backboneLrScale, 0.1);
    strict_1.default.deepEqual(p.model.encoderWidths, [96, 192, 384, 768]);
    strict_1.default.deepEqual(p.imageSize, [224, 224]);
});
(0, node_test_1.test)('--set and --weights reach the preset: small Swin sizes, the weights file resolved, checked', () => {
    const ov = (0, config_1.parsePresetOverrides)(SMALL + ',model.freezeStages=2,model.backbone=swin');
    const t = (0, config_1.resolveTrainPreset)({ data: DATA, preset: 'paper', overrides: { ...ov, model: { ...ov.model, backboneWeights: path.relative(process.cwd(), WEIGHTS) } } }, datasets_1.DERM7PT);
    strict_1.default.deepEqual(t.model.encoderWidths, [6, 12, 24, 48]);
    strict_1.default.deepEqual(t.model.swin, { depths: [2, 2, 2, 2], heads: [1, 2, 3, 6], patch: 2 });
    strict_1.default.equal(t.model.freezeStages, 2);
    strict_1.default.equal(t.model.backboneWeights, WEIGHTS, 'resolved to an absolute path');
    strict_1.default.throws(() => (0, config_1.parsePresetOverrides)('model.swin.depths=2:2:6'), /four whole numbers/);
    strict_1.default.throws(() => (0, config_1.parsePresetOverrides)('model.backbone=vit'), /expected one of residual, swin/);
    strict_1.default.throws(() => (0, config_1.resolveTrainPreset)({ data: DATA, preset: 'cpu', overrides: { model: { backboneWeights: WEIGHTS } } }, datasets_1.DERM7PT), /need model\.backbone=swin/);
    strict_1.default.throws(() => (0, config_1.resolveTrainPreset)({ data: DATA, preset: 'paper', overrides: { model: { backboneWeights: path.join(root, 'none.safetensors') } } }, datasets_1.DERM7PT), /backbone weights not found/);
    strict_1.default.throws(() => (0, config_1.resolveTrainPreset)({ data: DATA, preset: 'paper', overrides: { model: { freezeStages: 5 } } }, datasets_1.DERM7PT), /freezeStages must be a whole number 0–4/);
});
(0, node_test_1.test)('cfcml train --preset paper --weights <timm fixture>: trains; frozen stages 1–3 bit-identical, stage 4 moved', async () => {
    const out = path.join(root, 'run');
    const code = await (0, main_1.main)(['train', '--data', DATA, '--preset', 'paper', '--weights', WEIGHTS, '--image-size', '112', '--epochs', '1', '--batch-size', '4', '--set', SMALL, '--seed', '3', '--out', out, '--progress', 'none', '--json']);
    strict_1.default.equal(code, 0);
    const metrics = JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    strict_1.default.ok(metrics, 'metrics.json written');
    const file = (0, safetensors_1.readSafetensors)(WEIGHTS);
    for (const kind of ['best', 'last']) {
        const weights = new Map((0, checkpoint_1.unpackWeights)((0, checkpoint_1.loadCheckpoint)(path.join(out, `${kind}.ckpt`))).map((w) => [w.key, w]));
        let frozen = 0;
        let moved = 0;
        for (const [key, w] of weights) {
            const m = /^encoder0\/(.+)$/.exec(key);
            if (!m)
                continue;
            const loaded = file.tensor(m[1].split('/').join('.'));
            const same = Buffer.from(w.data.buffer, w.data.byteOffset, w.data.byteLength).equals(Buffer.from(loaded.data.buffer, loaded.data.byteOffset, loaded.data.byteLength));
            if (/^(patch_embed|layers\/[012])\//.test(m[1])) {
                strict_1.default.ok(same, `${kind}: frozen ${key} changed`);
                frozen++;
            }
            else if (!same)
                moved++;
        }
        strict_1.default.equal(frozen, 4 + 6 * 13 + 2 * 3, `${kind}: every frozen tensor compared (patch embedding, 6 blocks of 13, 2 patch mergings of 3)`);
        strict_1.default.ok(moved >= 20, `${kind}: stage 4 trained (${moved} tensors moved)`);
    }
});
(0, node_test_1.test)('a weights file that does not fit Swin-T is refused before training with the list of mis-shaped tensors', async () => {
    const errors = [];
    const orig = console.error;
    console.error = (...a) => void errors.push(a.join(' '));
    let code;
    try {
        code = await (0, main_1.main)(['train', '--data', DATA, '--preset', 'paper', '--weights', WEIGHTS, '--image-size', '128', '--set', 'model.width=16,model.imgTokens=4,model.tabTokens=4', '--out', path.join(root, 'bad'), '--progress', 'none']);
    }
    finally {
        console.error = orig;
    }
    strict_1.default.equal(code, 2);
    const msg = errors.join('\n');
    strict_1.default.match(msg, /mis-shaped: patch_embed\.proj\.weight \(file \[6,3,2,2\], expected \[96,3,4,4\]\)/);
    strict_1.default.match(msg, /missing: layers\.2\.blocks\.2\./);
    strict_1.default.match(msg, /52 missing: .*; 119 mis-shaped: /);
    strict_1.default.match(msg, /Swin-T: the model\.safetensors of the Hugging Face model timm\/swin_tiny_patch4_window7_224\.ms_in1k/);
    strict_1.default.ok(!fs.existsSync(path.join(root, 'bad', 'best.ckpt')));
});
//# sourceMappingURL=swin.test.js.map