/**
 * BatchMatMul and _FusedMatMul on the wasm backend computed by the system BLAS (lib/backend/blas.ts):
 * `cblas_sgemm` reads the operands from, and writes the product into, the wasm heap in place. Transposed
 * operands are BLAS flags (no Transpose op); a batched product is one sgemm call per batch entry.
 *
 * The heap can grow (and detach earlier views) whenever the backend allocates, so the views are taken
 * after the output is allocated, on every call.
 *
 * What this kernel does not cover falls through to the wasm kernel (lib/backend/kernels/batchMatMul.ts):
 * non-float32 operands, batch shapes that broadcast other than "equal or one of them 1", and fused
 * activations other than linear.
 */
import * as tf from '@tensorflow/tfjs';
import { type Sgemm } from '../blas';
import { KernelArgs } from './util';
/** BatchMatMul through `sgemm` (else the wasm kernel). */
export declare function nativeBatchMatMul(sgemm: Sgemm): (args: KernelArgs) => tf.TensorInfo;
/** _FusedMatMul through `sgemm`, the bias added by the stock Add (else the wasm kernel). */
export declare function nativeFusedMatMul(sgemm: Sgemm): (args: KernelArgs) => tf.TensorInfo;
