/**
 * The loss terms a run records, in one table: the step record, the epoch record, the per-epoch sums, the
 * history columns (in this order) and the legends of training curves all come from it.
 * `tensor` names the field of `LossTerms` (lib/train/loss.ts) that holds the term.
 */
export const LOSS_TERMS = {
  loss: { tensor: 'total', label: 'L (H8)', digits: 4, description: 'total training loss, (H8)' },
  ce: { tensor: 'ce', label: 'L_CE', digits: 4, description: 'cross-entropy of the classifier' },
  sam: { tensor: 'sam', label: 'L_sam (H5)', digits: 3, description: 'sample-level crossmodal contrast' },
  up: { tensor: 'up', label: 'L_up (H6)', digits: 3, description: 'unimodal prototype contrast' },
  cp: { tensor: 'cp', label: 'L_cp (H7)', digits: 3, description: 'crossmodal prototype contrast' },
} as const;

export type LossTermName = keyof typeof LOSS_TERMS;

/** The term names in record order: loss, ce, sam, up, cp. */
export const LOSS_TERM_NAMES = Object.keys(LOSS_TERMS) as LossTermName[];

/** One number per loss term. */
export type LossValues = { [K in LossTermName]: number };

/** Legends of training curves: `{ loss: 'L (H8)', ce: 'L_CE', … }` (pass as `trainingCurves(h, { labels })`). */
export const LOSS_TERM_LABELS: Readonly<Record<LossTermName, string>> = Object.fromEntries(
  LOSS_TERM_NAMES.map((k) => [k, LOSS_TERMS[k].label]),
) as Record<LossTermName, string>;

/** All terms zero (the start of an epoch's sums). */
export function zeroLossValues(): LossValues {
  return Object.fromEntries(LOSS_TERM_NAMES.map((k) => [k, 0])) as LossValues;
}

/** `loss 0.6931 (ce 0.6931 sam 7.011 up 11.798 cp 3.515)`, each term with its digits. */
export function formatLossValues(v: LossValues): string {
  const [first, ...rest] = LOSS_TERM_NAMES;
  return `${first} ${v[first].toFixed(LOSS_TERMS[first].digits)} (${rest.map((k) => `${k} ${v[k].toFixed(LOSS_TERMS[k].digits)}`).join(' ')})`;
}
