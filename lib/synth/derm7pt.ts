import * as fs from 'fs';
import * as path from 'path';
import { formatCsv } from '../util/csv';
import { writeFileAtomic, writeJsonAtomic } from '../util/fs';
import { Rng } from '../util/random';
import { DERM7PT_COLUMNS } from '../data/derm7pt';
import { SPLITS } from '../data/spec';
import type { Derm7ptInteraction, Derm7ptMissingness, PlannedCase } from './derm7ptModel';
import type { NestedLayout } from './nested';
import { DERM7PT_COHORT_VERSION, derm7ptAdditiveWeights, derm7ptOracleRow, planDerm7pt } from './derm7ptModel';
import { caseViews, drawLentigines, makeLesions } from './derm7ptRender';
import { drawLesion } from './lesion';
import { oracleAucs, writeOracleCsv } from './oracle';
import { canvasToJpeg } from './raster';
import type { Canvas } from './raster';
import type { SynthSummary } from './summary';

export interface SynthDerm7ptOptions {
  /** Output folder (the release_v0 root: meta/ and images/ are made in it). */
  out: string;
  seed: number;
  /** Multiply the release's class counts by this (default 1). */
  scale?: number;
  /** Reproduce the `management` leak: every MEL excised (default true, as in the real release). */
  leak?: boolean;
  /** Dermoscopic image size [W, H] (default [192, 192]). */
  dermSize?: readonly [number, number];
  /** Clinical image size [W, H] (default [192, 128]). */
  clinicSize?: readonly [number, number];
  /** 'context' (default: the record says how to read the image) or 'none' (the additive null control). */
  interaction?: Derm7ptInteraction;
  /** Blank record cells (derm7ptModel.ts, `Derm7ptMissingness`); absent: a complete record, as without the option. */
  missingness?: Derm7ptMissingness;
  /** The nested layout for learning curves (fixed test and validation cases, nested training sets). */
  nested?: NestedLayout;
  onProgress?: (done: number, total: number) => void;
}

const DEFAULTS = { scale: 1, leak: true, dermSize: [192, 192] as const, clinicSize: [192, 128] as const, interaction: 'context' as const };

/**
 * Write a synthetic Derm7pt release_v0 folder (derm7ptModel.ts): meta/, images/, and beside them
 * `oracle.csv` (the exact posteriors) and `cohort.json` (design version, settings, oracle AUCs).
 * Deterministic in (seed, scale, leak, sizes, interaction, nested).
 */
export async function synthDerm7pt(opts: SynthDerm7ptOptions): Promise<SynthSummary> {
  const o = { ...DEFAULTS, ...opts };
  const t0 = Date.now();
  const missingness = o.missingness && o.missingness.rate > 0 ? o.missingness : undefined;
  const plan = planDerm7pt({ seed: o.seed, scale: o.scale, leak: o.leak, interaction: o.interaction, nested: o.nested, missingness });
  const root = path.resolve(o.out);
  fs.mkdirSync(path.join(root, 'meta'), { recursive: true });
  fs.mkdirSync(path.join(root, 'images'), { recursive: true });
  const images = new JpegWriter(path.join(root, 'images'));
  for (const c of plan) {
    const rng = new Rng(c.renderSeed ^ 0x5bd1e995);
    const lesions = makeLesions(c);
    const views = caseViews(rng, c, o.clinicSize, o.dermSize);
    const jobs: [string, Canvas, number][] = [[c.meta.derm, drawLesion(lesions.derm, views.derm, rng), 0]];
    if (!c.sameFile) {
      const canvas = drawLesion(lesions.clinic, views.clinic, rng);
      if (c.findings.sunDamage) drawLentigines(canvas, views.clinic, rng);
      jobs.push([c.meta.clinic, canvas, rng.uniform(0.8, 1.3)]);
    }
    await images.write(jobs);
    o.onProgress?.(c.row + 1, plan.length);
  }
  await images.flush();
  writeMeta(root, plan);
  const oracle = plan.filter((c) => c.label >= 0).map((c) => derm7ptOracleRow(c, o.interaction, missingness));
  writeOracleCsv(path.join(root, 'oracle.csv'), 'case_num', oracle, 2);
  const aucs = oracleAucs(oracle, 2);
  writeJsonAtomic(path.join(root, 'cohort.json'), {
    dataset: 'derm7pt',
    version: DERM7PT_COHORT_VERSION,
    interaction: o.interaction,
    leak: o.leak,
    seed: o.seed,
    scale: o.scale,
    ...(o.nested ? { layout: { nested: true, validScale: o.nested.validScale } } : {}),
    // Only with missingness, so that a complete cohort's cohort.json is the one written without the option.
    ...(missingness ? { missing: missingness } : {}),
    additiveWeights: namedWeights(derm7ptAdditiveWeights(o.interaction, missingness)),
    oracleAuc: aucs,
  });
  const { splits, excluded } = summaryCounts(plan);
  return {
    dataset: 'derm7pt',
    out: root,
    seed: o.seed,
    scale: o.scale,
    splits,
    excluded,
    files: images.files,
    imageSizes: { clinic: `${o.clinicSize[0]}x${o.clinicSize[1]}`, derm: `${o.dermSize[0]}x${o.dermSize[1]}` },
    findings: findingsByClass(plan),
    notes: [
      o.leak
        ? 'management leak ON (every MEL excised, as in the release): audit flags it; train with it excluded'
        : 'management leak OFF (management drawn like the other record fields)',
      `clinic = derm file in ${plan.filter((c) => c.sameFile).length} cases (as in the release)`,
      o.interaction === 'context'
        ? 'interaction context: the record (difficulty, acral site) says how to read the dermoscopic findings'
        : 'interaction none: null control, image and record independent given the class (additive log-odds)',
      ...(o.nested
        ? [`nested layout: test and validation (${o.nested.validScale}× the release's) cases are the same at every --scale; training cases nest (scale k ⊂ every larger scale)`]
        : []),
      'oracle.csv and cohort.json are written beside meta/ and images/ (the loaders do not read them)',
      ...(missingness
        ? [
            `record cells left blank (${missingness.mechanism}, rate ${missingness.rate}): ${plan.filter((c) => c.label >= 0).reduce((n, c) => n + c.missing.length, 0)} of ${4 * plan.filter((c) => c.label >= 0).length} evidence cells of the task cases; the oracle marginalises them`,
          ]
        : []),
    ],
    seconds: (Date.now() - t0) / 1000,
    version: DERM7PT_COHORT_VERSION,
    interaction: o.interaction,
    oracle: aucs,
  };
}

