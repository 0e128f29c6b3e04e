/**
 * cfcml — coarse-to-fine crossmodal learning (CFCML) for diagnosis from medical images + tabular records.
 *
 * The public API on one page, in the order data flows (docs/ARCHITECTURE.md). Everything else is internal
 * but importable by its path, e.g. `require('cfcml/dist/lib/run/checkpoint')` or, in this repository,
 * `import { encodeCheckpoint } from './run/checkpoint'`.
 */

// ── Backend: tfjs-node(-gpu) / wasm with cfcml's kernels / cpu, chosen once ───────────────────────────
export { initBackend, backendReport, computePath, useComputePath } from './backend';
export type { BackendName, ComputePath } from './backend';

// ── Data: datasets as data (registry), loading, synthetic cohorts, audit, encoding, batches ─────────────
export type { DatasetSpec, TrainPreset, PresetName, Split, TabularField, ImageModalitySpec } from './data/spec';
export { SPLITS, PRESET_NAMES } from './data/spec';
export type { CaseRecord, Cohort, Batch } from './data/types';
export { DATASET_REGISTRY, DATASET_KEYS, getDataset, getDatasetSpec, detectDataset } from './data/registry';
export type { DatasetEntry, DatasetKey } from './data/registry';
export { DERM7PT, MEN, getPreset } from './data/datasets';
export { loadCohort } from './data/cohort';
export type { LoadCohortOptions } from './data/cohort';
export { loadDerm7pt, DERM7PT_COLUMNS, CHECKLIST_COLUMNS, DIAGNOSIS_GROUPS } from './data/derm7pt';
export { loadMen } from './data/men';
export { synthDerm7pt } from './synth/derm7pt';
export { synthMen } from './synth/men';
export { formatSynthSummary } from './synth/summary';
export type { SynthSummary } from './synth/summary';
export { readOracleCsv, oracleAucs, oracleRocSeries } from './synth/oracle';
export type { OracleRow, OracleAucs } from './synth/oracle';
export { inspectCohort, formatInspectReport } from './data/inspect';
export type { InspectReport } from './data/inspect';
export { auditLeakage, formatLeakageReport, aucOf } from './data/audit';
export type { LeakageReport, FieldLeakage } from './data/audit';
export { TabularEncoder, tabularInputSpec } from './data/tabular';
export { ImageCache } from './data/imageCache';
export { BatchSampler } from './data/sampler';
export { makeBatch, disposeBatch } from './data/batch';

// ── Coarse stage (C1–C4): the model, its variants and its pluggable image encoder ───────────────────────
export { createModel } from './model/cfcml';
export { VARIANTS } from './model/types';
export type { Variant, ModelPreset, CFCMLConfig, CFCMLModel, ForwardOptions, ForwardOutput, ForwardIntermediates, ImageEncoderFactory } from './model/types';
export { variantSpec } from './model/variants';
export type { VariantSpec } from './model/variants';
export { residualEncoder } from './model/residualEncoder';
export { backboneEncoder } from './model/backbone';
export { swinEncoder, loadSwinWeights, stageGeometry, shiftedWindowMask, SWIN_T } from './model/swin';
export type { SwinOptions, StageGeometry } from './model/swin';

// ── Fine stage (H1–H8): prototypes and the HRM anchor losses ────────────────────────────────────────────
export { hrmLosses, hrmTotal, anchorLoss, HRM_DEFAULTS } from './hrm/losses';
export type { HrmOptions, HrmLosses, HrmWeights } from './hrm/losses';
export { computePrototypes, classLayout, l2Normalize } from './hrm/prototypes';
export type { Prototypes, ClassLayout } from './hrm/prototypes';
export { PrototypeMemory } from './hrm/memory';

// ── Training: configuration, the loop, evaluation, the run directory ──────────────────────────────────
export { Trainer, train } from './train/trainer';
export type { RunResult } from './train/trainer';
export { TRAIN_DEFAULTS, resolveTrainConfig } from './train/config';
export type { ResolvedConfig } from './train/config';
export type { TrainOptions, EpochRecord, StepRecord } from './train/options';
export { cfcmlLoss, crossEntropy, hrmWeightsFor } from './train/loss';
export type { LossTerms } from './train/loss';
export { LOSS_TERMS, LOSS_TERM_NAMES, LOSS_TERM_LABELS } from './train/lossTerms';
export type { LossTermName, LossValues } from './train/lossTerms';
export { learningRateAt } from './train/schedule';
export { replayEarlyStopping, shouldStop, cheapestRuleWithin } from './train/earlyStopping';
export type { StoppingRule, ReplayResult, RuleScore } from './train/earlyStopping';
export { predict, metricsOf } from './train/evaluate';
export type { Predictions } from './train/evaluate';
export { evaluateRun } from './train/evalRun';
export type { EvalRunResult } from './train/evalRun';
export { RunDirectory } from './run/runDirectory';

