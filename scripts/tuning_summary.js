#!/usr/bin/env node
/**
 * Summarise tuning runs on the VALIDATION split only (issue #10/#11 protocol: tuning seeds 101-103, never the
 * reported seeds): runs are grouped by what differs in their resolved configuration (variant, preset fields),
 * and each group gets the selected epoch's validation AUC (mean ± sd over seeds), the mean validation AUC over
 * every epoch after the first three (less optimistic than a maximum over epochs), and the selected epochs.
 *   node scripts/tuning_summary.js <folder holding run directories> [--markdown]
 */
const fs = require('fs');
const path = require('path');
const { RunDirectory } = require('../dist/lib/run/runDirectory');
const { mean, sd } = require('../dist/lib/experiments/stats');

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/tuning_summary.js <folder of run directories> [--markdown]');
  process.exit(2);
}
const groups = new Map();
for (const name of fs.readdirSync(root).sort()) {
  const dir = path.join(root, name);
  const run = new RunDirectory(dir);
  if (run.state() !== 'done') continue;
  const metrics = run.readMetrics();
  const cfg = run.readOptions();
  const t = cfg.train;
  const key = `${cfg.dataset} ${cfg.variant} tokenNorm=${!!t.model.tokenNorm} hrmWarmupEpochs=${t.hrmWarmupEpochs ?? 0}`;
  const h = run.readHistory();
  const later = h.slice(3).map((r) => r.val_auc);
  const g = groups.get(key) ?? { key, seeds: [], best: [], later: [], epochs: [] };
  g.seeds.push(cfg.seed);
  g.best.push(metrics.valid.auc ?? metrics.valid.macro_auc);
  g.later.push(later.length ? mean(later) : NaN);
  g.epochs.push(`${metrics.bestEpoch}/${metrics.epochs}`);
  groups.set(key, g);
}
const f = (a) => `${mean(a).toFixed(3)} ± ${Number.isFinite(sd(a)) ? sd(a).toFixed(3) : '–'}`;
const rows = [...groups.values()].map((g) => ({
  config: g.key,
  seeds: g.seeds.join(','),
  'valid AUC (selected epoch)': f(g.best),
  'valid AUC (mean over epochs 4+)': f(g.later),
  'selected / run epochs': g.epochs.join(' '),
}));
if (process.argv.includes('--markdown')) {
  const cols = Object.keys(rows[0] ?? {});
  console.log(`| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`);
} else console.table(rows);
