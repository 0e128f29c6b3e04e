import { type ComputePath } from '../lib/backend';
import { DERM7PT, MEN } from '../lib/data';
import type { DatasetSpec, PresetName, TrainPreset } from '../lib/data/spec';
import { type CFCMLConfig, type CFCMLModel } from '../lib/model';
import { type StepBatch } from '../lib/run/splitStep';
export interface Options {
    child: boolean;
    reps: number;
    warmup: number;
    torch: boolean;
    umap: boolean;
    out: string;
    python: string;
}
export declare function parseArgs(argv: string[]): Options;
export interface Timing {
    median: number;
    min: number;
    all: number[];
}
export declare function timed(fn: () => unknown | Promise<unknown>, reps: number, warmup: number): Promise<Timing>;
/**
 * `fn` timed on each path, the paths interleaved rep by rep (each path warmed up first). Returns a timing
 * per path; the path in use before the call is restored.
 */
export declare function timedPaths(paths: readonly ComputePath[], fn: () => unknown, reps: number, warmup: number): Record<string, Timing>;
/** The paths this machine can run: both where a BLAS library loads, else wasm only. */
export declare function availablePaths(): ComputePath[];
export declare const ROOT: string;
/**
 * The model config the trainer would build for `spec`'s `preset` (leakage audit on the training split of a
 * small synthetic cohort, as `cfcml train` does by default), with the preset.
 */
export declare function trainerModelConfig(spec: DatasetSpec, preset: PresetName): Promise<{
    config: CFCMLConfig;
    p: TrainPreset;
    excluded: string[];
}>;
/** A fixed random batch for a config: images (2-D in [0, 1), 3-D z-scored), tabular, balanced labels. */
export declare function randomBatch(config: CFCMLConfig, B: number, seed: number): StepBatch & {
    raw: {
        images: Float32Array[];
        tabular: Float32Array;
    };
};
/** cfcml's timings on one preset, per path. */
export interface SideResult {
    step: Record<string, Timing>;
    infer: Record<string, Timing>;
    /** HRM losses' forward + backward on the batch's embeddings (path in use). */
    hrm: Timing;
    params: number;
    excluded: string[];
    batch: number;
}
export interface TorchResult {
    step: Timing;
    infer: Timing;
    hrm: Timing;
    params: number;
    threads: number;
    torch: string;
    loss_rel_diff: number;
}
export type Failed = {
    error: string;
};
/** cfcml timings on a preset, and the files the twin needs (weights + batch with cfcml's loss terms). */
export declare function cfcmlSide(spec: DatasetSpec, o: Options, dir: string, tag: string): Promise<{
    res: SideResult;
    ckpt: string;
    batchFile: string;
    model: CFCMLModel;
    config: CFCMLConfig;
}>;
export declare function torchSide(o: Options, ckpt: string, batchFile: string, threads: number): TorchResult | Failed;
export interface ProfileRow {
    kernel: string;
    ms: number;
    calls: number;
}
/** Per-kernel profile of one Derm7pt training step on the path in use: total ms per kernel name, largest first. */
export declare function kernelProfile(spec: DatasetSpec): Promise<ProfileRow[]>;
/** makeBatch (augmentation on) at the preset's batch on the small synthetic Derm7pt cohort. */
export declare function loaderTiming(o: Options): Promise<{
    timing: Timing;
    cases: number;
}>;
/** Dense products C = A·B (float32) on each cfcml path and on PyTorch with 1 thread: the floor under every matmul. */
export declare const GEMM_SHAPES: [number, number, number][];
export interface GemmRow {
    m: number;
    k: number;
    n: number;
    min_ms: number;
    gflops: number;
}
export declare function gemmSide(o: Options): Promise<{
    cfcml: Record<string, GemmRow[]>;
    torch: GemmRow[] | null;
    error?: string;
}>;
export interface UmapResult {
    js_second_fit_ms: number;
    rows?: number;
    cols?: number;
    js?: {
        trustworthiness: number;
        knn_agreement: number;
    };
    py?: {
        version: string;
        first_fit_ms: number;
        second_fit_ms: number;
        trustworthiness: number;
        knn_agreement: number;
    };
    error?: string;
}
export declare function umapSide(o: Options, model: CFCMLModel, config: CFCMLConfig, dir: string): Promise<UmapResult>;
export declare function wasmThreads(): number;
/** What a child process (another thread setting) measures: step and inference per path, Derm7pt and MEN. */
export interface ChildResult {
    env: Record<string, string>;
    wasmThreads: number;
    blasThreads: number;
    derm: {
        step: Record<string, Timing>;
        infer: Record<string, Timing>;
    };
    men: {
        step: Record<string, Timing>;
        infer: Record<string, Timing>;
    };
}
/** The child's side (bench/step.ts --child): both presets, both paths. */
export declare function childSide(o: Options, dir: string, env: Record<string, string>): Promise<ChildResult>;
/** cfcml's step and inference in a child process under `env` (threads are fixed per process). */
export declare function cfcmlChild(o: Options, script: string, env: Record<string, string>): ChildResult | Failed;
export { DERM7PT, MEN };
