/**
 * Modality-gap measures per variant (test-split embeddings of each run's selected model, mean ± sd over
 * seeds) and UMAP panels (late fusion vs CFCML), for the paper's figure set. Embeddings are recomputed from
 * best.ckpt once and cached under `<report>/cache/` (the run directories are not written).
 */
import * as fs from 'fs';
import * as path from 'path';
import { gapReport, umap } from '../gap';
import { metricBars, umapScatter, type Figure, type MetricRow } from '../plots';
import { formatCsv } from '../util/csv';
import { writeFileAtomic } from '../util/fs';
import { RunDirectory } from '../run/runDirectory';
import { readRunEmbeddings, runState, type RunEmbeddings } from './runFiles';
import type { SweepReport } from './report';
import { mean, sd } from './stats';
import type { SweepRun, SweepSpec } from './sweep';

export const GAP_MEASURES = ['relativeModalityGap', 'centroidGap', 'alignment'] as const;
export type GapMeasure = (typeof GAP_MEASURES)[number];

export interface GapRow {
  group: string;
  variant: string;
  seed: number;
  modalities: string[];
  values: Record<GapMeasure, number>;
}

const cacheFile = (cacheDir: string, run: SweepRun) => path.join(cacheDir, `${run.id.replace(/[\\/]/g, '__')}.json`);

async function embeddingsOf(root: string, run: SweepRun, cacheDir: string): Promise<RunEmbeddings> {
  const file = cacheFile(cacheDir, run);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as RunEmbeddings;
  const e = await readRunEmbeddings(path.resolve(root, run.dir), 'test');
  writeFileAtomic(file, JSON.stringify(e));
  return e;
}

/**
 * Gap measures of every finished run with at least two modalities. A finished run without best.ckpt (an
 * archived sweep keeps no checkpoints: archive.ts) and without cached embeddings is left out and named in
 * `withoutCheckpoint`.
 */
export async function sweepGap(root: string, spec: SweepSpec, cacheDir: string): Promise<{ rows: GapRow[]; embeddings: Map<string, RunEmbeddings>; withoutCheckpoint: string[] }> {
  const rows: GapRow[] = [];
  const embeddings = new Map<string, RunEmbeddings>();
  const withoutCheckpoint: string[] = [];
  for (const run of spec.runs) {
    const dir = path.resolve(root, run.dir);
    if (runState(dir) !== 'done') continue;
    if (!fs.existsSync(cacheFile(cacheDir, run)) && !new RunDirectory(dir).has(RunDirectory.FILES.checkpoint('best'))) {
      withoutCheckpoint.push(run.id);
      continue;
    }
    const e = await embeddingsOf(root, run, cacheDir);
    embeddings.set(run.id, e);
    if (e.z.length < 2) continue;
    const g = gapReport(e.z, e.modalities);
    rows.push({
      group: run.group,
      variant: run.variant,
      seed: run.seed,
      modalities: e.modalities,
      values: { relativeModalityGap: g.relativeModalityGap.mean, centroidGap: g.centroidGap.mean, alignment: g.alignment.mean },
    });
  }
  return { rows, embeddings, withoutCheckpoint };
}

export function gapCsv(rows: GapRow[]): string {
  return formatCsv(
    ['group', 'variant', 'seed', 'modalities', ...GAP_MEASURES],
    rows.map((r) => [r.group, r.variant, r.seed, r.modalities.join(' '), ...GAP_MEASURES.map((m) => String(Number(r.values[m].toPrecision(6))))]),
  );
}

/** Bars per variant: each gap measure's mean ± sd over seeds (mean pairwise value over the modality pairs). */
export function gapFigure(rows: GapRow[], group: string): Figure {
  const inGroup = rows.filter((r) => r.group === group);
  const variants = [...new Set(inGroup.map((r) => r.variant))];
  const bars: MetricRow[] = [];
  for (const v of variants) {
    for (const m of GAP_MEASURES) {
      const x = inGroup.filter((r) => r.variant === v).map((r) => r.values[m]);
      const e = x.length > 1 ? sd(x) : 0;
      bars.push({ variant: v, metric: m, value: mean(x), ci: [mean(x) - e, mean(x) + e] });
    }
  }
  const fig = metricBars(bars, { title: 'Modality gap of the test embeddings (mean ± sd over seeds; lower = closer)', digits: null });
  fig.layout.yaxis = { ...fig.layout.yaxis, title: { text: 'mean over modality pairs' } };
  return fig;
}

/** UMAP of one run's normalised test embeddings, colour = modality, symbol = class. */
export function umapPanel(e: RunEmbeddings, title: string, seed = 7): Figure {
  const unit = e.z.flatMap((rows) => rows.map((r) => {
    const n = Math.hypot(...r) || 1;
    return r.map((v) => v / n);
  }));
  const pts = umap(unit, { seed, nNeighbors: Math.min(15, unit.length - 1), minDist: 0.3 });
  return umapScatter(pts, { modality: e.modalities.flatMap((m) => e.labels.map(() => m)), cls: e.modalities.flatMap(() => e.labels.map((l) => e.classes[l])) }, { title });
}

/**
 * The gap figures of a report: bars per group, and UMAP panels of full and late-fusion (first common seed).
 * `note` hears which finished runs were left out for lack of a checkpoint.
 */
export async function gapFigures(root: string, spec: SweepSpec, report: SweepReport, reportDir: string, note: (message: string) => void = () => {}): Promise<Record<string, Figure>> {
  const { rows, embeddings, withoutCheckpoint } = await sweepGap(root, spec, path.join(reportDir, 'cache'));
  if (withoutCheckpoint.length) {
    note(`modality gap: ${withoutCheckpoint.length} finished run(s) have no best.ckpt (an archived sweep keeps none) and are left out: ${withoutCheckpoint.join(', ')}`);
  }
  writeFileAtomic(path.join(reportDir, 'gap.csv'), gapCsv(rows));
  const figs: Record<string, Figure> = {};
  for (const g of report.groups) {
    const suffix = g.group ? `_${g.group.replace(/[^A-Za-z0-9._-]/g, '_')}` : '';
    if (rows.some((r) => r.group === g.group)) figs[`gap${suffix}`] = gapFigure(rows, g.group);
    const seeds = spec.seeds.filter((s) => ['full', 'late-fusion'].every((v) => embeddings.has([g.group, v, `seed${s}`].filter(Boolean).join('/'))));
    if (seeds.length === 0) continue;
    for (const v of ['late-fusion', 'full']) {
      const e = embeddings.get([g.group, v, `seed${seeds[0]}`].filter(Boolean).join('/'))!;
      if (e.z.flat().length >= 3) figs[`umap_${v}${suffix}`] = umapPanel(e, `UMAP of test embeddings: ${v} (seed ${seeds[0]})`);
    }
  }
  return figs;
}
