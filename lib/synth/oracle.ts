import * as fs from 'fs';
import { formatCsv, parseCsv, requireColumns } from '../util/csv';
import { CfcmlError } from '../util/errors';
import { writeFileAtomic } from '../util/fs';
import { macroAucOvr, rocAuc, rocCurve } from '../metrics';
import type { Split } from '../data/spec';
import { SPLITS } from '../data/spec';

/**
 * The exact oracle of a synthetic cohort. The generator knows every latent finding it rendered, so it can
 * write, per case, the true posterior of its own generative model given a subset of the evidence:
 *
 *   joint     — the record and every image finding;           tabular — the record only;
 *   image     — every image finding (all views);               clinic / derm (MEN: t1c / t2 / adc) — one view;
 *   image_global — only the findings that survive global pooling at low resolution (shape, colour, size);
 *   additive  — the best additive combination of the per-modality log-odds (record, image): what a model
 *               that adds each modality's evidence could reach at best (a sum of unimodal logits). cfcml's
 *               `late-fusion` variant is not bounded by it: it concatenates pooled embeddings into an MLP,
 *               which can learn an interaction.
 *
 * Posteriors never look at the label; they are calibrated by construction (they are the model's own
 * conditional probabilities). `<out>/oracle.csv` is written beside the cohort, never inside the layout the
 * loaders read. The columns are `case_num|patient_id, split, label`, then `p_<name>` (binary: the positive
 * class's probability) or `p_<name>_<k>` for each class k (multi-class).
 */

/** Evidence subsets of the oracle, in column order. */
export const ORACLE_KEYS = ['joint', 'additive', 'tabular', 'image'] as const;

export interface OracleRow {
  id: string;
  split: Split;
  label: number;
  /** Posterior class probabilities per evidence subset (each row sums to 1). */
  p: Record<string, number[]>;
}

/** AUC of each oracle column per split (binary ROC AUC, or macro one-vs-rest AUC with > 2 classes). */
export type OracleAucs = Record<string, Record<string, number>>;

export function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  return Math.log(q / (1 - q));
}

