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
exports.train = exports.Trainer = void 0;
const tf = __importStar(require("@tensorflow/tfjs"));
const backend_1 = require("../backend");
const data_1 = require("../data");
const errors_1 = require("../util/errors");
const random_1 = require("../util/random");
const build_1 = require("./build");
const checkpoint_1 = require("../run/checkpoint");
const config_1 = require("./config");
const evaluate_1 = require("./evaluate");
const earlyStopping_1 = require("./earlyStopping");
const loss_1 = require("./loss");
const lossTerms_1 = require("./lossTerms");
const numerics_1 = require("../run/numerics");
const progress_1 = require("./progress");
const runDirectory_1 = require("../run/runDirectory");
const runGuard_1 = require("../run/runGuard");
const schedule_1 = require("./schedule");
const splitStep_1 = require("../run/splitStep");
const step_1 = require("./step");
/**
 * A training run, step by step: `Trainer.create()` loads the cohort, images and model; `trainEpoch()`
 * runs one epoch and validates; `fit()` runs to the end with model selection on the validation split,
 * early stopping, checkpoints and the final test evaluation. Notebooks use the pieces, the CLI uses `fit()`.
 *
 * The method, in the order the code runs it (docs/METHOD.md):
 *   trainEpoch: for each batch → trainStep (forward → loss (H8) → gradient → Adam step) → validate → select
 *   fit:        trainEpoch until the epochs are done or validation stops improving → finish (best.ckpt → test)
 */
