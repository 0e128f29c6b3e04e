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
exports.readRunEmbeddings = exports.readRunFailure = exports.readRunHistory = exports.readRunPredictions = exports.readRunMetrics = exports.readRunOptions = exports.runState = void 0;
const runDirectory_1 = require("../run/runDirectory");
/** Whether a run finished (metrics.json), was interrupted (last.ckpt), crashed (failed.json) or never started. */
function runState(runDir) {
    return new runDirectory_1.RunDirectory(runDir).state();
}
exports.runState = runState;
/** options.json (the run's resolved configuration), checked. */
function readRunOptions(runDir) {
    return new runDirectory_1.RunDirectory(runDir).readOptions();
}
exports.readRunOptions = readRunOptions;
/** metrics.json: the selected epoch and its typed valid/test metrics. */
function readRunMetrics(runDir) {
    return new runDirectory_1.RunDirectory(runDir).readMetrics();
}
exports.readRunMetrics = readRunMetrics;
/** One split's predictions of the selected model: case ids, labels, class probabilities. */
function readRunPredictions(runDir, split) {
    return new runDirectory_1.RunDirectory(runDir).readPredictions(split);
}
exports.readRunPredictions = readRunPredictions;
/** history.json rows (one per epoch); [] when the run has none yet. */
function readRunHistory(runDir) {
    const run = new runDirectory_1.RunDirectory(runDir);
    return run.has(runDirectory_1.RunDirectory.FILES.historyJson) ? run.readHistory() : [];
}
exports.readRunHistory = readRunHistory;
/** failed.json as the sweep runner wrote it, or null. */
function readRunFailure(runDir) {
    return new runDirectory_1.RunDirectory(runDir).readFailure();
}
exports.readRunFailure = readRunFailure;
/**
 * Embeddings of a finished run, recomputed from best.ckpt by lib/train's `loadRunModel` (the same loading as
 * `cfcml eval`: weights, tabular encoding and options from the checkpoint; the cohort from the folder
 * recorded in it, whose split fingerprint must match). tfjs is loaded only when this is called.
 */
async function readRunEmbeddings(runDir, split = 'test') {
    const { ImageCache } = await Promise.resolve().then(() => __importStar(require('../data')));
    const { variantSpec } = await Promise.resolve().then(() => __importStar(require('../model/variants')));
    const { predict } = await Promise.resolve().then(() => __importStar(require('../train/evaluate')));
    const { loadRunModel } = await Promise.resolve().then(() => __importStar(require('../train/evalRun')));
    const { cohort, config, tabular, model } = await loadRunModel(runDir);
    try {
        const cases = cohort.cases.filter((c) => c.split === split);
        const images = await ImageCache.load(cohort, { size: config.train.imageSize, cases, volumeGrid: config.train.volumeGrid });
        const p = await predict(model, cohort.spec, cases, images, tabular, { embeddings: true });
        const vs = variantSpec(config.variant);
        const modalities = [...(vs.useImages ? cohort.spec.imageModalities.map((m) => m.name) : []), ...(vs.useTabular ? ['tabular'] : [])];
        return { ids: p.ids, labels: p.labels, classes: [...cohort.spec.classes], modalities, z: p.embeddings ?? [] };
    }
    finally {
        model.dispose();
    }
}
exports.readRunEmbeddings = readRunEmbeddings;
//# sourceMappingURL=runFiles.js.map