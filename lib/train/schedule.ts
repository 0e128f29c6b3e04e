/**
 * Learning-rate schedule of the original protocol (docs/METHOD.md): a linear warm-up over the first
 * `warmupEpochs` epochs, then StepLR (× `stepGamma` every `stepEvery` epochs).
 *
 * Epochs are 0-based. During warm-up epoch e trains at lr·(e+1)/warmupEpochs, so the first epoch already
 * moves (the original's LambdaLR warm-up starts at lr/warmup as well).
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
