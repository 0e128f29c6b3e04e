/**
 * Ceilings drawn on a figure: the oracle AUC of a synthetic cohort (the true posterior of its generating
 * model; lib/synth/oracle.ts) is what no model can beat on that split, so figures of trained models
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

/** The y axis span of a figure: its fixed range when it has one, else 1 (AUC-like metrics). */
function ySpan(fig: Figure): number {
  const r: unknown = fig.layout.yaxis?.range;
  return Array.isArray(r) && r.length === 2 && typeof r[0] === 'number' && typeof r[1] === 'number' ? Math.abs(r[1] - r[0]) : 1;
}

/**
 * The labels to write, highest first: ceilings whose lines lie within 4% of the axis span of the next higher
 * one share one label above the highest line of the run, so near-equal ceilings (the joint and additive
 * oracles of a cohort without interaction, 0.976 and 0.975) do not print their labels over each other.
 */
function labelGroups(ceilings: readonly Ceiling[], span: number): Ceiling[][] {
  const groups: Ceiling[][] = [];
  for (const c of [...ceilings].sort((a, b) => b[1] - a[1])) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1][1] - c[1] < 0.04 * span) last.push(c);
    else groups.push([c]);
  }
  return groups;
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
  const annotations: PlotlyObject[] = labelGroups(ceilings, ySpan(fig)).map((group) => ({
    xref: 'paper',
    x: 1,
    xanchor: 'right',
    y: group[0][1],
    yanchor: 'bottom',
    text: `${prefix} ${group.map(([k, v]) => `${k} ${what} ${v.toFixed(digits)}`).join(' · ')}`.replace(/\s+/g, ' ').trim(),
    showarrow: false,
    font: { size: 9 },
  }));
  const old = (key: string): PlotlyObject[] => {
    const v = fig.layout[key];
    return Array.isArray(v) ? (v as PlotlyObject[]) : [];
  };
  return { ...fig, layout: { ...fig.layout, shapes: [...old('shapes'), ...shapes], annotations: [...old('annotations'), ...annotations] } };
}
