/**
 * Helpers for tests that compare backends.
 */
import * as tf from '@tensorflow/tfjs';
import { BackendName, initBackend } from './select';

/** Run `fn` with backend `name` active (quietly), then switch back to the previous backend. */
export async function withBackend<T>(name: BackendName, fn: () => T | Promise<T>): Promise<T> {
  const before = tf.getBackend() as BackendName | undefined;
  await initBackend({ backend: name, quiet: true });
  try {
    return await fn();
  } finally {
    if (before && before !== name) await initBackend({ backend: before, quiet: true });
  }
}

/** max |a − b| / max(max |b|, floor): relative error of `a` against reference `b`. */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-6): number {
  if (a.length !== b.length) throw new Error(`relError: lengths ${a.length} and ${b.length} differ`);
  let num = 0;
  let den = floor;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}
