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
const slurm_1 = require("../../lib/experiments/slurm");
const local_1 = require("../../lib/experiments/local");
(0, node_test_1.test)('parseSeeds: ranges and lists, sorted and distinct; bad text named', () => {
    strict_1.default.deepEqual((0, sweep_1.parseSeeds)('1-5'), [1, 2, 3, 4, 5]);
    strict_1.default.deepEqual((0, sweep_1.parseSeeds)('7,1-3,2'), [1, 2, 3, 7]);
    strict_1.default.throws(() => (0, sweep_1.parseSeeds)('1-x'), /'1-x' is not a seed/);
    strict_1.default.throws(() => (0, sweep_1.parseSeeds)('5-1'), /ends before it starts/);
});
(0, node_test_1.test)('parseVariants: full first, unknown refused, all = 12', () => {
    strict_1.default.deepEqual((0, sweep_1.parseVariants)('late-fusion,full,no-cie'), ['full', 'late-fusion', 'no-cie']);
    strict_1.default.equal((0, sweep_1.parseVariants)('all').length, 12);
    strict_1.default.throws(() => (0, sweep_1.parseVariants)('full,nope'), /unknown variant 'nope'/);
    strict_1.default.throws(() => (0, sweep_1.parsePresets)('cpu,huge'), /unknown preset 'huge'/);
});
(0, node_test_1.test)('expandGrid: cohort × preset × variant × seed, group labels only for axes with several values', () => {
    const one = (0, sweep_1.expandGrid)({ data: ['/d/a'], presets: ['tiny'], variants: ['full', 'no-cie'], seeds: [1, 2] });
    strict_1.default.deepEqual(one.map((r) => r.id), ['full/seed1', 'full/seed2', 'no-cie/seed1', 'no-cie/seed2']);
    strict_1.default.deepEqual(one.map((r) => r.index), [0, 1, 2, 3]);
    strict_1.default.equal(one[3].dir, path.join('runs', 'no-cie', 'seed2'));
    const two = (0, sweep_1.expandGrid)({ data: ['/d/a', '/e/a'], presets: ['tiny', 'cpu'], variants: ['full'], seeds: [3] });
    strict_1.default.deepEqual(two.map((r) => r.id), ['a1_tiny/full/seed3', 'a1_cpu/full/seed3', 'a2_tiny/full/seed3', 'a2_cpu/full/seed3']);
});
(0, node_test_1.test)('executionOrder: runs start seed by seed (all variants of seed 1 first), `only` respected', () => {
    const runs = (0, sweep_1.expandGrid)({ data: ['/d/a'], presets: ['tiny'], variants: ['full', 'no-cie', 'late-fusion'], seeds: [2, 1, 3] });
    const spec = { runs, seeds: [2, 1, 3] };
    strict_1.default.deepEqual((0, local_1.executionOrder)(spec).map((r) => r.id), ['full/seed2', 'no-cie/seed2', 'late-fusion/seed2', 'full/seed1', 'no-cie/seed1', 'late-fusion/seed1', 'full/seed3', 'no-cie/seed3', 'late-fusion/seed3']);
    const only = runs.filter((r) => r.variant !== 'no-cie').map((r) => r.index);
    strict_1.default.deepEqual((0, local_1.executionOrder)(spec, only).map((r) => r.id), ['full/seed2', 'late-fusion/seed2', 'full/seed1', 'late-fusion/seed1', 'full/seed3', 'late-fusion/seed3']);
});
(0, node_test_1.test)('createSweep: sweep.json written, extended by union, a different budget refused', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-sweep-'));
    const data = path.join(root, 'cohort');
    fs.mkdirSync(data);
    const a = (0, sweep_1.createSweep)(path.join(root, 's'), { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1, 2], trainArgs: ['--epochs', '1'] });
    strict_1.default.equal(a.runs.length, 2);
    const b = (0, sweep_1.createSweep)(path.join(root, 's'), { data: [data], presets: ['tiny'], variants: ['late-fusion'], seeds: [2, 3], trainArgs: ['--epochs', '1'] });
    strict_1.default.deepEqual(b.variants, ['full', 'late-fusion']);
    strict_1.default.deepEqual(b.seeds, [1, 2, 3]);
    strict_1.default.equal(b.runs.length, 6);
    strict_1.default.deepEqual((0, sweep_1.readSweep)(path.join(root, 's')), b);
    strict_1.default.throws(() => (0, sweep_1.createSweep)(path.join(root, 's'), { data: [data], presets: ['tiny'], variants: ['full'], seeds: [1], trainArgs: ['--epochs', '2'] }), /started with train arguments \[--epochs 1\], now \[--epochs 2\]/);
    strict_1.default.throws(() => (0, sweep_1.createSweep)(path.join(root, 't'), { data: [path.join(root, 'nope')], presets: ['tiny'], variants: ['full'], seeds: [1], trainArgs: [] }), /cohort folder not found/);
    strict_1.default.throws(() => (0, sweep_1.readSweep)(root), /not a sweep folder/);
});
(0, node_test_1.test)('trainCommand: absolute paths, --resume, the shared train arguments', () => {
    const [run] = (0, sweep_1.expandGrid)({ data: ['/d/a'], presets: ['tiny'], variants: ['no-mg'], seeds: [4] });
    const cmd = (0, sweep_1.trainCommand)('/sw', run, ['--epochs', '2']);
    strict_1.default.equal(cmd[0], process.execPath);
    strict_1.default.ok(path.isAbsolute(cmd[1]) && cmd[1].endsWith(path.join('bin', 'cfcml.js')));
    strict_1.default.deepEqual(cmd.slice(2), ['train', '--data', '/d/a', '--preset', 'tiny', '--variant', 'no-mg', '--seed', '4', '--out', '/sw/runs/no-mg/seed4', '--progress', 'line', '--resume', '--epochs', '2']);
});
(0, node_test_1.test)('SLURM array: one task per unfinished run, resources, absolute output path, same train command', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-slurm-'));
    const data = path.join(root, 'cohort');
    fs.mkdirSync(data);
    const spec = (0, sweep_1.createSweep)(path.join(root, 's'), { data: [data], presets: ['tiny'], variants: ['full', 'late-fusion'], seeds: [1, 2], trainArgs: ['--epochs', '1'] });
    // One run has finished: it is left out of the array.
    fs.mkdirSync(path.join(root, 's', spec.runs[1].dir), { recursive: true });
    fs.writeFileSync(path.join(root, 's', spec.runs[1].dir, 'metrics.json'), '{}');
    const { script, runs } = (0, slurm_1.slurmArrayScript)(path.join(root, 's'), spec, { cpusPerTask: 1, mem: '2G', time: '01:00:00', partition: 'cpu', maxParallel: 2 });
    strict_1.default.deepEqual(runs, [0, 2, 3]);
    strict_1.default.match(script, /^#!\/bin\/bash\n/);
    strict_1.default.match(script, /\n#SBATCH --array=0-2%2\n/);
    strict_1.default.match(script, /\n#SBATCH --cpus-per-task=1\n#SBATCH --mem=2G\n#SBATCH --time=01:00:00\n#SBATCH --partition=cpu\n/);
    strict_1.default.ok(script.includes(`#SBATCH --output=${path.join(root, 's', 'slurm')}/out-%A_%a.txt`));
    // Preemption: requeueable, USR1 to the batch shell before the time limit, output of every attempt kept.
    strict_1.default.match(script, /\n#SBATCH --requeue\n#SBATCH --signal=B:USR1@300\n/);
    strict_1.default.match(script, /\n#SBATCH --open-mode=append\n/);
    strict_1.default.match(script, /\ntrap 'stop=USR1; kill -TERM "\$pid" 2>\/dev\/null' USR1\n/);
    strict_1.default.match(script, /\n {4}scontrol requeue "\$\{SLURM_ARRAY_JOB_ID\}_\$\{SLURM_ARRAY_TASK_ID\}"\n/);
    strict_1.default.match((0, slurm_1.slurmArrayScript)(path.join(root, 's'), spec, { signalBefore: 90 }).script, /\n#SBATCH --signal=B:USR1@90\n/);
    strict_1.default.throws(() => (0, slurm_1.slurmArrayScript)(path.join(root, 's'), spec, { signalBefore: 0 }), /--signal-before must be a whole number of seconds ≥ 1, got 0/);
    const task1 = script.split('\n').find((l) => l.trimStart().startsWith('1) '));
    strict_1.default.ok(task1.includes((0, sweep_1.trainCommand)(path.join(root, 's'), spec.runs[2], spec.trainArgs).map(slurm_1.shq).join(' ')), task1);
    strict_1.default.ok(task1.endsWith('# late-fusion/seed1'));
    const { file, tasks } = (0, slurm_1.writeSlurmArray)(path.join(root, 's'), spec);
    strict_1.default.equal(tasks, 3);
    strict_1.default.ok(fs.existsSync(file));
    strict_1.default.deepEqual(JSON.parse(fs.readFileSync(path.join(root, 's', 'slurm', 'tasks.json'), 'utf8')).map((t) => t.run), [0, 2, 3]);
    strict_1.default.equal((0, slurm_1.shq)("it's"), `'it'\\''s'`);
});
//# sourceMappingURL=sweep.test.js.map