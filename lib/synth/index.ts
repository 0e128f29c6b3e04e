/**
 * Synthetic cohorts: per dataset a generative model with an exact oracle (`*Model.ts`), its rendering
 * (`*Render.ts`), and the generator that writes the real layout plus `oracle.csv` and `cohort.json`.
 */
export { SYNTH_REGISTRY, SYNTH_DATASET_KEYS, getSynth } from './registry';
export type { SynthEntry, SynthOptions } from './registry';
export { synthDerm7pt } from './derm7pt';
export type { SynthDerm7ptOptions } from './derm7pt';
export { DERM7PT_COUNTS, SEVEN_POINT, sevenPointScore } from './derm7ptRelease';
export type { SevenPointCriterion } from './derm7ptRelease';
export {
  planDerm7pt,
  derm7ptOracleRow,
  derm7ptPosteriors,
  derm7ptAdditiveWeights,
  DERM7PT_COHORT_VERSION,
  DERM7PT_INTERACTIONS,
  DERM_FIELDS,
  MISSING_MECHANISMS,
  blankProbability,
} from './derm7ptModel';
export type { Derm7ptInteraction, Derm7ptMissingness, DermField, PlannedCase, DermFindings, DermRecord } from './derm7ptModel';
export { maskedOracle } from './maskedOracle';
export { synthMen } from './men';
export type { SynthMenOptions } from './men';
export { planMen, menOracleRow, menPosteriors, menAdditiveWeights, MEN_COUNTS, MEN_COHORT_VERSION } from './menModel';
export type { MenInteraction, PlannedPatient, MenFindings, MenRecord, MenPlanOptions } from './menModel';
export { nestedDraws, NESTED_SPLIT_ORDER } from './nested';
export type { NestedLayout, NestedDraw } from './nested';
export { renderMenVolumes } from './menRender';
export { readOracleCsv, writeOracleCsv, oracleAucs, oracleCriteria, oracleRocSeries, formatOracleAucs, interactionEvidence } from './oracle';
export type { OracleRow, OracleAucs, OracleCriteria } from './oracle';
export { formatSynthSummary } from './summary';
export type { SynthSummary } from './summary';
