import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend';
import { BatchSampler, disposeBatch, ImageCache, loadCohort, presetImageOptions, makeBatch, TabularEncoder, type CaseRecord, type Cohort } from '../data';
import { imageSizesOf, type DatasetSpec, type Split } from '../data/spec';
import type { Metrics } from '../metrics';
import type { CFCMLModel } from '../model';
import { CfcmlError } from '../util/errors';
import { deriveSeed } from '../util/random';
import { buildModel, buildOptimizer, loadBackboneWeights } from './build';
import { packRunCheckpoint, unpackOptimizerState, unpackWeights, warnPassedOver, type GoodCheckpoint, type RunCheckpointMeta } from '../run/checkpoint';
import { resolveTrainConfig, runDirFor, splitCases, TRAIN_DEFAULTS, type ResolvedConfig } from './config';
import { metricsOf, predict, type Predictions } from './evaluate';
import { isEarlyStop, isImprovement, shouldStop } from './earlyStopping';
import { hrmWeightsAt } from './loss';
import { formatLossValues, LOSS_TERM_NAMES, zeroLossValues } from './lossTerms';
import { numericsFingerprint } from '../run/numerics';
import type { Adam } from './optimizer';
import type { EpochRecord, StepRecord, TrainOptions } from './options';
import { Progress } from './progress';
import { RunDirectory, type CheckpointKind } from '../run/runDirectory';
import { checkFiniteLoss, checkpointBytes, probeRunDir, removeStaleTempFiles, RunInterruptedError, RunLock, StopSignal, type PartialEpoch } from '../run/runGuard';
import { learningRateAt } from './schedule';
import { planMicroBatch, randomStepBatch, splitGradients } from '../run/splitStep';
import { lossGradients, type GradientFn } from './step';

export type { ResolvedConfig } from './config';

export interface RunResult {
  runDir: string;
  config: ResolvedConfig;
  history: EpochRecord[];
  bestEpoch: number;
  /** Test metrics of the selected model (absent when evalTest is false or the run was stopped early). */
  testMetrics?: Metrics;
  validMetrics?: Metrics;
  /** True when the run stopped at `stopAfterEpoch` before finishing. */
  interrupted: boolean;
}

/**
 * A training run, step by step: `Trainer.create()` loads the cohort, images and model; `trainEpoch()`
 * runs one epoch and validates; `fit()` runs to the end with model selection on the validation split,
 * early stopping, checkpoints and the final test evaluation. Notebooks use the pieces, the CLI uses `fit()`.
 *
 * The method, in the order the code runs it (docs/METHOD.md):
 *   trainEpoch: for each batch → trainStep (forward → loss (H8) → gradient → Adam step) → validate → select
 *   fit:        trainEpoch until the epochs are done or validation stops improving → finish (best.ckpt → test)
 */
export class Trainer {
  readonly history: EpochRecord[] = [];
  /**
   * How one step's gradient is computed (lib/train/step.ts). Replace it for another computation of the same
   * gradient (micro-batches, workers); it is called inside a `tf.tidy` with the step's batch.
   */
  gradientFn: GradientFn = lossGradients;
  /** Cases per micro-batch of a training step (planMicroBatch; Infinity when the whole batch fits). */
  microBatch = Infinity;
  private best: RunCheckpointMeta['best'] = null;
  private sinceBest = 0;
  /** Run-fault guards (lib/run/runGuard.ts): a part-done epoch, the directory lock, the signal to stop at. */
  private partial: PartialEpoch | null = null;
  private lock: RunLock | undefined;
  stopSignal: StopSignal | undefined;
  /** The run directory's path (`run.dir`). */
  readonly runDir: string;

  private constructor(
    readonly options: TrainOptions,
    readonly config: ResolvedConfig,
    readonly cohort: Cohort,
    readonly splits: Record<Split, CaseRecord[]>,
    readonly tabular: TabularEncoder,
    readonly images: ImageCache,
    readonly model: CFCMLModel,
    readonly optimizer: Adam,
    readonly sampler: BatchSampler,
    readonly run: RunDirectory,
    private readonly progress: Progress,
  ) {
    this.runDir = run.dir;
  }

  get spec(): DatasetSpec {
    return this.cohort.spec;
  }

  /** Epochs completed so far. */
  get epoch(): number {
    return this.history.length;
  }

