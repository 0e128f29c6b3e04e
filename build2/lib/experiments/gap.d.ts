import { type Figure } from '../plots';
import { type RunEmbeddings } from './runFiles';
import type { SweepReport } from './report';
import type { SweepSpec } from './sweep';
export declare const GAP_MEASURES: readonly ["relativeModalityGap", "centroidGap", "alignment"];
export type GapMeasure = (typeof GAP_MEASURES)[number];
export interface GapRow {
    group: string;
    variant: string;
    seed: number;
    modalities: string[];
    values: Record<GapMeasure, number>;
}
/**
 * Gap measures of every finished run with at least two modalities. A finished run without best.ckpt (an
 * archived sweep keeps no checkpoints: archive.ts) and without cached embeddings is left out and named in
 * `withoutCheckpoint`.
 */
export declare function sweepGap(root: string, spec: SweepSpec, cacheDir: string): Promise<{
    rows: GapRow[];
    embeddings: Map<string, RunEmbeddings>;
    withoutCheckpoint: string[];
}>;
export declare function gapCsv(rows: GapRow[]): string;
/** Bars per variant: each gap measure's mean ± sd over seeds (mean pairwise value over the modality pairs). */
export declare function gapFigure(rows: GapRow[], group: string): Figure;
/** UMAP of one run's normalised test embeddings, colour = modality, symbol = class. */
export declare function umapPanel(e: RunEmbeddings, title: string, seed?: number): Figure;
/**
 * The gap figures of a report: bars per group, and UMAP panels of full and late-fusion (first common seed).
 * `note` hears which finished runs were left out for lack of a checkpoint.
 */
export declare function gapFigures(root: string, spec: SweepSpec, report: SweepReport, reportDir: string, note?: (message: string) => void): Promise<Record<string, Figure>>;
