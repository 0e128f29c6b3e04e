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
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const tf = __importStar(require("@tensorflow/tfjs"));
const model_1 = require("../../lib/model");
const helpers_1 = require("../model/helpers");
const helpers_2 = require("../../lib/notebook/helpers");
const derm7ptRelease_1 = require("../../lib/synth/derm7ptRelease");
const errors_1 = require("../../lib/util/errors");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-nbhelpers-'));
(0, node_test_1.after)(() => fs.rmSync(tmp, { recursive: true, force: true }));
(0, node_test_1.test)('ensureCohort writes the synthetic cohort once, then reads it; its seven-point scores follow SEVEN_POINT', async () => {
    const dir = path.join(tmp, 'derm7pt');
    const lines = [];
    const log = console.log;
    console.log = (...a) => void lines.push(a.join(' '));
    try {
        const first = await (0, helpers_2.ensureCohort)(dir, { scale: 0.05, seed: 3 });
        const mtime = fs.statSync(path.join(dir, 'meta', 'meta.csv')).mtimeMs;
        const again = await (0, helpers_2.ensureCohort)(dir, { scale: 0.05, seed: 3 });
        strict_1.default.equal(fs.statSync(path.join(dir, 'meta', 'meta.csv')).mtimeMs, mtime, 'not rewritten');
        strict_1.default.equal(again.fingerprint, first.fingerprint);
        strict_1.default.equal(lines.length, 1, 'one line, on the first call only');
        strict_1.default.match(lines[0], /generated a synthetic Derm7pt cohort \(seed 3\)/);
        strict_1.default.ok(first.cases.length > 20);
        for (const c of first.cases)
            strict_1.default.equal((0, derm7ptRelease_1.sevenPointScore)(c.extra ?? {}), Number(c.extra?.seven_point_score), c.id);
    }
    finally {
        console.log = log;
    }
    strict_1.default.deepEqual(derm7ptRelease_1.SEVEN_POINT.map((c) => c.points), [2, 2, 2, 1, 1, 1, 1]);
    strict_1.default.equal((0, derm7ptRelease_1.sevenPointScore)({ pigment_network: 'atypical', pigmentation: 'localized irregular' }), 3);
});
(0, node_test_1.test)('pickPerClass: the first n of each class, class 0 first; too few is a CfcmlError', () => {
    const items = [1, 0, 1, 1, 0, 0, 1].map((label) => ({ label }));
    strict_1.default.deepEqual((0, helpers_2.pickPerClass)(items, 2), [1, 4, 0, 2]);
    strict_1.default.deepEqual((0, helpers_2.pickPerClass)(items, 3), [1, 4, 5, 0, 2, 3]);
    strict_1.default.throws(() => (0, helpers_2.pickPerClass)(items, 4), errors_1.CfcmlError);
});
(0, node_test_1.test)('modalityLabels: image<i> named after the spec, tabular kept', () => {
    const spec = { imageModalities: [{ name: 'clinic' }, { name: 'derm' }] };
    strict_1.default.deepEqual((0, helpers_2.modalityLabels)(spec), ['clinic', 'derm', 'tabular']);
    strict_1.default.deepEqual((0, helpers_2.modalityLabels)(spec, ['image1', 'tabular']), ['derm', 'tabular']);
});
(0, node_test_1.test)('disposeForward frees every tensor of a forward pass with intermediates', async () => {
    await tf.setBackend('cpu');
    const config = (0, helpers_1.dermLike)(2);
    const model = (0, model_1.createModel)(config);
    const { images, tabular } = (0, helpers_1.randomInputs)(config, 2, 3);
    const before = tf.memory().numTensors;
    const out = model.forward(images, tabular, { training: false, intermediates: true });
    strict_1.default.ok(tf.memory().numTensors > before + 10);
    (0, helpers_2.disposeForward)(out);
    strict_1.default.equal(tf.memory().numTensors, before);
    tf.dispose([...images, tabular]);
});
//# sourceMappingURL=helpers.test.js.map