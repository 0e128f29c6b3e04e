import sharp from 'sharp';
import { checkPhoto } from './imageCheck';
import { formatGrids, gridKey, surveyVolumeGrids, type VolumeGridSurvey } from './imageCache';
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
  /** Per modality: size (W×H for photos as stored, D×H×W for volumes after reorientation to RAS) → files. */
  imageSizes: Record<string, Record<string, number>>;
  /** Photo modalities: files with an EXIF orientation tag, and those whose tag turns or mirrors them (≠ 1). */
  photoOrientation: Record<string, { tagged: number; turned: number; files: number }>;
  /** Volume modalities: stored orientations and grids (D×H×W @ voxel size in mm); every volume is reoriented to RAS. */
  volumes: Record<string, { orientations: Record<string, number>; grids: { grid: string; count: number; example: string }[] }>;
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
  /** Volumes whose header is read to report sizes, orientations and grids (each is gunzipped; default all). */
  maxVolumes?: number;
  /** Problems the loader collected (`loadCohort(root, { problems })`); the report lists them. */
  problems?: ProblemList;
}

/** Width×height from the photo's header (JPEG or PNG, by content); undefined when unreadable. */
function photoSize(file: string): string | undefined {
  const c = checkPhoto(file);
  return c.info ? `${c.info.width}x${c.info.height}` : undefined;
}

/** The EXIF orientation tag of a photo (undefined when it has none or cannot be read). */
async function exifOrientation(file: string): Promise<number | undefined> {
  try {
    return (await sharp(file).metadata()).orientation;
  } catch {
    return undefined;
  }
}

/** What the loader does with volumes whose grids differ, and how to choose otherwise. */
function gridWarning(name: string, survey: VolumeGridSurvey, root: string): string {
  return (
    `'${name}' volumes differ in grid (D×H×W @ voxel size): ${formatGrids(survey, root)}. ` +
    `The loader resizes each grid to the preset's image size (--volume-grid resize, the default), so a voxel's size in mm differs between them; ` +
    `--volume-grid refuse stops instead, --volume-grid resample brings every volume to ${gridKey(survey.grids[0])} first`
  );
}

export async function inspectCohort(cohort: Cohort, opts: InspectOptions = {}): Promise<InspectReport> {
  const spec = cohort.spec;
  const splits: InspectReport['splits'] = {};
  for (const s of SPLITS) splits[s] = Object.fromEntries(spec.classes.map((c, y) => [c, cohort.cases.filter((x) => x.split === s && x.label === y).length]));
  const imageSizes: InspectReport['imageSizes'] = {};
  const warnings = [...(cohort.warnings ?? [])];
  const photoOrientation: InspectReport['photoOrientation'] = {};
  const volumes: InspectReport['volumes'] = {};
  for (const [k, m] of spec.imageModalities.entries()) {
    const sizes: Record<string, number> = {};
    const files = [...new Set(cohort.cases.map((c) => c.imagePaths[k]))];
    if (m.kind === '3d') {
      const survey = surveyVolumeGrids(files.slice(0, opts.maxVolumes ?? files.length));
      for (const g of survey.grids) sizes[g.dims.join('x')] = (sizes[g.dims.join('x')] ?? 0) + g.count;
      for (const u of survey.unreadable) {
        warnings.push(`${u.file}: cannot read the volume header (${u.message})`);
        sizes.unreadable = (sizes.unreadable ?? 0) + 1;
      }
      volumes[m.name] = { orientations: survey.orientations, grids: survey.grids.map((g) => ({ grid: gridKey(g), count: g.count, example: g.example })) };
      if (survey.grids.length > 1) warnings.push(gridWarning(m.name, survey, cohort.root));
    } else {
      const o = { tagged: 0, turned: 0, files: files.length };
      for (const f of files) {
        const s = photoSize(f);
        if (!s) warnings.push(`${f}: cannot read the image size`);
        sizes[s ?? 'unreadable'] = (sizes[s ?? 'unreadable'] ?? 0) + 1;
        const tag = await exifOrientation(f);
        if (tag !== undefined) o.tagged++;
        if (tag !== undefined && tag !== 1) o.turned++;
      }
      photoOrientation[m.name] = o;
    }
    imageSizes[m.name] = sizes;
  }
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
  return { dataset: spec.name, root: cohort.root, cases: cohort.cases.length, splits, excluded: cohort.excluded, imageSizes, photoOrientation, volumes, fields, warnings, problems };
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
  lines.push('  image sizes (photos W×H as stored, volumes D×H×W in RAS):');
  for (const [m, sizes] of Object.entries(r.imageSizes)) lines.push(`    ${m.padEnd(8)} ${Object.entries(sizes).map(([s, n]) => `${s} ×${n}`).join(', ')}`);
  for (const [m, o] of Object.entries(r.photoOrientation)) {
    lines.push(`    ${m.padEnd(8)} EXIF orientation tag on ${o.tagged} of ${o.files} photos, ${o.turned} turned or mirrored (applied when loading)`);
  }
  for (const [m, v] of Object.entries(r.volumes)) {
    lines.push(`    ${m.padEnd(8)} stored orientation ${Object.entries(v.orientations).sort((x, y) => y[1] - x[1]).map(([c, n]) => `${c} ×${n}`).join(', ')} (all read as RAS)`);
    lines.push(`    ${m.padEnd(8)} grids ${v.grids.map((g) => `${g.grid} ×${g.count}`).join(', ')}`);
  }
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
