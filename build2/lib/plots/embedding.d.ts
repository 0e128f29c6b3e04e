import { Figure } from './figure';
/** Marker symbols, chosen to stay distinct when small and in greyscale. */
export declare const CLASS_SYMBOLS: readonly ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down", "hexagon", "pentagon"];
export interface UmapScatterOptions {
    /** Figure title. Default `'Embedding'`. */
    title?: string;
    /** Marker size in px. Default 6. */
    markerSize?: number;
    /** Marker opacity. Default 0.75, so overlapping clusters stay visible. */
    opacity?: number;
}
/**
 * 2-D scatter of `points` (`[N][2]`), one trace per (modality, class) pair that occurs, named
 * `modality · class`. Modalities and classes keep their order of first appearance, so colours and
 * symbols are stable across calls on the same data.
 */
export declare function umapScatter(points: number[][], groups: {
    modality: string[];
    cls: string[];
}, opts?: UmapScatterOptions): Figure;
