/**
 * The Derm7pt cpu preset's learning rate and stopping rule, chosen on VALIDATION (docs/TUNING.md: the
 * learning rate and stopping rule of the Derm7pt `cpu` preset). Reads the budget sweep (scripts/records/tuning/
 * budget.json: 40 epochs each, no early stopping), replays every candidate stopping rule on the runs'
 * histories (lib/train/earlyStopping.ts: exact, since nothing in training depends on the rule), and applies
 * the decision rules written before the runs: the candidates, the incumbent and the threshold below.
 *   node dist/scripts/records/stoppingRules.js runs/budget [--markdown] [--json out.json]
 */
import { replayEarlyStopping } from '../../lib';
import { mean, sd } from '../../lib/experiments/stats';
import type { ReplayResult, StoppingRule } from '../../lib/train/earlyStopping';
import { writeJsonAtomic } from '../../lib/util/fs';
import { f3, finishedRuns, printTable, runMain, type FinishedRun, type Row } from './runs';

/** The incumbent when the runs were made: lr 5e-4, epochs 30, patience 10. */
const CURRENT = { lr: 5e-4, rule: { epochs: 30, patience: 10, minEpochs: 0 } };
/** A candidate is adopted only if it beats the incumbent by at least this much (mean validation AUC). */
const THRESHOLD = 0.005;
const STOP_VARIANTS = ['full', 'late-fusion', 'image-only'];
const RULES: Required<StoppingRule>[] = [];
for (const epochs of [30, 40]) for (const patience of [10, 15]) for (const minEpochs of [0, 15]) RULES.push({ epochs, patience, minEpochs });

const ruleName = (r: Required<StoppingRule>) => `epochs ${r.epochs}, patience ${r.patience}, minEpochs ${r.minEpochs}`;
const ms = (a: number[]) => `${f3(mean(a))} ± ${f3(sd(a))}`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;

function main(argv: string[]): number {
  const root = argv.find((a) => !a.startsWith('--') && !argv[argv.indexOf(a) - 1]?.startsWith('--json'));
  if (!root) {
    console.error('usage: node dist/scripts/records/stoppingRules.js <runs/budget> [--markdown] [--json <file>]');
    return 2;
  }
  const md = argv.includes('--markdown');
  const runs = finishedRuns(root);
  for (const r of runs) {
    if (r.options.train.patience !== 0) throw new Error(`${r.run.id}: trained with patience ${r.options.train.patience}; the replay needs patience 0`);
  }
  const select = (variant: string, lr: number) => runs.filter((r) => r.run.variant === variant && r.options.train.lr === lr);
  const replay = (rs: FinishedRun[], rule: StoppingRule): ReplayResult[] => rs.map((r) => replayEarlyStopping(r.history, rule, `${r.dir}/history.csv`));
  const decision: Record<string, unknown> = {};

  // The learning rate, for `full`, under the incumbent stopping rule.
  const lrs = [...new Set(runs.filter((r) => r.run.variant === 'full').map((r) => r.options.train.lr))].sort((a, b) => a - b);
  const byLr = lrs.map((lr) => {
    const rs = select('full', lr);
    const rep = replay(rs, CURRENT.rule);
    return { lr, seeds: rs.map((r) => r.run.seed), aucs: rep.map((x) => x.selected.auc), epochs: rep.map((x) => `${x.selected.epoch}/${x.epochsRun}`) };
  });
  const lrRows: Row[] = byLr.map((x) => ({ lr: x.lr, seeds: x.seeds.join(','), 'valid AUC (selected)': ms(x.aucs), 'selected / run epochs': x.epochs.join(' ') }));
  printTable(lrRows, md, `Learning rate: full, ${ruleName(CURRENT.rule)}, tuning seeds (validation AUC, mean ± sd)`);
  const cur = byLr.find((x) => x.lr === CURRENT.lr);
  if (cur) {
    const complete = byLr.filter((x) => x.seeds.length === cur.seeds.length);
    const best = complete.reduce((a, b) => (mean(b.aucs) > mean(a.aucs) ? b : a), cur);
    const gain = mean(best.aucs) - mean(cur.aucs);
    decision.lr = { chosen: best.lr !== CURRENT.lr && gain >= THRESHOLD ? best.lr : CURRENT.lr, best: best.lr, gain };
  }

  // The stopping rule, at the incumbent lr: score = mean over STOP_VARIANTS of the mean selected AUC.
  const stopping = RULES.map((rule) => {
    const per: Record<string, number> = {};
    const epochsRun: number[] = [];
    for (const v of STOP_VARIANTS) {
      const rs = select(v, CURRENT.lr);
      if (!rs.length) continue;
      const rep = replay(rs, rule);
      per[v] = mean(rep.map((x) => x.selected.auc));
      epochsRun.push(...rep.map((x) => x.epochsRun));
    }
    const complete = STOP_VARIANTS.every((v) => v in per);
    return { rule, per, score: complete ? mean(STOP_VARIANTS.map((v) => per[v])) : NaN, meanEpochs: mean(epochsRun) };
  });
  const stopRows: Row[] = stopping.map((s) => ({
    rule: ruleName(s.rule),
    ...Object.fromEntries(STOP_VARIANTS.map((v) => [v, f3(s.per[v])])),
    score: f3(s.score),
    'mean epochs run': s.meanEpochs.toFixed(1),
  }));
  printTable(stopRows, md, `Stopping rule: lr ${CURRENT.lr}, validation AUC of the selected epoch (mean over tuning seeds), score = mean over ${STOP_VARIANTS.join(', ')}`);
  const curStop = stopping.find((s) => ruleName(s.rule) === ruleName(CURRENT.rule));
  if (curStop && Number.isFinite(curStop.score)) {
    const better = (a: (typeof stopping)[number], b: (typeof stopping)[number]) =>
      b.score > a.score + 1e-12 || (Math.abs(b.score - a.score) <= 1e-12 && b.meanEpochs < a.meanEpochs) ? b : a;
    const best = stopping.reduce(better, curStop);
    const gain = best.score - curStop.score;
    decision.stopping = { chosen: best !== curStop && gain >= THRESHOLD ? best.rule : CURRENT.rule, best: best.rule, gain };
  }

  console.log('\nDecision (rules of docs/TUNING.md):');
  const dl = decision.lr as { chosen: number; best: number; gain: number } | undefined;
  console.log(dl ? `- lr: best ${dl.best} (${signed(dl.gain)} over ${CURRENT.lr}) → ${dl.chosen === CURRENT.lr ? 'keep' : 'adopt'} ${dl.chosen} (threshold ${THRESHOLD})` : '- lr: not decidable yet (runs missing)');
  const ds = decision.stopping as { chosen: Required<StoppingRule>; best: Required<StoppingRule>; gain: number } | undefined;
  console.log(ds ? `- stopping: best ${ruleName(ds.best)} (${signed(ds.gain)}) → ${ds.chosen === CURRENT.rule ? 'keep' : 'adopt'} ${ruleName(ds.chosen)}` : '- stopping: not decidable yet (runs missing)');
  const jsonAt = argv.indexOf('--json');
  if (jsonAt >= 0) writeJsonAtomic(argv[jsonAt + 1], { lr: byLr, stopping, decision });
  return 0;
}

if (require.main === module) runMain('stoppingRules', main);