/** Encodes canvases to JPEG files under one folder, at most 6 at a time; `files` counts them. */
class JpegWriter {
  files = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly dir: string) {}

  /** Queue one case's images ([relative path, canvas, blur]), in order; waits while 6 are being encoded. */
  async write(jobs: readonly [string, Canvas, number][]): Promise<void> {
    for (const [rel, canvas, blur] of jobs) {
      const file = path.join(this.dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const p: Promise<void> = canvasToJpeg(canvas, { blur, quality: 90 }).then((buf) => {
        fs.writeFileSync(file, buf);
        this.inFlight.delete(p);
      });
      this.inFlight.add(p);
      this.files++;
      if (this.inFlight.size >= 6) await Promise.race(this.inFlight);
    }
  }

  flush(): Promise<void[]> {
    return Promise.all(this.inFlight);
  }
}

/** meta/meta.csv (every planned row) and meta/<split>_indexes.csv (the release's split files). */
function writeMeta(root: string, plan: readonly PlannedCase[]): void {
  writeFileAtomic(path.join(root, 'meta', 'meta.csv'), formatCsv(DERM7PT_COLUMNS, plan.map((c) => c.meta)));
  for (const split of SPLITS) {
    const rows = plan.filter((c) => c.split === split).map((c) => [c.row]);
    writeFileAtomic(path.join(root, 'meta', `${split}_indexes.csv`), formatCsv(['indexes'], rows));
  }
}

/** Task cases per split and class, and the left-out rows per diagnosis group (BCC, SK, MISC). */
function summaryCounts(plan: readonly PlannedCase[]): Pick<SynthSummary, 'splits' | 'excluded'> {
  const splits: Record<string, Record<string, number>> = {};
  for (const split of SPLITS) {
    const inSplit = plan.filter((c) => c.split === split);
    splits[split] = { NEV: inSplit.filter((c) => c.label === 0).length, MEL: inSplit.filter((c) => c.label === 1).length };
  }
  const excluded: Record<string, number> = {};
  const groupOf = (d: string) => (d === 'basal cell carcinoma' ? 'BCC' : d === 'seborrheic keratosis' ? 'SK' : 'MISC');
  for (const c of plan) if (c.label < 0) excluded[groupOf(c.diagnosis)] = (excluded[groupOf(c.diagnosis)] ?? 0) + 1;
  return { splits, excluded };
}

function namedWeights(w: readonly number[]): Record<string, number> {
  return { intercept: w[0], logitTabular: w[1], logitImage: w[2] };
}

/** Fraction of each class's cases showing a finding (a sense of the signal, for the summary). */
function findingsByClass(plan: readonly PlannedCase[]): SynthSummary['findings'] {
  const defs: [string, (c: PlannedCase) => boolean][] = [
    ['irregular dots/globules', (c) => c.findings.dots === 2],
    ['irregular streaks', (c) => c.findings.streaks === 2],
    ['regression structures', (c) => c.findings.regression === 1],
    ['atypical network / parallel ridge', (c) => c.findings.network === 2 || c.findings.network === 4],
    ['asymmetry in 2 axes', (c) => c.findings.asymmetry === 2],
    ['3+ colours', (c) => c.findings.colours >= 2],
    ['diameter >= 10 mm', (c) => c.findings.diameterBin === 2],
    ['sun-damaged skin', (c) => c.findings.sunDamage === 1],
    ['difficulty high', (c) => c.record.difficulty === 2],
    ['management = excision', (c) => c.meta.management === 'excision'],
  ];
  return defs.map(([name, f]) => {
    const byClass: Record<string, number> = {};
    ['NEV', 'MEL'].forEach((cls, y) => {
      const sel = plan.filter((c) => c.label === y);
      byClass[cls] = sel.length ? sel.filter(f).length / sel.length : 0;
    });
    return { name, byClass };
  });
}
