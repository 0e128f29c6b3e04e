import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
import { Rng } from '../util/random';

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
  | { kind: 'he'; fanIn: number }
  /** PyTorch's default for Linear/Conv1d: U(−1/√fanIn, 1/√fanIn). */
  | { kind: 'uniform'; fanIn: number }
  | { kind: 'zeros' }
  | { kind: 'ones' }
  /** N(0, std²): embeddings. */
  | { kind: 'normal'; std: number };

let instanceCounter = 0;

export class ParamStore {
  readonly entries: WeightEntry[] = [];
  /** Unique per store: the prefix of the global tfjs variable names. */
  readonly namePrefix: string;
  private readonly rng: Rng;
  private readonly byKey = new Map<string, WeightEntry>();
  private readonly adopted = new Set<tf.Variable>();

  constructor(seed: number) {
    this.rng = new Rng(seed);
    this.namePrefix = `cfcml${instanceCounter++}`;
  }

  /** Create a variable under `key`, initialised from this store's seeded stream. */
  add(key: string, shape: number[], init: Init, group: WeightGroup): tf.Variable {
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    switch (init.kind) {
      case 'he': {
        const std = Math.sqrt(2 / init.fanIn);
        for (let i = 0; i < size; i++) data[i] = this.rng.normal(0, std);
        break;
      }
      case 'uniform': {
        const b = 1 / Math.sqrt(init.fanIn);
        for (let i = 0; i < size; i++) data[i] = this.rng.uniform(-b, b);
        break;
      }
      case 'normal':
        for (let i = 0; i < size; i++) data[i] = this.rng.normal(0, init.std);
        break;
      case 'ones':
        data.fill(1);
        break;
      case 'zeros':
        break;
    }
    const variable = tf.tidy(() => tf.variable(tf.tensor(data, shape, 'float32'), true, `${this.namePrefix}/${key}`));
    this.register(key, variable, group);
    return variable;
  }

  /** Take over a variable made elsewhere (a user's pretrained encoder); the store does not dispose it twice. */
  adopt(key: string, variable: tf.Variable, group: WeightGroup): void {
    this.register(key, variable, group);
    this.adopted.add(variable);
  }

  /** The variable under `key`, if the store has one. */
  get(key: string): tf.Variable | undefined {
    return this.byKey.get(key)?.variable;
  }

  private register(key: string, variable: tf.Variable, group: WeightGroup): void {
    if (this.byKey.has(key)) throw new CfcmlError(`duplicate weight key '${key}'`);
    const entry = { key, variable, group };
    this.entries.push(entry);
    this.byKey.set(key, entry);
  }

  paramCount(): number {
    return this.entries.reduce((n, e) => n + e.variable.size, 0);
  }

  getWeightData(): WeightData[] {
    return this.entries.map((e) => ({ key: e.key, shape: e.variable.shape.slice(), data: Float32Array.from(e.variable.dataSync() as Float32Array) }));
  }

  /**
   * Assign all weights from `weights`. Every key must be present with its exact shape, and no unknown key
   * may appear; otherwise nothing is assigned and the error names the offending keys.
   */
  setWeightData(weights: readonly WeightData[]): void {
    const given = new Map(weights.map((w) => [w.key, w]));
    const missing = this.entries.filter((e) => !given.has(e.key)).map((e) => e.key);
    const unknown = weights.filter((w) => !this.byKey.has(w.key)).map((w) => w.key);
    const mismatched: string[] = [];
    for (const e of this.entries) {
      const w = given.get(e.key);
      if (!w) continue;
      const size = w.shape.reduce((a, b) => a * b, 1);
      if (w.shape.join('x') !== e.variable.shape.join('x') || w.data.length !== size) {
        mismatched.push(`${e.key} (model [${e.variable.shape.join(',')}], given [${w.shape.join(',')}] with ${w.data.length} values)`);
      }
    }
    const problems: string[] = [];
    if (missing.length) problems.push(`missing keys: ${missing.join(', ')}`);
    if (unknown.length) problems.push(`unknown keys: ${unknown.join(', ')}`);
    if (mismatched.length) problems.push(`shape mismatch: ${mismatched.join('; ')}`);
    if (problems.length) throw new CfcmlError(`cannot load weights: ${problems.join(' | ')}`, { where: 'setWeightData' });
    for (const e of this.entries) {
      const w = given.get(e.key)!;
      tf.tidy(() => e.variable.assign(tf.tensor(w.data, w.shape, 'float32')));
    }
  }

  /**
   * One row per block (a key minus its last segment): the shapes of its weights and its parameter count,
   * then totals per group and overall.
   */
  summary(title = 'model'): string {
    const blocks = new Map<string, { shapes: string[]; params: number; group: WeightGroup }>();
    for (const e of this.entries) {
      const cut = e.key.lastIndexOf('/');
      const block = cut < 0 ? e.key : e.key.slice(0, cut);
      const row = blocks.get(block) ?? { shapes: [], params: 0, group: e.group };
      row.shapes.push(`${e.key.slice(cut + 1)} [${e.variable.shape.join('×')}]`);
      row.params += e.variable.size;
      blocks.set(block, row);
    }
    const rows = [...blocks.entries()].map(([block, r]) => [block, r.shapes.join(', '), r.params.toLocaleString('en-US')]);
    const header = ['block', 'shape', 'params'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]): string => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
    const byGroup = (g: WeightGroup): number => this.entries.filter((e) => e.group === g).reduce((n, e) => n + e.variable.size, 0);
    return [
      `${title}`,
      line(header),
      line(widths.map((w) => '-'.repeat(w))),
      ...rows.map(line),
      line(widths.map((w) => '-'.repeat(w))),
      `encoder params: ${byGroup('encoder').toLocaleString('en-US')}`,
      `head params:    ${byGroup('head').toLocaleString('en-US')}`,
      `total params:   ${this.paramCount().toLocaleString('en-US')}`,
    ].join('\n');
  }

  /** Dispose the variables this store created (adopted ones belong to their owner). */
  dispose(): void {
    for (const e of this.entries) if (!this.adopted.has(e.variable)) e.variable.dispose();
    this.adopted.clear();
    this.entries.length = 0;
    this.byKey.clear();
  }
}
