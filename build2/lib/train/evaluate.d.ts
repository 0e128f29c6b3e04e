import type { CaseRecord, DatasetSpec } from '../data';
import { ImageCache, TabularEncoder } from '../data';
import { type Metrics } from '../metrics';
import type { CFCMLModel } from '../model';
/** Class probabilities (and optionally per-modality embeddings) of a list of cases, without augmentation. */
export interface Predictions {
    ids: string[];
    labels: number[];
    /** [n][C] softmax probabilities. */
    probs: number[][];
    /** Mean cross-entropy over the cases. */
    loss: number;
    /** Per-modality embeddings z_m, [M][n][D], when asked for. */
    embeddings?: number[][][];
}
export interface PredictOptions {
    batchSize?: number;
    embeddings?: boolean;
}
export declare function predict(model: CFCMLModel, spec: DatasetSpec, cases: CaseRecord[], images: ImageCache, tabular: TabularEncoder, opts?: PredictOptions): Promise<Predictions>;
/** The metrics of a set of predictions (keys in snake_case, see lib/metrics): binary or multi-class by the class count. */
export declare function metricsOf(pred: Predictions, spec: DatasetSpec): Metrics;
