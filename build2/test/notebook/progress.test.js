"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const progress_1 = require("../../lib/notebook/progress");
const step = (epoch, s, loss) => ({ epoch, step: s, steps: 2, loss, ce: loss / 2, sam: 0.1, up: 0.2, cp: 0.3 });
const epoch = (e, loss, auc, best) => ({
    epoch: e, lr: 1e-3, loss, ce: loss / 2, sam: 0.1, up: 0.2, cp: 0.3, val_loss: 0.6, val_auc: auc, val_accuracy: 0.7,
    val_balanced_accuracy: 0.7, seconds: 1.5, best,
});
(0, node_test_1.test)('in a notebook: one display, updated in place, ending with the summary', () => {
    const sent = [];
    const fakeKey = '/nonexistent/node_modules/tslab/dist/jupyter.js';
    globalThis.__tslab__ = {};
    require.cache[fakeKey] = { exports: { lastWriteDisplayData: (msg, update) => sent.push({ msg, update }) } };
    let summary = '';
    try {
        const p = (0, progress_1.trainingProgress)({ title: 'demo', minIntervalMs: 0 });
        p.callbacks.onStep(step(1, 1, 1.0));
        p.callbacks.onStep(step(1, 2, 0.8));
        p.callbacks.onEpochEnd(epoch(1, 0.9, 0.71, true));
        p.callbacks.onStep(step(2, 1, 0.5));
        p.callbacks.onEpochEnd(epoch(2, 0.5, 0.65, false));
        summary = p.finish();
    }
    finally {
        delete require.cache[fakeKey];
        delete globalThis.__tslab__;
    }
    strict_1.default.equal(sent.length, 6);
    const ids = new Set(sent.map((s) => s.msg.transient.display_id));
    strict_1.default.equal(ids.size, 1, 'one display id');
    strict_1.default.deepEqual(sent.map((s) => s.update), [false, true, true, true, true, true]);
    // The second step's row shows the running mean of the epoch's steps: (1.0 + 0.8) / 2.
    strict_1.default.match(sent[1].msg.data['text/html'], /<td>1 \(step 2\/2\)<\/td><td>0\.900<\/td><td>0\.450<\/td>/);
    strict_1.default.match(sent[2].msg.data['text/html'], /<td>0\.710<\/td>/);
    strict_1.default.match(summary, /2 epoch\(s\).*training loss 0\.900 → 0\.500; best validation AUC 0\.710 at epoch 1/);
    strict_1.default.equal(sent[5].msg.data['text/plain'], summary);
});
(0, node_test_1.test)('outside a notebook: one line per epoch and the summary, no per-step output', () => {
    const lines = [];
    const log = console.log;
    console.log = (...a) => void lines.push(a.join(' '));
    try {
        const p = (0, progress_1.trainingProgress)({ title: 'run' });
        p.callbacks.onStep(step(1, 1, 1));
        p.callbacks.onEpochEnd(epoch(1, 0.9, 0.8, true));
        p.finish();
    }
    finally {
        console.log = log;
    }
    strict_1.default.equal(lines.length, 2);
    strict_1.default.match(lines[0], /^run: epoch 1: loss 0\.900 .*validation AUC 0\.800 \*$/);
    strict_1.default.match(lines[1], /best validation AUC 0\.800 at epoch 1/);
});
//# sourceMappingURL=progress.test.js.map