"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadBackboneWeights = exports.buildOptimizer = exports.buildModel = exports.modelConfig = void 0;
const tabular_1 = require("../data/tabular");
const model_1 = require("../model");
const random_1 = require("../util/random");
const optimizer_1 = require("./optimizer");
/**
 * The model configuration of a run: the dataset's modalities and classes, the preset's image size and model
 * sizes, the run's variant and seed, and the tabular fields left after `excludedFields` (the trainer's leakage
 * audit or --exclude). The one place a `CFCMLConfig` is made from a preset and a dataset: the trainer, the
 * evaluation, the benchmark (bench/) and the tests all call it, so they build the same model.
 */
function modelConfig(spec, config) {
    return {
        images: spec.imageModalities.map((m) => ({ kind: m.kind, channels: m.channels })),
        imageSize: config.train.imageSize,
        tabular: (0, tabular_1.tabularInputSpec)((0, tabular_1.tabularFields)(spec, config.excludedFields)),
        numClasses: spec.classes.length,
        variant: config.variant,
        model: config.train.model,
        seed: (0, random_1.deriveSeed)(config.seed, 'init'),
    };
}
exports.modelConfig = modelConfig;
/**
 * The model of a run, from its configuration: the same call for training (fresh initialisation from the
 * run's seed) and for evaluation (the same architecture, then the checkpoint's weights are loaded over it).
 * The tabular fields are the encoder's (fitted, or restored from the checkpoint).
 */
function buildModel(spec, config, tabular) {
    const excludedFields = spec.tabular.filter((f) => !tabular.fields.includes(f)).map((f) => f.name);
    return (0, model_1.createModel)(modelConfig(spec, { ...config, excludedFields }));
}
exports.buildModel = buildModel;
/**
 * Adam over every trainable weight of the model; image-encoder weights train at `backboneLrScale` × the
 * learning rate. Frozen backbone stages (`model.freezeStages`) are not given to it: no step and no weight decay.
 */
function buildOptimizer(model, train) {
    return new optimizer_1.Adam(model.weights.filter((w) => w.variable.trainable).map((w) => ({ key: w.key, variable: w.variable, lrScale: w.group === 'encoder' ? train.backboneLrScale : 1 })), { weightDecay: train.weightDecay });
}
exports.buildOptimizer = buildOptimizer;
/**
 * Load the preset's pretrained backbone (`model.backboneWeights`, a timm Swin state dict in safetensors form)
 * into the model's image encoders; nothing when the preset names none.
 */
function loadBackboneWeights(model, preset) {
    if (!preset.backboneWeights)
        return;
    const o = { ...model_1.SWIN_T, ...preset.swin };
    const isSwinT = preset.encoderWidths.join() === '96,192,384,768' && o.depths.join() === model_1.SWIN_T.depths.join() && o.heads.join() === model_1.SWIN_T.heads.join() && o.window === 7 && o.patch === 4 && o.mlpRatio === 4;
    const expected = `timm's SwinTransformer state dict with widths ${preset.encoderWidths.join('-')}, depths ${o.depths.join('-')}, heads ${o.heads.join('-')}, ` +
        `window ${o.window}, patch ${o.patch}, mlp ratio ${o.mlpRatio}` +
        (isSwinT ? " (Swin-T: the model.safetensors of the Hugging Face model timm/swin_tiny_patch4_window7_224.ms_in1k)" : '');
    (0, model_1.loadSwinWeights)(model, preset.backboneWeights, expected);
}
exports.loadBackboneWeights = loadBackboneWeights;
//# sourceMappingURL=build.js.map