// ── Metrics (checked against scikit-learn) ─────────────────────────────────────────────────────────────
export { computeMetrics, formatMetricsTable } from './metrics/compute';
export type { Metrics, BinaryMetrics, MulticlassMetrics } from './metrics/compute';
export { rocCurve, prCurve, rocAuc, averagePrecision } from './metrics/curves';
export type { RocCurve, PrCurve } from './metrics/curves';
export { confusionMatrix } from './metrics/classification';
export { bootstrapCI } from './metrics/bootstrap';
export type { BootstrapResult } from './metrics/bootstrap';
export { delongTest } from './metrics/delong';
export type { DelongResult } from './metrics/delong';

// ── Modality gap ────────────────────────────────────────────────────────────────────────────────────────
export { gapReport, centroidGap, relativeModalityGap, alignment, uniformity, normalizeRows } from './gap/measures';
export type { Embeddings, GapReport } from './gap/measures';
export { umap } from './gap/umap';

// ── Figures ─────────────────────────────────────────────────────────────────────────────────────────────
export type { Figure, Theme } from './plots/figure';
export { paletteColor, OKABE_ITO, paperTheme, notebookTheme, applyTheme } from './plots/figure';
export { trainingCurves, rocCurveFigure, prCurveFigure } from './plots/curves';
export type { HistoryRow } from './plots/curves';
export { confusionMatrixFigure, similarityHeatmap } from './plots/heatmaps';
export type { PlainImage } from './plots/images';
export { attentionOverImage, imageGrid } from './plots/images';
export { umapScatter } from './plots/embedding';
export { metricBars } from './plots/bars';
export { withCeilings } from './plots/ceiling';
export { show } from './plots/show';
export { renderFigure, saveFigure, closeRenderer } from './plots/render';

// ── Notebook helpers (lib/notebook: tables, rich display, danfojs, teaching helpers) ──────────────────
export { ensureCohort, pickPerClass, modalityLabels, forwardTensors, disposeForward, trainingProgress } from './notebook';
export type { EnsureCohortOptions, TrainingProgress, TrainingProgressOptions } from './notebook';
export { showTable, formatTable, loadDanfo } from './notebook';
export type { Row, Danfo } from './notebook';
export { displayBundle, displayHtml, displayMarkdown, displayPng, inNotebook } from './notebook';
export type { DisplayTarget } from './notebook';
export { SEVEN_POINT, sevenPointScore } from './notebook';
export type { SevenPointCriterion } from './notebook';
export { subplotGrid, featureMapGrid, imageSource, imageToPng, encodePng, pngDataUri } from './notebook';
export type { SubplotCell, SubplotGridOptions, FeatureMapPanel, FeatureMapGridOptions } from './notebook';

// ── Utilities ───────────────────────────────────────────────────────────────────────────────────────────
export { CfcmlError } from './util/errors';
export { Rng, deriveSeed } from './util/random';
export { parseCsv, formatCsv } from './util/csv';

// ── Experiments: sweeps over variants × seeds, their report (DeLong + Holm), tables and figures ─────────
export { createSweep, readSweep, runLocal, writeSlurmArray, buildReport, readOracle } from './experiments';
export type { SweepSpec, SweepRun, SweepReport, GroupReport, VariantRow } from './experiments';
export { tableCsv, tableMarkdown, curveMarkdown, tableTex, writeTables, formatP, holm, averageProbs } from './experiments';
export { readRunPredictions, readRunMetrics, readRunHistory, readRunOptions } from './experiments';
export { ablationFigure, rocBandFigure, sweepCurvesFigure, strataFigure, learningCurveOf, writeFigures, gapFigures } from './experiments';
export { robustnessCurves, robustnessCsv, robustnessFigure, readRunRobustness } from './experiments';
export type { RobustnessCurves } from './experiments';
