/**
 * The compute path of the wasm backend's dense products: `native-blas` (the system BLAS through koffi,
 * lib/backend/blas.ts and kernels/nativeMatMul.ts) or `wasm` (XNNPACK inside the wasm module).
 *
 * The two paths round differently (another summation order), so the same seed gives different bits on each:
 * the numerics fingerprint (lib/run/numerics.ts) names the path, and a sweep does not mix them. The default
 * (`auto`) is native-blas wherever a BLAS library loads (docs/PERFORMANCE.md gives the measurements behind it);
 * `CFCML_BLAS=none` or `useComputePath('wasm')` pins the wasm path.
 */
import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
import { blas, blasStatus, type BlasStatus } from './blas';
import { batchMatMul, fusedMatMul } from './kernels/batchMatMul';
import { conv2dBackpropFilter } from './kernels/conv2dBackpropFilter';
import { conv2dBackpropInput } from './kernels/conv2dBackpropInput';
import { conv3d } from './kernels/conv3d';
import { conv3dBackpropFilter, conv3dBackpropInput } from './kernels/conv3dBackprop';
import { HEAD_MATMUL, nativeHeadMatMul } from './kernels/headMatMul';
import { nativeConv2D, nativeConv2DBackpropFilter, nativeConv2DBackpropInput } from './kernels/nativeConv';
import { nativeConv3D, nativeConv3DBackpropFilter, nativeConv3DBackpropInput } from './kernels/nativeConv3d';
import { nativeBatchMatMul, nativeFusedMatMul } from './kernels/nativeMatMul';
import { captureStock, registerWasm, restoreStock } from './kernels/util';

/** OpenBLAS kernel families on which the native BatchMatMul is not used (see useComputePath). */
export const AVX2_ONLY_CORES: readonly string[] = ['Haswell', 'Zen'];

export type ComputePath = 'native-blas' | 'wasm';

export const COMPUTE_PATHS: readonly ComputePath[] = ['native-blas', 'wasm'];

let current: ComputePath = 'wasm';
let why = 'the wasm backend is not initialised';
/** The last path asked for: kept when the backend is switched away and back (tests comparing backends). */
let asked: ComputePath | 'auto' = 'auto';

/** The path in use and why; `blas` says which library the native path has (or why none). */
export function computePath(): { path: ComputePath; reason: string; blas: BlasStatus } {
  return { path: current, reason: why, blas: blasStatus() };
}

/** Whether the native path can run here (a BLAS library loaded through koffi). */
export function nativeBlasAvailable(): boolean {
  return blas() !== null;
}

/**
 * Register the dense-product kernels of `path` on the (initialised) wasm backend; `auto` takes native-blas
 * where available, no argument the path asked for last (else auto). Returns the path now in use. Asking for
 * native-blas where it cannot run is an error naming the reason.
 */
export function useComputePath(want?: ComputePath | 'auto'): ComputePath {
  const path = want ?? asked;
  if (tf.getBackend() !== 'wasm') throw new CfcmlError(`the compute path applies to the wasm backend; the backend is ${tf.getBackend()}`);
  const lib = blas();
  if (path === 'native-blas' && !lib) {
    throw new CfcmlError(`the native-blas path is unavailable: ${blasStatus().reason}`, {
      hint: 'install OpenBLAS (bash scripts/setup-system.sh) or set CFCML_BLAS=/path/to/libcblas',
    });
  }
  asked = path;
  if (path === 'wasm' || !lib) {
    registerWasm('BatchMatMul', batchMatMul);
    registerWasm('_FusedMatMul', fusedMatMul);
    captureStock('Conv2D'); // (a no-op once captured; restoring what was never captured would remove it)
    restoreStock('Conv2D');
    registerWasm('Conv2DBackpropFilter', conv2dBackpropFilter);
    registerWasm('Conv2DBackpropInput', conv2dBackpropInput);
    registerWasm('Conv3D', conv3d);
    registerWasm('Conv3DBackpropFilterV2', conv3dBackpropFilter);
    registerWasm('Conv3DBackpropInputV2', conv3dBackpropInput);
    restoreStock(HEAD_MATMUL); // none: the model's attention then transposes its heads (plain ops)
    current = 'wasm';
    why = path === 'wasm' ? 'asked for' : `no BLAS: ${blasStatus().reason}`;
    return current;
  }
  // Not with OpenBLAS's Haswell or Zen kernels (AVX2; also what a machine-wide OPENBLAS_CORETYPE=Haswell picks):
  // they round a row of a product by its place in their register blocking, so equal rows give unequal products
  // and exact ties break: max's gradient on repeated tokens (training gradients 5–10% off tfjs's cpu backend,
  // test/backend/training.test.ts), the tied scores of a fully masked record (test/synth/missing.test.ts). Each
  // product is right to rounding; the tie is what a network needs. Those kernel families keep the wasm
  // BatchMatMul (docs/PERFORMANCE.md, "Known issues").
  const nativeBmm = !AVX2_ONLY_CORES.includes(lib.status.core ?? '');
  registerWasm('BatchMatMul', nativeBmm ? nativeBatchMatMul(lib) : batchMatMul);
  registerWasm('_FusedMatMul', nativeFusedMatMul(lib));
  registerWasm('Conv2D', nativeConv2D(lib.sgemm));
  registerWasm('Conv2DBackpropFilter', nativeConv2DBackpropFilter(lib.sgemm));
  registerWasm('Conv2DBackpropInput', nativeConv2DBackpropInput(lib.sgemm));
  registerWasm('Conv3D', nativeConv3D(lib.sgemm));
  registerWasm('Conv3DBackpropFilterV2', nativeConv3DBackpropFilter(lib.sgemm));
  registerWasm('Conv3DBackpropInputV2', nativeConv3DBackpropInput(lib.sgemm));
  restoreStock(HEAD_MATMUL); // unregistered first, so that registerWasm never captures ours as a "stock" kernel
  registerWasm(HEAD_MATMUL, nativeHeadMatMul(lib));
  current = 'native-blas';
  const s = lib.status;
  const operands = lib.at ? 'operands by heap address' : 'operands as views (koffi gave no address)';
  why = `${path === 'auto' ? 'default where BLAS loads' : 'asked for'}; ${s.reason}: ${s.library}${s.core ? ` (${s.core} kernels)` : ''}, ${s.threads} thread${s.threads === 1 ? '' : 's'}, ${operands}${nativeBmm ? '' : '; BatchMatMul on wasm (known issue with these kernels)'}`;
  return current;
}