  static async create(options: TrainOptions): Promise<Trainer> {
    await initBackend({ quiet: options.progress === 'none' });
    const cohort = await loadCohort(options.data, { dataset: options.dataset });
    const spec = cohort.spec;
    const splits = splitCases(cohort);
    const config = resolveTrainConfig(options, cohort, splits.train);
    const train = config.train;
    const progress = new Progress(options.progress ?? TRAIN_DEFAULTS.progress);
    if (config.excludedFields.length > 0) {
      progress.message(`tabular fields left out (leakage audit or --exclude): ${config.excludedFields.join(', ')}`);
    }

    const tabular = TabularEncoder.fit(spec, splits.train, { exclude: config.excludedFields });
    const t0 = Date.now();
    const sizes = train.viewSizes ? imageSizesOf(spec, train).map((s, m) => `${spec.imageModalities[m].name} ${s.join('×')}`).join(', ') : train.imageSize.join('×');
    const images = await ImageCache.load(cohort, {
      ...presetImageOptions(train),
      onProgress: (done, total) => {
        if (done === total) progress.message(`images: ${total} cases decoded at ${sizes} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      },
    });
    const model = buildModel(spec, config, tabular);
    // Before memory planning, so that a file that does not fit is refused at once (a resumed run then loads
    // its checkpoint over these weights).
    loadBackboneWeights(model, train.model);
    const encoderParams = model.weights.filter((w) => w.group === 'encoder').reduce((n, w) => n + w.variable.size, 0);
    progress.message(
      `model: ${config.variant}, ${model.paramCount().toLocaleString('en-US')} parameters (encoders ${encoderParams.toLocaleString('en-US')}); ` +
        `${splits.train.length} train / ${splits.valid.length} valid / ${splits.test.length} test cases`,
    );
    const bb = train.model;
    if (bb.backbone === 'swin') {
      const frozen = bb.freezeStages ?? 0;
      progress.message(
        `backbone: Swin, ${bb.backboneWeights ? `weights ${bb.backboneWeights}` : 'random initialisation'}` +
          (frozen > 0 ? `, stages 1–${frozen} frozen` : '') +
          (frozen > 0 && !bb.backboneWeights ? ' (at their random initialisation: give --weights <model.safetensors> for the pretrained ones)' : ''),
      );
    }
    const optimizer = buildOptimizer(model, train);
    const sampler = new BatchSampler(
      splits.train.map((c) => c.label),
      { batchSize: train.batchSize, balanced: train.balancedBatches, numClasses: spec.classes.length, seed: deriveSeed(config.seed, 'batches') },
    );
    const run = new RunDirectory(runDirFor(options, config));
    const trainer = new Trainer(options, config, cohort, splits, tabular, images, model, optimizer, sampler, run, progress);
    probeRunDir(run.dir, checkpointBytes(model.paramCount()));
    trainer.lock = RunLock.acquire(run.dir, { warn: (m) => console.warn(m) });
    removeStaleTempFiles(run.dir);
    try {
      // Any batch must fit: measure a step's memory and split it at z into micro-batches if needed (splitStep.ts).
      const lossOpts = { numClasses: spec.classes.length, weights: config.hrmWeights, tau: train.tau, dropoutSeed: 0 };
      const plan = await planMicroBatch(model, (n) => randomStepBatch(model.config, n), lossOpts, train.batchSize);
      if (plan.microBatch < train.batchSize) {
        trainer.microBatch = plan.microBatch;
        trainer.gradientFn = (input) => splitGradients(input.model, { ...input.batch, hostLabels: input.hostLabels }, input, plan.microBatch);
        progress.message(`batch ${train.batchSize} does not fit in memory at once: micro-batches of ${plan.microBatch} (split at z, same gradients)`);
      }
      trainer.open();
    } catch (e) {
      trainer.lock.release();
      throw e;
    }
    return trainer;
  }

  /**
   * Before the first step: continue from last.ckpt (`resume`) or start the run directory afresh
   * (stale outputs removed, options.json written).
   */
  private open(): void {
    if (this.options.resume && this.run.hasCheckpoint('last')) this.restore();
    else {
      this.run.reset();
      this.run.writeOptions(this.config, this.cohort.fingerprint, numericsFingerprint());
    }
  }

  /** Run one epoch of training, then validate and select; returns the epoch's record (also appended to history). */
  async trainEpoch(): Promise<EpochRecord> {
    const p = this.config.train;
    const epoch = this.epoch;
    const lr = learningRateAt(epoch, p);
    const started = Date.now();
    const batches = this.sampler.batches(epoch);
    const part = this.partial?.epoch === epoch ? this.partial : null;
    const sums = part ? { ...part.sums } : zeroLossValues();
    const every = this.options.checkpointEvery ?? 0;
    for (let step = part?.step ?? 0; step < batches.length; step++) {
      const rec = await this.trainStep(epoch, step, batches, lr);
      for (const k of LOSS_TERM_NAMES) sums[k] += rec[k];
      this.progress.step({
        epoch,
        epochs: p.epochs,
        step: step + 1,
        steps: batches.length,
        terms: { loss: rec.loss, ce: rec.ce },
        elapsed: (Date.now() - started) / 1000,
      });
      if (this.options.onStep) await this.options.onStep(rec);
      // Signal handlers run only when the event loop turns; a step's awaits are microtasks, so yield once.
      if (this.stopSignal) await new Promise((resolve) => setImmediate(resolve));
      const stop = this.stopSignal?.requested;
      if (stop || (every > 0 && (step + 1) % every === 0 && step + 1 < batches.length)) {
        this.partial = { epoch, step: step + 1, sums: { ...sums } };
        this.save('last');
        if (stop) throw new RunInterruptedError(stop, this.runDir, epoch, step + 1);
      }
    }
    this.partial = null;
    const n = batches.length;
    const means = zeroLossValues();
    for (const k of LOSS_TERM_NAMES) means[k] = sums[k] / n;

    // Validate: the selection criterion is validation AUC, ties broken by the lower validation loss.
    const val = await this.predictSplit('valid');
    const vm = metricsOf(val, this.spec);
    const isBest = isImprovement(this.best, vm.auc, val.loss);
    const record: EpochRecord = {
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
    } else this.sinceBest += 1;
    this.save('last');
    this.run.writeHistory(this.history);
    this.progress.epoch(
      `epoch ${record.epoch}/${p.epochs}  lr ${lr.toExponential(2)}  ${formatLossValues(record)}  val_loss ${val.loss.toFixed(4)}  val_auc ${vm.auc.toFixed(4)}${isBest ? ' *' : ''}  ${record.seconds.toFixed(1)}s`,
    );
    if (this.options.onEpochEnd) await this.options.onEpochEnd(record);
    return record;
  }

  /**
   * One optimisation step on batch `step` of the epoch: batch (augmented) → gradient of (H8) (`gradientFn`)
   * → Adam update at `lr`. Returns the step's loss terms; a non-finite loss stops the run.
   */
  private async trainStep(epoch: number, step: number, batches: number[][], lr: number): Promise<StepRecord> {
    const p = this.config.train;
    const idx = batches[step];
    const batch = makeBatch(this.spec, this.splits.train, idx, this.images, this.tabular, {
      augment: p.augment,
      seed: deriveSeed(this.config.seed, 'augment', epoch, step),
    });
    const terms = tf.tidy(() => {
      const g = this.gradientFn({
        model: this.model,
        batch,
        hostLabels: idx.map((i) => this.splits.train[i].label),
        dropoutSeed: deriveSeed(this.config.seed, 'dropout', epoch, step),
        numClasses: this.spec.classes.length,
        weights: hrmWeightsAt(this.config.hrmWeights, epoch, p.hrmWarmupEpochs ?? 0),
        tau: p.tau,
      });
      this.optimizer.apply(g.grads, lr);
      return g.terms;
    });
    disposeBatch(batch);
    const t = await terms.data();
    terms.dispose();
    const values = zeroLossValues();
    LOSS_TERM_NAMES.forEach((k, i) => (values[k] = t[i]));
    checkFiniteLoss(values, epoch, step);
    return { epoch, step, steps: batches.length, ...values };
  }

  /**
   * Whether training should stop: all epochs done, or no validation improvement for `patience` epochs once
   * `minEpochs` are done (earlyStopping.ts, the same rule the tuning replays).
   */
  get done(): boolean {
    return shouldStop(this.epoch, this.sinceBest, this.config.train);
  }

  /** Train to the end, select the best epoch on validation, evaluate it on the test split, write the run directory. */
  async fit(): Promise<RunResult> {
    const stopAt = this.options.stopAfterEpoch;
    while (!this.done) {
      if (stopAt !== undefined && this.epoch >= stopAt) {
        this.progress.message(`stopped after epoch ${this.epoch} (stopAfterEpoch); resume with --resume`);
        return { runDir: this.runDir, config: this.config, history: this.history, bestEpoch: this.best?.epoch ?? 0, interrupted: true };
      }
      await this.trainEpoch();
    }
    if (isEarlyStop(this.epoch, this.sinceBest, this.config.train)) {
      this.progress.message(`early stop: no validation improvement for ${this.sinceBest} epochs`);
    }
    return this.finish();
  }

  /** Load the best checkpoint, evaluate on valid and (optionally) test, write predictions and metrics. */
  async finish(): Promise<RunResult> {
    if (this.run.hasCheckpoint('best')) this.loadBestWeights();
    const result: RunResult = {
      runDir: this.runDir,
      config: this.config,
      history: this.history,
      bestEpoch: this.best?.epoch ?? 0,
      interrupted: false,
    };
    const valid = await this.predictSplit('valid');
    this.run.writePredictions('valid', valid, this.spec);
    const validMetrics = metricsOf(valid, this.spec);
    result.validMetrics = validMetrics;
    if ((this.options.evalTest ?? TRAIN_DEFAULTS.evalTest) && this.splits.test.length > 0) {
      const test = await this.predictSplit('test');
      this.run.writePredictions('test', test, this.spec);
      result.testMetrics = metricsOf(test, this.spec);
    }
    this.run.writeMetrics({ bestEpoch: result.bestEpoch, epochs: this.epoch, valid: validMetrics, test: result.testMetrics ?? null });
    return result;
  }

  /** Predictions of the current weights on one split (no augmentation); with `embeddings`, also z_m. */
  predictSplit(split: Split, opts: { embeddings: true }): Promise<Predictions & { embeddings: number[][][] }>;
  predictSplit(split: Split, opts?: { embeddings?: boolean }): Promise<Predictions>;
  predictSplit(split: Split, opts: { embeddings?: boolean } = {}): Promise<Predictions> {
    // When training needs micro-batches, so does evaluation (a forward needs less memory per case than a step).
    const batchSize = Number.isFinite(this.microBatch) ? this.microBatch : undefined;
    return predict(this.model, this.spec, this.splits[split], this.images, this.tabular, { embeddings: opts.embeddings, batchSize });
  }

  private save(kind: CheckpointKind): void {
    const meta: RunCheckpointMeta = {
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
    this.run.saveCheckpoint(kind, packRunCheckpoint(meta, this.model.getWeightData(), kind === 'last' ? this.optimizer.getState() : undefined));
  }

  /** The selected epoch's weights: best.ckpt, or best.prev.ckpt when best.ckpt is corrupt or of another epoch. */
  private loadBestWeights(): void {
    const epoch = this.best?.epoch;
    const good = this.run.loadCheckpoint('best', (c) => (epoch === undefined || c.meta.epoch === epoch ? undefined : `holds epoch ${c.meta.epoch}, the selected one is ${epoch}`));
    warnPassedOver(good, 'using');
    this.model.setWeightData(unpackWeights(good.content));
  }

  /**
   * Continue an interrupted run from last.ckpt (or, when it does not verify, from last.prev.ckpt): weights,
   * Adam state, history, selection state.
   */
  private restore(): void {
    let good: GoodCheckpoint<RunCheckpointMeta>;
    try {
      good = this.run.loadCheckpoint('last');
    } catch (e) {
      if (!(e instanceof CfcmlError)) throw e;
      throw new CfcmlError(`cannot resume: ${e.message.slice((e.where ?? '').length + 2)}`, { where: this.runDir, hint: e.hint, cause: e });
    }
    warnPassedOver(good, 'resuming from');
    const { file, content: ck } = good;
    if (ck.meta.fingerprint !== this.cohort.fingerprint) {
      throw new CfcmlError('the data split differs from the one this run was trained on (fingerprint mismatch); resume with the same data', {
        where: file,
      });
    }
    // Same arithmetic as the part already trained, or the resumed run would not equal an uninterrupted one.
    const startedWith = this.run.has(RunDirectory.FILES.options) ? this.run.readOptions().numerics : undefined;
    if (startedWith !== undefined && startedWith !== numericsFingerprint()) {
      throw new CfcmlError(
        `this run was started with other numerics (fingerprint ${startedWith}, now ${numericsFingerprint()}: another backend, tfjs version or kernel code); ` +
          'resuming would not give the run an uninterrupted one gives',
        { where: file, hint: 'resume it with the checkout and backend that started it, or train it afresh without --resume' },
      );
    }
    const a = JSON.stringify({ ...ck.meta.config, train: { ...ck.meta.config.train, epochs: 0 } });
    const b = JSON.stringify({ ...this.config, train: { ...this.config.train, epochs: 0 } });
    if (a !== b) throw new CfcmlError('options differ from the interrupted run; resume with the same options (only --epochs may change)', { where: file });
    this.model.setWeightData(unpackWeights(ck));
    this.optimizer.setState(
      unpackOptimizerState(
        ck,
        this.model.weights.filter((w) => w.variable.trainable).map((w) => w.key),
        file,
      ),
    );
    this.history.push(...ck.meta.history);
    this.best = ck.meta.best;
    this.sinceBest = ck.meta.sinceBest;
    this.partial = ck.meta.partial ?? null;
    this.progress.message(`resumed ${this.runDir} after epoch ${this.epoch}${this.partial ? `, step ${this.partial.step} of epoch ${this.partial.epoch + 1}` : ''}`);
  }

  dispose(): void {
    this.lock?.release();
    this.model.dispose();
    this.optimizer.dispose();
  }
}

/** Train (or resume) a run to the end: the library entry point behind `cfcml train`. */
export async function train(options: TrainOptions): Promise<RunResult> {
  const trainer = await Trainer.create(options);
  trainer.stopSignal = StopSignal.install({ onSignal: (sig) => process.stderr.write(`\n${sig}: finishing this step, then writing a checkpoint (${sig} again exits at once)\n`) });
  try {
    return await trainer.fit();
  } finally {
    trainer.stopSignal.uninstall();
    trainer.dispose();
  }
}
