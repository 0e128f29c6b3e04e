/**
 * Experiments: sweeps over variants × seeds (× cohorts × presets) run locally or as a SLURM job array,
 * and their report (mean ± sd, paired differences, DeLong + Holm, oracle ceiling, tables and figures).
 */
export { SWEEP_FILE, parseSeeds, parseVariants, parsePresets, expandGrid, createSweep, readSweep, trainCommand, runTrainArgs, checkSettings, cliPath } from './sweep';
export { readSweepConfig, type SweepConfig } from './sweepConfig';
export type { SweepRun, SweepSpec } from './sweep';
export { runLocal, runOne } from './local';
export type { RunOutcome, LocalRunOptions } from './local';
export { slurmArrayScript, writeSlurmArray } from './slurm';
export type { SlurmOptions } from './slurm';
export { buildReport, readOracle, readOracleFile, oracleFileOf, archivedCohortDir, ceilingEntries, variantUsesTabular, BINARY_METRICS, MULTICLASS_METRICS, DELONG_NOTE } from './report';
export type { ReportMetric, SweepReport, GroupReport, VariantRow, Summary, OracleCeiling, RunProblem } from './report';
export { tableCsv, tableMarkdown, summaryMarkdown, curveMarkdown, tableTex, writeTables, formatP, texEscape, METRIC_LABELS } from './tables';
export { holm, averageProbs } from './stats';
export { ablationFigure, rocBandFigure, sweepCurvesFigure, strataFigure, learningCurveOf, sweepFigures, writeFigures, tprAt, ROC_VARIANTS } from './figures';
export { sweepGap, gapCsv, gapFigure, umapPanel, gapFigures, GAP_MEASURES } from './gap';
export type { GapRow, GapMeasure } from './gap';
export { archiveSweep, ARCHIVED_COHORT_FILES, ARCHIVED_FILES } from './archive';
export type { ArchiveResult } from './archive';
export { runState, readRunEmbeddings, readRunFailure, readRunHistory, readRunMetrics, readRunOptions, readRunPredictions, readRunRobustness } from './runFiles';
export { robustnessCurves, robustnessCsv, robustnessFigure } from './robustness';
export type { RobustnessCurve, RobustnessCurves } from './robustness';
export type { RunEmbeddings, RunFailure, RunState } from './runFiles';
