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
const backend_1 = require("../../lib/backend");
const synth_1 = require("../../lib/synth");
const train_1 = require("../../lib/train");
const earlyStopping_1 = require("../../lib/train/earlyStopping");
const errors_1 = require("../../lib/util/errors");
const rows = (aucs, losses) => aucs.map((a, i) => ({ epoch: i + 1, val_auc: a, val_loss: losses?.[i] ?? 0.5 }));
(0, node_test_1.test)('selection: higher AUC wins, a tie goes to the lower validation loss', () => {
    strict_1.default.equal((0, earlyStopping_1.isImprovement)(null, 0.5, 1), true);
    strict_1.default.equal((0, earlyStopping_1.isImprovement)({ epoch: 1, auc: 0.7, loss: 0.6 }, 0.71, 0.9), true);
    strict_1.default.equal((0, earlyStopping_1.isImprovement)({ epoch: 1, auc: 0.7, loss: 0.6 }, 0.7, 0.59), true);
    strict_1.default.equal((0, earlyStopping_1.isImprovement)({ epoch: 1, auc: 0.7, loss: 0.6 }, 0.7, 0.6), false);
    strict_1.default.equal((0, earlyStopping_1.isImprovement)({ epoch: 1, auc: 0.7, loss: 0.6 }, 0.69, 0.1), false);
});
(0, node_test_1.test)('stopping: the budget always stops; patience stops only past minEpochs', () => {
    strict_1.default.equal((0, earlyStopping_1.shouldStop)(30, 0, { epochs: 30, patience: 10 }), true);
    strict_1.default.equal((0, earlyStopping_1.shouldStop)(12, 10, { epochs: 30, patience: 10 }), true);
    strict_1.default.equal((0, earlyStopping_1.shouldStop)(12, 9, { epochs: 30, patience: 10 }), false);
    strict_1.default.equal((0, earlyStopping_1.shouldStop)(12, 10, { epochs: 30, patience: 10, minEpochs: 15 }), false);
    strict_1.default.equal((0, earlyStopping_1.shouldStop)(15, 13, { epochs: 30, patience: 10, minEpochs: 15 }), true);
    strict_1.default.equal((0, earlyStopping_1.shouldStop)(29, 29, { epochs: 30, patience: 0 }), false);
});
(0, node_test_1.test)('replay: selected epoch, stop epoch and whether it was early, on a known history', () => {
    // Best at epoch 3 (0.8); a tie at epoch 6 with a lower loss moves the selection; then a plateau.
    const h = rows([0.6, 0.7, 0.8, 0.75, 0.79, 0.8, 0.7, 0.7, 0.7, 0.9], [0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.5, 0.5, 0.5, 0.5]);
    const a = (0, earlyStopping_1.replayEarlyStopping)(h, { epochs: 10, patience: 3 });
    strict_1.default.deepEqual(a, { selected: { epoch: 6, auc: 0.8, loss: 0.4 }, epochsRun: 9, early: true });
    // Patience 2 stops at epoch 5, before the tie.
    strict_1.default.deepEqual((0, earlyStopping_1.replayEarlyStopping)(h, { epochs: 10, patience: 2 }), { selected: { epoch: 3, auc: 0.8, loss: 0.5 }, epochsRun: 5, early: true });
    // A minimum of 10 epochs lets the late improvement at epoch 10 be found.
    const b = (0, earlyStopping_1.replayEarlyStopping)(h, { epochs: 10, patience: 3, minEpochs: 10 });
    strict_1.default.deepEqual(b, { selected: { epoch: 10, auc: 0.9, loss: 0.5 }, epochsRun: 10, early: false });
    // A shorter budget stops at the budget.
    strict_1.default.deepEqual((0, earlyStopping_1.replayEarlyStopping)(h, { epochs: 4, patience: 0 }), { selected: { epoch: 3, auc: 0.8, loss: 0.5 }, epochsRun: 4, early: false });
});
(0, node_test_1.test)('replay refuses a history that ends before the rule stops, and malformed rows', () => {
    strict_1.default.throws(() => (0, earlyStopping_1.replayEarlyStopping)(rows([0.6, 0.7, 0.8]), { epochs: 10, patience: 5 }, 'runs/x/history.csv'), (e) => {
        strict_1.default.ok(e instanceof errors_1.CfcmlError);
        strict_1.default.match(String(e), /runs\/x\/history\.csv: 3 epochs recorded.*epochs 10, patience 5/);
        return true;
    });
    strict_1.default.throws(() => (0, earlyStopping_1.replayEarlyStopping)([{ epoch: 2, val_auc: 0.5, val_loss: 1 }], { epochs: 1, patience: 0 }), /row 1 is epoch 2/);
    strict_1.default.throws(() => (0, earlyStopping_1.replayEarlyStopping)(rows([Number.NaN]), { epochs: 1, patience: 0 }), /val_auc NaN/);
});
// The replay's premise, on real training: a run with no early stopping passes through exactly the states a
// run with early stopping visits, so replaying its history gives the early-stopped run's selection.
let data = '';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-early-'));
(0, node_test_1.before)(async () => {
    await (0, backend_1.initBackend)({ quiet: true });
    data = path.join(root, 'derm7pt');
    await (0, synth_1.synthDerm7pt)({ out: data, seed: 3, scale: 0.1 });
});
const strip = (h) => h.map(({ seconds: _s, ...rest }) => rest);
(0, node_test_1.test)('trainer: early-stopped runs equal the replay of one long run (patience, minEpochs)', async () => {
    const common = { data, preset: 'tiny', epochs: 7, seed: 4, progress: 'none' };
    const long = await (0, train_1.train)({ ...common, out: path.join(root, 'long'), overrides: { patience: 0 } });
    strict_1.default.equal(long.history.length, 7);
    for (const [name, rule] of [
        ['p1', { patience: 1 }],
        ['p1min5', { patience: 1, minEpochs: 5 }],
    ]) {
        const short = await (0, train_1.train)({ ...common, out: path.join(root, name), overrides: rule });
        const replay = (0, earlyStopping_1.replayEarlyStopping)(long.history, { epochs: 7, ...rule });
        strict_1.default.equal(short.history.length, replay.epochsRun, `${name}: epochs trained`);
        strict_1.default.equal(short.bestEpoch, replay.selected.epoch, `${name}: selected epoch`);
        strict_1.default.deepEqual(strip(short.history), strip(long.history.slice(0, replay.epochsRun)), `${name}: the same trajectory`);
        if (name === 'p1')
            strict_1.default.ok(replay.early && replay.epochsRun < 7, `patience 1 stops early (ran ${replay.epochsRun})`);
        if (name === 'p1min5')
            strict_1.default.ok(replay.epochsRun >= 5, 'minEpochs 5 holds the run to 5 epochs at least');
    }
});
//# sourceMappingURL=earlyStopping.test.js.map