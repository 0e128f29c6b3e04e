"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.learningRateAt = exports.LR_SCHEDULES = void 0;
const errors_1 = require("../util/errors");
exports.LR_SCHEDULES = ['step', 'cosine'];
function learningRateAt(epoch, o) {
    if (epoch < o.warmupEpochs)
        return (o.lr * (epoch + 1)) / o.warmupEpochs;
    const after = epoch - o.warmupEpochs;
    if (o.schedule === 'cosine') {
        const span = (o.epochs ?? 0) - o.warmupEpochs;
        if (!(span > 0))
            throw new errors_1.CfcmlError(`schedule 'cosine' needs epochs (${o.epochs}) greater than warmupEpochs (${o.warmupEpochs})`, { where: 'preset' });
        return (o.lr * (1 + Math.cos((Math.PI * Math.min(after, span)) / span))) / 2;
    }
    const steps = o.stepEvery > 0 ? Math.floor(after / o.stepEvery) : 0;
    return o.lr * Math.pow(o.stepGamma, steps);
}
exports.learningRateAt = learningRateAt;
//# sourceMappingURL=schedule.js.map