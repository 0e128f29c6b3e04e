/** Modality-gap measures (centroid gap, relative gap, alignment, uniformity) and a seeded UMAP. */
export { centroidGap, gapVector, relativeModalityGap, relativeCentroidGap, alignment, uniformity, pairwiseMeasure, gapReport, normalizeRows, toRows, } from './measures';
export type { Embeddings, GapReport } from './measures';
export { umap } from './umap';
export type { UmapOptions } from './umap';
