/**
 * Helpers for tests that compare backends.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../util/random';
import { nativeBlasAvailable, type ComputePath } from './path';
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

/** A float32 tensor of standard normals drawn from `rng` (tests: seeds injected, not global). */
export function randomTensor(rng: Rng, shape: number[]): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.normal();
  return tf.tensor(v, shape);
}

/**
 * Evaluate `f` on `backend` and return its outputs as plain arrays; `make` builds the inputs (from a
 * fresh generator each time, so both backends see identical values).
 */
export async function evalOn(
  backend: BackendName,
  make: () => tf.Tensor[],
  f: (...xs: tf.Tensor[]) => tf.Tensor | tf.Tensor[],
): Promise<Float32Array[]> {
  return withBackend(backend, () => {
    const xs = make();
    const out = tf.tidy(() => {
      const r = f(...xs);
      return Array.isArray(r) ? r : [r];
    });
    const data = out.map((t) => t.dataSync() as Float32Array);
    tf.dispose([...xs, ...out]);
    return data;
  });
}

/**
 * node:test options for a test of the wasm backend's `path`: where the native BLAS (koffi + a BLAS library) is
 * missing, the native-blas test is skipped with the reason, except under CI=true, where it runs and fails.
 */
export function onPath(path: ComputePath): { skip: string | false } {
  if (path === 'wasm' || process.env.CI === 'true' || nativeBlasAvailable()) return { skip: false };
  return { skip: 'no native BLAS here (koffi or OpenBLAS missing; `cfcml backend` says which)' };
}
