import { computePath } from './path';
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export interface InitBackendOptions {
    /** Use this backend (switching if another was picked before). Default: automatic choice. */
    backend?: BackendName;
    /** No log line on stderr. Default false. */
    quiet?: boolean;
}
/**
 * Pick and prepare the backend. The first call decides; later calls return the same promise, unless
 * they name a different `opts.backend` explicitly (tests comparing backends), which switches.
 */
export declare function initBackend(opts?: InitBackendOptions): Promise<BackendName>;
/** Which backend runs, which of this project's kernels are active on it, and (wasm) the dense products' path. */
export declare function backendReport(): {
    backend: BackendName | null;
    projectKernels: string[];
    computePath: ReturnType<typeof computePath> | null;
};
