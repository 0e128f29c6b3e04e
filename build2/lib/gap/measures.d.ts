/** Embeddings of one modality: rows of numbers, or a flat row-major array with its shape. */
export type Embeddings = readonly (readonly number[])[] | {
    data: Float32Array | Float64Array | readonly number[];
    rows: number;
    cols: number;
};
/** Rows as Float64Arrays, checked. */
export declare function toRows(x: Embeddings, where?: string): Float64Array[];
/** Rows scaled to unit length (a zero row stays zero, as torch's F.normalize). */
export declare function normalizeRows(x: Embeddings): Float64Array[];
/** Liang et al. (2022) gap vector Δ = mean x̂ − mean ŷ. */
export declare function gapVector(a: Embeddings, b: Embeddings): number[];
/** Liang et al. (2022) centroid gap ‖mean x̂ − mean ŷ‖ ∈ [0, 2]. */
export declare function centroidGap(a: Embeddings, b: Embeddings): number;
/** Centroid gap divided by the mean distance of the normalised rows to their own centroid (both modalities). */
export declare function relativeCentroidGap(a: Embeddings, b: Embeddings): number;
/** Schrodi et al. (2025) relative modality gap (see the file header for the formula). Needs N ≥ 2. */
export declare function relativeModalityGap(a: Embeddings, b: Embeddings): number;
/** Wang & Isola (2020) alignment E‖x̂_i − ŷ_i‖^α over paired rows. */
export declare function alignment(a: Embeddings, b: Embeddings, alpha?: number): number;
/** Wang & Isola (2020) uniformity log E_{i<j} exp(−t‖x̂_i − x̂_j‖²) of one modality (≤ 0; lower is more uniform). */
export declare function uniformity(a: Embeddings, t?: number): number;
/** A pairwise measure over M modalities: the M×M matrix (diagonal = measure of a modality with itself) and the mean over i < j. */
export declare function pairwiseMeasure(mods: readonly Embeddings[], measure: (a: Embeddings, b: Embeddings) => number): {
    matrix: number[][];
    mean: number;
};
/** All measures for M ≥ 2 modalities at once (a notebook's one call). */
export interface GapReport {
    names: string[];
    centroidGap: {
        matrix: number[][];
        mean: number;
    };
    relativeModalityGap: {
        matrix: number[][];
        mean: number;
    };
    relativeCentroidGap: {
        matrix: number[][];
        mean: number;
    };
    alignment: {
        matrix: number[][];
        mean: number;
    };
    /** One value per modality. */
    uniformity: number[];
}
export declare function gapReport(mods: readonly Embeddings[], names?: string[]): GapReport;
