"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replayEarlyStopping = exports.isEarlyStop = exports.shouldStop = exports.isImprovement = void 0;
const errors_1 = require("../util/errors");
/** The selection criterion: higher validation AUC, ties broken by the lower validation loss. */
function isImprovement(best, auc, loss) {
    return best === null || auc > best.auc || (auc === best.auc && loss < best.loss);
}
exports.isImprovement = isImprovement;
/** Whether the run stops after `epochsRun` epochs, `sinceBest` of them without an improvement. */
function shouldStop(epochsRun, sinceBest, rule) {
    if (epochsRun >= rule.epochs)
        return true;
    return isEarlyStop(epochsRun, sinceBest, rule);
}
exports.shouldStop = shouldStop;
/** Whether the stop is an early one (patience exhausted past the minimum), not the end of the budget. */
function isEarlyStop(epochsRun, sinceBest, rule) {
    return rule.patience > 0 && sinceBest >= rule.patience && epochsRun >= (rule.minEpochs ?? 0) && epochsRun < rule.epochs;
}
exports.isEarlyStop = isEarlyStop;
/**
 * Replay the trainer's selection and stopping on `history` (a run's history.csv rows, epochs 1, 2, …) under
 * `rule`. The history must reach the epoch where the rule stops: a history that ends first (a shorter run, or
 * one that stopped early itself) is refused, since what comes after is unknown.
 */
function replayEarlyStopping(history, rule, where = 'history') {
    let best = null;
    let sinceBest = 0;
    for (let i = 0; i < history.length; i++) {
        const r = history[i];
        if (r.epoch !== i + 1)
            throw new errors_1.CfcmlError(`${where}: row ${i + 1} is epoch ${r.epoch}; expected epoch ${i + 1} (epochs in order, none missing)`);
        if (!Number.isFinite(r.val_auc) || !Number.isFinite(r.val_loss)) {
            throw new errors_1.CfcmlError(`${where}: epoch ${r.epoch} has val_auc ${r.val_auc}, val_loss ${r.val_loss}; expected finite numbers`);
        }
        if (isImprovement(best, r.val_auc, r.val_loss)) {
            best = { epoch: r.epoch, auc: r.val_auc, loss: r.val_loss };
            sinceBest = 0;
        }
        else
            sinceBest += 1;
        if (best && shouldStop(r.epoch, sinceBest, rule)) {
            return { selected: best, epochsRun: r.epoch, early: isEarlyStop(r.epoch, sinceBest, rule) };
        }
    }
    throw new errors_1.CfcmlError(`${where}: ${history.length} epochs recorded, but the rule (epochs ${rule.epochs}, patience ${rule.patience}, ` +
        `minEpochs ${rule.minEpochs ?? 0}) has not stopped by then; replay needs a run trained at least as long (patience 0)`);
}
exports.replayEarlyStopping = replayEarlyStopping;
//# sourceMappingURL=earlyStopping.js.map