/**
 * Ceilings drawn on a figure: the oracle AUC of a synthetic cohort (the true posterior of its generating
 * model; lib/synth/oracle.ts) is what no model can beat on that split, so figures of trained models
 * show it as a dashed line (the first ceiling) or dotted lines (the others), labelled at the right edge.
 */
import type { Figure } from './figure';
/** [label, value]: e.g. ['joint', 0.891]. */
export type Ceiling = readonly [string, number];
export interface CeilingOptions {
    /** Text before each label. Default `'oracle'`. */
    prefix?: string;
    /** Text after the label, before the value. Default `'AUC'`. */
    what?: string;
    digits?: number;
}
/** A copy of `fig` with one horizontal line per ceiling across the plot (y axis), its label at the right. */
export declare function withCeilings(fig: Figure, ceilings: readonly Ceiling[], opts?: CeilingOptions): Figure;
