"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.evaluateRun = exports.loadRunModel = void 0;
const backend_1 = require("../backend");
const data_1 = require("../data");
const errors_1 = require("../util/errors");
const build_1 = require("./build");
const checkpoint_1 = require("../run/checkpoint");
const evaluate_1 = require("./evaluate");
const runDirectory_1 = require("../run/runDirectory");
/**
 * Load a run's model from its run directory alone: options, tabular encoding and weights all come from the
 * checkpoint (`best` by default); the cohort from the folder recorded in it, or `data` when the cohort has
 * moved, whose split fingerprint must match. Used by `evaluateRun` and lib/experiments' embeddings.
 */
async function loadRunModel(runDir, opts = {}) {
    const run = new runDirectory_1.RunDirectory(runDir);
    const kind = opts.checkpoint ?? 'best';
    if (!run.hasCheckpoint(kind))
        throw new errors_1.CfcmlError(`no ${runDirectory_1.RunDirectory.FILES.checkpoint(kind)} in the run directory (was the run trained?)`, { where: runDir });
    await (0, backend_1.initBackend)({ quiet: true });
    // A finished run's best.ckpt must be of its selected epoch (best.prev.ckpt holds an earlier selection).
    const selected = kind === 'best' && run.has(runDirectory_1.RunDirectory.FILES.metrics) ? run.readMetrics().bestEpoch : undefined;
    const good = run.loadCheckpoint(kind, (c) => (selected === undefined || c.meta.epoch === selected ? undefined : `holds epoch ${c.meta.epoch}, the selected one is ${selected}`));
    (0, checkpoint_1.warnPassedOver)(good, 'using');
    const { content: ck, file: checkpointFile } = good;
    const config = ck.meta.config;
    const cohort = await (0, data_1.loadCohort)(opts.data ?? config.data, { dataset: config.dataset });
    if (cohort.fingerprint !== ck.meta.fingerprint) {
        throw new errors_1.CfcmlError(`the data at ${cohort.root} is not the cohort this run was trained on (split fingerprint differs)`, { where: checkpointFile });
    }
    const tabular = data_1.TabularEncoder.fromJSON(cohort.spec, ck.meta.tabular);
    const model = (0, build_1.buildModel)(cohort.spec, config, tabular);
    try {
        model.setWeightData((0, checkpoint_1.unpackWeights)(ck));
    }
    catch (e) {
        model.dispose();
        throw e;
    }
    return { run, config, cohort, tabular, model, checkpointFile };
}
exports.loadRunModel = loadRunModel;
/**
 * Evaluate a finished (or interrupted) run's selected checkpoint on one split, from the run directory
 * alone (`loadRunModel`), and write its predictions CSV.
 */
async function evaluateRun(runDir, opts = {}) {
    const split = opts.split ?? 'test';
    const { run, cohort, config, tabular, model } = await loadRunModel(runDir, opts);
    try {
        const cases = cohort.cases.filter((c) => c.split === split);
        if (cases.length === 0)
            throw new errors_1.CfcmlError(`the ${split} split is empty`, { where: cohort.root });
        const images = await data_1.ImageCache.load(cohort, { size: config.train.imageSize, cases, volumeGrid: config.train.volumeGrid });
        const predictions = await (0, evaluate_1.predict)(model, cohort.spec, cases, images, tabular);
        const predictionsFile = run.writePredictions(split, predictions, cohort.spec);
        return { split, predictions, metrics: (0, evaluate_1.metricsOf)(predictions, cohort.spec), predictionsFile };
    }
    finally {
        model.dispose();
    }
}
exports.evaluateRun = evaluateRun;
//# sourceMappingURL=evalRun.js.map