import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend';
import {
  auditLeakage,
  BatchSampler,
  disposeBatch,
  ImageCache,
  loadCohort,
  makeBatch,
  TabularEncoder,
  type CaseRecord,
  type Cohort,
} from '../data';
import { getPreset } from '../data/datasets';
import type { DatasetSpec, Split, TrainPreset } from '../data/spec';
import { createModel, type CFCMLModel } from '../model';
import type { Variant } from '../model/types';
import { CfcmlError } from '../util/errors';
import { formatCsv } from '../util/csv';
import { writeFileAtomic, writeJsonAtomic } from '../util/fs';
import { deriveSeed } from '../util/random';
import { loadCheckpoint, saveCheckpoint, type NamedArray } from './checkpoint';
import { metricsOf, predict, type Predictions } from './evaluate';
import { hrmWeightsFor, type HrmWeights } from './loss';
import { planMicroBatch, randomStepBatch, splitGradients } from './splitStep';
import { Adam, type AdamState } from './optimizer';
import type { EpochRecord, StepRecord, TrainOptions } from './options';
import { Progress } from './progress';
import { learningRateAt } from './schedule';

/** What a run directory's checkpoints record beside the arrays. */
interface CheckpointMeta {
  kind: 'last' | 'best';
  epoch: number; // epochs completed
  config: ResolvedConfig;
  fingerprint: string;
  tabular: object;
  history: EpochRecord[];
  best: { epoch: number; auc: number; loss: number } | null;
  sinceBest: number;
  adamStep: number;
}

/** Everything that determines a run's numbers; stored in options.json and in every checkpoint. */
export interface ResolvedConfig {
  dataset: string;
  data: string;
  preset: string;
  variant: Variant;
  seed: number;
  excludedFields: string[];
  train: TrainPreset;
  hrmWeights: HrmWeights;
}

export interface RunResult {
  runDir: string;
  config: ResolvedConfig;
  history: EpochRecord[];
  bestEpoch: number;
  /** Test metrics of the selected model (absent when evalTest is false or the run was stopped early). */
  testMetrics?: Record<string, unknown>;
  validMetrics?: Record<string, unknown>;
  /** True when the run stopped at `stopAfterEpoch` before finishing. */
  interrupted: boolean;
}

const resolveOut = (o: TrainOptions, dataset: string, variant: string, seed: number) =>
  path.resolve(o.out ?? path.join('runs', `${dataset}-${variant}-seed${seed}`));

/**
 * A training run, step by step: `Trainer.create()` loads the cohort, images and model; `trainEpoch()`
 * runs one epoch and validates; `fit()` runs to the end with model selection on the validation split,
 * early stopping, checkpoints and the final test evaluation. Notebooks use the pieces, the CLI uses `fit()`.
 */
