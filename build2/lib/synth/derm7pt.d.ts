import type { Derm7ptInteraction, NestedLayout } from './derm7ptModel';
import type { SynthSummary } from './summary';
export interface SynthDerm7ptOptions {
    /** Output folder (the release_v0 root: meta/ and images/ are made in it). */
    out: string;
    seed: number;
    /** Multiply the release's class counts by this (default 1). */
    scale?: number;
    /** Reproduce the `management` leak: every MEL excised (default true, as in the real release). */
    leak?: boolean;
    /** Dermoscopic image size [W, H] (default [192, 192]). */
    dermSize?: readonly [number, number];
    /** Clinical image size [W, H] (default [192, 128]). */
    clinicSize?: readonly [number, number];
    /** 'context' (default: the record says how to read the image) or 'none' (the additive null control). */
    interaction?: Derm7ptInteraction;
    /** The nested layout for learning curves (fixed test and validation cases, nested training sets). */
    nested?: NestedLayout;
    onProgress?: (done: number, total: number) => void;
}
/**
 * Write a synthetic Derm7pt release_v0 folder (derm7ptModel.ts): meta/, images/, and beside them
 * `oracle.csv` (the exact posteriors) and `cohort.json` (design version, settings, oracle AUCs).
 * Deterministic in (seed, scale, leak, sizes, interaction, nested).
 */
export declare function synthDerm7pt(opts: SynthDerm7ptOptions): Promise<SynthSummary>;
