/**
 * Ceilings drawn on a figure: the oracle AUC of a synthetic cohort (the true posterior of its generating
 * model; lib/data/synth/oracle.ts) is what no model can beat on that split, so figures of trained models
 * show it as a dashed line (the first ceiling) or dotted lines (the others), labelled at the right edge.
 */
import type { Figure, PlotlyObject } from './figure';
import { paletteColor } from './figure';

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
export function withCeilings(fig: Figure, ceilings: readonly Ceiling[], opts: CeilingOptions = {}): Figure {
  const prefix = opts.prefix ?? 'oracle';
  const what = opts.what ?? 'AUC';
  const digits = opts.digits ?? 3;
  const shapes: PlotlyObject[] = ceilings.map(([, v], i) => ({
    type: 'line',
    xref: 'paper',
    x0: 0,
    x1: 1,
    yref: 'y',
    y0: v,
    y1: v,
    line: { color: paletteColor(7), dash: i === 0 ? 'dash' : 'dot', width: 1 },
  }));
  const annotations: PlotlyObject[] = ceilings.map(([k, v]) => ({
    xref: 'paper',
    x: 1,
    xanchor: 'right',
    y: v,
    yanchor: 'bottom',
    text: `${prefix} ${k} ${what} ${v.toFixed(digits)}`.replace(/\s+/g, ' ').trim(),
    showarrow: false,
    font: { size: 9 },
  }));
  const old = (key: string): PlotlyObject[] => {
    const v = fig.layout[key];
    return Array.isArray(v) ? (v as PlotlyObject[]) : [];
  };
  return { ...fig, layout: { ...fig.layout, shapes: [...old('shapes'), ...shapes], annotations: [...old('annotations'), ...annotations] } };
}
