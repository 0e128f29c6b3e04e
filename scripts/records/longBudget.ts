/**
 * The long-budget diagnostic (docs/TUNING.md: is the distance to the oracle a budget problem? Validation
 * only, chooses nothing): per run of the sweep of scripts/records/tuning/long.json, the validation AUC and the
 * training cross-entropy at a few epochs, the best validation AUC within the preset's 40 epochs and within
 * all of them, against the cohort's validation oracle (`cohort.json` of the sweep's cohort).
 *   node dist/scripts/records/longBudget.js runs/long [--markdown]
 */
import * as fs from 'fs';
import * as path from 'path';
import { readSweep } from '../../lib';
import type { EpochRecord } from '../../lib/train/options';
import { CfcmlError } from '../../lib/util/errors';
import { finishedRuns, printTable, runMain, type Row } from './runs';

const AT = [10, 20, 40, 60, 80, 100, 120];

function best(h: EpochRecord[]): string {
  const b = h.reduce((x, r) => (r.val_auc > x.val_auc ? r : x), h[0]);
  return `${b.val_auc.toFixed(3)} (epoch ${b.epoch})`;
}

function main(argv: string[]): number {
  const root = argv.find((a) => !a.startsWith('--'));
  if (!root) {
    console.error('usage: node dist/scripts/records/longBudget.js <runs/long> [--markdown]');
    return 2;
  }
  const md = argv.includes('--markdown');
  const rows: Row[] = finishedRuns(root).map(({ run, history: h }) => {
    const pick = (e: number, k: 'val_auc' | 'ce') => (h[e - 1] ? h[e - 1][k].toFixed(3) : '–');
    return {
      run: run.id,
      epochs: h.length,
      ...Object.fromEntries(AT.map((e) => [`val AUC @${e}`, pick(e, 'val_auc')])),
      'best ≤ 40': best(h.slice(0, 40)),
      'best, all epochs': best(h),
      ...Object.fromEntries(AT.map((e) => [`train CE @${e}`, pick(e, 'ce')])),
    };
  });
  printTable(rows, md);
  const cohortFile = path.join(readSweep(root).data[0], 'cohort.json');
  if (!fs.existsSync(cohortFile)) throw new CfcmlError('no cohort.json: the oracle is unknown', { where: cohortFile });
  const o = (JSON.parse(fs.readFileSync(cohortFile, 'utf8')) as { oracleAuc: { valid: Record<string, number> } }).oracleAuc.valid;
  console.log(`\nvalidation oracle: joint ${o.joint.toFixed(3)}, additive ${o.additive.toFixed(3)}, record alone ${o.tabular.toFixed(3)}, image alone ${o.image.toFixed(3)}`);
  return 0;
}

if (require.main === module) runMain('longBudget', main);
