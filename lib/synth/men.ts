import * as fs from 'fs';
import * as path from 'path';
import { formatCsv } from '../util/csv';
import { writeFileAtomic, writeJsonAtomic } from '../util/fs';
import { MEN } from '../data/datasets';
import { MEN_SPLIT_DIRS } from '../data/men';
import { SPLITS } from '../data/spec';
import { encodeNiftiGz } from '../data/nifti';
import type { SynthSummary } from './summary';
import type { MenInteraction, PlannedPatient } from './menModel';
import { MEN_COHORT_VERSION, menAdditiveWeights, menOracleRow, planMen } from './menModel';
import { renderMenVolumes } from './menRender';
import type { NestedLayout } from './nested';
import { oracleAucs, writeOracleCsv } from './oracle';

/**
 * A synthetic MEN-style cohort in the layout the loader reads: tumour bounding-box crops of T1c, T2 and
 * ADC volumes per patient in its split/class folder, a clinical CSV, and beside them `oracle.csv` (the
 * exact posteriors of menModel.ts) and `cohort.json` (design version, settings, oracle AUCs).
 */

export interface SynthMenOptions {
  out: string;
  seed: number;
  /** Multiply the default class counts (`MEN_COUNTS`: train 108/36/48, val 30/10/14, test 60/20/28) by this (nested: training only). Default 1. */
  scale?: number;
  /** Volume size [D, H, W] (default [24, 64, 64]; the real crops are 24×128×128). */
  size?: readonly [number, number, number];
  /** 'context' (default: the record says how to read the image) or 'none' (the additive null control). */
  interaction?: MenInteraction;
  /** The nested layout for learning curves (nested.ts: fixed test and validation patients, nested training sets). */
  nested?: NestedLayout;
  onProgress?: (done: number, total: number) => void;
}

/** Write each patient's volumes (uint8 NIfTI, in its split/class folder) and clinical.csv; returns the number of volume files. */
function writeMenPatients(plan: readonly PlannedPatient[], root: string, size: readonly [number, number, number], onProgress?: (done: number, total: number) => void): number {
  let files = 0;
  plan.forEach((p, k) => {
    const dir = path.join(root, MEN_SPLIT_DIRS[p.split][0], MEN.classes[p.label], p.id);
    fs.mkdirSync(dir, { recursive: true });
    const vols = renderMenVolumes(p, size);
    MEN.imageModalities.forEach((m, i) => {
      // NIfTI dims are x (W, fastest), y (H), z (D).
      fs.writeFileSync(path.join(dir, m.file ?? `${m.name}.nii.gz`), encodeNiftiGz([size[2], size[1], size[0]], vols[i], { spacing: [1, 1, 5], dtype: 'uint8' }));
      files++;
    });
    onProgress?.(k + 1, plan.length);
  });
  const header = ['id', ...MEN.tabular.map((f) => f.column)];
  writeFileAtomic(path.join(root, 'clinical.csv'), formatCsv(header, plan.map((p) => ({ id: p.id, ...p.clinical }))));
  return files;
}

/** The fraction of each class's patients for whom `f` holds. */
function fractionByClass(plan: readonly PlannedPatient[], f: (p: PlannedPatient) => boolean): Record<string, number> {
  return Object.fromEntries(MEN.classes.map((c, y) => {
    const sel = plan.filter((p) => p.label === y);
    return [c, sel.length ? sel.filter(f).length / sel.length : 0];
  }));
}

/** Write a synthetic MEN-style folder. Deterministic in (seed, scale, size, interaction, nested). */
export async function synthMen(opts: SynthMenOptions): Promise<SynthSummary> {
  const t0 = Date.now();
  const scale = opts.scale ?? 1;
  const size = opts.size ?? ([24, 64, 64] as const);
  const root = path.resolve(opts.out);
  const interaction = opts.interaction ?? 'context';
  const plan = planMen({ seed: opts.seed, scale, interaction, nested: opts.nested });
  const files = writeMenPatients(plan, root, size, opts.onProgress);
  const oracle = plan.map((p) => menOracleRow(p, interaction));
  writeOracleCsv(path.join(root, 'oracle.csv'), 'patient_id', oracle, 3);
  const aucs = oracleAucs(oracle, 3);
  writeJsonAtomic(path.join(root, 'cohort.json'), {
    dataset: 'men',
    version: MEN_COHORT_VERSION,
    interaction,
    seed: opts.seed,
    scale,
    ...(opts.nested ? { layout: { nested: true, validScale: opts.nested.validScale } } : {}),
    additiveWeights: menAdditiveWeights(interaction),
    oracleAuc: aucs,
  });
  const splits: Record<string, Record<string, number>> = {};
  for (const split of SPLITS) splits[split] = Object.fromEntries(MEN.classes.map((c, y) => [c, plan.filter((p) => p.split === split && p.label === y).length]));
  const frac = (f: (p: PlannedPatient) => boolean) => fractionByClass(plan, f);
  return {
    dataset: 'men',
    out: root,
    seed: opts.seed,
    scale,
    splits,
    excluded: {},
    files,
    imageSizes: Object.fromEntries(MEN.imageModalities.map((m) => [m.name, size.join('x')])),
    findings: [
      { name: 'boundary tongues (T1c)', byClass: frac((p) => p.findings.tongues === 1) },
      { name: 'tongues, off the skull base', byClass: frac((p) => p.findings.tongues === 1 && p.record.location !== 2) },
      { name: 'CSF cleft lost (T2)', byClass: frac((p) => p.findings.cleftLost === 1) },
      { name: 'marked necrosis (T2)', byClass: frac((p) => p.findings.necrosis === 2) },
      { name: 'low tumour ADC', byClass: frac((p) => p.findings.lowAdc === 1) },
      { name: 'skull base', byClass: frac((p) => p.record.location === 2) },
    ],
    notes: [
      'volumes are uint8+slope NIfTI-1 (gzip), D×H×W as listed; clinical.csv holds one row per patient',
      interaction === 'context'
        ? 'interaction context: boundary tongues mean brain invasion off the skull base, bone/dural growth at it'
        : 'interaction none: null control, image and record independent given the grade (additive log-odds)',
      ...(opts.nested
        ? [`nested layout: test and validation (${opts.nested.validScale}× the default counts) patients are the same at every --scale; training patients nest (scale k ⊂ every larger scale)`]
        : []),
      'oracle.csv and cohort.json are written beside the cohort (the loader reads clinical.csv and the split folders)',
    ],
    seconds: (Date.now() - t0) / 1000,
    version: MEN_COHORT_VERSION,
    interaction,
    oracle: aucs,
  };
}
