"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatLossValues = exports.zeroLossValues = exports.LOSS_TERM_LABELS = exports.LOSS_TERM_NAMES = exports.LOSS_TERMS = void 0;
/**
 * The loss terms a run records, in one table: the step record, the epoch record, the per-epoch sums, the
 * history columns (in this order) and the legends of training curves all come from it.
 * `tensor` names the field of `LossTerms` (lib/train/loss.ts) that holds the term.
 */
exports.LOSS_TERMS = {
    loss: { tensor: 'total', label: 'L (H8)', digits: 4, description: 'total training loss, (H8)' },
    ce: { tensor: 'ce', label: 'L_CE', digits: 4, description: 'cross-entropy of the classifier' },
    sam: { tensor: 'sam', label: 'L_sam (H5)', digits: 3, description: 'sample-level crossmodal contrast' },
    up: { tensor: 'up', label: 'L_up (H6)', digits: 3, description: 'unimodal prototype contrast' },
    cp: { tensor: 'cp', label: 'L_cp (H7)', digits: 3, description: 'crossmodal prototype contrast' },
};
/** The term names in record order: loss, ce, sam, up, cp. */
exports.LOSS_TERM_NAMES = Object.keys(exports.LOSS_TERMS);
/** Legends of training curves: `{ loss: 'L (H8)', ce: 'L_CE', … }` (pass as `trainingCurves(h, { labels })`). */
exports.LOSS_TERM_LABELS = Object.fromEntries(exports.LOSS_TERM_NAMES.map((k) => [k, exports.LOSS_TERMS[k].label]));
/** All terms zero (the start of an epoch's sums). */
function zeroLossValues() {
    return Object.fromEntries(exports.LOSS_TERM_NAMES.map((k) => [k, 0]));
}
exports.zeroLossValues = zeroLossValues;
/** `loss 0.6931 (ce 0.6931 sam 7.011 up 11.798 cp 3.515)`, each term with its digits. */
function formatLossValues(v) {
    const [first, ...rest] = exports.LOSS_TERM_NAMES;
    return `${first} ${v[first].toFixed(exports.LOSS_TERMS[first].digits)} (${rest.map((k) => `${k} ${v[k].toFixed(exports.LOSS_TERMS[k].digits)}`).join(' ')})`;
}
exports.formatLossValues = formatLossValues;
//# sourceMappingURL=lossTerms.js.map