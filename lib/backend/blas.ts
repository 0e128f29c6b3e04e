/**
 * The system BLAS, reached through koffi (an FFI with prebuilt binaries inside its npm package): dense
 * float32 products (`cblas_sgemm`) on the CPU's own vector units (AVX2/AVX-512 with FMA), where tfjs-wasm's
 * XNNPACK is limited to 128-bit SIMD without FMA. The product reads and writes `Float32Array` views of the
 * wasm heap directly: no copy in or out.
 *
 * The library is looked for in this order, the first that loads and exports `cblas_sgemm` wins:
 *   1. `CFCML_BLAS=/path/to/lib.so` (any CBLAS); `CFCML_BLAS=none` turns the native path off;
 *   2. OpenBLAS (Debian/Ubuntu `libopenblas0-pthread`, Homebrew, Fedora);
 *   3. macOS Accelerate;
 *   4. none: the wasm path (XNNPACK) runs as before.
 * koffi is an optional dependency: a missing package, a binary that fails to load, a library without
 * `cblas_sgemm` each fall through, and `blasStatus().reason` says why.
 *
 * Threads: `CFCML_BLAS_THREADS` (default 1). On a 2-vCPU machine the two vCPUs are one core's hyper-threads:
 * a second BLAS thread adds nothing to a large product and costs on small ones (docs/PERFORMANCE.md).
 *
 * OpenBLAS's runtime CPU detection (DYNAMIC_ARCH) falls back to its slowest generic kernels on CPUs newer than
 * the library (Debian 12's 0.3.21 takes an Emerald Rapids Xeon for a Pentium 4, "Prescott"). Unless
 * `OPENBLAS_CORETYPE` is set, it is set before loading from the CPU's own flags (AVX-512 → SkylakeX,
 * AVX2 + FMA → Haswell), which is what the library would pick on a CPU it knows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

/** `cblas_sgemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)` on Float32Array views. */
export type Sgemm = (
  order: number,
  transA: number,
  transB: number,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float32Array,
  lda: number,
  b: Float32Array,
  ldb: number,
  beta: number,
  c: Float32Array,
  ldc: number,
) => void;

export const CBLAS_ROW_MAJOR = 101;
export const CBLAS_NO_TRANS = 111;
export const CBLAS_TRANS = 112;

export interface BlasStatus {
  /** The library in use, or null when none loaded. */
  library: string | null;
  /** Why this library (or why none): one line for `cfcml backend`. */
  reason: string;
  /** BLAS threads (1 when unknown or not settable). */
  threads: number;
  /** OpenBLAS's kernel family (its `openblas_get_corename()`), when the library is OpenBLAS. */
  core: string | null;
}

/** The parts of koffi used here (kept structural: koffi is an optional dependency). */
interface KoffiFunction {
  (...args: unknown[]): unknown;
}
interface KoffiLib {
  func(definition: string): KoffiFunction;
}
interface Koffi {
  load(path: string): KoffiLib;
}

const SGEMM_DECL =
  'void cblas_sgemm(int order, int transA, int transB, int M, int N, int K, float alpha, float *A, int lda, float *B, int ldb, float beta, _Inout_ float *C, int ldc)';

/** Where OpenBLAS usually is (Debian/Ubuntu pthread build first: the one scripts/setup-system.sh installs). */
const OPENBLAS = [
  'libopenblas.so.0',
  'libopenblas.so',
  '/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0',
  '/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0',
  '/usr/lib64/libopenblas.so.0',
  '/opt/homebrew/opt/openblas/lib/libopenblas.dylib',
  '/usr/local/opt/openblas/lib/libopenblas.dylib',
  'libopenblas.dylib',
];
const ACCELERATE = '/System/Library/Frameworks/Accelerate.framework/Accelerate';

/** BLAS threads wanted: CFCML_BLAS_THREADS, default 1. */
export function wantedBlasThreads(): number {
  const env = process.env.CFCML_BLAS_THREADS?.trim();
  if (!env) return 1;
  const n = Number(env);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`CFCML_BLAS_THREADS must be a whole number >= 1, got '${env}'`);
  return n;
}

