/**
 * Progress of a training run shown in a notebook as ONE output that is redrawn in place (a Jupyter
 * display id, `update_display_data`): epoch and step, the running means of the loss terms of (H8), the
 * validation AUC of each finished epoch, and at the end a one-paragraph summary. Outside a notebook it
 * prints one line per epoch and the summary.
 *
 *   const progress = trainingProgress();
 *   const trainer = await Trainer.create({ ..., progress: 'none', ...progress.callbacks });
 *   while (!trainer.done) await trainer.trainEpoch();
 *   progress.finish();
 */
import type { EpochRecord, StepRecord } from '../train/options';
export interface TrainingProgressOptions {
    /** Heading of the display. Default `'Training'`. */
    title?: string;
    /** Least time between two redraws during an epoch, in ms. Default 500 (each redraw is a message). */
    minIntervalMs?: number;
}
export interface TrainingProgress {
    /** Pass to `Trainer.create` (`...progress.callbacks`). */
    callbacks: {
        onStep: (s: StepRecord) => void;
        onEpochEnd: (r: EpochRecord) => void;
    };
    /** Epoch records seen so far. */
    readonly epochs: readonly EpochRecord[];
    /** Replace the display by the final summary and return the summary text. */
    finish(note?: string): string;
}
export declare function trainingProgress(opts?: TrainingProgressOptions): TrainingProgress;
