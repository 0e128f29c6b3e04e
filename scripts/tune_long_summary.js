#!/usr/bin/env node
/**
 * Summary of scripts/tune_long.sh (validation only): per run, validation AUC at a few epochs, the best
 * validation AUC and its epoch, the training CE at the same epochs, against the cohort's validation oracle.
 *   node scripts/tune_long_summary.js runs/long [--markdown]
 */
const fs = require('fs');
const path = require('path');
const dir = process.argv[2] || 'runs/long';
const markdown = process.argv.includes('--markdown');
const cohort = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data', 'synthetic', 'derm7pt', 'cohort.json'), 'utf8'));
const oracle = cohort.oracleAuc.valid;
const at = [10, 20, 40, 60, 80, 100, 120];
const rows = [];
for (const name of fs.readdirSync(dir).filter((f) => fs.existsSync(path.join(dir, f, 'history.json'))).sort()) {
  const h = JSON.parse(fs.readFileSync(path.join(dir, name, 'history.json'), 'utf8'));
  const best = h.reduce((b, r) => (r.val_auc > b.val_auc ? r : b), h[0]);
  const best40 = h.slice(0, 40).reduce((b, r) => (r.val_auc > b.val_auc ? r : b), h[0]);
  const pick = (e, k) => (h[e - 1] ? h[e - 1][k].toFixed(3) : '–');
  rows.push({
    run: name,
    epochs: h.length,
    valAuc: at.map((e) => pick(e, 'val_auc')),
    ce: at.map((e) => pick(e, 'ce')),
    best: `${best.val_auc.toFixed(3)} (epoch ${best.epoch})`,
    best40: `${best40.val_auc.toFixed(3)} (epoch ${best40.epoch})`,
  });
}
const head = ['run', 'epochs', ...at.map((e) => `val AUC @${e}`), 'best ≤ 40', 'best ≤ 120', ...at.map((e) => `train CE @${e}`)];
const lines = rows.map((r) => [r.run, r.epochs, ...r.valAuc, r.best40, r.best, ...r.ce]);
if (markdown) {
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
} else {
  for (const l of lines) console.log(l.map((x, i) => `${head[i]}=${x}`).join('  '));
}
console.log(`${markdown ? '\n' : ''}validation oracle: joint ${oracle.joint.toFixed(3)}, additive ${oracle.additive.toFixed(3)}, record alone ${oracle.tabular.toFixed(3)}, image alone ${oracle.image.toFixed(3)}`);
