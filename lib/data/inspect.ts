import * as fs from 'fs';
import * as zlib from 'zlib';
import { checkPhoto } from './imageCheck';
import { SPLITS } from './spec';
import type { CaseRecord, Cohort } from './types';
import { formatProblem, type Problem, type ProblemList } from '../util/problems';

/**
 * A look at a cohort folder before training: cases per split and class, cases left out and why, image
 * sizes as stored, and the distribution of every tabular field.
 */
export interface InspectReport {
  dataset: string;
  root: string;
  cases: number;
  splits: Record<string, Record<string, number>>;
  excluded: { reason: string; count: number }[];
  /** Per modality: stored size (W×H for photos, D×H×W for volumes) → number of files (sampled for volumes). */
  imageSizes: Record<string, Record<string, number>>;
  fields: {
    name: string;
    kind: 'categorical' | 'numeric';
    levels?: Record<string, number>;
    numeric?: { min: number; mean: number; max: number };
    /** Cells left empty (a missing marker): rate over all cases, per split and per class. */
    missing: MissingRates;
  }[];
  warnings: string[];
  /** Problems that make the folder unusable for training: every one found (the first `shown`, then a count). */
  problems: { total: number; shown: Problem[] };
}

/** How often a field is missing: count and rate over all cases, and the rate per split and per class. */
export interface MissingRates {
  count: number;
  rate: number;
  bySplit: Record<string, number>;
  byClass: Record<string, number>;
}

/** Missing rates of one field over `cases` (a rate over no cases is 0). */
export function missingRates(cohort: Pick<Cohort, 'spec'>, cases: readonly CaseRecord[], field: string): MissingRates {
  const rate = (xs: readonly CaseRecord[]) => (xs.length ? xs.filter((c) => c.tabular[field] === null).length / xs.length : 0);
  const count = cases.filter((c) => c.tabular[field] === null).length;
  return {
    count,
    rate: rate(cases),
    bySplit: Object.fromEntries(SPLITS.map((s) => [s, rate(cases.filter((c) => c.split === s))])),
    byClass: Object.fromEntries(cohort.spec.classes.map((cls, y) => [cls, rate(cases.filter((c) => c.label === y))])),
  };
}

/** `12.5% (train 10.0%, valid 20.0%, test 15.0%; NEV 11.0%, MEL 14.0%)`. */
export function formatMissingRates(m: MissingRates): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `${pct(m.rate)} (${Object.entries(m.bySplit).map(([s, r]) => `${s} ${pct(r)}`).join(', ')}; ${Object.entries(m.byClass).map(([c, r]) => `${c} ${pct(r)}`).join(', ')})`;
}

export interface InspectOptions {
  /** Volumes whose header is read to report sizes (each is gunzipped; default 24). Photos: all. */
  maxVolumes?: number;
  /** Problems the loader collected (`loadCohort(root, { problems })`); the report lists them. */
  problems?: ProblemList;
}

/** Width×height from the photo's header (JPEG or PNG, by content); undefined when unreadable. */
function photoSize(file: string): string | undefined {
  const c = checkPhoto(file);
  return c.info ? `${c.info.width}x${c.info.height}` : undefined;
}

/** D×H×W from a NIfTI-1 header (gzipped or not). */
function volumeSize(file: string): string | undefined {
  let buf = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  if (buf.length < 348) return undefined;
  const le = buf.readInt32LE(0) === 348;
  const d = (k: number) => (le ? buf.readInt16LE(40 + 2 * k) : buf.readInt16BE(40 + 2 * k));
  return `${d(3)}x${d(2)}x${d(1)}`;
}