/** The OpenBLAS kernel family for this CPU from its flags (Linux), or null to let OpenBLAS decide. */
function openblasCoreType(): string | null {
  if (os.platform() !== 'linux' || os.arch() !== 'x64') return null;
  let flags: Set<string>;
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('flags'));
    flags = new Set((line ?? '').split(':')[1]?.trim().split(/\s+/) ?? []);
  } catch {
    return null;
  }
  if (['avx512f', 'avx512bw', 'avx512vl', 'avx512dq'].every((f) => flags.has(f))) return 'SkylakeX';
  if (flags.has('avx2') && flags.has('fma')) return 'Haswell';
  return null;
}

interface Loaded {
  sgemm: Sgemm;
  status: BlasStatus;
}

let cached: { loaded: Loaded | null; reason: string } | null = null;

function tryLoad(koffi: Koffi, file: string, why: string, threads: number): Loaded | string {
  let lib: KoffiLib;
  try {
    lib = koffi.load(file);
  } catch (e) {
    return `${file}: ${(e as Error).message.split('\n')[0]}`;
  }
  let fn: KoffiFunction;
  try {
    fn = lib.func(SGEMM_DECL);
  } catch {
    return `${file}: no cblas_sgemm`;
  }
  // Thread count: OpenBLAS and MKL have a setter; Accelerate reads VECLIB_MAXIMUM_THREADS at load.
  let setThreads = false;
  let core: string | null = null;
  for (const decl of ['void openblas_set_num_threads(int n)', 'void MKL_Set_Num_Threads(int n)']) {
    try {
      lib.func(decl)(threads);
      setThreads = true;
      break;
    } catch {
      // not this library's setter
    }
  }
  try {
    core = String(lib.func('const char *openblas_get_corename()')());
  } catch {
    core = null;
  }
  return {
    sgemm: fn as unknown as Sgemm,
    status: { library: file, reason: why, threads: setThreads ? threads : 1, core },
  };
}

function load(): { loaded: Loaded | null; reason: string } {
  const env = process.env.CFCML_BLAS?.trim();
  if (env === 'none' || env === 'off' || env === '0') return { loaded: null, reason: `CFCML_BLAS=${env}` };
  let koffi: Koffi;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    koffi = require('koffi') as Koffi;
  } catch (e) {
    return { loaded: null, reason: `koffi (optional npm dependency) did not load: ${(e as Error).message.split('\n')[0]}` };
  }
  const threads = wantedBlasThreads();
  // Both read once, when OpenBLAS loads (its thread pool and its kernel choice).
  if (!process.env.OPENBLAS_NUM_THREADS) process.env.OPENBLAS_NUM_THREADS = String(threads);
  if (!process.env.VECLIB_MAXIMUM_THREADS) process.env.VECLIB_MAXIMUM_THREADS = String(threads);
  if (process.env.OPENBLAS_CORETYPE === undefined) {
    const core = openblasCoreType();
    if (core) process.env.OPENBLAS_CORETYPE = core;
  }
  const candidates: [string, string][] = env
    ? [[env, 'CFCML_BLAS']]
    : [
        ...OPENBLAS.map((f): [string, string] => [f, 'OpenBLAS found']),
        ...(os.platform() === 'darwin' ? [[ACCELERATE, 'macOS Accelerate found'] as [string, string]] : []),
      ];
  const failures: string[] = [];
  for (const [file, why] of candidates) {
    const r = tryLoad(koffi, file, why, threads);
    if (typeof r !== 'string') return { loaded: r, reason: why };
    failures.push(r);
  }
  const tried = env ? failures[0] : `no OpenBLAS${os.platform() === 'darwin' ? ' or Accelerate' : ''} library loaded (tried ${candidates.length} names)`;
  return { loaded: null, reason: tried };
}

/** The loaded BLAS (loaded on the first call), or null. */
export function blas(): Loaded | null {
  if (!cached) cached = load();
  return cached.loaded;
}

/** Which BLAS library the native path uses, or why there is none. */
export function blasStatus(): BlasStatus {
  const l = blas();
  return l ? l.status : { library: null, reason: cached?.reason ?? 'not loaded', threads: 1, core: null };
}
