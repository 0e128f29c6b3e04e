import { Figure } from './figure';
/**
 * How to normalise a confusion matrix (scikit-learn's `normalize=`):
 * `'none'` counts; `'true'` each row (true class) sums to 1, i.e. per-class recall on the diagonal;
 * `'pred'` each column sums to 1 (precision on the diagonal); `'all'` the whole matrix sums to 1.
 */
export type ConfusionNormalize = 'none' | 'true' | 'pred' | 'all';
export interface ConfusionMatrixOptions {
    /** Default `'none'`. */
    normalize?: ConfusionNormalize;
    /** Figure title. Default `'Confusion matrix'`. */
    title?: string;
    /** Decimals shown in cells when normalised. Default 2. */
    digits?: number;
}
/** Normalise a confusion matrix; a row/column/matrix that sums to 0 stays 0 rather than NaN. */
export declare function normalizeConfusion(matrix: number[][], normalize: ConfusionNormalize): number[][];
/**
 * Confusion matrix heatmap: rows are true classes, columns predicted classes. Cells show the count, or
 * the normalised fraction with the raw count beneath it.
 */
export declare function confusionMatrixFigure(matrix: number[][], classNames: string[], opts?: ConfusionMatrixOptions): Figure;
export interface SimilarityHeatmapOptions {
    /** Figure title. Default `'Similarity'`. */
    title?: string;
    /** Column labels when they differ from the row labels (e.g. samples × prototypes). Default: `labels`. */
    colLabels?: string[];
    /** Show each value in its cell. Default: true up to 15×15, off above (unreadable). */
    showValues?: boolean;
}
/**
 * Heatmap of a (prototype) similarity matrix. Signed values (cosine similarities) get a diverging scale
 * centred on 0; non-negative values a sequential one.
 */
export declare function similarityHeatmap(matrix: number[][], labels: string[], opts?: SimilarityHeatmapOptions): Figure;
