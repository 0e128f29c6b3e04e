import type { EpochRecord } from './options';
/**
 * Model selection and early stopping, as pure functions: the trainer calls them after every epoch, and
 * `replayEarlyStopping` applies them to a recorded history to tell what another stopping rule would have
 * selected, without training again (the tuning of docs/TUNING.md).
 *
 * Why a replay is exact: the learning-rate schedule (schedule.ts), the batch order and the augmentation
 * (seeded by run seed, epoch and step) do not depend on the number of epochs or on the patience, so a run
 * trained with no early stopping passes through exactly the states a run with early stopping would have
 * visited before it stopped. The trainer's test (test/train/earlyStopping.test.ts) checks this on real runs.
 */
/** The selected epoch so far: its 1-based number, validation AUC and validation loss. */
export interface Selected {
    epoch: number;
    auc: number;
    loss: number;
}
/** When training stops (the preset's `epochs`, `patience` and `minEpochs`). */
export interface StoppingRule {
    /** The epoch budget. */
    epochs: number;
    /** Epochs without a validation improvement before stopping; 0 = never stop early. */
    patience: number;
    /** Early stopping may not stop before this many epochs (absent or 0: no minimum). */
    minEpochs?: number;
}
/** The selection criterion: higher validation AUC, ties broken by the lower validation loss. */
export declare function isImprovement(best: Selected | null, auc: number, loss: number): boolean;
/** Whether the run stops after `epochsRun` epochs, `sinceBest` of them without an improvement. */
export declare function shouldStop(epochsRun: number, sinceBest: number, rule: StoppingRule): boolean;
/** Whether the stop is an early one (patience exhausted past the minimum), not the end of the budget. */
export declare function isEarlyStop(epochsRun: number, sinceBest: number, rule: StoppingRule): boolean;
/** What a stopping rule selects from a recorded history. */
export interface ReplayResult {
    /** The selected epoch (1-based), its validation AUC and loss. */
    selected: Selected;
    /** Epochs the run would have trained. */
    epochsRun: number;
    /** Whether it stopped early (as opposed to reaching `rule.epochs`). */
    early: boolean;
}
/**
 * Replay the trainer's selection and stopping on `history` (a run's history.csv rows, epochs 1, 2, …) under
 * `rule`. The history must reach the epoch where the rule stops: a history that ends first (a shorter run, or
 * one that stopped early itself) is refused, since what comes after is unknown.
 */
export declare function replayEarlyStopping(history: readonly Pick<EpochRecord, 'epoch' | 'val_auc' | 'val_loss'>[], rule: StoppingRule, where?: string): ReplayResult;
