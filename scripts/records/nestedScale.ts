/**
 * The larger MEN scale of the data-size study (docs/study.md, "MEN at two sizes"), chosen from oracle
 * numbers alone, without training a network. On a nested cohort the test cases are fixed, so the oracle's
 * joint and additive AUCs there are the same at every scale: they cannot pick a scale by themselves. What
 * grows with the scale is the evidence the training set holds for the interaction (`interactionEvidence`,
 * lib/synth/oracle.ts). Derm7pt's scale 4 is the study's scale where fusion is learnable (a standard network
 * clears the additive ceiling there, docs/study.md); MEN's larger scale is the smallest whole scale whose
 * training set holds at least as much interaction evidence, in expectation, as Derm7pt's at scale 4.
 *
 * The expected evidence per training case is a property of the design: the mean over the training cases of a
 * large nested plan drawn with a fixed seed (DESIGN_SEED, as the additive oracle's fit), at the training
 * class mix. The seed's own training sets and their oracle AUCs are printed beside it.
 *
 *   node dist/scripts/records/nestedScale.js [--seed 1] [--markdown]
 */
import { planDerm7pt, derm7ptOracleRow } from '../../lib/synth/derm7ptModel';
import { planMen, menOracleRow } from '../../lib/synth/menModel';
import type { NestedLayout } from '../../lib/synth/nested';
import { interactionEvidence, oracleAucs } from '../../lib/synth/oracle';
import type { OracleRow } from '../../lib/synth/oracle';
import { CfcmlError } from '../../lib/util/errors';
import { f3, printTable, runMain, type Row } from './runs';

/** The seed of the large plans that measure the design's evidence per training case. */
const DESIGN_SEED = 20260;
/** Derm7pt's scale where fusion is learnable (docs/study.md). */
export const DERM7PT_LEARNABLE_SCALE = 4;
const LAYOUT: NestedLayout = { validScale: 2 };

type Dataset = 'derm7pt' | 'men';

/** Oracle rows of the task cases of a nested plan. */
function nestedRows(dataset: Dataset, seed: number, scale: number): OracleRow[] {
  if (dataset === 'men') return planMen({ seed, scale, nested: LAYOUT }).map((p) => menOracleRow(p, 'context'));
  return planDerm7pt({ seed, scale, nested: LAYOUT })
    .filter((c) => c.label >= 0)
    .map((c) => derm7ptOracleRow(c, 'context'));
}

/** The design's expected interaction evidence per training case (nats), from a large plan. */
export function evidencePerCase(dataset: Dataset): number {
  const train = nestedRows(dataset, DESIGN_SEED, dataset === 'men' ? 50 : 30).filter((r) => r.split === 'train');
  return interactionEvidence(train) / train.length;
}

export interface ScaleRow {
  dataset: Dataset;
  scale: number;
  trainCases: number;
  /** Training cases × the design's evidence per case. */
  expectedEvidence: number;
  /** The evidence of this seed's training set. */
  seedEvidence: number;
  oracle: { test: Record<string, number>; valid: Record<string, number> };
}

function scaleRow(dataset: Dataset, seed: number, scale: number, perCase: number): ScaleRow {
  const rows = nestedRows(dataset, seed, scale);
  const train = rows.filter((r) => r.split === 'train');
  const aucs = oracleAucs(rows, dataset === 'men' ? 3 : 2);
  return { dataset, scale, trainCases: train.length, expectedEvidence: train.length * perCase, seedEvidence: interactionEvidence(train), oracle: { test: aucs.test, valid: aucs.valid } };
}

export interface ScaleChoice {
  /** Derm7pt's expected evidence at its learnable scale: the bar. */
  bar: number;
  /** The smallest whole MEN scale whose expected evidence reaches the bar. */
  menScale: number;
  rows: ScaleRow[];
}

/** Derm7pt at scales 1, 2, 4 and MEN at 1 … `maxScale` for `seed`, and the MEN scale the rule picks. */
export function chooseMenScale(seed: number, maxScale = 8): ScaleChoice {
  const dermPerCase = evidencePerCase('derm7pt');
  const menPerCase = evidencePerCase('men');
  const rows = [1, 2, DERM7PT_LEARNABLE_SCALE].map((k) => scaleRow('derm7pt', seed, k, dermPerCase));
  const bar = rows[rows.length - 1].expectedEvidence;
  for (let k = 1; k <= maxScale; k++) rows.push(scaleRow('men', seed, k, menPerCase));
  const pick = rows.find((r) => r.dataset === 'men' && r.expectedEvidence >= bar);
  if (!pick) throw new CfcmlError(`no MEN scale up to ${maxScale} reaches Derm7pt's interaction evidence at scale ${DERM7PT_LEARNABLE_SCALE} (${bar.toFixed(1)} nats)`);
  return { bar, menScale: pick.scale, rows };
}

function main(argv: string[]): number {
  const at = argv.indexOf('--seed');
  const seed = at >= 0 ? Number(argv[at + 1]) : 1;
  if (!Number.isInteger(seed)) throw new CfcmlError(`--seed expects a whole number, got '${argv[at + 1]}'`);
  const choice = chooseMenScale(seed);
  const table: Row[] = choice.rows.map((r) => ({
    dataset: r.dataset,
    scale: r.scale,
    'training cases': r.trainCases,
    'evidence, expected (nats)': r.expectedEvidence.toFixed(1),
    [`evidence, seed ${seed}`]: r.seedEvidence.toFixed(1),
    'test joint': f3(r.oracle.test.joint),
    'test additive': f3(r.oracle.test.additive),
    'test record': f3(r.oracle.test.tabular),
    'test image': f3(r.oracle.test.image),
    'valid joint': f3(r.oracle.valid.joint),
    'valid additive': f3(r.oracle.valid.additive),
  }));
  printTable(table, argv.includes('--markdown'), `Nested cohorts, seed ${seed} (validation ×${LAYOUT.validScale}): oracle AUC (MEN macro one-vs-rest) and the training set's interaction evidence`);
  console.log(
    `\nDerm7pt at scale ${DERM7PT_LEARNABLE_SCALE}: ${choice.bar.toFixed(1)} nats expected. The smallest MEN scale reaching it: ${choice.menScale}` +
      ` (cfcml synth men --nested --scale ${choice.menScale} --seed ${seed} --out data/synthetic/men-n${choice.menScale}).`,
  );
  return 0;
}

if (require.main === module) runMain('nestedScale', main);
