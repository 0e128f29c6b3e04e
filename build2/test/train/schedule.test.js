"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const schedule_1 = require("../../lib/train/schedule");
const reference_1 = require("../helpers/reference");
const { cases } = (0, reference_1.reference)('schedule');
(0, node_test_1.test)("the authors' warm-up starts at lr 0; ours is theirs one epoch on: learningRateAt(e) = authors(e + 1)", () => {
    strict_1.default.equal(cases.length, 3);
    for (const c of cases) {
        strict_1.default.equal(c.authorsLr[0], 0, 'their first epoch trains at lr 0');
        strict_1.default.ok((0, schedule_1.learningRateAt)(0, c) > 0, 'ours does not');
        for (let e = 0; e + 1 < c.epochs; e++) {
            const want = c.authorsLr[e + 1];
            const got = (0, schedule_1.learningRateAt)(e, c);
            strict_1.default.ok(Math.abs(got - want) <= 1e-12 * want, `lr ${c.lr}, warm-up ${c.warmupEpochs}, epoch ${e}: ${got} vs authors' epoch ${e + 1} ${want}`);
        }
    }
});
(0, node_test_1.test)('the shape of the schedule: linear warm-up to lr, then × gamma every stepEvery epochs', () => {
    const o = { lr: 1e-3, warmupEpochs: 5, stepEvery: 5, stepGamma: 0.8 };
    const got = [0, 1, 4, 5, 9, 10, 14, 15, 49].map((e) => (0, schedule_1.learningRateAt)(e, o));
    const want = [2e-4, 4e-4, 1e-3, 1e-3, 1e-3, 8e-4, 8e-4, 6.4e-4, 1e-3 * Math.pow(0.8, 8)];
    got.forEach((g, i) => strict_1.default.ok(Math.abs(g - want[i]) < 1e-12, `epoch index ${i}: ${g} vs ${want[i]}`));
});
(0, node_test_1.test)('no warm-up starts at the full rate', () => {
    strict_1.default.equal((0, schedule_1.learningRateAt)(0, { lr: 0.01, warmupEpochs: 0, stepEvery: 2, stepGamma: 0.5 }), 0.01);
    strict_1.default.equal((0, schedule_1.learningRateAt)(2, { lr: 0.01, warmupEpochs: 0, stepEvery: 2, stepGamma: 0.5 }), 0.005);
});
(0, node_test_1.test)("schedule 'cosine': after warm-up, torch's CosineAnnealingLR over the rest of the budget, epoch by epoch", () => {
    const { cosine } = (0, reference_1.reference)('schedule');
    strict_1.default.equal(cosine.length, 2);
    for (const c of cosine) {
        const o = { ...c, stepEvery: 4, stepGamma: 0.8, schedule: 'cosine' };
        for (let e = 0; e < c.warmupEpochs; e++)
            strict_1.default.ok(Math.abs((0, schedule_1.learningRateAt)(e, o) - (c.lr * (e + 1)) / c.warmupEpochs) < 1e-15);
        c.torchLr.forEach((want, t) => {
            const got = (0, schedule_1.learningRateAt)(c.warmupEpochs + t, o);
            strict_1.default.ok(Math.abs(got - want) <= 1e-12 * c.lr, `lr ${c.lr}, epoch ${c.warmupEpochs + t}: ${got} vs torch ${want}`);
        });
        strict_1.default.equal((0, schedule_1.learningRateAt)(c.epochs + 3, o), 0, 'past the budget the rate stays 0');
    }
    strict_1.default.throws(() => (0, schedule_1.learningRateAt)(3, { lr: 1, warmupEpochs: 2, stepEvery: 1, stepGamma: 1, schedule: 'cosine', epochs: 2 }), /schedule 'cosine' needs epochs \(2\) greater than warmupEpochs \(2\)/);
});
//# sourceMappingURL=schedule.test.js.map