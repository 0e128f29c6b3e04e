import * as tf from '@tensorflow/tfjs';
/**
 * Adam with L2 weight decay, as torch.optim.Adam(weight_decay=…) computes it (the original's optimiser):
 *   g ← g + λ·w;  m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;
 *   w ← w − lr·scale · m̂ / (√v̂ + ε),  m̂ = m/(1−β1^t), v̂ = v/(1−β2^t).
 *
 * Written here rather than using tf.train.adam because its state must be saved and restored by *stable
 * weight keys* (tfjs variable names are process-unique), and because encoder weights take a smaller
 * learning rate (`scale`, the original's backbone ×0.1).
 */
export interface AdamOptions {
    beta1: number;
    beta2: number;
    epsilon: number;
    weightDecay: number;
}
export declare const ADAM_DEFAULTS: AdamOptions;
export interface OptimizedWeight {
    key: string;
    variable: tf.Variable;
    /** Multiplier on the learning rate for this weight. */
    lrScale: number;
}
export interface AdamState {
    step: number;
    slots: {
        key: string;
        shape: number[];
        m: Float32Array;
        v: Float32Array;
    }[];
}
export declare class Adam {
    private readonly weights;
    readonly options: AdamOptions;
    private t;
    private readonly m;
    private readonly v;
    constructor(weights: OptimizedWeight[], options?: Partial<AdamOptions>);
    get step(): number;
    /**
     * Apply one update. `grads` maps tf variable *names* (as tf.variableGrads returns) to gradients.
     * `fused` (default: on the wasm and cpu backends) computes the update of each weight in one pass in JS
     * instead of 14 tfjs ops: the same float32 operations in the same order, each rounded to float32 as the
     * backend rounds it, so the same bits (test/train/equivalence.test.ts), without the ops' dispatch cost.
     * On the native TensorFlow backend the ops stay (reading tensors back would cost a device sync).
     */
    apply(grads: tf.NamedTensorMap, lr: number, fused?: boolean): void;
    /** `apply` in one JS pass per weight: every operation of the tfjs version, rounded to float32 (Math.fround). */
    private applyFused;
    getState(): AdamState;
    setState(state: AdamState): void;
    dispose(): void;
}
