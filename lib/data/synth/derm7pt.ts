import * as fs from 'fs';
import * as path from 'path';
import { formatCsv } from '../../util/csv';
import { writeFileAtomic } from '../../util/fs';
import { Rng } from '../../util/random';
import { DERM7PT_COLUMNS } from '../derm7pt';
import { SPLITS } from '../spec';
import { planDerm7pt } from './derm7ptPlan';
import { caseViews, drawLesion, makeLesion } from './derm7ptRender';
import { canvasToJpeg } from './raster';
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
  onProgress?: (done: number, total: number) => void;
}

const DEFAULTS = { scale: 1, leak: true, dermSize: [192, 192] as const, clinicSize: [192, 128] as const };

/** Findings shown in the summary: a criterion value and its (MEL-typical) level. */
const FINDINGS: [string, (m: Record<string, string>) => boolean][] = [
  ['atypical pigment network', (m) => m.pigment_network === 'atypical'],
  ['irregular streaks', (m) => m.streaks === 'irregular'],
  ['irregular dots/globules', (m) => m.dots_and_globules === 'irregular'],
  ['irregular pigmentation', (m) => m.pigmentation.includes('irregular')],
  ['regression structures', (m) => m.regression_structures !== 'absent'],
  ['blue-whitish veil', (m) => m.blue_whitish_veil === 'present'],
  ['seven-point score >= 3', (m) => Number(m.seven_point_score) >= 3],
  ['management = excision', (m) => m.management === 'excision'],
  ['elevation != flat', (m) => m.elevation !== 'flat'],
];

/** Write a synthetic Derm7pt release_v0 folder. Deterministic in (seed, scale, leak, sizes). */
export async function synthDerm7pt(opts: SynthDerm7ptOptions): Promise<SynthSummary> {
  const o = { ...DEFAULTS, ...opts };
  const t0 = Date.now();
  const plan = planDerm7pt({ seed: o.seed, scale: o.scale, leak: o.leak });
  const root = path.resolve(o.out);
  fs.mkdirSync(path.join(root, 'meta'), { recursive: true });
  fs.mkdirSync(path.join(root, 'images'), { recursive: true });

  let files = 0;
  const inFlight = new Set<Promise<void>>();
  for (const c of plan) {
    const rng = new Rng(c.renderSeed ^ 0x5bd1e995);
    const lesion = makeLesion(c);
    const views = caseViews(rng, o.clinicSize, o.dermSize);
    const jobs: [string, ReturnType<typeof drawLesion>, number][] = [[c.meta.derm, drawLesion(lesion, views.derm, rng), 0]];
    if (!c.sameFile) jobs.push([c.meta.clinic, drawLesion(lesion, views.clinic, rng), rng.uniform(0.8, 1.5)]);
    for (const [rel, canvas, blur] of jobs) {
      const file = path.join(root, 'images', rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const p: Promise<void> = canvasToJpeg(canvas, { blur, quality: 90 }).then((buf) => {
        fs.writeFileSync(file, buf);
        inFlight.delete(p);
      });
      inFlight.add(p);
      files++;
      if (inFlight.size >= 6) await Promise.race(inFlight);
    }
    o.onProgress?.(c.row + 1, plan.length);
  }
  await Promise.all(inFlight);

  writeFileAtomic(path.join(root, 'meta', 'meta.csv'), formatCsv(DERM7PT_COLUMNS, plan.map((c) => c.meta)));
  for (const split of SPLITS) {
    const rows = plan.filter((c) => c.split === split).map((c) => [c.row]);
    writeFileAtomic(path.join(root, 'meta', `${split}_indexes.csv`), formatCsv(['indexes'], rows));
  }
  return summarise(plan, { out: root, seed: o.seed, scale: o.scale, leak: o.leak, files, t0, sizes: { clinic: o.clinicSize, derm: o.dermSize } });
}

function summarise(
  plan: ReturnType<typeof planDerm7pt>,
  x: { out: string; seed: number; scale: number; leak: boolean; files: number; t0: number; sizes: Record<string, readonly [number, number]> },
): SynthSummary {
  const splits: Record<string, Record<string, number>> = {};
  for (const split of SPLITS) {
    const inSplit = plan.filter((c) => c.split === split);
    splits[split] = { NEV: inSplit.filter((c) => c.label === 0).length, MEL: inSplit.filter((c) => c.label === 1).length };
  }
  const excluded: Record<string, number> = {};
  const groupOf = (d: string) => (d === 'basal cell carcinoma' ? 'BCC' : d === 'seborrheic keratosis' ? 'SK' : 'MISC');
  for (const c of plan) if (c.label < 0) excluded[groupOf(c.diagnosis)] = (excluded[groupOf(c.diagnosis)] ?? 0) + 1;
  const findings = FINDINGS.map(([name, f]) => {
    const byClass: Record<string, number> = {};
    ['NEV', 'MEL'].forEach((cls, y) => {
      const sel = plan.filter((c) => c.label === y);
      byClass[cls] = sel.length ? sel.filter((c) => f(c.meta)).length / sel.length : 0;
    });
    return { name, byClass };
  });
  return {
    dataset: 'derm7pt',
    out: x.out,
    seed: x.seed,
    scale: x.scale,
    splits,
    excluded,
    files: x.files,
    imageSizes: Object.fromEntries(Object.entries(x.sizes).map(([k, [w, h]]) => [k, `${w}x${h}`])),
    findings,
    notes: [
      x.leak
        ? 'management leak ON (every MEL excised, as in the release): audit flags it; train with it excluded'
        : 'management leak OFF (management drawn like the other record fields)',
      `clinic = derm file in ${plan.filter((c) => c.sameFile).length} cases (as in the release)`,
    ],
    seconds: (Date.now() - x.t0) / 1000,
  };
}
