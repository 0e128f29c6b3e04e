/**
 * The main job's (`npm start`) stopping rule, chosen on VALIDATION (docs/TUNING.md: the main job's budget).
 * Reads the sweep of scripts/records/tuning/main-budget.json (`full`, 40 epochs, no early stopping, tuning seeds),
 * replays every candidate rule on the runs' histories and applies the rule written before the runs: the
 * cheapest candidate within TOLERANCE of the preset's rule (`cheapestRuleWithin`, lib/train/earlyStopping.ts).
 *   node dist/scripts/records/mainBudget.js runs/main-budget [--markdown]
 */
import { cheapestRuleWithin, type RuleScore, type StoppingRule } from '../../lib';
import { CfcmlError } from '../../lib/util/errors';
import { f3, finishedRuns, printTable, runMain } from './runs';

/** The `cpu` preset's rule, which the main job used before. */
const INCUMBENT: StoppingRule = { epochs: 40, patience: 15 };
const TOLERANCE = 0.005;
const CANDIDATES: StoppingRule[] = [];
for (const epochs of [20, 25, 30, 35, 40]) for (const patience of [5, 8, 10, 15]) CANDIDATES.push({ epochs, patience });

const name = (r: StoppingRule) => `epochs ${r.epochs}, patience ${r.patience}`;

function main(argv: string[]): number {
  const root = argv.find((a) => !a.startsWith('--'));
  if (!root) {
    console.error('usage: node dist/scripts/records/mainBudget.js <runs/main-budget> [--markdown]');
    return 2;
  }
  const runs = finishedRuns(root);
  for (const r of runs) {
    if (r.options.train.patience !== 0) throw new CfcmlError(`trained with patience ${r.options.train.patience}; the replay needs patience 0`, { where: r.dir });
    if (r.run.variant !== 'full') throw new CfcmlError(`variant ${r.run.variant}; the main job trains full`, { where: r.dir });
  }
  const seeds = runs.map((r) => r.run.seed);
  const { scores, incumbent, chosen } = cheapestRuleWithin(
    runs.map((r) => ({ where: `${r.dir}/history.csv`, history: r.history })),
    CANDIDATES,
    INCUMBENT,
    TOLERANCE,
  );
  const row = (s: RuleScore) => ({
    rule: name(s.rule),
    'valid AUC (selected), mean': f3(s.meanAuc),
    'Δ vs preset': (s.meanAuc - incumbent.meanAuc).toFixed(4),
    'epochs run, mean': s.meanEpochs.toFixed(1),
    'epochs run per seed': s.aucs.map((_, i) => `${seeds[i]}: ${s.epochsRun[i]}`).join(' '),
  });
  const md = argv.includes('--markdown');
  printTable([row(incumbent)], md, `The preset's rule on full, tuning seeds ${seeds.join(', ')} (validation)`);
  printTable(scores.map(row), md, `Candidates (eligible: mean ≥ ${f3(incumbent.meanAuc - TOLERANCE)})`);
  console.log(`\nDecision: ${name(chosen.rule)} (mean validation AUC ${f3(chosen.meanAuc)}, ${chosen.meanEpochs.toFixed(1)} epochs on average, against ${incumbent.meanEpochs.toFixed(1)})`);
  return 0;
}

if (require.main === module) runMain('mainBudget', main);
