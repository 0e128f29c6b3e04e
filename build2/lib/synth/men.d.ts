import type { SynthSummary } from './summary';
import type { MenInteraction } from './menModel';
/**
 * A synthetic MEN-style cohort in the layout the loader reads: tumour bounding-box crops of T1c, T2 and
 * ADC volumes per patient in its split/class folder, a clinical CSV, and beside them `oracle.csv` (the
 * exact posteriors of menModel.ts) and `cohort.json` (design version, settings, oracle AUCs).
 */
export interface SynthMenOptions {
    out: string;
    seed: number;
    /** Multiply the default class counts (`MEN_COUNTS`: train 108/36/48, val 30/10/14, test 60/20/28) by this. Default 1. */
    scale?: number;
    /** Volume size [D, H, W] (default [24, 64, 64]; the real crops are 24×128×128). */
    size?: readonly [number, number, number];
    /** 'context' (default: the record says how to read the image) or 'none' (the additive null control). */
    interaction?: MenInteraction;
    onProgress?: (done: number, total: number) => void;
}
/** Write a synthetic MEN-style folder. Deterministic in (seed, scale, size, interaction). */
export declare function synthMen(opts: SynthMenOptions): Promise<SynthSummary>;
