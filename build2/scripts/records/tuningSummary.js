"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * A tuning sweep on the VALIDATION split only (tuning seeds, never the reporting seeds; docs/TUNING.md): per
 * setting and variant, the selected epoch's validation AUC (mean ± sd over seeds), the mean validation AUC
 * over every epoch after the first three (less optimistic than a maximum over epochs), and the selected /
 * run epochs of each seed.
 *   node dist/scripts/records/tuningSummary.js runs/tune [--markdown]      (cfcml sweep --config …/fixes.json)
 */
const stats_1 = require("../../lib/experiments/stats");
const errors_1 = require("../../lib/util/errors");
const runs_1 = require("./runs");
/** The validation AUC of a run's selected epoch (the macro AUC for more than two classes). */
function selectedValidAuc(r) {
    const v = r.metrics.valid.auc;
    if (typeof v !== 'number')
        throw new errors_1.CfcmlError('metrics.json has no validation AUC', { where: r.dir });
    return v;
}
function main(argv) {
    const root = argv.find((a) => !a.startsWith('--'));
    if (!root) {
        console.error('usage: node dist/scripts/records/tuningSummary.js <sweep folder> [--markdown]');
        return 2;
    }
    const groups = new Map();
    for (const r of (0, runs_1.finishedRuns)(root)) {
        const key = `${r.run.setting ? `${r.run.setting}: ` : ''}${r.run.variant}${r.run.set ? `, ${r.run.set}` : ''}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const ms = (a) => `${(0, runs_1.f3)((0, stats_1.mean)(a))} ± ${(0, runs_1.f3)((0, stats_1.sd)(a))}`;
    const rows = [...groups].map(([config, rs]) => ({
        config,
        seeds: rs.map((r) => r.run.seed).join(','),
        'valid AUC (selected epoch)': ms(rs.map(selectedValidAuc)),
        'valid AUC (mean over epochs 4+)': ms(rs.map((r) => (0, stats_1.mean)(r.history.slice(3).map((h) => h.val_auc)))),
        'selected / run epochs': rs.map((r) => `${r.metrics.bestEpoch}/${r.metrics.epochs}`).join(' '),
    }));
    (0, runs_1.printTable)(rows, argv.includes('--markdown'));
    return 0;
}
if (require.main === module)
    (0, runs_1.runMain)('tuningSummary', main);
//# sourceMappingURL=tuningSummary.js.map