/**
 * Picks the compute backend once per process and prepares it.
 *
 * Order: an explicit `CFCML_BACKEND` (tensorflow | wasm | cpu) wins; otherwise the native TensorFlow
 * binding (`@tensorflow/tfjs-node-gpu`, then `@tensorflow/tfjs-node`), then wasm with this project's
 * kernels (lib/backend/kernels), then plain JS cpu with a loud warning (slow, but every kernel exists).
 *
 * Porting note: package.json overrides `@tensorflow/tfjs-node` with plain tfjs 3.21 (for danfojs).
 * Requiring that copy is harmful, not just useless: tfjs keeps its kernel registry in a global, so
 * 3.21 re-registers every cpu/webgl kernel over ours (hundreds of "already registered" warnings and
 * 3.21 cpu kernels). So a package is required only if its package.json names it as the binding, and
 * it counts only if it then registered a 'tensorflow' backend with *our* tfjs engine. A native binding
 * can also fail to load with any error (missing .so, ABI mismatch), not only MODULE_NOT_FOUND, so every
 * failure falls through to the next choice.
 */
import * as tf from '@tensorflow/tfjs';
import { registeredWasmKernels, registerWasmKernels } from './kernels';
import { computePath, useComputePath } from './path';
import { setWasmBackendThreaded, wantedWasmThreads } from './threads';

/** XNNPACK threads of the initialised wasm backend (1 if unknown). */
function wasmThreadsNow(): number {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const n = (require('@tensorflow/tfjs-backend-wasm') as { getThreadsCount(): number }).getThreadsCount();
    return n >= 1 ? n : 1;
  } catch {
    return 1;
  }
}

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface InitBackendOptions {
  /** Use this backend (switching if another was picked before). Default: automatic choice. */
  backend?: BackendName;
  /** No log line on stderr. Default false. */
  quiet?: boolean;
}

const NAMES: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

let picked: BackendName | null = null;
let pending: Promise<BackendName> | null = null;

function isBackendName(s: string): s is BackendName {
  return (NAMES as readonly string[]).includes(s);
}

/** The 'tensorflow' backend registered with this tfjs, trying the GPU binding first. */
function loadNative(): string | null {
  for (const pkg of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      if (require(`${pkg}/package.json`).name !== pkg) continue; // an npm alias (the 3.21 override)
      require(pkg);
    } catch {
      continue; // absent, or a broken native binding: fall through
    }
    if (tf.findBackendFactory('tensorflow')) return pkg;
  }
  return null;
}

/** tfjs-backend-cpu prints a "Hi, looks like you are running TensorFlow.js in Node.js…" nag on first use. */
function silenceNodeNag(): void {
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (cpu && 'firstUse' in cpu) cpu.firstUse = false;
}

async function activate(name: BackendName): Promise<string> {
  switch (name) {
    case 'tensorflow': {
      const pkg = loadNative();
      if (!pkg || !(await tf.setBackend('tensorflow'))) throw new Error('native TensorFlow binding unavailable');
      return pkg;
    }
    case 'wasm': {
      require('@tensorflow/tfjs-backend-wasm'); // registers the 'wasm' factory
      // Threaded SIMD build with Node workers (lib/backend/threads.ts); CFCML_WASM_THREADS=1 for one thread.
      const threads = tf.findBackend('wasm') ? 1 : await setWasmBackendThreaded(wantedWasmThreads());
      if (tf.getBackend() !== 'wasm' && !(await tf.setBackend('wasm'))) throw new Error('wasm backend failed to initialise');
      await tf.ready();
      const kernels = registerWasmKernels();
      const products = useComputePath(); // dense products on the system BLAS where it loads (lib/backend/path.ts)
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      // It finds its .wasm files beside itself (no setWasmPaths).
      const n = tf.findBackend('wasm') && threads === 1 ? wasmThreadsNow() : threads;
      return `${simd ? 'SIMD' : 'no SIMD'}, ${n} thread${n === 1 ? '' : 's'}, ${kernels.length} project kernels, products ${products}`;
    }
    case 'cpu':
      if (!(await tf.setBackend('cpu'))) throw new Error('cpu backend failed to initialise');
      return 'plain JS';
    default: {
      const never: never = name;
      throw new Error(`unknown backend ${never}`);
    }
  }
}

async function choose(opts: InitBackendOptions): Promise<BackendName> {
  silenceNodeNag();
  const log = (line: string) => {
    if (!opts.quiet) process.stderr.write(`cfcml: ${line}\n`);
  };
  const env = process.env.CFCML_BACKEND?.trim();
  if (env && !isBackendName(env)) throw new Error(`CFCML_BACKEND must be one of ${NAMES.join(' | ')}, got '${env}'`);
  const wanted = opts.backend ?? (env as BackendName | undefined);
  if (wanted) {
    const detail = await activate(wanted);
    log(`backend ${wanted} (${detail})${opts.backend ? '' : ' from CFCML_BACKEND'}`);
    return wanted;
  }
  for (const name of ['tensorflow', 'wasm'] as const) {
    try {
      const detail = await activate(name);
      log(`backend ${name} (${detail})`);
      return name;
    } catch {
      // try the next one
    }
  }
  await activate('cpu');
  process.stderr.write(
    'cfcml: WARNING: neither the native TensorFlow binding nor the wasm backend could be loaded; ' +
      'running on the plain-JS cpu backend: a CNN training step is ~250x slower than on wasm.\n',
  );
  return 'cpu';
}

/**
 * Pick and prepare the backend. The first call decides; later calls return the same promise, unless
 * they name a different `opts.backend` explicitly (tests comparing backends), which switches.
 */
export function initBackend(opts: InitBackendOptions = {}): Promise<BackendName> {
  if (pending && (!opts.backend || opts.backend === picked)) return pending;
  const next = (pending ?? Promise.resolve(null)).catch(() => null).then(() => choose(opts));
  pending = next.then((name) => {
    picked = name;
    return name;
  });
  // A failed explicit choice must not poison later calls.
  pending.catch(() => {
    pending = picked ? Promise.resolve(picked) : null;
  });
  return pending;
}

/** Which backend runs, which of this project's kernels are active on it, and (wasm) the dense products' path. */
export function backendReport(): { backend: BackendName | null; projectKernels: string[]; computePath: ReturnType<typeof computePath> | null } {
  return { backend: picked, projectKernels: picked === 'wasm' ? registeredWasmKernels() : [], computePath: picked === 'wasm' ? computePath() : null };
}
