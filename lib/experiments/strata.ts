/**
 * AUC per stratum of the record: where the record changes how the image reads (Derm7pt: the level of
 * diagnostic difficulty, an acral site), crossmodal learning must show if it shows anywhere. Per stratum:
 * the cases and positives, each variant's test AUC (mean ± sd over seeds, each seed's AUC on the stratum's
 * cases) and, for a synthetic cohort, the oracle's joint and additive AUC on the same cases — the gap
 * between those two is what an additive (late-fusion) model cannot reach in that stratum.
 */
import * as fs from 'fs';
import { rocAuc } from '../metrics';
import { readOracleCsv } from '../synth/oracle';
import { parseCsv } from '../util/csv';
import { CfcmlError } from '../util/errors';
import { mean, sd } from './stats';

/** A stratification of a cohort's cases by one record column. */
export interface StratumRule {
  /** Short name: 'difficulty', 'site'. */
  name: string;
  /** The meta.csv column it reads. */
  column: string;
  /** The stratum of a cell value (identity when absent). */
  map?: (value: string) => string;
  /** Strata in display order (the values seen, sorted, when absent). */
  order?: readonly string[];
}

/** The strata reported per dataset (by `DatasetSpec.name`); a dataset without an entry has none. */
export const STRATA: Record<string, readonly StratumRule[]> = {
  derm7pt: [
    { name: 'difficulty', column: 'level_of_diagnostic_difficulty', order: ['low', 'medium', 'high'] },
    { name: 'site', column: 'location', map: (v) => (v.trim() === 'acral' ? 'acral' : 'not acral'), order: ['acral', 'not acral'] },
  ],
};

/**
 * Stratum of every case of a Derm7pt-format meta.csv, keyed by `case_num` (the id predictions and
 * oracle.csv use), for each rule.
 */
export function readStrata(metaCsv: string, rules: readonly StratumRule[]): Map<string, Record<string, string>> {
  if (!fs.existsSync(metaCsv)) throw new CfcmlError('meta.csv not found (strata need the record of every test case)', { where: metaCsv });
  const table = parseCsv(fs.readFileSync(metaCsv, 'utf8'), metaCsv);
  const idColumn = table.header[0];
  for (const r of rules) if (!table.header.includes(r.column)) throw new CfcmlError(`no column '${r.column}' (stratum '${r.name}')`, { where: metaCsv });
  const out = new Map<string, Record<string, string>>();
  table.rows.forEach((row) => {
    const s: Record<string, string> = {};
    for (const r of rules) s[r.name] = r.map ? r.map(row[r.column]) : row[r.column].trim();
    out.set(String(row[idColumn]).trim(), s);
  });
  return out;
}

/** One seed's scores for the positive class, by case id. */
export interface SeedScores {
  seed: number;
  scores: Map<string, number>;
}

export interface StratumRow {
  rule: string;
  stratum: string;
  n: number;
  positives: number;
  /** Per variant: test AUC over seeds on this stratum's cases (NaN for a stratum with one class). */
  variants: Record<string, { mean: number; sd: number; values: number[] }>;
  /** Oracle AUCs on the same cases (joint, additive, …), when the cohort has an oracle. */
  oracle: Record<string, number>;
}

function aucOrNaN(labels: number[], scores: number[]): number {
  return labels.some((y) => y === 1) && labels.some((y) => y === 0) ? rocAuc(labels, scores) : NaN;
}

/**
 * The strata table of one group: `labels` maps each test case id to 1 (positive) or 0; `variants` gives each
 * variant's per-seed positive-class scores; `oracle` each oracle column's positive-class probability by id.
 */
export function strataTable(
  rules: readonly StratumRule[],
  strata: Map<string, Record<string, string>>,
  labels: Map<string, number>,
  variants: Record<string, SeedScores[]>,
  oracle: Record<string, Map<string, number>> = {},
): StratumRow[] {
  const ids = [...labels.keys()];
  for (const id of ids) if (!strata.has(id)) throw new CfcmlError(`test case ${id} has no row in the cohort's meta.csv`, { where: 'strata' });
  const rows: StratumRow[] = [];
  for (const rule of rules) {
    const seen = [...new Set(ids.map((id) => strata.get(id)![rule.name]))];
    const order = rule.order ? [...rule.order.filter((s) => seen.includes(s)), ...seen.filter((s) => !rule.order!.includes(s)).sort()] : seen.sort();
    for (const stratum of order) {
      const inS = ids.filter((id) => strata.get(id)![rule.name] === stratum);
      const y = inS.map((id) => labels.get(id)!);
      const row: StratumRow = { rule: rule.name, stratum, n: inS.length, positives: y.filter((v) => v === 1).length, variants: {}, oracle: {} };
      for (const [v, seeds] of Object.entries(variants)) {
        const values = seeds.map((s) =>
          aucOrNaN(
            y,
            inS.map((id) => {
              const p = s.scores.get(id);
              if (p === undefined) throw new CfcmlError(`variant ${v} seed ${s.seed} has no prediction for test case ${id}`, { where: 'strata' });
              return p;
            }),
          ),
        );
        row.variants[v] = { mean: mean(values), sd: sd(values), values };
      }
      for (const [k, p] of Object.entries(oracle)) {
        row.oracle[k] = aucOrNaN(y, inS.map((id) => p.get(id) ?? NaN));
      }
      rows.push(row);
    }
  }
  return rows;
}

/** One variant's runs of a group, as the report holds them (predictions may be missing). */
export interface VariantPredictions {
  variant: string;
  runs: { seed: number; predictions: { ids: string[]; labels: number[]; probs: number[][] } | null }[];
}

/**
 * The strata table of a report group (binary datasets): nothing when the dataset has no strata, when the
 * cohort's meta.csv is not found (`metaFile` null), or when no run has test predictions. Oracle AUCs per
 * stratum come from the cohort's oracle.csv when there is one (joint and additive columns).
 */
export function groupStrata(datasetName: string, metaFile: string | null, oracleFile: string | null, positiveClass: number, variants: readonly VariantPredictions[]): StratumRow[] {
  const rules = STRATA[datasetName];
  const first = variants.flatMap((v) => v.runs).find((r) => r.predictions)?.predictions;
  if (!rules || !metaFile || !first) return [];
  const labels = new Map(first.ids.map((id, i) => [id, first.labels[i] === positiveClass ? 1 : 0]));
  const scores: Record<string, SeedScores[]> = {};
  for (const v of variants) {
    const seeds = v.runs.filter((r) => r.predictions).map((r) => ({ seed: r.seed, scores: new Map(r.predictions!.ids.map((id, i) => [id, r.predictions!.probs[i][positiveClass]])) }));
    if (seeds.length > 0) scores[v.variant] = seeds;
  }
  const oracle: Record<string, Map<string, number>> = {};
  if (oracleFile) {
    const rows = readOracleCsv(oracleFile, 2).filter((r) => r.split === 'test');
    for (const k of ['joint', 'additive']) if (rows[0]?.p[k]) oracle[k] = new Map(rows.map((r) => [r.id, r.p[k][positiveClass]]));
  }
  return strataTable(rules, readStrata(metaFile, rules), labels, scores, oracle);
}
