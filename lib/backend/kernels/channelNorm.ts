/**
 * Layer normalisation over the last axis (the model's `channelNorm`, lib/model/layers.ts) as one forward and
 * one backward kernel on the wasm backend, computed straight on the wasm heap.
 *
 * Written with plain ops, one norm costs about 9 kernels forward and 15 backward (two means, a broadcast
 * subtract, rsqrt, three multiplies, and their gradients with broadcasts, Casts and reductions), each a pass
 * over the [P, C] activations; the model runs it three times per stage per image. Here it is one pass per row
 * each way:
 *
 *   forward   μ = mean_c x,  r = 1/√(mean_c (x − μ)² + ε),  x̂ = (x − μ)·r,  y = x̂·γ + β
 *   backward  g = dy·γ,  dx = r·(g − mean_c g − x̂·mean_c(g·x̂)),  dγ = Σ_p dy·x̂,  dβ = Σ_p dy
 *
 * Row statistics and the dγ/dβ sums accumulate in float64, so they are at least as precise as the plain float32
 * ops, and each output is its float64 value rounded once to float32. The backward recomputes μ and r from x in
 * float64 rather than saving them: rounded to float32, μ made x̂ = (x − μ)·r lose digits wherever a row's spread is
 * small against its mean (a 2-channel norm's dx was then off by 1e-4 relative); the extra pass over a row that is in
 * cache costs little. Only x and γ are saved.
 *
 * The loops run as a WebAssembly SIMD module on the backend's own heap (channelNormWasm.ts: float64 lanes, the same
 * precision, several times faster than the JavaScript loops below; docs/PERFORMANCE.md has the measurements). The
 * JavaScript loops stay as its fallback where the module does not load (`channelNormKernelPath` says why) and as
 * the reference it is tested against. On a backend without the kernel (the stock `cpu`, `tensorflow`)
 * `fusedChannelNorm` returns null and the caller uses the plain ops.
 */
import * as tf from '@tensorflow/tfjs';
import { channelNormWasm, type ChannelNormWasm } from './channelNormWasm';
import { free, KernelArgs, size, WasmBackend } from './util';

/** Kernel names (this project's own; no stock kernel has them). */
export const CHANNEL_NORM = 'CfcmlChannelNorm';
export const CHANNEL_NORM_GRAD = 'CfcmlChannelNormGrad';

function rows(x: tf.TensorInfo): { P: number; C: number } {
  const C = x.shape[x.shape.length - 1];
  return { P: C === 0 ? 0 : size(x.shape) / C, C };
}

