import type { DatasetSpec, TrainPreset } from './spec';
export declare const DERM7PT: DatasetSpec;
export declare const MEN: DatasetSpec;
/** A preset of a dataset, with optional overrides merged on top. */
export declare function getPreset(spec: DatasetSpec, name: string, overrides?: Partial<TrainPreset>): TrainPreset;
