import type { Cohort } from './types';
import { type Problem, type ProblemList } from '../util/problems';
/**
 * A look at a cohort folder before training: cases per split and class, cases left out and why, image
 * sizes as stored, and the distribution of every tabular field.
 */
export interface InspectReport {
    dataset: string;
    root: string;
    cases: number;
    splits: Record<string, Record<string, number>>;
    excluded: {
        reason: string;
        count: number;
    }[];
    /** Per modality: size (W×H for photos as stored, D×H×W for volumes after reorientation to RAS) → files. */
    imageSizes: Record<string, Record<string, number>>;
    /** Photo modalities: files with an EXIF orientation tag, and those whose tag turns or mirrors them (≠ 1). */
    photoOrientation: Record<string, {
        tagged: number;
        turned: number;
        files: number;
    }>;
    /** Volume modalities: stored orientations and grids (D×H×W @ voxel size in mm); every volume is reoriented to RAS. */
    volumes: Record<string, {
        orientations: Record<string, number>;
        grids: {
            grid: string;
            count: number;
            example: string;
        }[];
    }>;
    fields: {
        name: string;
        kind: 'categorical' | 'numeric';
        levels?: Record<string, number>;
        numeric?: {
            min: number;
            mean: number;
            max: number;
        };
    }[];
    warnings: string[];
    /** Problems that make the folder unusable for training: every one found (the first `shown`, then a count). */
    problems: {
        total: number;
        shown: Problem[];
    };
}
export interface InspectOptions {
    /** Volumes whose header is read to report sizes, orientations and grids (each is gunzipped; default all). */
    maxVolumes?: number;
    /** Problems the loader collected (`loadCohort(root, { problems })`); the report lists them. */
    problems?: ProblemList;
}
export declare function inspectCohort(cohort: Cohort, opts?: InspectOptions): Promise<InspectReport>;
export declare function formatInspectReport(r: InspectReport): string;
