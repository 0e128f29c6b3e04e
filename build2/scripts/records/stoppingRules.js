"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The Derm7pt cpu preset's learning rate and stopping rule, chosen on VALIDATION (docs/TUNING.md: the
 * learning rate and stopping rule of the Derm7pt `cpu` preset). Reads the budget sweep (scripts/records/tuning/
 * budget.json: 40 epochs each, no early stopping), replays every candidate stopping rule on the runs'
 * histories (lib/train/earlyStopping.ts: exact, since nothing in training depends on the rule), and applies
 * the decision rules written before the runs: the candidates, the incumbent and the threshold below.
 *   node dist/scripts/records/stoppingRules.js runs/budget [--markdown] [--json out.json]
 */
const lib_1 = require("../../lib");
const stats_1 = require("../../lib/experiments/stats");
const fs_1 = require("../../lib/util/fs");
const runs_1 = require("./runs");
/** The incumbent when the runs were made: lr 5e-4, epochs 30, patience 10. */
const CURRENT = { lr: 5e-4, rule: { epochs: 30, patience: 10, minEpochs: 0 } };
/** A candidate is adopted only if it beats the incumbent by at least this much (mean validation AUC). */
const THRESHOLD = 0.005;
const STOP_VARIANTS = ['full', 'late-fusion', 'image-only'];
const RULES = [];
for (const epochs of [30, 40])
    for (const patience of [10, 15])
        for (const minEpochs of [0, 15])
            RULES.push({ epochs, patience, minEpochs });
const ruleName = (r) => `epochs ${r.epochs}, patience ${r.patience}, minEpochs ${r.minEpochs}`;
const ms = (a) => `${(0, runs_1.f3)((0, stats_1.mean)(a))} ± ${(0, runs_1.f3)((0, stats_1.sd)(a))}`;
const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
function main(argv) {
    const root = argv.find((a) => !a.startsWith('--') && !argv[argv.indexOf(a) - 1]?.startsWith('--json'));
    if (!root) {
        console.error('usage: node dist/scripts/records/stoppingRules.js <runs/budget> [--markdown] [--json <file>]');
        return 2;
    }
    const md = argv.includes('--markdown');
    const runs = (0, runs_1.finishedRuns)(root);
    for (const r of runs) {
        if (r.options.train.patience !== 0)
            throw new Error(`${r.run.id}: trained with patience ${r.options.train.patience}; the replay needs patience 0`);
    }
    const select = (variant, lr) => runs.filter((r) => r.run.variant === variant && r.options.train.lr === lr);
    const replay = (rs, rule) => rs.map((r) => (0, lib_1.replayEarlyStopping)(r.history, rule, `${r.dir}/history.csv`));
    const decision = {};
    // The learning rate, for `full`, under the incumbent stopping rule.
    const lrs = [...new Set(runs.filter((r) => r.run.variant === 'full').map((r) => r.options.train.lr))].sort((a, b) => a - b);
    const byLr = lrs.map((lr) => {
        const rs = select('full', lr);
        const rep = replay(rs, CURRENT.rule);
        return { lr, seeds: rs.map((r) => r.run.seed), aucs: rep.map((x) => x.selected.auc), epochs: rep.map((x) => `${x.selected.epoch}/${x.epochsRun}`) };
    });
    const lrRows = byLr.map((x) => ({ lr: x.lr, seeds: x.seeds.join(','), 'valid AUC (selected)': ms(x.aucs), 'selected / run epochs': x.epochs.join(' ') }));
    (0, runs_1.printTable)(lrRows, md, `Learning rate: full, ${ruleName(CURRENT.rule)}, tuning seeds (validation AUC, mean ± sd)`);
    const cur = byLr.find((x) => x.lr === CURRENT.lr);
    if (cur) {
        const complete = byLr.filter((x) => x.seeds.length === cur.seeds.length);
        const best = complete.reduce((a, b) => ((0, stats_1.mean)(b.aucs) > (0, stats_1.mean)(a.aucs) ? b : a), cur);
        const gain = (0, stats_1.mean)(best.aucs) - (0, stats_1.mean)(cur.aucs);
        decision.lr = { chosen: best.lr !== CURRENT.lr && gain >= THRESHOLD ? best.lr : CURRENT.lr, best: best.lr, gain };
    }
    // The stopping rule, at the incumbent lr: score = mean over STOP_VARIANTS of the mean selected AUC.
    const stopping = RULES.map((rule) => {
        const per = {};
        const epochsRun = [];
        for (const v of STOP_VARIANTS) {
            const rs = select(v, CURRENT.lr);
            if (!rs.length)
                continue;
            const rep = replay(rs, rule);
            per[v] = (0, stats_1.mean)(rep.map((x) => x.selected.auc));
            epochsRun.push(...rep.map((x) => x.epochsRun));
        }
        const complete = STOP_VARIANTS.every((v) => v in per);
        return { rule, per, score: complete ? (0, stats_1.mean)(STOP_VARIANTS.map((v) => per[v])) : NaN, meanEpochs: (0, stats_1.mean)(epochsRun) };
    });
    const stopRows = stopping.map((s) => ({
        rule: ruleName(s.rule),
        ...Object.fromEntries(STOP_VARIANTS.map((v) => [v, (0, runs_1.f3)(s.per[v])])),
        score: (0, runs_1.f3)(s.score),
        'mean epochs run': s.meanEpochs.toFixed(1),
    }));
    (0, runs_1.printTable)(stopRows, md, `Stopping rule: lr ${CURRENT.lr}, validation AUC of the selected epoch (mean over tuning seeds), score = mean over ${STOP_VARIANTS.join(', ')}`);
    const curStop = stopping.find((s) => ruleName(s.rule) === ruleName(CURRENT.rule));
    if (curStop && Number.isFinite(curStop.score)) {
        const better = (a, b) => b.score > a.score + 1e-12 || (Math.abs(b.score - a.score) <= 1e-12 && b.meanEpochs < a.meanEpochs) ? b : a;
        const best = stopping.reduce(better, curStop);
        const gain = best.score - curStop.score;
        decision.stopping = { chosen: best !== curStop && gain >= THRESHOLD ? best.rule : CURRENT.rule, best: best.rule, gain };
    }
    console.log('\nDecision (rules of docs/TUNING.md):');
    const dl = decision.lr;
    console.log(dl ? `- lr: best ${dl.best} (${signed(dl.gain)} over ${CURRENT.lr}) → ${dl.chosen === CURRENT.lr ? 'keep' : 'adopt'} ${dl.chosen} (threshold ${THRESHOLD})` : '- lr: not decidable yet (runs missing)');
    const ds = decision.stopping;
    console.log(ds ? `- stopping: best ${ruleName(ds.best)} (${signed(ds.gain)}) → ${ds.chosen === CURRENT.rule ? 'keep' : 'adopt'} ${ruleName(ds.chosen)}` : '- stopping: not decidable yet (runs missing)');
    const jsonAt = argv.indexOf('--json');
    if (jsonAt >= 0)
        (0, fs_1.writeJsonAtomic)(argv[jsonAt + 1], { lr: byLr, stopping, decision });
    return 0;
}
if (require.main === module)
    (0, runs_1.runMain)('stoppingRules', main);
//# sourceMappingURL=stoppingRules.js.map