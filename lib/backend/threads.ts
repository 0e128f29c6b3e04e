/**
 * Both cores inside every op: tfjs-wasm's threaded SIMD build (XNNPACK with a pthread pool) made to run in Node.
 *
 * Out of the box tfjs-wasm 4.22 never uses threads in Node, for three reasons, each worked around here:
 * 1. `WASM_HAS_MULTITHREAD_SUPPORT` is hard-wired false when IS_NODE (tensorflow/tfjs#3830). We set the flag.
 * 2. Its pthread workers are started from a `blob:` URL (a browser-style worker script), which Node's
 *    worker_threads refuses (ERR_WORKER_PATH), and each worker is then told to import the main script from a
 *    Blob, which the worker's Node branch (`importScripts` = fs.readFileSync + eval) cannot read. The worker
 *    script already has a Node branch: we write it to a real file and return that path from
 *    URL.createObjectURL (only while the backend initialises), and rewrite the workers' `load` message to name
 *    the real main script file (wasm-out/tfjs-backend-wasm-threaded-simd.js) instead of the Blob.
 * 3. The C side caps the pool at emscripten_num_logical_cores() / 2, i.e. os.cpus().length / 2 in Node (it
 *    assumes two hyper-threads per core): 1 thread on a 2-vCPU machine whatever setThreadsCount says. While
 *    the module initialises, os.cpus() reports 2 × the wanted threads.
 * XNNPACK splits each op's output across threads without changing any element's arithmetic: results are
 * bit-identical to one thread (test/backend/threads.test.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';

/**
 * Threads wanted: CFCML_WASM_THREADS (a number, or `auto` for every core), at most 8. Default 1 (the
 * single-threaded build): on a machine shared with other jobs a thread pool can be slower than one thread
 * (every op waits for its slowest thread), so threads are opt-in until measured on the machine at hand
 * (`npm run bench` times both).
 */
export function wantedWasmThreads(): number {
  const env = process.env.CFCML_WASM_THREADS?.trim();
  if (!env) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const n = env === 'auto' ? cores : Number(env);
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`CFCML_WASM_THREADS must be a whole number >= 1 or 'auto', got '${env}'`);
  return Math.min(n, 8);
}

let postPatched = false;

/**
 * Initialise the wasm backend with `threads` XNNPACK threads (call instead of tf.setBackend('wasm'), before
 * any other backend init). Returns the thread count the backend reports (1 when threads could not start: then
 * the single-threaded build is used, as before).
 */
export async function setWasmBackendThreaded(threads: number): Promise<number> {
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setThreadsCount(n: number): void; getThreadsCount(): number };
  if (threads <= 1) {
    if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend failed to initialise');
    return 1;
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { wasmWorkerContents } = require(path.join(wasmDir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  const mainScript = path.join(wasmDir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js');
  // tfjs escapes the newlines before making its Blob (string literals in the worker code hold "\n").
  const source = wasmWorkerContents.replace(/\n/g, '\\n');
  const workerFile = path.join(os.tmpdir(), `cfcml-tfjs-wasm-pthread-${process.pid}-${source.length}.js`);
  fs.writeFileSync(workerFile, source);
  process.once('exit', () => fs.rmSync(workerFile, { force: true })); // workers read it when they start

  // 2b. the workers' `load` message: the main script as a file path, not a Blob (kept for later workers).
  if (!postPatched) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: InstanceType<typeof Worker>, msg: unknown, transfer?: readonly import('node:worker_threads').TransferListItem[]) {
      const m = msg as { cmd?: string; urlOrBlob?: unknown } | null;
      if (m && m.cmd === 'load' && typeof m.urlOrBlob !== 'string' && m.urlOrBlob instanceof Blob) msg = { ...m, urlOrBlob: mainScript };
      return post.call(this, msg, transfer);
    };
    postPatched = true;
  }
  const createObjectURL = URL.createObjectURL;
  // The module object itself (the glue calls require("os").cpus()), not TypeScript's namespace copy.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const nodeOs = require('os') as { cpus: typeof os.cpus };
  const cpus = nodeOs.cpus;
  try {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true); // 1.
    wasm.setThreadsCount(threads);
    // 2a. the worker script as a real file
    URL.createObjectURL = (obj: Blob | MediaSource) => (obj instanceof Blob && obj.type === 'application/javascript' ? workerFile : createObjectURL(obj as Blob));
    // 3. the C side's pool cap reads os.cpus().length / 2 once, at module start
    nodeOs.cpus = () => {
      const c = cpus.call(nodeOs);
      while (c.length > 0 && c.length < 2 * threads) c.push(c[0]);
      return c;
    };
    if (!(await tf.setBackend('wasm'))) throw new Error('threaded wasm backend failed to initialise');
    await tf.ready();
    // XNNPACK's pool threads wait for work forever; emscripten ref()s a worker that runs a pthread, which would
    // keep Node alive after the program ends. Unref them: they never need to outlive the main thread.
    const backend = tf.backend() as unknown as { wasm?: { PThread?: { runningWorkers?: { unref?: () => void }[] } } };
    for (const w of backend.wasm?.PThread?.runningWorkers ?? []) w.unref?.();
    return wasm.getThreadsCount();
  } catch {
    // Fall back to the single-threaded build.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setThreadsCount(1);
    if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend failed to initialise');
    return 1;
  } finally {
    URL.createObjectURL = createObjectURL;
    nodeOs.cpus = cpus;
  }
}
