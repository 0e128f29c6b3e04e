import { CfcmlError } from '../util/errors';
import { Rng, deriveSeed } from '../util/random';

/**
 * Batches of case indices. `balanced`: as the authors do, each draw takes one random case per class
 * (with replacement across draws), so a batch holds batchSize/C cases of every class; an epoch has as many
 * steps as plain batching would. Otherwise: a shuffled pass over all cases. Deterministic in (seed, epoch).
 */
export interface BatchSamplerOptions {
  batchSize: number;
  /** One random case per class per draw (true) or a plain shuffle (false). */
  balanced: boolean;
  numClasses: number;
  seed: number;
}

export class BatchSampler {
  readonly stepsPerEpoch: number;
  private readonly byClass: number[][];

  constructor(private readonly labels: readonly number[], private readonly opts: BatchSamplerOptions) {
    if (!(opts.batchSize >= 1)) throw new CfcmlError(`batchSize must be >= 1, got ${opts.batchSize}`);
    if (labels.length === 0) throw new CfcmlError('BatchSampler: no cases');
    this.byClass = Array.from({ length: opts.numClasses }, () => [] as number[]);
    labels.forEach((y, i) => {
      if (!(y >= 0 && y < opts.numClasses)) throw new CfcmlError(`BatchSampler: label ${y} of case ${i} is outside 0..${opts.numClasses - 1}`);
      this.byClass[y].push(i);
    });
    if (opts.balanced) {
      const empty = this.byClass.map((c, k) => (c.length === 0 ? k : -1)).filter((k) => k >= 0);
      if (empty.length) throw new CfcmlError(`balanced batches need every class; class(es) ${empty.join(', ')} have no case`);
    }
    this.stepsPerEpoch = Math.ceil(labels.length / opts.batchSize);
  }

  /** The batches of one epoch: arrays of indices into `labels`. */
  batches(epoch: number): number[][] {
    const rng = new Rng(deriveSeed(this.opts.seed, 'batches', epoch));
    const { batchSize } = this.opts;
    if (!this.opts.balanced) {
      const order = rng.shuffle(this.labels.map((_, i) => i));
      const out: number[][] = [];
      for (let s = 0; s < order.length; s += batchSize) out.push(order.slice(s, s + batchSize));
      return out;
    }
    const C = this.opts.numClasses;
    const out: number[][] = [];
    for (let s = 0; s < this.stepsPerEpoch; s++) {
      const batch: number[] = [];
      // Class order rotates with the draw, so a batch size not divisible by C does not favour class 0.
      for (let k = 0; batch.length < batchSize; k++) {
        const cls = this.byClass[(k + s) % C];
        batch.push(cls[rng.int(cls.length)]);
      }
      out.push(batch);
    }
    return out;
  }
}
