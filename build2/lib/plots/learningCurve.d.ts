/**
 * A learning curve: a test metric against the number of training cases, one line per variant (mean over
 * seeds) with a ±1 sd band over seeds (none where a size has one seed), and the oracle ceilings of the same
 * test cases as horizontal lines. The x axis is logarithmic (the scales
 * double), with a tick at every measured size.
 */
import { type Ceiling } from './ceiling';
import { type Figure } from './figure';
/** One variant at one training-set size: the metric of each seed. */
export interface CurvePoint {
    variant: string;
    trainCases: number;
    values: number[];
}
export interface LearningCurveOptions {
    title?: string;
    /** Y axis title. Default 'test AUC'. */
    metric?: string;
    yRange?: [number, number];
    /** Horizontal lines: e.g. [['joint', 0.891], ['additive', 0.777]]. */
    ceilings?: readonly Ceiling[];
}
/** The curve's figure: variants in the order they first appear in `points`. */
export declare function learningCurveFigure(points: readonly CurvePoint[], opts?: LearningCurveOptions): Figure;
