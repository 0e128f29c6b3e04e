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
export declare class BatchSampler {
    private readonly labels;
    private readonly opts;
    readonly stepsPerEpoch: number;
    private readonly byClass;
    constructor(labels: readonly number[], opts: BatchSamplerOptions);
    /** The batches of one epoch: arrays of indices into `labels`. */
    batches(epoch: number): number[][];
}
