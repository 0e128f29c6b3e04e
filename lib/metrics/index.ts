/** Evaluation metrics (pure functions of number arrays, no tfjs), checked against scikit-learn. */
export { computeMetrics, formatMetricsTable, macroAucOvr } from './compute';
export type { Metrics, BinaryMetrics, MulticlassMetrics, MetricsOptions } from './compute';
export { rocCurve, prCurve, rocAuc, averagePrecision, binaryClfCurve } from './curves';
export type { RocCurve, PrCurve } from './curves';
export {
  argmax,
  confusionMatrix,
  accuracyFromConfusion,
  balancedAccuracyFromConfusion,
  perClassRecall,
  recallOf,
  precisionOf,
  f1Of,
  macroF1FromConfusion,
  weightedF1FromConfusion,
  mccFromConfusion,
} from './classification';
export { bootstrapCI, quantile, BOOTSTRAP_DEFAULTS } from './bootstrap';
export type { BootstrapOptions, BootstrapResult } from './bootstrap';
export { delongTest, midranks, normalCdf } from './delong';
export type { DelongResult } from './delong';
export { seedCaseBootstrap, drawSeedsAndCases, weightedAuc, weightedAucOfRows, weightedMacroAuc } from './seedCaseBootstrap';
export type { SeedCaseBootstrapOptions, SeedCaseBootstrapResult, SeedCaseDraw, WeightedMetric } from './seedCaseBootstrap';
export { mean, sd } from './moments';
