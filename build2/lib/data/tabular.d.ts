import type { DatasetSpec, TabularField } from './spec';
import type { CaseRecord } from './types';
/**
 * Tabular encoding that fits the method (METHOD.md, "Tabular tokens"): one token per field —
 * a categorical field gives its level index (the model embeds it), a numeric field its value standardised
 * with *train-split* statistics only — plus a one-hot/standardised row for baselines.
 * `exclude` drops fields (e.g. the leaking `management`), so the model never sees them.
 */
export interface TabularEncoderOptions {
    /** Field names (or CSV column names) to leave out, e.g. `['management']`. Default none. */
    exclude?: string[];
}
interface NumericStats {
    mean: number;
    std: number;
}
export declare class TabularEncoder {
    readonly spec: DatasetSpec;
    private readonly stats;
    readonly excluded: string[];
    /** Fields used, in order (excluded ones removed). */
    readonly fields: TabularField[];
    /** Width of `oneHot` rows: sum of levels of categorical fields + 1 per numeric field. */
    readonly oneHotWidth: number;
    private constructor();
    /** Fit on the training cases (means/stds of numeric fields come from these only). */
    static fit(spec: DatasetSpec, trainCases: readonly CaseRecord[], opts?: TabularEncoderOptions): TabularEncoder;
    private static numeric;
    private levelIndex;
    /** What the model needs to know about each column of `encode`. */
    inputSpec(): {
        kind: 'categorical' | 'numeric';
        levels?: number;
    }[];
    /** [n*K] row-major: level index for categorical fields, standardised value for numeric ones. */
    encode(cases: readonly CaseRecord[]): Float32Array;
    /** [n*W] row-major, W = oneHotWidth: one-hot levels for categorical fields, standardised value for numeric ones. */
    oneHot(cases: readonly CaseRecord[]): Float32Array;
    /** Names of the one-hot columns (`field=level` or the numeric field's name). */
    oneHotNames(): string[];
    toJSON(): {
        dataset: string;
        fields: string[];
        excluded: string[];
        stats: Record<string, NumericStats>;
    };
    /** Rebuild from `toJSON()` (stored in checkpoints), checking it matches the spec. */
    static fromJSON(spec: DatasetSpec, json: unknown): TabularEncoder;
}
/** The fields a model sees, in the spec's order: every field of `spec` but those named (or whose column is named) in `exclude`. */
export declare function tabularFields(spec: DatasetSpec, exclude: readonly string[]): TabularField[];
/** What the model's tabular tokenizer needs of each field: its kind and, for a categorical one, its number of levels. */
export declare function tabularInputSpec(fields: readonly TabularField[]): {
    kind: 'categorical' | 'numeric';
    levels?: number;
}[];
export {};
