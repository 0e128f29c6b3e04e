/**
 * A tuning sweep on the VALIDATION split only (tuning seeds, never the reporting seeds; docs/TUNING.md): per
 * setting and variant, the selected epoch's validation AUC (mean ± sd over seeds), the mean validation AUC
 * over every epoch after the first three (less optimistic than a maximum over epochs), and the selected /
 * run epochs of each seed.
 *   node dist/scripts/records/tuningSummary.js runs/tune [--markdown]      (cfcml sweep --config …/fixes.json)
 */
import { mean, sd } from '../../lib/experiments/stats';
import { CfcmlError } from '../../lib/util/errors';
import { f3, finishedRuns, printTable, runMain, type FinishedRun } from './runs';

/** The validation AUC of a run's selected epoch (the macro AUC for more than two classes). */
function selectedValidAuc(r: FinishedRun): number {
  const v = r.metrics.valid.auc;
  if (typeof v !== 'number') throw new CfcmlError('metrics.json has no validation AUC', { where: r.dir });
  return v;
}

function main(argv: string[]): number {
  const root = argv.find((a) => !a.startsWith('--'));
  if (!root) {
    console.error('usage: node dist/scripts/records/tuningSummary.js <sweep folder> [--markdown]');
    return 2;
  }
  const groups = new Map<string, FinishedRun[]>();
  for (const r of finishedRuns(root)) {
    const key = `${r.run.setting ? `${r.run.setting}: ` : ''}${r.run.variant}${r.run.set ? `, ${r.run.set}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const ms = (a: number[]) => `${f3(mean(a))} ± ${f3(sd(a))}`;
  const rows = [...groups].map(([config, rs]) => ({
    config,
    seeds: rs.map((r) => r.run.seed).join(','),
    'valid AUC (selected epoch)': ms(rs.map(selectedValidAuc)),
    'valid AUC (mean over epochs 4+)': ms(rs.map((r) => mean(r.history.slice(3).map((h) => h.val_auc)))),
    'selected / run epochs': rs.map((r) => `${r.metrics.bestEpoch}/${r.metrics.epochs}`).join(' '),
  }));
  printTable(rows, argv.includes('--markdown'));
  return 0;
}

if (require.main === module) runMain('tuningSummary', main);
