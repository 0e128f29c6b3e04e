/**
 * Learning-rate schedule (docs/METHOD.md, "Training protocol"): a linear warm-up over the first
 * `warmupEpochs` epochs, then StepLR (× `stepGamma` every `stepEvery` epochs).
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
}

export function learningRateAt(epoch: number, o: ScheduleOptions): number {
  if (epoch < o.warmupEpochs) return (o.lr * (epoch + 1)) / o.warmupEpochs;
  const after = epoch - o.warmupEpochs;
  const steps = o.stepEvery > 0 ? Math.floor(after / o.stepEvery) : 0;
  return o.lr * Math.pow(o.stepGamma, steps);
}
