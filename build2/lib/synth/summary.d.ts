/** What a synthetic generator wrote, for printing after generation and for tests. */
export interface SynthSummary {
    dataset: string;
    out: string;
    seed: number;
    scale: number;
    /** Cases per split and class (the classes of the task). */
    splits: Record<string, Record<string, number>>;
    /** Rows left out of the task by their label (Derm7pt: BCC/SK/MISC diagnoses), per group. */
    excluded: Record<string, number>;
    /** Image files written. */
    files: number;
    /** Image size per modality, as written (W×H or D×H×W). */
    imageSizes: Record<string, string>;
    /** Fraction of cases per class showing a finding (e.g. atypical network, invasion), for a sense of the signal. */
    findings: {
        name: string;
        byClass: Record<string, number>;
    }[];
    /** Free-form lines (leak on/off, design notes). */
    notes: string[];
    seconds: number;
    /** Cohort design version (as in `<out>/cohort.json`) and its interaction knob. */
    version: string;
    interaction: string;
    /** Oracle AUC per split and evidence subset (oracle.ts), as in `<out>/oracle.csv`. */
    oracle: Record<string, Record<string, number>>;
}
export declare function formatSynthSummary(s: SynthSummary): string;