function f32(backend: WasmBackend, t: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/** Whether the kernels use the SIMD module (channelNormWasm.ts) where it loads; off: the JavaScript loops. */
export const channelNormSimd = { enabled: true };

/** Why the SIMD module did not load on a memory (kept, so that a failure is tried and reported once). */
let simdFailure: string | null = null;

/** The backend's WebAssembly.Memory (the heap its tensors live on), or null where it is not to be found. */
function heapMemory(backend: WasmBackend): WebAssembly.Memory | null {
  const m = (backend as WasmBackend & { wasm?: { HEAPU8?: Uint8Array; asm?: { memory?: unknown }; wasmMemory?: unknown } }).wasm;
  // The single-threaded build exports its memory, the threaded one creates it and keeps it as wasmMemory.
  const mem = m?.asm?.memory ?? m?.wasmMemory;
  return mem instanceof WebAssembly.Memory && mem.buffer === m?.HEAPU8?.buffer ? mem : null;
}

/** The SIMD module on this backend's heap, or null (disabled, or it failed to load: `channelNormKernelPath` says why). */
function simd(backend: WasmBackend): ChannelNormWasm | null {
  if (!channelNormSimd.enabled || simdFailure) return null;
  const mem = heapMemory(backend);
  if (!mem) {
    simdFailure = "the wasm backend's memory was not found";
    return null;
  }
  try {
    return channelNormWasm(mem);
  } catch (e) {
    simdFailure = (e as Error).message;
    return null;
  }
}

/** Which implementation the kernels run on the active wasm backend, and why (`cfcml backend`, benchmarks). */
export function channelNormKernelPath(): string {
  if (!channelNormSimd.enabled) return 'JavaScript loops (SIMD module disabled)';
  const b = tf.findBackend('wasm') as unknown as WasmBackend | null;
  if (b && simd(b)) return 'WebAssembly SIMD (float64 lanes, on the heap)';
  return `JavaScript loops (${simdFailure ?? 'no wasm backend'})`;
}

/** The byte address of a tensor's data on the heap (taken at each call: the heap can grow and move views). */
function addr(backend: WasmBackend, t: tf.TensorInfo): number {
  return backend.typedArrayFromHeap(t).byteOffset;
}

/**
 * μ and r = 1/√(σ² + ε) of the row of X at offset o, length C, in one pass: Σx and Σx² in float64. Their
 * cancellation costs about ε_float64·(μ/σ)² relative in σ², below float32's resolution of x unless |μ|/σ > 1e4,
 * where the float32 inputs themselves hold under 10 bits of the spread.
 */
function rowStats(X: Float32Array, o: number, C: number, eps: number, out: Float64Array): void {
  let s = 0;
  let q = 0;
  for (let c = 0; c < C; c++) {
    const v = X[o + c];
    s += v;
    q += v * v;
  }
  const mu = s / C;
  out[0] = mu;
  out[1] = 1 / Math.sqrt(Math.max(q / C - mu * mu, 0) + eps);
}

/** inputs x [..., C], gamma [C], beta [C]; attrs eps → y (x's shape). */
export function channelNorm({ inputs, backend, attrs = {} }: KernelArgs): tf.TensorInfo {
  const { x, gamma, beta } = inputs;
  const eps = (attrs as { eps: number }).eps;
  const { P, C } = rows(x);
  const y = backend.makeOutput(x.shape.slice(), 'float32');
  const k = simd(backend);
  if (k) {
    // Addresses only after the allocation: makeOutput may grow the heap.
    k.forward(addr(backend, x), addr(backend, gamma), addr(backend, beta), addr(backend, y), P, C, eps);
    return y;
  }
  // Views only after the allocation: makeOutput may grow the heap and detach older views.
  const X = f32(backend, x);
  const G = f32(backend, gamma);
  const B = f32(backend, beta);
  const Y = f32(backend, y);
  const st = new Float64Array(2);
  for (let p = 0, o = 0; p < P; p++, o += C) {
    rowStats(X, o, C, eps, st);
    const mu = st[0];
    const r = st[1];
    for (let c = 0; c < C; c++) Y[o + c] = (X[o + c] - mu) * r * G[c] + B[c];
  }
  return y;
}

/** inputs dy, x [..., C], gamma [C]; attrs eps → [dx, dgamma, dbeta]. */
export function channelNormGrad({ inputs, backend, attrs = {} }: KernelArgs): tf.TensorInfo[] {
  const { dy, x, gamma } = inputs;
  const eps = (attrs as { eps: number }).eps;
  const { P, C } = rows(x);
  const dxOut = backend.makeOutput(x.shape.slice(), 'float32');
  const dgOut = backend.makeOutput([C], 'float32');
  const dbOut = backend.makeOutput([C], 'float32');
  const k = simd(backend);
  if (k) {
    // 2C float64 accumulators (dγ, dβ) on the heap, 8-byte aligned inside a float32 scratch tensor.
    const scratch = backend.makeOutput([4 * C + 2], 'float32');
    const base = addr(backend, scratch);
    const acc = base + ((8 - (base % 8)) % 8);
    const heap = backend.typedArrayFromHeap(scratch).buffer;
    const A = new Float64Array(heap, acc, 2 * C);
    A.fill(0);
    k.backward(addr(backend, dy), addr(backend, x), addr(backend, gamma), addr(backend, dxOut), acc, P, C, eps);
    f32(backend, dgOut).set(A.subarray(0, C));
    f32(backend, dbOut).set(A.subarray(C));
    free(backend, scratch);
    return [dxOut, dgOut, dbOut];
  }
  const DY = f32(backend, dy);
  const X = f32(backend, x);
  const G = f32(backend, gamma);
  const DX = f32(backend, dxOut);
  const dG = new Float64Array(C);
  const dB = new Float64Array(C);
  const st = new Float64Array(2);
  for (let p = 0, o = 0; p < P; p++, o += C) {
    rowStats(X, o, C, eps, st);
    const mu = st[0];
    const r = st[1];
    let sg = 0;
    let sgx = 0;
    for (let c = 0; c < C; c++) {
      const d = DY[o + c];
      const xh = (X[o + c] - mu) * r;
      const g = d * G[c];
      sg += g;
      sgx += g * xh;
      dG[c] += d * xh;
      dB[c] += d;
    }
    sg /= C;
    sgx /= C;
    for (let c = 0; c < C; c++) DX[o + c] = r * (DY[o + c] * G[c] - sg - (X[o + c] - mu) * r * sgx);
  }
  f32(backend, dgOut).set(dG);
  f32(backend, dbOut).set(dB);
  return [dxOut, dgOut, dbOut];
}

tf.registerGradient({
  kernelName: CHANNEL_NORM,
  inputsToSave: ['x', 'gamma'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const [x, gamma] = saved;
    const [dx, dgamma, dbeta] = tf.engine().runKernel(CHANNEL_NORM_GRAD, { dy: dy as tf.Tensor, x, gamma }, { eps: attrs.eps }) as tf.Tensor[];
    return { x: () => dx, gamma: () => dgamma, beta: () => dbeta };
  },
});

/**
 * LayerNorm of x over its last axis, y = (x − μ)/√(σ² + ε)·γ + β, by the fused kernel, where the active backend
 * has it; null otherwise (the caller then computes it with plain ops).
 */
export function fusedChannelNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor | null {
  if (!tf.getKernel(CHANNEL_NORM, tf.getBackend())) return null;
  return tf.engine().runKernel(CHANNEL_NORM, { x, gamma, beta }, { eps }) as tf.Tensor;
}
