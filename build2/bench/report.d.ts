/**
 * The writing half of `npm run bench`: what bench/measure.ts measured, as bench/results.json (ratios first)
 * and as bench/RESULTS.md.
 */
import type { BlasStatus, ComputePath } from '../lib/backend';
import type { ChildResult, Failed, GemmRow, ProfileRow, SideResult, Timing, TorchResult, UmapResult } from './measure';
export interface Measured {
    date: string;
    machine: {
        cpus: number;
        model: string;
        memGiB: number;
        node: string;
        loadavg_1min_before: number;
        loadavg_1min_after: number;
    };
    reps: number;
    warmup: number;
    /** The path the process uses by default (the one `npm start` trains on). */
    path: ComputePath;
    paths: ComputePath[];
    blas: BlasStatus;
    wasmThreads: number;
    derm: SideResult;
    men: SideResult;
    torchDerm: (TorchResult | Failed)[];
    torchMen: (TorchResult | Failed)[];
    children: {
        label: string;
        result: ChildResult | Failed;
    }[];
    loader: {
        timing: Timing;
        cases: number;
    };
    profile: ProfileRow[];
    gemm: {
        cfcml: Record<string, GemmRow[]>;
        torch: GemmRow[] | null;
        error?: string;
    };
    umap: UmapResult | null;
    npmStart: unknown;
}
/** bench/results.json: the goals' ratios (path in use) first, then every path's, then the raw numbers. */
export declare function resultsJson(m: Measured): {
    cfcml_params: number;
    torch_params: number | null;
    men_cfcml_params: number;
    men_torch_params: number | null;
    excluded_fields: {
        derm: string[];
        men: string[];
    };
    ratios_by_path: {
        [k: string]: {
            train_step_ratio: number | null;
            inference_ratio: number | null;
            men_train_step_ratio: number | null;
            men_inference_ratio: number | null;
            gemm_ratio: number | null;
        };
    };
    blas: BlasStatus;
    wasm_threads: number;
    other_threads: ({
        error: string;
        label: string;
    } | {
        env: Record<string, string>;
        ratios_by_path: {
            [k: string]: {
                train_step_ratio: number | null;
                inference_ratio: number | null;
                men_train_step_ratio: number | null;
                men_inference_ratio: number | null;
                gemm_ratio: number | null;
            };
        };
        label: string;
    })[];
    twin_loss_rel_diff: {
        derm: number[];
        men: number[];
    };
    train_step_ms: {
        cfcml: {
            [k: string]: number;
        };
        torch: {
            [k: string]: number;
        };
    };
    inference_ms: {
        cfcml: {
            [k: string]: number;
        };
        torch: {
            [k: string]: number;
        };
    };
    men_step_ms: {
        cfcml: {
            [k: string]: number;
        };
        torch: {
            [k: string]: number;
        };
    };
    men_inference_ms: {
        cfcml: {
            [k: string]: number;
        };
        torch: {
            [k: string]: number;
        };
    };
    hrm_ms: {
        cfcml: number;
        torch: number;
    };
    hrm_share_of_step: {
        cfcml: number;
        torch: number | null;
    };
    men_hrm_share_of_step: {
        cfcml: number;
    };
    loader_ms_per_batch: number;
    loader_share_of_step: number;
    kernel_profile: ProfileRow[];
    gemm: {
        cfcml: Record<string, GemmRow[]>;
        torch: GemmRow[] | null;
        error?: string | undefined;
    };
    umap: UmapResult | null;
    npm_start: unknown;
    errors: (TorchResult | Failed)[];
    raw: {
        derm: SideResult;
        men: SideResult;
        torchDerm: TorchResult[];
        torchMen: TorchResult[];
        children: {
            label: string;
            result: Failed | ChildResult;
        }[];
        loader: Timing;
    };
    train_step_ratio: number | null;
    inference_ratio: number | null;
    men_train_step_ratio: number | null;
    men_inference_ratio: number | null;
    gemm_ratio: number | null;
    date: string;
    machine: {
        cpus: number;
        model: string;
        memGiB: number;
        node: string;
        loadavg_1min_before: number;
        loadavg_1min_after: number;
    };
    reps: number;
    warmup: number;
    path: ComputePath;
};
export type Results = ReturnType<typeof resultsJson>;
export declare function resultsMarkdown(m: Measured, r: Results): string;
