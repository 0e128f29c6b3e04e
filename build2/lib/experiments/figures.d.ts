import { type Figure } from '../plots';
import { type GroupReport, type SweepReport } from './report';
import type { SweepSpec } from './sweep';
/** The baselines drawn against full in the ROC figure, when the sweep has them. */
export declare const ROC_VARIANTS: string[];
/** Ablation bars of a group: one bar per variant and metric, error bars ±1 sd, dashed oracle lines on AUC. */
export declare function ablationFigure(g: GroupReport, metrics?: string[]): Figure;
/** TPR of a ROC curve at `fpr` (the highest TPR reached at that FPR: the step curve's upper envelope). */
export declare function tprAt(curve: {
    fpr: number[];
    tpr: number[];
}, fpr: number): number;
/** Mean ROC curve over seeds with a ±1 sd band, per variant (binary datasets). */
export declare function rocBandFigure(root: string, spec: SweepSpec, g: GroupReport, positiveClass?: number): Figure | null;
/** Validation AUC per epoch, mean over the seeds of each variant (the curves model selection looked at). */
export declare function sweepCurvesFigure(root: string, spec: SweepSpec, g: GroupReport): Figure;
/**
 * Test AUC per stratum of the record (report.strata): bars per variant (mean ± sd over seeds) in each stratum,
 * the oracle's joint and additive AUC on the same cases as markers — where the joint marker stands far above
 * the additive one, the record changes how the image reads, and only a model that learns the interaction
 * can get there.
 */
export declare function strataFigure(g: GroupReport): Figure | null;
/**
 * The learning curve of a sweep over nested cohorts of one dataset (`cfcml synth --nested` at several
 * `--scale`s, one group each): test AUC against training cases per variant, with the standard recipe's
 * rows where the sweep has them, and the oracle ceilings. Null unless at least two groups share the same
 * test cases (equal oracle test AUCs) and each has an oracle to count its training cases.
 */
export declare function learningCurveOf(report: SweepReport): Figure | null;
/** Every figure of the report, by file stem. */
export declare function sweepFigures(root: string, spec: SweepSpec, report: SweepReport, positiveClass?: number): Record<string, Figure>;
/** Render every figure to `<dir>/<stem>.{png,svg,pdf}` with the paper theme; returns the written files. */
export declare function writeFigures(figs: Record<string, Figure>, dir: string, formats?: ('png' | 'svg' | 'pdf')[]): Promise<string[]>;
