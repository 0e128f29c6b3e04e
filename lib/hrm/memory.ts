/**
 * Prototypes kept across batches: an exponential moving average (EMA) of the per-batch prototypes
 * (H1), (H2), on the unit sphere. Not part of the paper (its prototypes live for one batch); off unless a
 * `PrototypeMemory` is passed to `hrmLosses`. Also the way for a notebook to watch prototypes move:
 * `update` after each step, read `snapshot()` or `history`.
 *
 * The rule, for a class present in the batch: m ← normalize(β·m + (1 − β)·p_batch); the first time a
 * class is seen, m ← p_batch. A class absent from the batch keeps its stored value.
 * Storage is on the host (Float32Array), so the memory owns no tensors and cannot leak any.
 */
import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
import { l2Normalize } from './prototypes';

export interface PrototypeMemoryOptions {
  /** EMA momentum β ∈ [0, 1): the weight of the stored prototype. Default 0.9. */
  momentum?: number;
  /** Keep a copy of the prototypes after every `update` in `history` (for plots). Default false. */
  keepHistory?: boolean;
}

export const PROTOTYPE_MEMORY_DEFAULTS: Required<PrototypeMemoryOptions> = { momentum: 0.9, keepHistory: false };

/** One stored state, as plain arrays: unimodal [M][C][D], crossmodal [C][D], seen [C]. */
export interface PrototypeSnapshot {
  step: number;
  unimodal: number[][][];
  crossmodal: number[][];
  seen: boolean[];
}

export class PrototypeMemory {
  readonly momentum: number;
  readonly keepHistory: boolean;
  /** Number of `update` calls so far. */
  step = 0;
  /** [M, C, D] once the first update has fixed the shape. */
  shape: [number, number, number] | null = null;
  /** Whether class c has been stored. */
  seen: boolean[] = [];
  /** Snapshots after each update, when `keepHistory`. */
  readonly history: PrototypeSnapshot[] = [];
  private unimodal: Float32Array | null = null; // [M·C·D]
  private crossmodal: Float32Array | null = null; // [C·D]

  constructor(opts: PrototypeMemoryOptions = {}) {
    const o = { ...PROTOTYPE_MEMORY_DEFAULTS, ...opts };
    if (!(o.momentum >= 0 && o.momentum < 1)) {
      throw new CfcmlError(`momentum must be in [0, 1), got ${o.momentum}`, { where: 'PrototypeMemory' });
    }
    this.momentum = o.momentum;
    this.keepHistory = o.keepHistory;
  }

  /**
   * The prototypes the losses use: the EMA the memory will hold after `update` with this batch. Stored
   * values are constants (no gradient). Tensors in, tensors out; call inside tf.tidy.
   */
  blend(P: tf.Tensor3D, Q: tf.Tensor2D, present: boolean[]): { unimodal: tf.Tensor3D; crossmodal: tf.Tensor2D } {
    if (!this.shape || !this.unimodal || !this.crossmodal) return { unimodal: P, crossmodal: Q };
    this.checkShape(P.shape);
    const [M, C, D] = this.shape;
    const beta = this.momentum;
    // Per class: β where the class is stored and in the batch, else 0 (take the batch prototype).
    const b = this.seen.map((s, c) => (s && present[c] ? beta : 0));
    const bT = tf.tensor1d(b);
    const storedP = tf.tensor3d(this.unimodal, [M, C, D]);
    const storedQ = tf.tensor2d(this.crossmodal, [C, D]);
    const mix = <T extends tf.Tensor>(stored: T, batch: T, w: tf.Tensor): T =>
      l2Normalize(tf.add(tf.mul(stored, w), tf.mul(batch, tf.sub(1, w)))) as T;
    return {
      unimodal: mix(storedP, P, bT.reshape([1, C, 1])),
      crossmodal: mix(storedQ, Q, bT.reshape([C, 1])),
    };
  }

  /** Fold one batch's prototypes (as returned by `hrmLosses`) into the memory. Reads them once from the device. */
  update(batch: { unimodal: tf.Tensor3D; crossmodal: tf.Tensor2D; present: boolean[] }): void {
    const [M, C, D] = batch.unimodal.shape;
    if (!this.shape) {
      this.shape = [M, C, D];
      this.unimodal = new Float32Array(M * C * D);
      this.crossmodal = new Float32Array(C * D);
      this.seen = new Array<boolean>(C).fill(false);
    }
    this.checkShape(batch.unimodal.shape);
    const p = batch.unimodal.dataSync();
    const q = batch.crossmodal.dataSync();
    const U = this.unimodal as Float32Array;
    const X = this.crossmodal as Float32Array;
    for (let c = 0; c < C; c++) {
      if (!batch.present[c]) continue;
      const beta = this.seen[c] ? this.momentum : 0;
      for (let m = 0; m < M; m++) emaRow(U, p, (m * C + c) * D, D, beta);
      emaRow(X, q, c * D, D, beta);
      this.seen[c] = true;
    }
    this.step += 1;
    if (this.keepHistory) this.history.push(this.snapshot());
  }

  /** The stored prototypes as plain arrays (rows of unseen classes are zero). */
  snapshot(): PrototypeSnapshot {
    if (!this.shape || !this.unimodal || !this.crossmodal) return { step: this.step, unimodal: [], crossmodal: [], seen: [] };
    const [M, C, D] = this.shape;
    const U = this.unimodal;
    const X = this.crossmodal;
    const row = (a: Float32Array, off: number) => Array.from(a.subarray(off, off + D));
    return {
      step: this.step,
      unimodal: Array.from({ length: M }, (_, m) => Array.from({ length: C }, (_, c) => row(U, (m * C + c) * D))),
      crossmodal: Array.from({ length: C }, (_, c) => row(X, c * D)),
      seen: this.seen.slice(),
    };
  }

  /** Forget everything (e.g. between folds). */
  reset(): void {
    this.step = 0;
    this.shape = null;
    this.unimodal = null;
    this.crossmodal = null;
    this.seen = [];
    this.history.length = 0;
  }

  private checkShape(shape: number[]): void {
    const s = this.shape as number[];
    if (shape.length !== 3 || shape.some((v, i) => v !== s[i])) {
      throw new CfcmlError(`prototypes of shape [${shape}] do not match the stored [${s}]`, { where: 'PrototypeMemory' });
    }
  }
}

/** dst[off..off+D) ← normalize(β·dst + (1 − β)·src) on the same slice. */
function emaRow(dst: Float32Array, src: Float32Array | Int32Array | Uint8Array, off: number, D: number, beta: number): void {
  let ss = 0;
  for (let d = 0; d < D; d++) {
    const v = beta * dst[off + d] + (1 - beta) * src[off + d];
    dst[off + d] = v;
    ss += v * v;
  }
  const inv = 1 / Math.max(Math.sqrt(ss), 1e-12);
  for (let d = 0; d < D; d++) dst[off + d] *= inv;
}