/** Solve A x = b by Gaussian elimination with partial pivoting (small dense systems). */
export function solveLinear(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let i = 0; i < n; i++) {
    let piv = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(M[r][i]) > Math.abs(M[piv][i])) piv = r;
    [M[i], M[piv]] = [M[piv], M[i]];
    if (Math.abs(M[i][i]) < 1e-300) throw new CfcmlError('singular system in logistic fit', { where: 'solveLinear' });
    for (let r = 0; r < n; r++) {
      if (r === i) continue;
      const f = M[r][i] / M[i][i];
      if (f !== 0) for (let c = i; c <= n; c++) M[r][c] -= f * M[i][c];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

/**
 * Multinomial logistic regression by Newton's method (no penalty; class 0 is the reference), for the few
 * features of the additive oracle. Returns weights [C-1][1 + F] (intercept first). Binary: C = 2.
 */
export function fitLogistic(X: readonly number[][], y: readonly number[], numClasses: number, iters = 60): number[][] {
  const F = X[0].length + 1;
  const K = numClasses - 1;
  const W = Array.from({ length: K }, () => new Array<number>(F).fill(0));
  for (let it = 0; it < iters; it++) {
    const g = new Array<number>(K * F).fill(0);
    const H = Array.from({ length: K * F }, () => new Array<number>(K * F).fill(0));
    for (let i = 0; i < X.length; i++) {
      const x = [1, ...X[i]];
      const p = softmaxRef(W, x);
      for (let a = 0; a < K; a++) {
        const ya = y[i] === a + 1 ? 1 : 0;
        for (let j = 0; j < F; j++) g[a * F + j] += (ya - p[a + 1]) * x[j];
        for (let b = 0; b < K; b++) {
          const h = p[a + 1] * ((a === b ? 1 : 0) - p[b + 1]);
          for (let j = 0; j < F; j++) for (let k = 0; k < F; k++) H[a * F + j][b * F + k] += h * x[j] * x[k];
        }
      }
    }
    for (let d = 0; d < K * F; d++) H[d][d] += 1e-9;
    const step = solveLinear(H, g);
    let maxStep = 0;
    for (let a = 0; a < K; a++) for (let j = 0; j < F; j++) {
      W[a][j] += step[a * F + j];
      maxStep = Math.max(maxStep, Math.abs(step[a * F + j]));
    }
    if (maxStep < 1e-10) break;
  }
  return W;
}

/** Class probabilities of a reference-coded multinomial logistic model (x includes the leading 1). */
export function softmaxRef(W: readonly number[][], x: readonly number[]): number[] {
  const z = [0, ...W.map((w) => w.reduce((s, v, j) => s + v * x[j], 0))];
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/**
 * AUC of every oracle column per split, with the project's metrics: binary ROC AUC of `positiveClass`, or
 * macro one-vs-rest AUC with more than 2 classes.
 */
export function oracleAucs(rows: readonly OracleRow[], numClasses: number, positiveClass = 1): OracleAucs {
  const out: OracleAucs = {};
  const keys = Object.keys(rows[0]?.p ?? {});
  for (const split of SPLITS) {
    const sel = rows.filter((r) => r.split === split);
    if (!sel.length) continue;
    const labels = sel.map((r) => r.label);
    const positive = labels.map((y) => (y === positiveClass ? 1 : 0));
    out[split] = {};
    for (const k of keys) {
      out[split][k] = numClasses === 2 ? rocAuc(positive, sel.map((r) => r.p[k][positiveClass])) : macroAucOvr(labels, sel.map((r) => r.p[k]));
    }
  }
  return out;
}

/**
 * How much the cases tell the record × image interaction apart from additive evidence: the log-likelihood
 * ratio, in nats, of the joint oracle over the additive one, summed over the cases (Σ log p_joint(y) −
 * log p_additive(y)). The joint is the true posterior, so its expectation per case is the mean KL divergence
 * from the additive posterior to the true one (≥ 0, 0 under the null control), and it grows with the number
 * of cases: a training set's evidence for the interaction, if its findings could be read exactly.
 */
export function interactionEvidence(rows: readonly OracleRow[]): number {
  let s = 0;
  for (const r of rows) {
    const joint = r.p.joint?.[r.label];
    const additive = r.p.additive?.[r.label];
    if (!(joint > 0 && additive > 0)) throw new CfcmlError(`oracle row ${r.id}: joint and additive posteriors of its label must be > 0, got ${joint} and ${additive}`, { where: 'interactionEvidence' });
    s += Math.log(joint) - Math.log(additive);
  }
  return s;
}

/** Write `oracle.csv`: id column, split, label, then the probability columns. */
export function writeOracleCsv(file: string, idColumn: string, rows: readonly OracleRow[], numClasses: number): void {
  const keys = Object.keys(rows[0]?.p ?? {});
  const probCols = numClasses === 2 ? keys.map((k) => `p_${k}`) : keys.flatMap((k) => Array.from({ length: numClasses }, (_, c) => `p_${k}_${c}`));
  const header = [idColumn, 'split', 'label', ...probCols];
  const body = rows.map((r) => [
    r.id,
    r.split,
    r.label,
    ...(numClasses === 2 ? keys.map((k) => r.p[k][1].toPrecision(10)) : keys.flatMap((k) => r.p[k].map((v) => v.toPrecision(10)))),
  ]);
  writeFileAtomic(file, formatCsv(header, body));
}

/** Read an `oracle.csv` back (for tests and for notebooks that draw the oracle as a ceiling). */
export function readOracleCsv(file: string, numClasses: number): OracleRow[] {
  if (!fs.existsSync(file)) throw new CfcmlError('oracle file not found', { where: file });
  const table = parseCsv(fs.readFileSync(file, 'utf8'), file);
  const idColumn = table.header[0];
  requireColumns(table, [idColumn, 'split', 'label'], file);
  const probCols = table.header.filter((h) => h.startsWith('p_'));
  const keys = numClasses === 2 ? probCols.map((h) => h.slice(2)) : [...new Set(probCols.map((h) => h.slice(2).replace(/_\d+$/, '')))];
  return table.rows.map((row, i) => {
    const where = `${file}:${i + 2}`;
    const split = row.split as Split;
    if (!SPLITS.includes(split)) throw new CfcmlError(`column split: expected one of ${SPLITS.join(', ')}, got '${row.split}'`, { where });
    const label = Number(row.label);
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) throw new CfcmlError(`column label: expected an integer in [0, ${numClasses}), got '${row.label}'`, { where });
    const num = (col: string): number => {
      const v = Number(row[col]);
      if (row[col] === '' || !Number.isFinite(v) || v < 0 || v > 1) throw new CfcmlError(`column ${col}: expected a probability, got '${row[col]}'`, { where });
      return v;
    };
    const p: Record<string, number[]> = {};
    for (const k of keys) p[k] = numClasses === 2 ? [1 - num(`p_${k}`), num(`p_${k}`)] : Array.from({ length: numClasses }, (_, c) => num(`p_${k}_${c}`));
    return { id: row[idColumn], split, label, p };
  });
}

/**
 * ROC curves of oracle columns on one split (binary cohorts), ready for `rocCurveFigure` as dashed
 * references: `{ name: 'oracle joint', fpr, tpr, auc, reference: true }` per key present in the rows.
 */
export function oracleRocSeries(
  rows: readonly OracleRow[],
  split: Split,
  keys: readonly string[] = ['joint', 'additive'],
  positiveClass = 1,
): { name: string; fpr: number[]; tpr: number[]; auc: number; reference: true }[] {
  const sel = rows.filter((r) => r.split === split);
  if (sel.length === 0) throw new CfcmlError(`the oracle has no case in split '${split}'`, { where: 'oracleRocSeries' });
  const labels = sel.map((r) => (r.label === positiveClass ? 1 : 0));
  return keys
    .filter((k) => k in sel[0].p)
    .map((k) => {
      const scores = sel.map((r) => r.p[k][positiveClass]);
      const c = rocCurve(labels, scores);
      return { name: `oracle ${k}`, fpr: c.fpr, tpr: c.tpr, auc: rocAuc(labels, scores), reference: true as const };
    });
}

/** The design criteria of a synthetic cohort (docs/DATA.md, "Design criteria"), measured on one split's oracle AUCs. */
export interface OracleCriteria {
  jointMinusAdditive: number;
  jointMinusTabular: number;
  jointMinusImage: number;
  /** joint − max over the single views. */
  jointMinusBestView: number;
  imageMinusGlobal: number;
}

export function oracleCriteria(aucs: Record<string, number>, views: readonly string[]): OracleCriteria {
  return {
    jointMinusAdditive: aucs.joint - aucs.additive,
    jointMinusTabular: aucs.joint - aucs.tabular,
    jointMinusImage: aucs.joint - aucs.image,
    jointMinusBestView: aucs.joint - Math.max(...views.map((v) => aucs[v])),
    imageMinusGlobal: aucs.image - aucs.image_global,
  };
}

/** Format the oracle AUCs as a small table (rows: splits; columns: evidence subsets). */
export function formatOracleAucs(aucs: OracleAucs): string {
  const splits = Object.keys(aucs);
  const keys = Object.keys(aucs[splits[0]] ?? {});
  const lines = [`  oracle AUC   ${keys.map((k) => k.padStart(13)).join('')}`];
  for (const s of splits) lines.push(`  ${s.padEnd(11)}  ${keys.map((k) => aucs[s][k].toFixed(3).padStart(13)).join('')}`);
  return lines.join('\n');
}
