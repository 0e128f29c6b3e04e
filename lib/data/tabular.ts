import { CfcmlError } from '../util/errors';
import type { DatasetSpec, TabularField } from './spec';
import type { CaseRecord } from './types';
import type { TabularInputSpec } from '../model/types';

/**
 * Tabular encoding that fits the method (METHOD.md, "Tabular tokens"): one token per field —
 * a categorical field gives its level index (the model embeds it), a numeric field its value standardised
 * with *train-split* statistics only — plus a one-hot/standardised row for baselines.
 * `exclude` drops fields (e.g. the leaking `management`), so the model never sees them.
 *
 * A missing cell (`null` in `CaseRecord.tabular`) is encoded as `MISSING_CATEGORY(f)` = the field's level
 * count (one past its last level) in a categorical column and as NaN in a numeric column; the model's
 * tokenizer swaps in the field's learned missing token for either (lib/model/tabularTokenizer.ts), so the NaN
 * never reaches arithmetic. Numeric statistics are over the observed values only.
 */

export interface TabularEncoderOptions {
  /** Field names (or CSV column names) to leave out, e.g. `['management']`. Default none. */
  exclude?: string[];
}

interface NumericStats {
  mean: number;
  std: number;
}

export class TabularEncoder {
  /** Fields used, in order (excluded ones removed). */
  readonly fields: TabularField[];
  /** Width of `oneHot` rows: sum of levels of categorical fields + 1 per numeric field. */
  readonly oneHotWidth: number;

  private constructor(
    readonly spec: DatasetSpec,
    fields: TabularField[],
    private readonly stats: Record<string, NumericStats>,
    readonly excluded: string[],
  ) {
    this.fields = fields;
    this.oneHotWidth = fields.reduce((w, f) => w + (f.kind === 'categorical' ? f.levels.length : 1), 0);
  }

  /** Fit on the training cases (means/stds of numeric fields come from these only). */
  static fit(spec: DatasetSpec, trainCases: readonly CaseRecord[], opts: TabularEncoderOptions = {}): TabularEncoder {
    const exclude = opts.exclude ?? [];
    for (const e of exclude) {
      if (!spec.tabular.some((f) => f.name === e || f.column === e)) {
        throw new CfcmlError(`cannot exclude unknown tabular field '${e}'; ${spec.name} fields: ${spec.tabular.map((f) => f.name).join(', ')}`);
      }
    }
    const fields = spec.tabular.filter((f) => !exclude.includes(f.name) && !exclude.includes(f.column));
    if (trainCases.length === 0) throw new CfcmlError('TabularEncoder.fit: no training cases');
    const stats: Record<string, NumericStats> = {};
    for (const f of fields) {
      if (f.kind !== 'numeric') continue;
      const xs = trainCases.filter((c) => c.tabular[f.name] !== null).map((c) => TabularEncoder.numeric(f, c));
      if (xs.length === 0) throw new CfcmlError(`numeric field '${f.name}' (column '${f.column}') is missing in every training case: it cannot be standardised; exclude it`);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
      // A constant field would divide by zero; std 1 leaves it centred at 0.
      stats[f.name] = { mean, std: variance > 1e-12 ? Math.sqrt(variance) : 1 };
    }
    const excluded = spec.tabular.filter((f) => !fields.includes(f)).map((f) => f.name);
    return new TabularEncoder(spec, fields, stats, excluded);
  }

