import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';

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

export const ADAM_DEFAULTS: AdamOptions = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 };

export interface OptimizedWeight {
  key: string;
  variable: tf.Variable;
  /** Multiplier on the learning rate for this weight. */
  lrScale: number;
}

export interface AdamState {
  step: number;
  slots: { key: string; shape: number[]; m: Float32Array; v: Float32Array }[];
}

export class Adam {
  readonly options: AdamOptions;
  private t = 0;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();

  constructor(
    private readonly weights: OptimizedWeight[],
    options: Partial<AdamOptions> = {},
  ) {
    this.options = { ...ADAM_DEFAULTS, ...options };
    for (const w of weights) {
      // Inside tidy: the zeros tensor a variable is made from is a tensor of its own, freed here.
      this.m.set(w.key, tf.tidy(() => tf.variable(tf.zerosLike(w.variable), false)));
      this.v.set(w.key, tf.tidy(() => tf.variable(tf.zerosLike(w.variable), false)));
    }
  }

  get step(): number {
    return this.t;
  }

  /** Apply one update. `grads` maps tf variable *names* (as tf.variableGrads returns) to gradients. */
  apply(grads: tf.NamedTensorMap, lr: number): void {
    this.t += 1;
    const { beta1, beta2, epsilon, weightDecay } = this.options;
    const bc1 = 1 - Math.pow(beta1, this.t);
    const bc2 = 1 - Math.pow(beta2, this.t);
    tf.tidy(() => {
      for (const w of this.weights) {
        let g = grads[w.variable.name];
        if (!g) continue; // weight not used by this variant's forward pass
        if (weightDecay > 0) g = tf.add(g, tf.mul(w.variable, weightDecay));
        const m = this.m.get(w.key)!;
        const v = this.v.get(w.key)!;
        const m1 = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
        const v1 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
        m.assign(m1);
        v.assign(v1);
        const stepSize = (lr * w.lrScale) / bc1;
        const update = tf.div(m1, tf.add(tf.sqrt(tf.div(v1, bc2)), epsilon));
        w.variable.assign(tf.sub(w.variable, tf.mul(update, stepSize)));
      }
    });
  }

  getState(): AdamState {
    return {
      step: this.t,
      slots: this.weights.map((w) => ({
        key: w.key,
        shape: w.variable.shape.slice(),
        m: this.m.get(w.key)!.dataSync() as Float32Array,
        v: this.v.get(w.key)!.dataSync() as Float32Array,
      })),
    };
  }

  setState(state: AdamState): void {
    const byKey = new Map(state.slots.map((s) => [s.key, s]));
    for (const w of this.weights) {
      const s = byKey.get(w.key);
      if (!s) throw new CfcmlError(`optimizer state has no slot for weight '${w.key}'`);
      if (s.shape.join('x') !== w.variable.shape.join('x')) {
        throw new CfcmlError(`optimizer slot '${w.key}' has shape [${s.shape}], the weight has [${w.variable.shape}]`);
      }
      tf.tidy(() => {
        this.m.get(w.key)!.assign(tf.tensor(s.m, s.shape));
        this.v.get(w.key)!.assign(tf.tensor(s.v, s.shape));
      });
    }
    this.t = state.step;
  }

  dispose(): void {
    for (const t of this.m.values()) t.dispose();
    for (const t of this.v.values()) t.dispose();
    this.m.clear();
    this.v.clear();
  }
}
