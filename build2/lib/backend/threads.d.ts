/**
 * Threads wanted: CFCML_WASM_THREADS (a number, or `auto` for every core), at most 8. Default 1 (the
 * single-threaded build): on a machine shared with other jobs a thread pool can be slower than one thread
 * (every op waits for its slowest thread), so threads are opt-in until measured on the machine at hand
 * (`npm run bench` times both).
 */
export declare function wantedWasmThreads(): number;
/**
 * Initialise the wasm backend with `threads` XNNPACK threads (call instead of tf.setBackend('wasm'), before
 * any other backend init). Returns the thread count the backend reports (1 when threads could not start: then
 * the single-threaded build is used, as before).
 */
export declare function setWasmBackendThreaded(threads: number): Promise<number>;
