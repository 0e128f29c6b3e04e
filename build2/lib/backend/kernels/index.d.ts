import { Kernel } from './util';
/** Kernel name → implementation, with why it is here. */
export declare const WASM_KERNELS: ReadonlyArray<readonly [string, Kernel, string]>;
/**
 * Register every kernel of `WASM_KERNELS` (or only those in `only`) for wasm, unless already done;
 * returns the names registered.
 */
export declare function registerWasmKernels(only?: readonly string[]): string[];
/** Names registered so far (empty until `registerWasmKernels` ran). */
export declare function registeredWasmKernels(): string[];
/** Put the stock wasm kernels back (benchmarks comparing against stock wasm; some ops then fail). */
export declare function unregisterWasmKernels(): void;
