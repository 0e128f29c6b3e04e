/**
 * The loss terms a run records, in one table: the step record, the epoch record, the per-epoch sums, the
 * history columns (in this order) and the legends of training curves all come from it.
 * `tensor` names the field of `LossTerms` (lib/train/loss.ts) that holds the term.
 */
export declare const LOSS_TERMS: {
    readonly loss: {
        readonly tensor: "total";
        readonly label: "L (H8)";
        readonly digits: 4;
        readonly description: "total training loss, (H8)";
    };
    readonly ce: {
        readonly tensor: "ce";
        readonly label: "L_CE";
        readonly digits: 4;
        readonly description: "cross-entropy of the classifier";
    };
    readonly sam: {
        readonly tensor: "sam";
        readonly label: "L_sam (H5)";
        readonly digits: 3;
        readonly description: "sample-level crossmodal contrast";
    };
    readonly up: {
        readonly tensor: "up";
        readonly label: "L_up (H6)";
        readonly digits: 3;
        readonly description: "unimodal prototype contrast";
    };
    readonly cp: {
        readonly tensor: "cp";
        readonly label: "L_cp (H7)";
        readonly digits: 3;
        readonly description: "crossmodal prototype contrast";
    };
};
export type LossTermName = keyof typeof LOSS_TERMS;
/** The term names in record order: loss, ce, sam, up, cp. */
export declare const LOSS_TERM_NAMES: ("sam" | "up" | "cp" | "ce" | "loss")[];
/** One number per loss term. */
export type LossValues = {
    [K in LossTermName]: number;
};
/** Legends of training curves: `{ loss: 'L (H8)', ce: 'L_CE', … }` (pass as `trainingCurves(h, { labels })`). */
export declare const LOSS_TERM_LABELS: Readonly<Record<LossTermName, string>>;
/** All terms zero (the start of an epoch's sums). */
export declare function zeroLossValues(): LossValues;
/** `loss 0.6931 (ce 0.6931 sam 7.011 up 11.798 cp 3.515)`, each term with its digits. */
export declare function formatLossValues(v: LossValues): string;