export class Trainer {
  readonly history: EpochRecord[] = [];
  private best: CheckpointMeta['best'] = null;
  /** Cases per micro-batch of a training step (planMicroBatch; the whole batch when it fits). */
  microBatch = Infinity;
  private sinceBest = 0;
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
    readonly runDir: string,
    private readonly progress: Progress,
  ) {}

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
    const presetName = options.preset ?? 'cpu';
    const base = getPreset(spec, presetName);
    const imageSize =
      options.imageSize === undefined
        ? (options.overrides?.imageSize ?? base.imageSize)
        : base.imageSize.length === 3
          ? [base.imageSize[0], options.imageSize, options.imageSize]
          : [options.imageSize, options.imageSize];
    const ov = options.overrides ?? {};
    const train: TrainPreset = {
      ...base,
      ...ov,
      model: { ...base.model, ...(ov.model ?? {}) },
      hrm: { ...base.hrm, ...(ov.hrm ?? {}) },
      epochs: options.epochs ?? ov.epochs ?? base.epochs,
      batchSize: options.batchSize ?? ov.batchSize ?? base.batchSize,
      lr: options.lr ?? ov.lr ?? base.lr,
      imageSize,
    };
    for (const [k, v] of Object.entries({ epochs: train.epochs, batchSize: train.batchSize })) {
      if (!Number.isInteger(v) || v < 1) throw new CfcmlError(`${k} must be a whole number ≥ 1, got ${v}`);
    }
    if (!(train.lr > 0)) throw new CfcmlError(`lr must be > 0, got ${train.lr}`);
    const variant = options.variant ?? 'full';
    const seed = options.seed ?? 666;

    const splits: Record<Split, CaseRecord[]> = { train: [], valid: [], test: [] };
    for (const c of cohort.cases) splits[c.split].push(c);
    for (const s of ['train', 'valid'] as Split[]) {
      if (splits[s].length === 0) throw new CfcmlError(`the ${s} split is empty`, { where: cohort.root });
    }
    for (let k = 0; k < spec.classes.length; k++) {
      if (!splits.train.some((c) => c.label === k)) {
        throw new CfcmlError(`class '${spec.classes[k]}' has no case in the train split`, { where: cohort.root });
      }
    }

    let excludedFields: string[];
    const ex = options.excludeFields ?? 'auto';
    if (ex === 'none') excludedFields = [];
    else if (ex === 'auto') {
      const trainCohort: Cohort = { ...cohort, cases: splits.train };
      excludedFields = auditLeakage(trainCohort).flagged;
    } else {
      const known = spec.tabular.map((f) => f.name);
      for (const f of ex) if (!known.includes(f)) throw new CfcmlError(`cannot exclude unknown tabular field '${f}'; fields: ${known.join(', ')}`);
      excludedFields = [...ex];
    }

    const config: ResolvedConfig = {
      dataset: spec.name,
      data: path.resolve(options.data),
      preset: presetName,
      variant,
      seed,
      excludedFields,
      train,
      hrmWeights: hrmWeightsFor(variant, train.hrm),
    };
    const runDir = resolveOut(options, spec.name, variant, seed);
    const progress = new Progress(options.progress ?? 'auto');
    if (excludedFields.length > 0) {
      progress.message(`tabular fields left out (leakage audit or --exclude): ${excludedFields.join(', ')}`);
    }

    const tabular = TabularEncoder.fit(spec, splits.train, { exclude: excludedFields });
    const t0 = Date.now();
    const images = await ImageCache.load(cohort, {
      size: train.imageSize,
      onProgress: (done, total) => {
        if (done === total) progress.message(`images: ${total} cases decoded at ${train.imageSize.join('×')} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      },
    });
    const model = createModel({
      images: spec.imageModalities.map((m) => ({ kind: m.kind, channels: m.channels })),
      imageSize: train.imageSize,
      tabular: tabular.inputSpec(),
      numClasses: spec.classes.length,
      variant,
      model: train.model,
      seed: deriveSeed(seed, 'init'),
    });
    const encoderParams = model.weights.filter((w) => w.group === 'encoder').reduce((n, w) => n + w.variable.size, 0);
    progress.message(
      `model: ${variant}, ${model.paramCount().toLocaleString('en-US')} parameters (encoders ${encoderParams.toLocaleString('en-US')}); ` +
        `${splits.train.length} train / ${splits.valid.length} valid / ${splits.test.length} test cases`,
    );
    const optimizer = new Adam(
      model.weights.map((w) => ({ key: w.key, variable: w.variable, lrScale: w.group === 'encoder' ? train.backboneLrScale : 1 })),
      { weightDecay: train.weightDecay },
    );
    const sampler = new BatchSampler(
      splits.train.map((c) => c.label),
      { batchSize: train.batchSize, balanced: train.balancedBatches, numClasses: spec.classes.length, seed: deriveSeed(seed, 'batches') },
    );
    const trainer = new Trainer(options, config, cohort, splits, tabular, images, model, optimizer, sampler, runDir, progress);
    const plan = await planMicroBatch(model, (n) => randomStepBatch(model.config, n), { numClasses: spec.classes.length, weights: config.hrmWeights, tau: train.tau, dropoutSeed: 0 }, train.batchSize);
    trainer.microBatch = plan.microBatch;
    if (plan.microBatch < train.batchSize) progress.message(`batch ${train.batchSize} does not fit in memory at once: micro-batches of ${plan.microBatch} (split at z, same gradients)`);

    const last = path.join(runDir, 'last.ckpt');
    if (options.resume && fs.existsSync(last)) trainer.restore(last);
    else {
      for (const f of ['last.ckpt', 'best.ckpt', 'history.csv', 'history.json', 'metrics.json', 'predictions_test.csv', 'predictions_valid.csv']) {
        fs.rmSync(path.join(runDir, f), { force: true });
      }
      fs.mkdirSync(runDir, { recursive: true });
      writeJsonAtomic(path.join(runDir, 'options.json'), { ...config, fingerprint: cohort.fingerprint, cfcmlVersion: packageVersion() });
    }
    return trainer;
  }

  /** Run one epoch of training, then validate; returns the epoch's record (also appended to history). */
  async trainEpoch(): Promise<EpochRecord> {
    const { train: p } = this.config;
    const epoch = this.epoch;
    const lr = learningRateAt(epoch, p);
    const started = Date.now();
    const batches = this.sampler.batches(epoch);
    const sums = { loss: 0, ce: 0, sam: 0, up: 0, cp: 0 };
    const numClasses = this.spec.classes.length;
    for (let step = 0; step < batches.length; step++) {
      const idx = batches[step];
      const batch = makeBatch(this.spec, this.splits.train, idx, this.images, this.tabular, {
        augment: p.augment,
        seed: deriveSeed(this.config.seed, 'augment', epoch, step),
      });
      const hostLabels = idx.map((i) => this.splits.train[i].label);
      const dropoutSeed = deriveSeed(this.config.seed, 'dropout', epoch, step);
      // Split at z into micro-batches when the batch does not fit (lib/train/splitStep.ts); else the plain step.
      const stepBatch = { images: batch.images, tabular: batch.tabular, labels: batch.labels, hostLabels };
      const { grads, terms: termsT } = splitGradients(this.model, stepBatch, { numClasses, weights: this.config.hrmWeights, tau: p.tau, dropoutSeed }, this.microBatch);
      this.optimizer.apply(grads, lr);
      tf.dispose(Object.values(grads));
      disposeBatch(batch);
      const t = await (termsT as unknown as tf.Tensor1D).data();
      (termsT as unknown as tf.Tensor1D).dispose();
      if (!Number.isFinite(t[0])) {
        throw new CfcmlError(
          `training diverged at epoch ${epoch + 1}, step ${step + 1}: loss is ${t[0]} (ce ${t[1]}, sam ${t[2]}, up ${t[3]}, cp ${t[4]}); try a smaller --lr`,
        );
      }
      sums.loss += t[0];
      sums.ce += t[1];
      sums.sam += t[2];
      sums.up += t[3];
      sums.cp += t[4];
      const rec: StepRecord = { epoch, step, steps: batches.length, loss: t[0], ce: t[1], sam: t[2], up: t[3], cp: t[4] };
      this.progress.step({
        epoch,
        epochs: p.epochs,
        step: step + 1,
        steps: batches.length,
        terms: { loss: t[0], ce: t[1] },
        elapsed: (Date.now() - started) / 1000,
      });
      if (this.options.onStep) await this.options.onStep(rec);
    }
    const n = batches.length;
    const val = await this.predictSplit('valid');
    const vm = metricsOf(val, this.spec);
    const auc = Number(vm.auc);
    const isBest = this.best === null || auc > this.best.auc || (auc === this.best.auc && val.loss < this.best.loss);
    const record: EpochRecord = {
      epoch: epoch + 1,
      lr,
      loss: sums.loss / n,
      ce: sums.ce / n,
      sam: sums.sam / n,
      up: sums.up / n,
      cp: sums.cp / n,
      val_loss: val.loss,
      val_auc: auc,
      val_accuracy: Number(vm.accuracy),
      val_balanced_accuracy: Number(vm.balanced_accuracy),
      seconds: (Date.now() - started) / 1000,
      best: isBest,
    };
    this.history.push(record);
    if (isBest) {
      this.best = { epoch: epoch + 1, auc, loss: val.loss };
      this.sinceBest = 0;
      this.save('best');
    } else this.sinceBest += 1;
    this.save('last');
    this.writeHistory();
    this.progress.epoch(
      `epoch ${record.epoch}/${p.epochs}  lr ${lr.toExponential(2)}  loss ${record.loss.toFixed(4)} (ce ${record.ce.toFixed(4)} sam ${record.sam.toFixed(3)} up ${record.up.toFixed(3)} cp ${record.cp.toFixed(3)})  val_loss ${val.loss.toFixed(4)}  val_auc ${auc.toFixed(4)}${isBest ? ' *' : ''}  ${record.seconds.toFixed(1)}s`,
    );
    if (this.options.onEpochEnd) await this.options.onEpochEnd(record);
    return record;
  }

  /** Whether training should stop: all epochs done, or no validation improvement for `patience` epochs. */
  get done(): boolean {
    const p = this.config.train;
    return this.epoch >= p.epochs || (p.patience > 0 && this.sinceBest >= p.patience);
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
    if (this.sinceBest >= this.config.train.patience && this.config.train.patience > 0 && this.epoch < this.config.train.epochs) {
      this.progress.message(`early stop: no validation improvement for ${this.sinceBest} epochs`);
    }
    return this.finish();
  }

  /** Load the best checkpoint, evaluate on valid and (optionally) test, write predictions and metrics. */
  async finish(): Promise<RunResult> {
    const bestFile = path.join(this.runDir, 'best.ckpt');
    if (fs.existsSync(bestFile)) this.loadWeights(bestFile);
    const result: RunResult = {
      runDir: this.runDir,
      config: this.config,
      history: this.history,
      bestEpoch: this.best?.epoch ?? 0,
      interrupted: false,
    };
    const valid = await this.predictSplit('valid');
    writeFileAtomic(path.join(this.runDir, 'predictions_valid.csv'), predictionsCsv(valid, this.spec));
    result.validMetrics = metricsOf(valid, this.spec);
    if (this.options.evalTest !== false && this.splits.test.length > 0) {
      const test = await this.predictSplit('test');
      writeFileAtomic(path.join(this.runDir, 'predictions_test.csv'), predictionsCsv(test, this.spec));
      result.testMetrics = metricsOf(test, this.spec);
    }
    writeJsonAtomic(path.join(this.runDir, 'metrics.json'), {
      bestEpoch: result.bestEpoch,
      epochs: this.epoch,
      valid: result.validMetrics,
      test: result.testMetrics ?? null,
    });
    return result;
  }

  /** Predictions of the current weights on one split (no augmentation); with `embeddings`, also z_m. */
  predictSplit(split: Split, opts: { embeddings: true }): Promise<Predictions & { embeddings: number[][][] }>;
  predictSplit(split: Split, opts?: { embeddings?: boolean }): Promise<Predictions>;
  predictSplit(split: Split, opts: { embeddings?: boolean } = {}): Promise<Predictions> {
    // When training needs micro-batches, so does evaluation (a forward needs less memory per case than a step).
    const batchSize = this.microBatch < this.config.train.batchSize ? this.microBatch : undefined;
    return predict(this.model, this.spec, this.splits[split], this.images, this.tabular, { embeddings: opts.embeddings, batchSize });
  }

  private weightArrays(): NamedArray[] {
    return this.model.getWeightData().map((w) => ({ name: `w:${w.key}`, shape: w.shape, data: w.data }));
  }

  private save(kind: 'best' | 'last'): void {
    const arrays = this.weightArrays();
    if (kind === 'last') {
      const st = this.optimizer.getState();
      for (const s of st.slots) {
        arrays.push({ name: `m:${s.key}`, shape: s.shape, data: s.m }, { name: `v:${s.key}`, shape: s.shape, data: s.v });
      }
    }
    const meta: CheckpointMeta = {
      kind,
      epoch: this.epoch,
      config: this.config,
      fingerprint: this.cohort.fingerprint,
      tabular: this.tabular.toJSON(),
      history: this.history,
      best: this.best,
      sinceBest: this.sinceBest,
      adamStep: this.optimizer.step,
    };
    saveCheckpoint(path.join(this.runDir, `${kind}.ckpt`), { meta, arrays });
  }

  private loadWeights(file: string): CheckpointMeta {
    const ck = loadCheckpoint<CheckpointMeta>(file);
    this.model.setWeightData(
      ck.arrays.filter((a) => a.name.startsWith('w:')).map((a) => ({ key: a.name.slice(2), shape: a.shape, data: a.data })),
    );
    return ck.meta;
  }

  private restore(file: string): void {
    const ck = loadCheckpoint<CheckpointMeta>(file);
    if (ck.meta.fingerprint !== this.cohort.fingerprint) {
      throw new CfcmlError('the data split differs from the one this run was trained on (fingerprint mismatch); resume with the same data', {
        where: file,
      });
    }
    const a = JSON.stringify({ ...ck.meta.config, train: { ...ck.meta.config.train, epochs: 0 } });
    const b = JSON.stringify({ ...this.config, train: { ...this.config.train, epochs: 0 } });
    if (a !== b) throw new CfcmlError('options differ from the interrupted run; resume with the same options (only --epochs may change)', { where: file });
    this.loadWeights(file);
    const slots: AdamState['slots'] = [];
    const byName = new Map(ck.arrays.map((x) => [x.name, x]));
    for (const w of this.model.weights) {
      const m = byName.get(`m:${w.key}`);
      const v = byName.get(`v:${w.key}`);
      if (!m || !v) throw new CfcmlError(`checkpoint has no optimizer state for '${w.key}'`, { where: file });
      slots.push({ key: w.key, shape: m.shape, m: m.data, v: v.data });
    }
    this.optimizer.setState({ step: ck.meta.adamStep, slots });
    this.history.push(...ck.meta.history);
    this.best = ck.meta.best;
    this.sinceBest = ck.meta.sinceBest;
    this.progress.message(`resumed ${this.runDir} after epoch ${this.epoch}`);
  }

  private writeHistory(): void {
    writeJsonAtomic(path.join(this.runDir, 'history.json'), this.history);
    const header = Object.keys(this.history[0]);
    writeFileAtomic(path.join(this.runDir, 'history.csv'), formatCsv(header, this.history as unknown as Record<string, unknown>[]));
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
  }
}

/** Predictions as CSV: `id,label,prob_0..prob_{C-1}` (what `cfcml metrics --pred` reads). */
export function predictionsCsv(p: Predictions, spec: DatasetSpec): string {
  const header = ['id', 'label', ...spec.classes.map((_, k) => `prob_${k}`)];
  const rows = p.ids.map((id, i) => [id, p.labels[i], ...p.probs[i].map((x) => x.toPrecision(7))]);
  return formatCsv(header, rows);
}

function packageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return require('../../../package.json').version as string;
  } catch {
    return 'unknown';
  }
}

/** Train (or resume) a run to the end: the library entry point behind `cfcml train`. */
export async function train(options: TrainOptions): Promise<RunResult> {
  const trainer = await Trainer.create(options);
  try {
    return await trainer.fit();
  } finally {
    trainer.dispose();
  }
}