  private static numeric(f: TabularField, c: CaseRecord): number {
    const v = c.tabular[f.name];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new CfcmlError(`case ${c.id}: numeric field '${f.name}' (column '${f.column}') has value '${v}', not a finite number`, { where: c.source });
    }
    return v;
  }

  private levelIndex(f: TabularField & { kind: 'categorical' }, c: CaseRecord): number {
    const v = c.tabular[f.name];
    if (v === null) return f.levels.length;
    const k = f.levels.indexOf(String(v));
    if (k < 0) {
      throw new CfcmlError(`case ${c.id}: unknown category '${v}' in column '${f.column}'; allowed levels: ${f.levels.map((l) => `'${l}'`).join(', ')}`, {
        where: c.source,
      });
    }
    return k;
  }

  /** What the model needs to know about each column of `encode`. */
  inputSpec(): TabularInputSpec[] {
    return tabularInputSpec(this.fields);
  }

  /**
   * [n*K] row-major: level index for categorical fields, standardised value for numeric ones; a missing cell
   * is the level count (categorical) or NaN (numeric), see the class comment.
   */
  encode(cases: readonly CaseRecord[]): Float32Array {
    const K = this.fields.length;
    const out = new Float32Array(cases.length * K);
    cases.forEach((c, i) => {
      this.fields.forEach((f, k) => {
        out[i * K + k] =
          f.kind === 'categorical' ? this.levelIndex(f, c) : c.tabular[f.name] === null ? NaN : (TabularEncoder.numeric(f, c) - this.stats[f.name].mean) / this.stats[f.name].std;
      });
    });
    return out;
  }

  /**
   * [n*W] row-major, W = oneHotWidth: one-hot levels for categorical fields, standardised value for numeric
   * ones; a missing cell is all zeros (categorical) or 0, the training mean (numeric).
   */
  oneHot(cases: readonly CaseRecord[]): Float32Array {
    const W = this.oneHotWidth;
    const out = new Float32Array(cases.length * W);
    cases.forEach((c, i) => {
      let o = i * W;
      for (const f of this.fields) {
        if (c.tabular[f.name] === null) {
          o += f.kind === 'categorical' ? f.levels.length : 1;
        } else if (f.kind === 'categorical') {
          out[o + this.levelIndex(f, c)] = 1;
          o += f.levels.length;
        } else {
          out[o++] = (TabularEncoder.numeric(f, c) - this.stats[f.name].mean) / this.stats[f.name].std;
        }
      }
    });
    return out;
  }

  /** Names of the one-hot columns (`field=level` or the numeric field's name). */
  oneHotNames(): string[] {
    return this.fields.flatMap((f) => (f.kind === 'categorical' ? f.levels.map((l) => `${f.name}=${l}`) : [f.name]));
  }

  toJSON(): { dataset: string; fields: string[]; excluded: string[]; stats: Record<string, NumericStats> } {
    return { dataset: this.spec.name, fields: this.fields.map((f) => f.name), excluded: this.excluded, stats: this.stats };
  }

  /** Rebuild from `toJSON()` (stored in checkpoints), checking it matches the spec. */
  static fromJSON(spec: DatasetSpec, json: unknown): TabularEncoder {
    const j = json as ReturnType<TabularEncoder['toJSON']>;
    if (!j || !Array.isArray(j.fields) || typeof j.stats !== 'object') throw new CfcmlError('TabularEncoder.fromJSON: not an encoder record');
    const fields = j.fields.map((name) => {
      const f = spec.tabular.find((x) => x.name === name);
      if (!f) throw new CfcmlError(`TabularEncoder.fromJSON: field '${name}' is not in the ${spec.name} spec`);
      if (f.kind === 'numeric' && !j.stats[name]) throw new CfcmlError(`TabularEncoder.fromJSON: no statistics for numeric field '${name}'`);
      return f;
    });
    return new TabularEncoder(spec, fields, { ...j.stats }, [...(j.excluded ?? [])]);
  }
}

/**
 * What the model's tabular tokenizer needs of each field: its kind, for a categorical one its number of
 * levels, and `missing: true` (every field gets a learned missing token, so a run can be evaluated with
 * cells masked even when its training data had none).
 */
export function tabularInputSpec(fields: readonly TabularField[]): TabularInputSpec[] {
  return fields.map((f) => (f.kind === 'categorical' ? { kind: 'categorical', levels: f.levels.length, missing: true } : { kind: 'numeric', missing: true }));
}
