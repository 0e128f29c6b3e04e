"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.trainCommand = void 0;
const registry_1 = require("../../data/registry");
const spec_1 = require("../../data/spec");
const metrics_1 = require("../../metrics");
const types_1 = require("../../model/types");
const train_1 = require("../../train");
const config_1 = require("../../train/config");
const args_1 = require("../args");
const runGuard_1 = require("../../run/runGuard");
/** `--weights <file>` is `model.backboneWeights=<file>` on top of `--set`. */
function withWeights(overrides, weights) {
    if (weights === undefined)
        return overrides;
    return { ...overrides, model: { ...overrides?.model, backboneWeights: weights } };
}
exports.trainCommand = {
    name: 'train',
    summary: 'train a CFCML model (or an ablation / baseline), select on validation, evaluate on test',
    options: [
        { name: 'data', type: 'string', required: true, metavar: '<dir>', help: 'cohort folder (Derm7pt release_v0 or MEN layout)' },
        { name: 'dataset', type: 'string', choices: registry_1.DATASET_KEYS, help: 'dataset kind (detected from the folder when absent)' },
        { name: 'preset', type: 'string', choices: spec_1.PRESET_NAMES, default: train_1.TRAIN_DEFAULTS.preset, help: 'hyper-parameter preset' },
        { name: 'variant', type: 'string', choices: types_1.VARIANTS, default: train_1.TRAIN_DEFAULTS.variant, help: 'model variant / ablation' },
        { name: 'epochs', type: 'integer', min: 1, help: "number of epochs (preset's by default)" },
        { name: 'batch-size', type: 'integer', min: 1, help: "batch size (preset's by default)" },
        { name: 'lr', type: 'number', positive: true, help: "learning rate (preset's by default)" },
        { name: 'image-size', type: 'integer', min: 8, help: "square image size H = W (preset's by default)" },
        { name: 'volume-grid', type: 'string', choices: spec_1.VOLUME_GRID_POLICIES, help: "volumes that differ in shape or voxel size: resize each to the image size (default), refuse, or resample to the common voxel size first (docs/DATA.md)" },
        { name: 'set', type: 'string', metavar: '<k=v,…>', help: 'other preset fields, e.g. model.tokenNorm=false,hrmWarmupEpochs=0,hrm.sam=0.01' },
        { name: 'weights', type: 'string', metavar: '<file>', help: "pretrained backbone: timm's Swin model.safetensors (sets model.backboneWeights; the preset's backbone must be swin)" },
        { name: 'seed', type: 'integer', default: train_1.TRAIN_DEFAULTS.seed, help: 'seed of initialisation, batching, augmentation, dropout' },
        { name: 'out', type: 'string', metavar: '<dir>', help: 'run directory (default runs/<dataset>-<variant>-seed<seed>)' },
        { name: 'exclude', type: 'string', default: train_1.TRAIN_DEFAULTS.excludeFields, metavar: '<fields>', help: "tabular fields to leave out: 'auto' (those the leakage audit flags), 'none', or a comma list" },
        { name: 'resume', type: 'boolean', help: 'continue from <out>/last.ckpt' },
        { name: 'checkpoint-every', type: 'integer', min: 1, metavar: '<steps>', help: 'also write last.ckpt every this many steps inside an epoch (default: every epoch)' },
        { name: 'stop-after', type: 'integer', min: 1, help: 'stop after this many epochs (resume later with --resume)' },
        { name: 'progress', type: 'string', choices: ['auto', 'bar', 'line', 'none'], default: train_1.TRAIN_DEFAULTS.progress, help: 'progress display' },
        { name: 'json', type: 'boolean', help: 'print the final metrics as one JSON object' },
    ],
    epilog: 'Example: cfcml train --data data/synthetic/derm7pt --variant full --epochs 20',
    async run(a) {
        const ex = (0, args_1.str)(a, 'exclude');
        const result = await (0, train_1.train)({
            checkpointEvery: (0, args_1.num)(a, 'checkpoint-every'),
            data: (0, args_1.str)(a, 'data'),
            dataset: (0, args_1.str)(a, 'dataset'),
            preset: (0, args_1.str)(a, 'preset'),
            variant: (0, args_1.str)(a, 'variant'),
            epochs: (0, args_1.num)(a, 'epochs'),
            batchSize: (0, args_1.num)(a, 'batch-size'),
            lr: (0, args_1.num)(a, 'lr'),
            imageSize: (0, args_1.num)(a, 'image-size'),
            overrides: withWeights(withVolumeGrid((0, args_1.str)(a, 'set') === undefined ? undefined : (0, config_1.parsePresetOverrides)((0, args_1.str)(a, 'set')), (0, args_1.str)(a, 'volume-grid')), (0, args_1.str)(a, 'weights')),
            seed: (0, args_1.num)(a, 'seed'),
            out: (0, args_1.str)(a, 'out'),
            excludeFields: ex === 'auto' || ex === 'none' ? ex : ex.split(',').map((s) => s.trim()).filter(Boolean),
            resume: (0, args_1.bool)(a, 'resume'),
            stopAfterEpoch: (0, args_1.num)(a, 'stop-after'),
            progress: (0, args_1.str)(a, 'progress'),
        }).catch((e) => {
            if (!(e instanceof runGuard_1.RunInterruptedError))
                throw e;
            console.error(`cfcml train: ${e.message}`);
            console.error(`resume with: ${(0, args_1.formatCommandLine)(exports.trainCommand, a, { resume: true })}`);
            return e.exitCode;
        });
        if (typeof result === 'number')
            return result;
        if ((0, args_1.bool)(a, 'json')) {
            console.log(JSON.stringify({ runDir: result.runDir, bestEpoch: result.bestEpoch, valid: result.validMetrics ?? null, test: result.testMetrics ?? null }));
            return 0;
        }
        if (result.interrupted) {
            console.log(`run stopped after epoch ${result.history.length}: ${result.runDir}`);
            return 0;
        }
        console.log(`\nrun directory: ${result.runDir}  (selected epoch ${result.bestEpoch} on validation)`);
        if (result.testMetrics) {
            console.log(`\ntest metrics (${result.config.dataset}, variant ${result.config.variant}):`);
            console.log((0, metrics_1.formatMetricsTable)(result.testMetrics));
        }
        return 0;
    },
};
/** `--volume-grid` is a preset field like those of `--set`: recorded in the run's configuration, so evaluation agrees. */
function withVolumeGrid(overrides, volumeGrid) {
    return volumeGrid === undefined ? overrides : { ...(overrides ?? {}), volumeGrid };
}
//# sourceMappingURL=train.js.map