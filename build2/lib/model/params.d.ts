import * as tf from '@tensorflow/tfjs';
/**
 * The model's trainable weights: plain `tf.Variable`s, each with a stable checkpoint `key`
 * (`encoder0/stage2/block0/conv1/kernel`), a training `group` (the trainer scales the encoders' learning
 * rate) and seeded initialisation from an `Rng`.
 *
 * tfjs registers variable *names* globally and throws on a duplicate, so every store gets a unique name
 * prefix (`cfcml3/…`) while `key`s stay the same across model instances: checkpoints use keys.
 */
export type WeightGroup = 'encoder' | 'head';
export interface WeightEntry {
    key: string;
    variable: tf.Variable;
    group: WeightGroup;
}
export interface WeightData {
    key: string;
    shape: number[];
    data: Float32Array;
}
/** Initialisers. `fanIn` is the number of inputs to one output unit. */
export type Init = 
/** He/Kaiming normal, std = √(2 / fanIn): convolutions followed by ReLU. */
{
    kind: 'he';
    fanIn: number;
}
/** PyTorch's default for Linear/Conv1d: U(−1/√fanIn, 1/√fanIn). */
 | {
    kind: 'uniform';
    fanIn: number;
} | {
    kind: 'zeros';
} | {
    kind: 'ones';
}
/** N(0, std²): embeddings. */
 | {
    kind: 'normal';
    std: number;
};
export declare class ParamStore {
    readonly entries: WeightEntry[];
    /** Unique per store: the prefix of the global tfjs variable names. */
    readonly namePrefix: string;
    private readonly rng;
    private readonly byKey;
    private readonly adopted;
    constructor(seed: number);
    /** Create a variable under `key`, initialised from this store's seeded stream. */
    add(key: string, shape: number[], init: Init, group: WeightGroup): tf.Variable;
    /** Take over a variable made elsewhere (a user's pretrained encoder); the store does not dispose it twice. */
    adopt(key: string, variable: tf.Variable, group: WeightGroup): void;
    private register;
    paramCount(): number;
    getWeightData(): WeightData[];
    /**
     * Assign all weights from `weights`. Every key must be present with its exact shape, and no unknown key
     * may appear; otherwise nothing is assigned and the error names the offending keys.
     */
    setWeightData(weights: readonly WeightData[]): void;
    /**
     * One row per block (a key minus its last segment): the shapes of its weights and its parameter count,
     * then totals per group and overall.
     */
    summary(title?: string): string;
    /** Dispose the variables this store created (adopted ones belong to their owner). */
    dispose(): void;
}
