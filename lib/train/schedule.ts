import { CfcmlError } from '../util/errors';

/**
 * Learning-rate schedule (docs/METHOD.md, "Training protocol"): a linear warm-up over the first
 * `warmupEpochs` epochs, then StepLR (× `stepGamma` every `stepEvery` epochs, the authors' schedule) or,
 * with `schedule: 'cosine'`, a cosine decay to 0 over the rest of the `epochs` budget (torch's
 * CosineAnnealingLR with T_max = epochs − warmupEpochs, eta_min 0). StepLR was made for fine-tuning a
 * pretrained backbone; from scratch it leaves the rate near zero long before a larger training set is
 * learned (docs/TUNING.md, "Is the distance to the oracle a budget problem? (diagnostic, validation only; chooses nothing)").
 *
 * Epochs are 0-based. During warm-up epoch e trains at lr·(e+1)/warmupEpochs, so the first epoch already
 * moves the weights. Departure from the authors: their warm-up (GradualWarmupScheduler with multiplier 1,
 * stepped after each epoch) gives their first epoch lr 0 (Adam's moments move, the weights do not) and
 * reaches lr after `warmupEpochs` epochs. This schedule is theirs shifted by one epoch, learningRateAt(e) =
 * authors(e + 1) for every e (test/train/schedule.test.ts checks it against torch 1.13): the lr-0 epoch is
 * skipped rather than spent.
 */
export interface ScheduleOptions {
  lr: number;
  warmupEpochs: number;
  stepEvery: number;
  stepGamma: number;
  /** 'step' (default: StepLR) or 'cosine' (needs `epochs`). */
  schedule?: LrSchedule;
  /** The epoch budget the cosine decays over (ignored by StepLR). */
  epochs?: number;
}

export type LrSchedule = 'step' | 'cosine';
export const LR_SCHEDULES: readonly LrSchedule[] = ['step', 'cosine'];

export function learningRateAt(epoch: number, o: ScheduleOptions): number {
  if (epoch < o.warmupEpochs) return (o.lr * (epoch + 1)) / o.warmupEpochs;
  const after = epoch - o.warmupEpochs;
  if (o.schedule === 'cosine') {
    const span = (o.epochs ?? 0) - o.warmupEpochs;
    if (!(span > 0)) throw new CfcmlError(`schedule 'cosine' needs epochs (${o.epochs}) greater than warmupEpochs (${o.warmupEpochs})`, { where: 'preset' });
    return (o.lr * (1 + Math.cos((Math.PI * Math.min(after, span)) / span))) / 2;
  }
  const steps = o.stepEvery > 0 ? Math.floor(after / o.stepEvery) : 0;
  return o.lr * Math.pow(o.stepGamma, steps);
}
