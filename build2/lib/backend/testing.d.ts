/**
 * Helpers for tests that compare backends.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../util/random';
import { type ComputePath } from './path';
import { BackendName } from './select';
/** Run `fn` with backend `name` active (quietly), then switch back to the previous backend. */
export declare function withBackend<T>(name: BackendName, fn: () => T | Promise<T>): Promise<T>;
/** max |a − b| / max(max |b|, floor): relative error of `a` against reference `b`. */
export declare function relError(a: ArrayLike<number>, b: ArrayLike<number>, floor?: number): number;
/** A float32 tensor of standard normals drawn from `rng` (tests: seeds injected, not global). */
export declare function randomTensor(rng: Rng, shape: number[]): tf.Tensor;
/**
 * Evaluate `f` on `backend` and return its outputs as plain arrays; `make` builds the inputs (from a
 * fresh generator each time, so both backends see identical values).
 */
export declare function evalOn(backend: BackendName, make: () => tf.Tensor[], f: (...xs: tf.Tensor[]) => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]>;
/**
 * node:test options for a test of the wasm backend's `path`: where the native BLAS (koffi + a BLAS library) is
 * missing, the native-blas test is skipped with the reason, except under CI=true, where it runs and fails.
 */
export declare function onPath(path: ComputePath): {
    skip: string | false;
};
