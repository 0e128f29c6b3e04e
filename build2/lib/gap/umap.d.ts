import type { Embeddings } from './measures';
export interface UmapOptions {
    /** Seed of every random draw (initialisation, negative sampling). Required: figures must be reproducible. */
    seed: number;
    /** Size of the local neighbourhood. Default 15 (umap-js and umap-learn); capped at rows − 1. */
    nNeighbors?: number;
    /** How tightly points may pack. Default 0.1 (umap-js default). */
    minDist?: number;
    /** Optimisation epochs. Default: umap-js's choice (500 below 10,000 rows, else 200). */
    nEpochs?: number;
    /** Output dimensions. Default 2. */
    nComponents?: number;
}
/** Project rows to `nComponents` dimensions (default 2). Returns one row per input row. */
export declare function umap(data: Embeddings, opts: UmapOptions): number[][];
