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
const sweep_1 = require("../../lib/experiments/sweep");
const sweepConfig_1 = require("../../lib/experiments/sweepConfig");
const errors_1 = require("../../lib/util/errors");
const SETTINGS = [
    { name: 'base', set: 'model.tokenNorm=false' },
    { name: 'lr1e-3', set: 'lr=1e-3', variants: ['full'] },
];
(0, node_test_1.test)('expandGrid with named settings: setting × variant × seed, the setting names the group and the folder', () => {
    const runs = (0, sweep_1.expandGrid)({ data: ['/d/a'], presets: ['cpu'], variants: ['full', 'late-fusion'], seeds: [101, 102], settings: SETTINGS });
    strict_1.default.deepEqual(runs.map((r) => r.id), [
        'base/full/seed101',
        'base/full/seed102',
        'base/late-fusion/seed101',
        'base/late-fusion/seed102',
        'lr1e-3/full/seed101',
        'lr1e-3/full/seed102',
    ]);
    strict_1.default.deepEqual(runs.map((r) => r.index), [0, 1, 2, 3, 4, 5]);
    strict_1.default.deepEqual([...new Set(runs.map((r) => r.group))], ['base', 'lr1e-3']);
    strict_1.default.equal(runs[4].dir, path.join('runs', 'lr1e-3', 'full', 'seed101'));
    strict_1.default.deepEqual([runs[4].setting, runs[4].set], ['lr1e-3', 'lr=1e-3']);
    // With a preset axis too, the group joins the labels: preset, then setting.
    const two = (0, sweep_1.expandGrid)({ data: ['/d/a'], presets: ['tiny', 'cpu'], variants: ['full'], seeds: [1], settings: [SETTINGS[0]] });
    strict_1.default.deepEqual(two.map((r) => r.id), ['tiny_base/full/seed1', 'cpu_base/full/seed1']);
    // No settings: the grid, ids and run objects are those of a sweep without the axis.
    const plain = (0, sweep_1.expandGrid)({ data: ['/d/a'], presets: ['cpu'], variants: ['full'], seeds: [1], settings: [] });
    strict_1.default.deepEqual(plain, [{ index: 0, id: 'full/seed1', group: '', data: '/d/a', preset: 'cpu', variant: 'full', seed: 1, dir: path.join('runs', 'full', 'seed1') }]);
});
(0, node_test_1.test)("a run's train arguments: its setting joins the shared --set (the setting's value wins) or is added", () => {
    strict_1.default.deepEqual((0, sweep_1.runTrainArgs)({}, ['--epochs', '2']), ['--epochs', '2']);
    strict_1.default.deepEqual((0, sweep_1.runTrainArgs)({ set: 'lr=1e-3' }, ['--epochs', '2']), ['--epochs', '2', '--set', 'lr=1e-3']);
    strict_1.default.deepEqual((0, sweep_1.runTrainArgs)({ set: 'lr=1e-3' }, ['--set', 'epochs=40,lr=5e-4', '--exclude', 'none']), ['--set', 'epochs=40,lr=5e-4,lr=1e-3', '--exclude', 'none']);
    const [run] = (0, sweep_1.expandGrid)({ data: ['/d/a'], presets: ['cpu'], variants: ['full'], seeds: [101], settings: [SETTINGS[1]] });
    const cmd = (0, sweep_1.trainCommand)('/sw', run, ['--set', 'epochs=40,patience=0']);
    strict_1.default.deepEqual(cmd.slice(cmd.indexOf('--out')), ['--out', '/sw/runs/lr1e-3/full/seed101', '--progress', 'line', '--resume', '--set', 'epochs=40,patience=0,lr=1e-3']);
});
(0, node_test_1.test)('checkSettings: folder-safe unique names, a --set that parses, known variants', () => {
    strict_1.default.deepEqual((0, sweep_1.checkSettings)([{ name: 'a', set: 'lr=1e-3', variants: 'late-fusion,full' }]), [{ name: 'a', set: 'lr=1e-3', variants: ['full', 'late-fusion'] }]);
    strict_1.default.throws(() => (0, sweep_1.checkSettings)([{ name: 'a/b', set: 'lr=1e-3' }]), /name "a\/b" must be letters/);
    strict_1.default.throws(() => (0, sweep_1.checkSettings)([{ name: 'a', set: 'lr=1' }, { name: 'a', set: 'lr=2' }]), /'a' is given twice/);
    strict_1.default.throws(() => (0, sweep_1.checkSettings)([{ name: 'a', set: 'learningRate=1' }]), /unknown preset field 'learningRate'/);
    strict_1.default.throws(() => (0, sweep_1.checkSettings)([{ name: 'a', set: 'lr=1', variants: ['nope'] }]), /unknown variant 'nope'/);
});
(0, node_test_1.test)('createSweep with settings: recorded in sweep.json, extended by new settings, a changed setting refused', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-sweep-settings-'));
    const data = path.join(root, 'cohort');
    fs.mkdirSync(data);
    const dir = path.join(root, 's');
    const a = (0, sweep_1.createSweep)(dir, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], settings: [SETTINGS[0]], trainArgs: [] });
    strict_1.default.deepEqual(a.settings, [SETTINGS[0]]);
    strict_1.default.deepEqual((0, sweep_1.readSweep)(dir), a);
    const b = (0, sweep_1.createSweep)(dir, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1, 2], settings: [SETTINGS[1]], trainArgs: [] });
    strict_1.default.deepEqual(b.settings?.map((s) => s.name), ['base', 'lr1e-3']);
    strict_1.default.deepEqual(b.runs.map((r) => r.id), ['base/full/seed1', 'base/full/seed2', 'lr1e-3/full/seed1', 'lr1e-3/full/seed2']);
    strict_1.default.throws(() => (0, sweep_1.createSweep)(dir, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], settings: [{ name: 'base', set: 'model.tokenNorm=true' }], trainArgs: [] }), /setting 'base' was .*model\.tokenNorm=false.* now .*model\.tokenNorm=true/);
    // A sweep without settings stays without them (its runs would leave the grid).
    const plain = path.join(root, 'p');
    (0, sweep_1.createSweep)(plain, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], trainArgs: [] });
    strict_1.default.equal((0, sweep_1.readSweep)(plain).settings, undefined);
    strict_1.default.throws(() => (0, sweep_1.createSweep)(plain, { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], settings: [SETTINGS[0]], trainArgs: [] }), /settings cannot be added/);
});
(0, node_test_1.test)('readSweepConfig: the grid from a JSON file, both forms of settings; every problem names the file and key', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-sweep-config-'));
    const write = (name, o) => {
        const f = path.join(root, name);
        fs.writeFileSync(f, typeof o === 'string' ? o : JSON.stringify(o));
        return f;
    };
    const cfg = (0, sweepConfig_1.readSweepConfig)(write('a.json', { about: 'x', data: 'data/c', out: 'runs/t', variants: ['full', 'no-hrm'], seeds: '101-103', preset: 'cpu', set: 'epochs=30', settings: SETTINGS, jobs: 2 }));
    strict_1.default.deepEqual(cfg, { data: ['data/c'], out: 'runs/t', variants: 'full,no-hrm', seeds: '101-103', preset: 'cpu', set: 'epochs=30', settings: SETTINGS, jobs: 2 });
    strict_1.default.deepEqual((0, sweepConfig_1.readSweepConfig)(write('b.json', { settings: { base: 'lr=5e-4', fast: 'lr=1e-3' } })).settings, [
        { name: 'base', set: 'lr=5e-4' },
        { name: 'fast', set: 'lr=1e-3' },
    ]);
    const refuses = (o, re) => strict_1.default.throws(() => (0, sweepConfig_1.readSweepConfig)(write('bad.json', o)), (e) => e instanceof errors_1.CfcmlError && re.test(e.message) && e.message.includes('bad.json'));
    refuses({ varients: 'full' }, /unknown key "varients"/);
    refuses({ set: 'epochs=-1' }, /--set epochs: expected a whole number/);
    refuses({ settings: [{ name: 'x', set: 'lr=1' }, 3] }, /setting 1: expected/);
    refuses({ jobs: 0 }, /"jobs" must be a whole number ≥ 1/);
    refuses('{ not json', /not valid JSON/);
    strict_1.default.throws(() => (0, sweepConfig_1.readSweepConfig)(path.join(root, 'none.json')), /sweep file not found/);
});
(0, node_test_1.test)('the tuning grids of scripts/records/tuning are valid sweep files', () => {
    const dir = path.join(__dirname, '../../../scripts/records/tuning');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    strict_1.default.ok(files.length >= 3, files.join(', '));
    for (const f of files) {
        const cfg = (0, sweepConfig_1.readSweepConfig)(path.join(dir, f));
        strict_1.default.ok(cfg.data?.length && cfg.out && cfg.seeds, `${f}: data, out and seeds`);
        const seeds = (0, sweep_1.parseSeeds)(cfg.seeds);
        strict_1.default.ok(seeds.every((sd) => sd >= 101 && sd <= 103), `${f}: tuning seeds only (101-103), never the reporting seeds`);
        const runs = (0, sweep_1.expandGrid)({ data: cfg.data, presets: [cfg.preset ?? 'cpu'], variants: (0, sweep_1.parseVariants)(cfg.variants ?? 'full'), seeds, settings: cfg.settings });
        strict_1.default.ok(runs.length > 0, f);
    }
});
//# sourceMappingURL=sweepSettings.test.js.map