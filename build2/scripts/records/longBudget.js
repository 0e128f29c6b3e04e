"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The long-budget diagnostic (docs/TUNING.md: is the distance to the oracle a budget problem? Validation
 * only, chooses nothing): per run of the sweep of scripts/records/tuning/long.json, the validation AUC and the
 * training cross-entropy at a few epochs, the best validation AUC within the preset's 40 epochs and within
 * all of them, against the cohort's validation oracle (`cohort.json` of the sweep's cohort).
 *   node dist/scripts/records/longBudget.js runs/long [--markdown]
 */
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const lib_1 = require("../../lib");
const errors_1 = require("../../lib/util/errors");
const runs_1 = require("./runs");
const AT = [10, 20, 40, 60, 80, 100, 120];
function best(h) {
    const b = h.reduce((x, r) => (r.val_auc > x.val_auc ? r : x), h[0]);
    return `${b.val_auc.toFixed(3)} (epoch ${b.epoch})`;
}
function main(argv) {
    const root = argv.find((a) => !a.startsWith('--'));
    if (!root) {
        console.error('usage: node dist/scripts/records/longBudget.js <runs/long> [--markdown]');
        return 2;
    }
    const md = argv.includes('--markdown');
    const rows = (0, runs_1.finishedRuns)(root).map(({ run, history: h }) => {
        const pick = (e, k) => (h[e - 1] ? h[e - 1][k].toFixed(3) : '–');
        return {
            run: run.id,
            epochs: h.length,
            ...Object.fromEntries(AT.map((e) => [`val AUC @${e}`, pick(e, 'val_auc')])),
            'best ≤ 40': best(h.slice(0, 40)),
            'best, all epochs': best(h),
            ...Object.fromEntries(AT.map((e) => [`train CE @${e}`, pick(e, 'ce')])),
        };
    });
    (0, runs_1.printTable)(rows, md);
    const cohortFile = path.join((0, lib_1.readSweep)(root).data[0], 'cohort.json');
    if (!fs.existsSync(cohortFile))
        throw new errors_1.CfcmlError('no cohort.json: the oracle is unknown', { where: cohortFile });
    const o = JSON.parse(fs.readFileSync(cohortFile, 'utf8')).oracleAuc.valid;
    console.log(`\nvalidation oracle: joint ${o.joint.toFixed(3)}, additive ${o.additive.toFixed(3)}, record alone ${o.tabular.toFixed(3)}, image alone ${o.image.toFixed(3)}`);
    return 0;
}
if (require.main === module)
    (0, runs_1.runMain)('longBudget', main);
//# sourceMappingURL=longBudget.js.map