class Trainer {
    constructor(options, config, cohort, splits, tabular, images, model, optimizer, sampler, run, progress) {
        this.options = options;
        this.config = config;
        this.cohort = cohort;
        this.splits = splits;
        this.tabular = tabular;
        this.images = images;
        this.model = model;
        this.optimizer = optimizer;
        this.sampler = sampler;
        this.run = run;
        this.progress = progress;
        this.history = [];
        /**
         * How one step's gradient is computed (lib/train/step.ts). Replace it for another computation of the same
         * gradient (micro-batches, workers); it is called inside a `tf.tidy` with the step's batch.
         */
        this.gradientFn = step_1.lossGradients;
        /** Cases per micro-batch of a training step (planMicroBatch; Infinity when the whole batch fits). */
        this.microBatch = Infinity;
        this.best = null;
        this.sinceBest = 0;
        /** Run-fault guards (lib/run/runGuard.ts): a part-done epoch, the directory lock, the signal to stop at. */
        this.partial = null;
        this.runDir = run.dir;
    }
    get spec() {
        return this.cohort.spec;
    }
    /** Epochs completed so far. */
    get epoch() {
        return this.history.length;
    }
    static async create(options) {
        await (0, backend_1.initBackend)({ quiet: options.progress === 'none' });
        const cohort = await (0, data_1.loadCohort)(options.data, { dataset: options.dataset });
        const spec = cohort.spec;
        const splits = (0, config_1.splitCases)(cohort);
        const config = (0, config_1.resolveTrainConfig)(options, cohort, splits.train);
        const train = config.train;
        const progress = new progress_1.Progress(options.progress ?? config_1.TRAIN_DEFAULTS.progress);
        if (config.excludedFields.length > 0) {
            progress.message(`tabular fields left out (leakage audit or --exclude): ${config.excludedFields.join(', ')}`);
        }
        const tabular = data_1.TabularEncoder.fit(spec, splits.train, { exclude: config.excludedFields });
        const t0 = Date.now();
        const images = await data_1.ImageCache.load(cohort, {
            size: train.imageSize,
            volumeGrid: train.volumeGrid,
            onProgress: (done, total) => {
                if (done === total)
                    progress.message(`images: ${total} cases decoded at ${train.imageSize.join('×')} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
            },
        });
        const model = (0, build_1.buildModel)(spec, config, tabular);
        // Before memory planning, so that a file that does not fit is refused at once (a resumed run then loads
        // its checkpoint over these weights).
        (0, build_1.loadBackboneWeights)(model, train.model);
        const encoderParams = model.weights.filter((w) => w.group === 'encoder').reduce((n, w) => n + w.variable.size, 0);
        progress.message(`model: ${config.variant}, ${model.paramCount().toLocaleString('en-US')} parameters (encoders ${encoderParams.toLocaleString('en-US')}); ` +
            `${splits.train.length} train / ${splits.valid.length} valid / ${splits.test.length} test cases`);
        const bb = train.model;
        if (bb.backbone === 'swin') {
            const frozen = bb.freezeStages ?? 0;
            progress.message(`backbone: Swin, ${bb.backboneWeights ? `weights ${bb.backboneWeights}` : 'random initialisation'}` +
                (frozen > 0 ? `, stages 1–${frozen} frozen` : '') +
                (frozen > 0 && !bb.backboneWeights ? ' (at their random initialisation: give --weights <model.safetensors> for the pretrained ones)' : ''));
        }
        const optimizer = (0, build_1.buildOptimizer)(model, train);
        const sampler = new data_1.BatchSampler(splits.train.map((c) => c.label), { batchSize: train.batchSize, balanced: train.balancedBatches, numClasses: spec.classes.length, seed: (0, random_1.deriveSeed)(config.seed, 'batches') });
        const run = new runDirectory_1.RunDirectory((0, config_1.runDirFor)(options, config));
        const trainer = new Trainer(options, config, cohort, splits, tabular, images, model, optimizer, sampler, run, progress);
        (0, runGuard_1.probeRunDir)(run.dir, (0, runGuard_1.checkpointBytes)(model.paramCount()));
        trainer.lock = runGuard_1.RunLock.acquire(run.dir, { warn: (m) => console.warn(m) });
        (0, runGuard_1.removeStaleTempFiles)(run.dir);
        try {
            // Any batch must fit: measure a step's memory and split it at z into micro-batches if needed (splitStep.ts).
            const lossOpts = { numClasses: spec.classes.length, weights: config.hrmWeights, tau: train.tau, dropoutSeed: 0 };
            const plan = await (0, splitStep_1.planMicroBatch)(model, (n) => (0, splitStep_1.randomStepBatch)(model.config, n), lossOpts, train.batchSize);
            if (plan.microBatch < train.batchSize) {
                trainer.microBatch = plan.microBatch;
                trainer.gradientFn = (input) => (0, splitStep_1.splitGradients)(input.model, { ...input.batch, hostLabels: input.hostLabels }, input, plan.microBatch);
                progress.message(`batch ${train.batchSize} does not fit in memory at once: micro-batches of ${plan.microBatch} (split at z, same gradients)`);
            }
            trainer.open();
        }
        catch (e) {
            trainer.lock.release();
            throw e;
        }
        return trainer;
    }
    /**
     * Before the first step: continue from last.ckpt (`resume`) or start the run directory afresh
     * (stale outputs removed, options.json written).
     */
    open() {
        if (this.options.resume && this.run.hasCheckpoint('last'))
            this.restore();
        else {
            this.run.reset();
            this.run.writeOptions(this.config, this.cohort.fingerprint, (0, numerics_1.numericsFingerprint)());
        }
    }
    /** Run one epoch of training, then validate and select; returns the epoch's record (also appended to history). */
    async trainEpoch() {
        const p = this.config.train;
        const epoch = this.epoch;
        const lr = (0, schedule_1.learningRateAt)(epoch, p);
        const started = Date.now();
        const batches = this.sampler.batches(epoch);
        const part = this.partial?.epoch === epoch ? this.partial : null;
        const sums = part ? { ...part.sums } : (0, lossTerms_1.zeroLossValues)();
        const every = this.options.checkpointEvery ?? 0;
        for (let step = part?.step ?? 0; step < batches.length; step++) {
            const rec = await this.trainStep(epoch, step, batches, lr);
            for (const k of lossTerms_1.LOSS_TERM_NAMES)
                sums[k] += rec[k];
            this.progress.step({
                epoch,
                epochs: p.epochs,
                step: step + 1,
                steps: batches.length,
                terms: { loss: rec.loss, ce: rec.ce },
                elapsed: (Date.now() - started) / 1000,
            });
            if (this.options.onStep)
                await this.options.onStep(rec);
            // Signal handlers run only when the event loop turns; a step's awaits are microtasks, so yield once.
            if (this.stopSignal)
                await new Promise((resolve) => setImmediate(resolve));
            const stop = this.stopSignal?.requested;
            if (stop || (every > 0 && (step + 1) % every === 0 && step + 1 < batches.length)) {
                this.partial = { epoch, step: step + 1, sums: { ...sums } };
                this.save('last');
                if (stop)
                    throw new runGuard_1.RunInterruptedError(stop, this.runDir, epoch, step + 1);
            }
        }
        this.partial = null;
        const n = batches.length;
        const means = (0, lossTerms_1.zeroLossValues)();
        for (const k of lossTerms_1.LOSS_TERM_NAMES)
            means[k] = sums[k] / n;
        // Validate: the selection criterion is validation AUC, ties broken by the lower validation loss.
        const val = await this.predictSplit('valid');
        const vm = (0, evaluate_1.metricsOf)(val, this.spec);
        const isBest = (0, earlyStopping_1.isImprovement)(this.best, vm.auc, val.loss);
        const record = {
            epoch: epoch + 1,
            lr,
            ...means,
            val_loss: val.loss,
            val_auc: vm.auc,
            val_accuracy: vm.accuracy,
            val_balanced_accuracy: vm.balanced_accuracy,
            seconds: (Date.now() - started) / 1000,
            best: isBest,
        };
        this.history.push(record);
        // Select: keep the best epoch's weights; count epochs without improvement for early stopping.
        if (isBest) {
            this.best = { epoch: epoch + 1, auc: vm.auc, loss: val.loss };
            this.sinceBest = 0;
            this.save('best');
        }
        else
            this.sinceBest += 1;
        this.save('last');
        this.run.writeHistory(this.history);
        this.progress.epoch(`epoch ${record.epoch}/${p.epochs}  lr ${lr.toExponential(2)}  ${(0, lossTerms_1.formatLossValues)(record)}  val_loss ${val.loss.toFixed(4)}  val_auc ${vm.auc.toFixed(4)}${isBest ? ' *' : ''}  ${record.seconds.toFixed(1)}s`);
        if (this.options.onEpochEnd)
            await this.options.onEpochEnd(record);
        return record;
    }
    /**
     * One optimisation step on batch `step` of the epoch: batch (augmented) → gradient of (H8) (`gradientFn`)
     * → Adam update at `lr`. Returns the step's loss terms; a non-finite loss stops the run.
     */
    async trainStep(epoch, step, batches, lr) {
        const p = this.config.train;
        const idx = batches[step];
        const batch = (0, data_1.makeBatch)(this.spec, this.splits.train, idx, this.images, this.tabular, {
            augment: p.augment,
            seed: (0, random_1.deriveSeed)(this.config.seed, 'augment', epoch, step),
        });
        const terms = tf.tidy(() => {
            const g = this.gradientFn({
                model: this.model,
                batch,
                hostLabels: idx.map((i) => this.splits.train[i].label),
                dropoutSeed: (0, random_1.deriveSeed)(this.config.seed, 'dropout', epoch, step),
                numClasses: this.spec.classes.length,
                weights: (0, loss_1.hrmWeightsAt)(this.config.hrmWeights, epoch, p.hrmWarmupEpochs ?? 0),
                tau: p.tau,
            });
            this.optimizer.apply(g.grads, lr);
            return g.terms;
        });
        (0, data_1.disposeBatch)(batch);
        const t = await terms.data();
        terms.dispose();
        const values = (0, lossTerms_1.zeroLossValues)();
        lossTerms_1.LOSS_TERM_NAMES.forEach((k, i) => (values[k] = t[i]));
        (0, runGuard_1.checkFiniteLoss)(values, epoch, step);
        return { epoch, step, steps: batches.length, ...values };
    }
    /**
     * Whether training should stop: all epochs done, or no validation improvement for `patience` epochs once
     * `minEpochs` are done (earlyStopping.ts, the same rule the tuning replays).
     */
    get done() {
        return (0, earlyStopping_1.shouldStop)(this.epoch, this.sinceBest, this.config.train);
    }
    /** Train to the end, select the best epoch on validation, evaluate it on the test split, write the run directory. */
    async fit() {
        const stopAt = this.options.stopAfterEpoch;
        while (!this.done) {
            if (stopAt !== undefined && this.epoch >= stopAt) {
                this.progress.message(`stopped after epoch ${this.epoch} (stopAfterEpoch); resume with --resume`);
                return { runDir: this.runDir, config: this.config, history: this.history, bestEpoch: this.best?.epoch ?? 0, interrupted: true };
            }
            await this.trainEpoch();
        }
        if ((0, earlyStopping_1.isEarlyStop)(this.epoch, this.sinceBest, this.config.train)) {
            this.progress.message(`early stop: no validation improvement for ${this.sinceBest} epochs`);
        }
        return this.finish();
    }
    /** Load the best checkpoint, evaluate on valid and (optionally) test, write predictions and metrics. */
    async finish() {
        if (this.run.hasCheckpoint('best'))
            this.loadBestWeights();
        const result = {
            runDir: this.runDir,
            config: this.config,
            history: this.history,
            bestEpoch: this.best?.epoch ?? 0,
            interrupted: false,
        };
        const valid = await this.predictSplit('valid');
        this.run.writePredictions('valid', valid, this.spec);
        const validMetrics = (0, evaluate_1.metricsOf)(valid, this.spec);
        result.validMetrics = validMetrics;
        if ((this.options.evalTest ?? config_1.TRAIN_DEFAULTS.evalTest) && this.splits.test.length > 0) {
            const test = await this.predictSplit('test');
            this.run.writePredictions('test', test, this.spec);
            result.testMetrics = (0, evaluate_1.metricsOf)(test, this.spec);
        }
        this.run.writeMetrics({ bestEpoch: result.bestEpoch, epochs: this.epoch, valid: validMetrics, test: result.testMetrics ?? null });
        return result;
    }
    predictSplit(split, opts = {}) {
        // When training needs micro-batches, so does evaluation (a forward needs less memory per case than a step).
        const batchSize = Number.isFinite(this.microBatch) ? this.microBatch : undefined;
        return (0, evaluate_1.predict)(this.model, this.spec, this.splits[split], this.images, this.tabular, { embeddings: opts.embeddings, batchSize });
    }
    save(kind) {
        const meta = {
            kind,
            epoch: this.epoch,
            config: this.config,
            fingerprint: this.cohort.fingerprint,
            tabular: this.tabular.toJSON(),
            history: this.history,
            best: this.best,
            sinceBest: this.sinceBest,
            adamStep: this.optimizer.step,
            ...(kind === 'last' && this.partial ? { partial: this.partial } : {}),
        };
        this.run.saveCheckpoint(kind, (0, checkpoint_1.packRunCheckpoint)(meta, this.model.getWeightData(), kind === 'last' ? this.optimizer.getState() : undefined));
    }
    /** The selected epoch's weights: best.ckpt, or best.prev.ckpt when best.ckpt is corrupt or of another epoch. */
    loadBestWeights() {
        const epoch = this.best?.epoch;
        const good = this.run.loadCheckpoint('best', (c) => (epoch === undefined || c.meta.epoch === epoch ? undefined : `holds epoch ${c.meta.epoch}, the selected one is ${epoch}`));
        (0, checkpoint_1.warnPassedOver)(good, 'using');
        this.model.setWeightData((0, checkpoint_1.unpackWeights)(good.content));
    }
    /**
     * Continue an interrupted run from last.ckpt (or, when it does not verify, from last.prev.ckpt): weights,
     * Adam state, history, selection state.
     */
    restore() {
        let good;
        try {
            good = this.run.loadCheckpoint('last');
        }
        catch (e) {
            if (!(e instanceof errors_1.CfcmlError))
                throw e;
            throw new errors_1.CfcmlError(`cannot resume: ${e.message.slice((e.where ?? '').length + 2)}`, { where: this.runDir, hint: e.hint, cause: e });
        }
        (0, checkpoint_1.warnPassedOver)(good, 'resuming from');
        const { file, content: ck } = good;
        if (ck.meta.fingerprint !== this.cohort.fingerprint) {
            throw new errors_1.CfcmlError('the data split differs from the one this run was trained on (fingerprint mismatch); resume with the same data', {
                where: file,
            });
        }
        // Same arithmetic as the part already trained, or the resumed run would not equal an uninterrupted one.
        const startedWith = this.run.has(runDirectory_1.RunDirectory.FILES.options) ? this.run.readOptions().numerics : undefined;
        if (startedWith !== undefined && startedWith !== (0, numerics_1.numericsFingerprint)()) {
            throw new errors_1.CfcmlError(`this run was started with other numerics (fingerprint ${startedWith}, now ${(0, numerics_1.numericsFingerprint)()}: another backend, tfjs version or kernel code); ` +
                'resuming would not give the run an uninterrupted one gives', { where: file, hint: 'resume it with the checkout and backend that started it, or train it afresh without --resume' });
        }
        const a = JSON.stringify({ ...ck.meta.config, train: { ...ck.meta.config.train, epochs: 0 } });
        const b = JSON.stringify({ ...this.config, train: { ...this.config.train, epochs: 0 } });
        if (a !== b)
            throw new errors_1.CfcmlError('options differ from the interrupted run; resume with the same options (only --epochs may change)', { where: file });
        this.model.setWeightData((0, checkpoint_1.unpackWeights)(ck));
        this.optimizer.setState((0, checkpoint_1.unpackOptimizerState)(ck, this.model.weights.filter((w) => w.variable.trainable).map((w) => w.key), file));
        this.history.push(...ck.meta.history);
        this.best = ck.meta.best;
        this.sinceBest = ck.meta.sinceBest;
        this.partial = ck.meta.partial ?? null;
        this.progress.message(`resumed ${this.runDir} after epoch ${this.epoch}${this.partial ? `, step ${this.partial.step} of epoch ${this.partial.epoch + 1}` : ''}`);
    }
    dispose() {
        this.lock?.release();
        this.model.dispose();
        this.optimizer.dispose();
    }
}
exports.Trainer = Trainer;
/** Train (or resume) a run to the end: the library entry point behind `cfcml train`. */
async function train(options) {
    const trainer = await Trainer.create(options);
    trainer.stopSignal = runGuard_1.StopSignal.install({ onSignal: (sig) => process.stderr.write(`\n${sig}: finishing this step, then writing a checkpoint (${sig} again exits at once)\n`) });
    try {
        return await trainer.fit();
    }
    finally {
        trainer.stopSignal.uninstall();
        trainer.dispose();
    }
}
exports.train = train;
//# sourceMappingURL=trainer.js.map