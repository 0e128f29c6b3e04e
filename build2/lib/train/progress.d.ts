/// <reference types="node" />
/**
 * Progress of a long job: a one-line bar redrawn in a terminal, a compact line per epoch when the output
 * is not a terminal (CI logs, notebooks), or nothing.
 */
export type ProgressMode = 'auto' | 'bar' | 'line' | 'none';
export interface StepInfo {
    epoch: number;
    epochs: number;
    step: number;
    steps: number;
    terms: Record<string, number>;
    /** Seconds since the epoch started. */
    elapsed: number;
}
export declare class Progress {
    private readonly mode;
    private readonly out;
    private readonly started;
    private lastDraw;
    constructor(mode?: ProgressMode, out?: NodeJS.WriteStream);
    step(info: StepInfo): void;
    /** End of an epoch: one summary line in both bar and line modes. */
    epoch(text: string): void;
    message(text: string): void;
}
