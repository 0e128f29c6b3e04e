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

/**
 * `cblas_sgemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)` with A, B and C as `P`:
 * Float32Array views (`Sgemm`), or addresses (`SgemmAt`, see `HeapAddress`).
 */
export type SgemmOf<P> = (
  order: number,
  transA: number,
  transB: number,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: P,
  lda: number,
  b: P,
  ldb: number,
  beta: number,
  c: P,
  ldc: number,
) => void;

/** sgemm on Float32Array views. */
export type Sgemm = SgemmOf<Float32Array>;

/**
 * sgemm on addresses, not typed arrays: koffi converts a number faster than a typed-array view (about 0.45 against
 * 1.1 µs a call), which counts where a batched product is many tiny sgemm calls (the attention's per-head products).
 */
export type SgemmAt = SgemmOf<number>;

/**
 * The address of a view's first element (koffi.address). Valid only until the heap next grows or is freed: take it
 * inside the kernel, after every allocation, as the views.
 */
export type HeapAddress = (view: Float32Array) => number;

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
  address(value: unknown): bigint;
}

const SGEMM_DECL =
  'void cblas_sgemm(int order, int transA, int transB, int M, int N, int K, float alpha, float *A, int lda, float *B, int ldb, float beta, _Inout_ float *C, int ldc)';
const SGEMM_AT_DECL =
  'void cblas_sgemm(int order, int transA, int transB, int M, int N, int K, float alpha, uintptr_t A, int lda, uintptr_t B, int ldb, float beta, uintptr_t C, int ldc)';

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

/** The CPU's feature flags (/proc/cpuinfo, Linux x64); null where they cannot be read. */
export function cpuFlags(): Set<string> | null {
  if (os.platform() !== 'linux' || os.arch() !== 'x64') return null;
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('flags'));
    return new Set((line ?? '').split(':')[1]?.trim().split(/\s+/) ?? []);
  } catch {
    return null;
  }
}

/** The CPU flags each OpenBLAS kernel family this project names needs, fastest first. */
export const KERNEL_FAMILY_FLAGS: Record<'SkylakeX' | 'Haswell' | 'Sandybridge', readonly string[]> = {
  SkylakeX: ['avx512f', 'avx512bw', 'avx512vl', 'avx512dq'],
  Haswell: ['avx2', 'fma'],
  Sandybridge: ['avx'],
};
export type KernelFamily = keyof typeof KERNEL_FAMILY_FLAGS;

/** Whether a CPU with these flags (cpuFlags()) can run OpenBLAS's `family` kernels. */
export function canRunKernels(family: KernelFamily, flags: Set<string> | null): boolean {
  return flags !== null && KERNEL_FAMILY_FLAGS[family].every((f) => flags.has(f));
}

/** The OpenBLAS kernel family for this CPU from its flags (Linux), or null to let OpenBLAS decide. */
function openblasCoreType(): string | null {
  const flags = cpuFlags();
  return (['SkylakeX', 'Haswell'] as const).find((f) => canRunKernels(f, flags)) ?? null;
}

interface Loaded {
  sgemm: Sgemm;
  /** sgemm on addresses, where this koffi gives a typed array's address and the probe below passed; else null. */
  at: { sgemm: SgemmAt; address: HeapAddress } | null;
  status: BlasStatus;
}

/**
 * The address form of sgemm, checked once on a small product in a wasm memory (where the heap views live): the
 * addresses of two views must differ by their byte offsets, and C = A·B written through them must be right.
 * Null where koffi cannot take a typed array's address (then every product passes views).
 */
function addressForm(koffi: Koffi, lib: KoffiLib): Loaded['at'] {
  try {
    const sgemm = lib.func(SGEMM_AT_DECL) as unknown as SgemmAt;
    const address: HeapAddress = (view) => Number(koffi.address(view));
    const probe = new Float32Array(new WebAssembly.Memory({ initial: 1 }).buffer, 0, 8);
    probe.set([1, 2, 3, 4, 5, 6]); // A = [1 2], B = [3 4; 5 6]ᵀ rows, C = A·B at 6..7
    const at = (i: number) => address(probe.subarray(i));
    if (at(2) - at(0) !== 8) return null;
    sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, 1, 2, 2, 1, at(0), 2, at(2), 2, 0, at(6), 2);
    return probe[6] === 1 * 3 + 2 * 5 && probe[7] === 1 * 4 + 2 * 6 ? { sgemm, address } : null;
  } catch {
    return null;
  }
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
    at: addressForm(koffi, lib),
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

/** A loaded BLAS library: sgemm on views, and on addresses where koffi allows it. */
export type Blas = Loaded;

/**
 * `sgemm` with A, B and C at float offsets `a`, `b`, `c` into the heap views `A`, `B`, `C` (C = α·op(A)·op(B) + β·C,
 * row-major), through addresses where the library has them (`Blas.at`) unless `byAddress` is false, else through
 * subarray views (the same sgemm calls: the same bits). Make it inside the kernel after the last allocation (the
 * views and addresses are the heap's as it is then).
 */
export type HeapGemm = (
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  a: number,
  lda: number,
  b: number,
  ldb: number,
  beta: number,
  c: number,
  ldc: number,
) => void;

export function heapGemm(lib: Blas, A: Float32Array, B: Float32Array, C: Float32Array, byAddress = true): HeapGemm {
  const flag = (t: boolean) => (t ? CBLAS_TRANS : CBLAS_NO_TRANS);
  if (lib.at && byAddress) {
    const { sgemm, address } = lib.at;
    const pa = address(A);
    const pb = address(B);
    const pc = address(C);
    return (ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc) =>
      sgemm(CBLAS_ROW_MAJOR, flag(ta), flag(tb), m, n, k, 1, pa + 4 * a, lda, pb + 4 * b, ldb, beta, pc + 4 * c, ldc);
  }
  const { sgemm } = lib;
  return (ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc) =>
    sgemm(CBLAS_ROW_MAJOR, flag(ta), flag(tb), m, n, k, 1, A.subarray(a), lda, B.subarray(b), ldb, beta, C.subarray(c), ldc);
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
