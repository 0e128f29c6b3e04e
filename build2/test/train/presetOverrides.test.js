"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const datasets_1 = require("../../lib/data/datasets");
const config_1 = require("../../lib/train/config");
const loss_1 = require("../../lib/train/loss");
const errors_1 = require("../../lib/util/errors");
(0, node_test_1.test)('--set parses typed preset overrides, nested model.* and hrm.* included, and they reach the resolved preset', () => {
    const ov = (0, config_1.parsePresetOverrides)('model.tokenNorm=false, hrmWarmupEpochs=5,hrm.sam=0.01,tau=0.1,augment=false');
    strict_1.default.deepEqual(ov, { hrmWarmupEpochs: 5, tau: 0.1, augment: false, model: { tokenNorm: false }, hrm: { sam: 0.01 } });
    const p = (0, config_1.resolveTrainPreset)({ data: '.', preset: 'cpu', overrides: ov }, datasets_1.DERM7PT);
    const base = (0, datasets_1.getPreset)(datasets_1.DERM7PT, 'cpu');
    strict_1.default.equal(p.model.tokenNorm, false);
    strict_1.default.equal(p.model.width, base.model.width); // the rest of the model preset is kept
    strict_1.default.deepEqual(p.hrm, { ...base.hrm, sam: 0.01 });
    strict_1.default.equal(p.hrmWarmupEpochs, 5);
    strict_1.default.equal(p.tau, 0.1);
    strict_1.default.equal(p.augment, false);
});
(0, node_test_1.test)('--set refuses unknown keys and mistyped values, naming them', () => {
    const fails = (text, pattern) => strict_1.default.throws(() => (0, config_1.parsePresetOverrides)(text), (e) => e instanceof errors_1.CfcmlError && pattern.test(e.message), text);
    fails('model.tokennorm=true', /unknown preset field 'model\.tokennorm'.*model\.tokenNorm/);
    fails('model.tokenNorm=yes', /model\.tokenNorm: expected true or false, got 'yes'/);
    fails('epochs=2.5', /epochs: expected a whole number ≥ 0, got '2\.5'/);
    fails('lr=abc', /lr: expected a finite number ≥ 0, got 'abc'/);
    fails('lr', /expects key=value, got 'lr'/);
    fails('schedule=linear', /schedule: expected one of step, cosine, got 'linear'/);
});
(0, node_test_1.test)('--set schedule=cosine reaches the resolved preset (a string field with its choices)', () => {
    const ov = (0, config_1.parsePresetOverrides)('schedule=cosine,epochs=80');
    strict_1.default.deepEqual(ov, { schedule: 'cosine', epochs: 80 });
    const p = (0, config_1.resolveTrainPreset)({ data: '.', preset: 'cpu', overrides: ov }, datasets_1.DERM7PT);
    strict_1.default.equal(p.schedule, 'cosine');
    strict_1.default.equal(p.epochs, 80);
});
(0, node_test_1.test)('HRM warm-up: epoch e trains with min(1, e/n) of the weights; 0 = constant', () => {
    const w = { sam: 0.04, up: 0.06, cp: 0.18 };
    strict_1.default.deepEqual((0, loss_1.hrmWeightsAt)(w, 0, 4), { sam: 0, up: 0, cp: 0 });
    const half = (0, loss_1.hrmWeightsAt)(w, 2, 4);
    strict_1.default.ok(Math.abs(half.sam - 0.02) < 1e-12 && Math.abs(half.up - 0.03) < 1e-12 && Math.abs(half.cp - 0.09) < 1e-12);
    strict_1.default.deepEqual((0, loss_1.hrmWeightsAt)(w, 4, 4), w);
    strict_1.default.deepEqual((0, loss_1.hrmWeightsAt)(w, 9, 4), w);
    strict_1.default.equal((0, loss_1.hrmWeightsAt)(w, 0, 0), w);
});
//# sourceMappingURL=presetOverrides.test.js.map