import { CfcmlError } from '../util/errors';
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
export function isImprovement(best: Selected | null, auc: number, loss: number): boolean {
  return best === null || auc > best.auc || (auc === best.auc && loss < best.loss);
}

/** Whether the run stops after `epochsRun` epochs, `sinceBest` of them without an improvement. */
export function shouldStop(epochsRun: number, sinceBest: number, rule: StoppingRule): boolean {
  if (epochsRun >= rule.epochs) return true;
  return isEarlyStop(epochsRun, sinceBest, rule);
}

/** Whether the stop is an early one (patience exhausted past the minimum), not the end of the budget. */
export function isEarlyStop(epochsRun: number, sinceBest: number, rule: StoppingRule): boolean {
  return rule.patience > 0 && sinceBest >= rule.patience && epochsRun >= (rule.minEpochs ?? 0) && epochsRun < rule.epochs;
}

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
export function replayEarlyStopping(
  history: readonly Pick<EpochRecord, 'epoch' | 'val_auc' | 'val_loss'>[],
  rule: StoppingRule,
  where = 'history',
): ReplayResult {
  let best: Selected | null = null;
  let sinceBest = 0;
  for (let i = 0; i < history.length; i++) {
    const r = history[i];
    if (r.epoch !== i + 1) throw new CfcmlError(`${where}: row ${i + 1} is epoch ${r.epoch}; expected epoch ${i + 1} (epochs in order, none missing)`);
    if (!Number.isFinite(r.val_auc) || !Number.isFinite(r.val_loss)) {
      throw new CfcmlError(`${where}: epoch ${r.epoch} has val_auc ${r.val_auc}, val_loss ${r.val_loss}; expected finite numbers`);
    }
    if (isImprovement(best, r.val_auc, r.val_loss)) {
      best = { epoch: r.epoch, auc: r.val_auc, loss: r.val_loss };
      sinceBest = 0;
    } else sinceBest += 1;
    if (best && shouldStop(r.epoch, sinceBest, rule)) {
      return { selected: best, epochsRun: r.epoch, early: isEarlyStop(r.epoch, sinceBest, rule) };
    }
  }
  throw new CfcmlError(
    `${where}: ${history.length} epochs recorded, but the rule (epochs ${rule.epochs}, patience ${rule.patience}, ` +
      `minEpochs ${rule.minEpochs ?? 0}) has not stopped by then; replay needs a run trained at least as long (patience 0)`,
  );
}

/** One candidate stopping rule replayed on several runs' histories. */
export interface RuleScore {
  rule: Required<StoppingRule>;
  /** The selected validation AUC per run, in the order of the histories. */
  aucs: number[];
  /** Epochs trained per run. */
  epochsRun: number[];
  meanAuc: number;
  meanEpochs: number;
}

/**
 * The cheapest rule that costs at most `tolerance` of mean selected validation AUC against `incumbent`: every
 * candidate (and the incumbent) is replayed on every history; among those whose mean AUC ≥ the incumbent's −
 * `tolerance`, the fewest mean epochs run wins (ties: the higher mean AUC, then the larger patience, then the
 * larger budget). The incumbent is always eligible, so a choice always exists. The histories must be long
 * enough for every rule (runs trained with patience 0 and at least the largest budget).
 */
export function cheapestRuleWithin(
  histories: readonly { where: string; history: readonly Pick<EpochRecord, 'epoch' | 'val_auc' | 'val_loss'>[] }[],
  candidates: readonly StoppingRule[],
  incumbent: StoppingRule,
  tolerance: number,
): { scores: RuleScore[]; incumbent: RuleScore; chosen: RuleScore } {
  if (histories.length === 0) throw new CfcmlError('no run history to replay the stopping rules on');
  const score = (r: StoppingRule): RuleScore => {
    const rule = { epochs: r.epochs, patience: r.patience, minEpochs: r.minEpochs ?? 0 };
    const rep = histories.map((h) => replayEarlyStopping(h.history, rule, h.where));
    const aucs = rep.map((x) => x.selected.auc);
    const epochsRun = rep.map((x) => x.epochsRun);
    const avg = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    return { rule, aucs, epochsRun, meanAuc: avg(aucs), meanEpochs: avg(epochsRun) };
  };
  const inc = score(incumbent);
  const scores = candidates.map(score);
  const floor = inc.meanAuc - tolerance;
  const cheaper = (a: RuleScore, b: RuleScore): boolean =>
    b.meanEpochs !== a.meanEpochs
      ? b.meanEpochs < a.meanEpochs
      : b.meanAuc !== a.meanAuc
        ? b.meanAuc > a.meanAuc
        : b.rule.patience !== a.rule.patience
          ? b.rule.patience > a.rule.patience
          : b.rule.epochs > a.rule.epochs;
  // A tiny slack absorbs the rounding of the two means; it cannot admit a rule a real 1e-12 below the floor.
  const chosen = scores.filter((s) => s.meanAuc >= floor - 1e-12).reduce((a, b) => (cheaper(a, b) ? b : a), inc);
  return { scores, incumbent: inc, chosen };
}
