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
Object.defineProperty(exports, "__esModule", { value: true });
exports.sweepCommand = void 0;
const path = __importStar(require("path"));
const experiments_1 = require("../../experiments");
const sweepConfig_1 = require("../../experiments/sweepConfig");
const slurm_1 = require("../../experiments/slurm");
const config_1 = require("../../train/config");
const errors_1 = require("../../util/errors");
const args_1 = require("../args");
exports.sweepCommand = {
    name: 'sweep',
    summary: 'train a grid (cohorts × presets × settings × variants × seeds) with one budget per group, locally (--jobs N) or as a SLURM array',
    options: [
        { name: 'config', type: 'string', metavar: '<file.json>', help: 'the grid as a JSON file (data, out, variants, seeds, preset, set, named settings, jobs); options given here win' },
        { name: 'data', type: 'string', metavar: '<dir[,dir…]>', help: 'cohort folder(s); several make a cohort axis (required, here or in --config)' },
        { name: 'out', type: 'string', metavar: '<dir>', help: 'sweep folder (sweep.json, runs/, report/); given again, it resumes or extends the grid (required, here or in --config)' },
        { name: 'variants', type: 'string', metavar: '<list>', help: "comma list of variants, or 'all' (default full)" },
        { name: 'seeds', type: 'string', metavar: '<list>', help: 'training seeds: 1-5, 1,2,3 or 1-3,7 (default 1-5)' },
        { name: 'preset', type: 'string', metavar: '<list>', help: 'preset(s): paper, cpu, tiny; several make a preset axis (default cpu)' },
        { name: 'jobs', type: 'integer', help: 'runs at once on this machine, each a child process with one wasm thread (default 1)' },
        { name: 'emit', type: 'string', choices: ['local', 'slurm'], default: 'local', help: "'local' runs the grid here; 'slurm' writes <out>/slurm/array.sbatch and runs nothing" },
        { name: 'epochs', type: 'integer', help: 'cfcml train --epochs for every run' },
        { name: 'batch-size', type: 'integer', help: 'cfcml train --batch-size for every run' },
        { name: 'lr', type: 'number', help: 'cfcml train --lr for every run' },
        { name: 'image-size', type: 'integer', help: 'cfcml train --image-size for every run' },
        { name: 'exclude', type: 'string', metavar: '<fields>', help: 'cfcml train --exclude for every run' },
        { name: 'set', type: 'string', metavar: '<k=v,…>', help: 'cfcml train --set for every run (other preset fields)' },
        { name: 'dataset', type: 'string', choices: ['derm7pt', 'men'], help: 'cfcml train --dataset for every run' },
        { name: 'cpus-per-task', type: 'integer', default: 1, help: 'slurm: cores per array task' },
        { name: 'mem', type: 'string', default: '4G', help: 'slurm: memory per array task' },
        { name: 'time', type: 'string', metavar: '<hh:mm:ss>', help: 'slurm: time limit per array task' },
        { name: 'partition', type: 'string', help: 'slurm: partition' },
        { name: 'max-parallel', type: 'integer', help: 'slurm: at most this many array tasks at once (--array=0-K%N)' },
        { name: 'signal-before', type: 'integer', min: 1, default: slurm_1.SLURM_SIGNAL_BEFORE, metavar: '<seconds>', help: 'slurm: stop at a step boundary and requeue this long before --time runs out' },
        { name: 'dry-run', type: 'boolean', help: 'print the train command of every run and stop' },
    ],
    epilog: 'Examples:\n' +
        '  cfcml sweep --data data/synthetic/derm7pt --variants all --seeds 1-5 --out runs/ablation --jobs 2\n' +
        '  cfcml sweep --data data/synthetic/derm7pt --variants full,late-fusion --seeds 1-2 --preset tiny --out runs/s --emit slurm\n' +
        '  cfcml sweep --config scripts/records/tuning/fixes.json      (named settings: one group per setting)\n' +
        '  cfcml report runs/ablation',
    async run(a) {
        const cfg = a.options.config === undefined ? {} : (0, sweepConfig_1.readSweepConfig)((0, args_1.str)(a, 'config'));
        const set = (0, args_1.str)(a, 'set') ?? cfg.set;
        const trainArgs = [];
        for (const k of ['epochs', 'batch-size', 'lr', 'image-size'])
            if (a.options[k] !== undefined)
                trainArgs.push(`--${k}`, String((0, args_1.num)(a, k)));
        if (set !== undefined)
            (0, config_1.parsePresetOverrides)(set); // refuse a bad --set before any run starts
        for (const k of ['exclude', 'dataset'])
            if (a.options[k] !== undefined)
                trainArgs.push(`--${k}`, (0, args_1.str)(a, k));
        if (set !== undefined)
            trainArgs.push('--set', set);
        const data = a.options.data !== undefined ? (0, args_1.str)(a, 'data').split(',').map((s) => s.trim()).filter(Boolean) : cfg.data;
        const out = (0, args_1.str)(a, 'out') ?? cfg.out;
        if (!data?.length)
            throw new errors_1.CfcmlError("'cfcml sweep' needs --data <dir[,dir…]> (or \"data\" in --config)");
        if (!out)
            throw new errors_1.CfcmlError("'cfcml sweep' needs --out <dir> (or \"out\" in --config)");
        const root = path.resolve(out);
        const spec = (0, experiments_1.createSweep)(root, {
            data,
            presets: (0, experiments_1.parsePresets)((0, args_1.str)(a, 'preset') ?? cfg.preset ?? 'cpu'),
            variants: (0, experiments_1.parseVariants)((0, args_1.str)(a, 'variants') ?? cfg.variants ?? 'full'),
            seeds: (0, experiments_1.parseSeeds)((0, args_1.str)(a, 'seeds') ?? cfg.seeds ?? '1-5'),
            settings: cfg.settings,
            trainArgs,
        });
        const axes = [
            spec.settings?.length ? `${spec.settings.length} settings` : '',
            `${spec.variants.length} variants`,
            `${spec.seeds.length} seeds`,
            spec.data.length > 1 ? `${spec.data.length} cohorts` : '',
            spec.presets.length > 1 ? `${spec.presets.length} presets` : '',
        ].filter(Boolean);
        console.log(`sweep ${root}: ${spec.runs.length} runs (${axes.join(' × ')})`);
        if ((0, args_1.bool)(a, 'dry-run')) {
            for (const r of spec.runs)
                console.log((0, experiments_1.trainCommand)(root, r, spec.trainArgs).map(slurm_1.shq).join(' '));
            return 0;
        }
        if ((0, args_1.str)(a, 'emit') === 'slurm') {
            const { file, tasks } = (0, experiments_1.writeSlurmArray)(root, spec, {
                cpusPerTask: (0, args_1.num)(a, 'cpus-per-task'),
                mem: (0, args_1.str)(a, 'mem'),
                time: (0, args_1.str)(a, 'time'),
                partition: (0, args_1.str)(a, 'partition'),
                maxParallel: (0, args_1.num)(a, 'max-parallel'),
                signalBefore: (0, args_1.num)(a, 'signal-before'),
            });
            console.log(`wrote ${file} (${tasks} array tasks; finished runs left out)\nsubmit: sbatch ${file}\nthen:   cfcml report ${root}`);
            return 0;
        }
        const jobs = (0, args_1.num)(a, 'jobs') ?? cfg.jobs ?? 1;
        if (jobs < 1)
            throw new errors_1.CfcmlError(`--jobs must be ≥ 1, got ${jobs}`);
        const started = Date.now();
        let ended = 0;
        const outcomes = await (0, experiments_1.runLocal)(root, spec, {
            jobs,
            onEvent: (e) => {
                if (e.kind === 'end' && e.outcome) {
                    ended++;
                    const o = e.outcome;
                    const what = o.status === 'skipped' ? 'already finished' : o.status === 'done' ? `done in ${o.seconds.toFixed(0)}s` : `FAILED (exit ${o.exitCode}; see ${path.join(root, o.run.dir, 'train.log')})`;
                    console.log(`[${ended}/${spec.runs.length}] ${o.run.id}: ${what}`);
                }
            },
        });
        const failed = outcomes.filter((o) => o.status === 'failed');
        const trained = outcomes.filter((o) => o.status === 'done').length;
        console.log(`\n${trained} trained, ${outcomes.length - trained - failed.length} already finished, ${failed.length} failed; wall time ${((Date.now() - started) / 1000).toFixed(0)}s with --jobs ${jobs}`);
        console.log(`report: cfcml report ${root}`);
        return failed.length > 0 ? 1 : 0;
    },
};
//# sourceMappingURL=sweep.js.map