export function inspectCohort(cohort: Cohort, opts: InspectOptions = {}): InspectReport {
  const spec = cohort.spec;
  const splits: InspectReport['splits'] = {};
  for (const s of SPLITS) splits[s] = Object.fromEntries(spec.classes.map((c, y) => [c, cohort.cases.filter((x) => x.split === s && x.label === y).length]));
  const imageSizes: InspectReport['imageSizes'] = {};
  const warnings = [...(cohort.warnings ?? [])];
  spec.imageModalities.forEach((m, k) => {
    const sizes: Record<string, number> = {};
    const files = [...new Set(cohort.cases.map((c) => c.imagePaths[k]))];
    const sample = m.kind === '3d' ? files.slice(0, opts.maxVolumes ?? 24) : files;
    for (const f of sample) {
      let s: string | undefined;
      try {
        s = m.kind === '3d' ? volumeSize(f) : photoSize(f);
      } catch {
        s = undefined;
      }
      const key = s ?? 'unreadable';
      if (!s) warnings.push(`${f}: cannot read the image size`);
      sizes[key] = (sizes[key] ?? 0) + 1;
    }
    imageSizes[m.name] = sizes;
  });
  const fields: InspectReport['fields'] = spec.tabular.map((f) => {
    const missing = missingRates(cohort, cohort.cases, f.name);
    if (f.kind === 'categorical') {
      const levels: Record<string, number> = Object.fromEntries(f.levels.map((l) => [l, 0]));
      for (const c of cohort.cases) if (c.tabular[f.name] !== null) levels[String(c.tabular[f.name])]++;
      return { name: f.name, kind: f.kind, levels, missing };
    }
    const xs = cohort.cases.filter((c) => c.tabular[f.name] !== null).map((c) => Number(c.tabular[f.name]));
    if (xs.length === 0) return { name: f.name, kind: f.kind, missing };
    return {
      name: f.name,
      kind: f.kind,
      missing,
      numeric: { min: Math.min(...xs), mean: xs.reduce((a, b) => a + b, 0) / (xs.length || 1), max: Math.max(...xs) },
    };
  });
  const problems = opts.problems ? opts.problems.toJSON() : { total: 0, shown: [] };
  return { dataset: spec.name, root: cohort.root, cases: cohort.cases.length, splits, excluded: cohort.excluded, imageSizes, fields, warnings, problems };
}

export function formatInspectReport(r: InspectReport): string {
  const classes = Object.keys(Object.values(r.splits)[0] ?? {});
  const lines = [`${r.dataset} at ${r.root}: ${r.cases} ${r.problems.total > 0 ? 'sound ' : ''}cases`];
  lines.push(`  ${'split'.padEnd(8)}${classes.map((c) => c.padStart(22)).join('')}${'total'.padStart(8)}`);
  for (const [s, counts] of Object.entries(r.splits)) {
    const tot = Object.values(counts).reduce((a, b) => a + b, 0);
    lines.push(`  ${s.padEnd(8)}${classes.map((c) => String(counts[c]).padStart(22)).join('')}${String(tot).padStart(8)}`);
  }
  if (r.excluded.length) {
    lines.push('  left out:');
    for (const e of r.excluded) lines.push(`    ${String(e.count).padStart(5)}  ${e.reason}`);
  } else lines.push('  left out: none');
  lines.push('  image sizes as stored:');
  for (const [m, sizes] of Object.entries(r.imageSizes)) lines.push(`    ${m.padEnd(8)} ${Object.entries(sizes).map(([s, n]) => `${s} ×${n}`).join(', ')}`);
  lines.push('  tabular fields:');
  for (const f of r.fields) {
    if (f.levels) lines.push(`    ${f.name.padEnd(12)} ${Object.entries(f.levels).map(([l, n]) => `${l} ${n}`).join(' | ')}`);
    else if (f.numeric) lines.push(`    ${f.name.padEnd(12)} min ${f.numeric.min.toPrecision(3)}, mean ${f.numeric.mean.toPrecision(3)}, max ${f.numeric.max.toPrecision(3)}`);
  }
  lines.push('  missing cells per field (all cases; per split; per class):');
  for (const f of r.fields) lines.push(`    ${f.name.padEnd(12)} ${f.missing.count ? formatMissingRates(f.missing) : 'none'}`);
  if (r.problems.total > 0) {
    lines.push(`  PROBLEMS (${r.problems.total}; training refuses this folder until they are fixed; counts above leave those cases out):`);
    for (const p of r.problems.shown) lines.push(`    - ${formatProblem(p)}`);
    if (r.problems.total > r.problems.shown.length) lines.push(`    … and ${r.problems.total - r.problems.shown.length} more`);
  } else lines.push('  problems: none');
  if (r.warnings.length) {
    lines.push(`  warnings (${r.warnings.length}):`);
    for (const w of r.warnings.slice(0, 10)) lines.push(`    ${w}`);
    if (r.warnings.length > 10) lines.push(`    … ${r.warnings.length - 10} more`);
  }
  return lines.join('\n');
}
