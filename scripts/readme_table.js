#!/usr/bin/env node
/**
 * A compact Markdown table of a sweep report for the README: per variant the seeds, test AUC and validation
 * AUC (mean ± sd over seeds), the paired per-seed ΔAUC to full, DeLong's p and Holm's p, then the oracle.
 *   node scripts/readme_table.js runs/ablation/report/report.json
 */
const fs = require('fs');
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/readme_table.js <sweep>/report/report.json');
  process.exit(2);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const f = (s, d = 3) => (s && Number.isFinite(s.mean) ? `${s.mean.toFixed(d)}${Number.isFinite(s.sd) ? ` ± ${s.sd.toFixed(d)}` : ''}` : '–');
const p = (v) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v < 0.001 ? '< 0.001' : v.toFixed(3));
for (const g of r.groups) {
  const best = Math.max(...g.rows.map((row) => row.metrics.auc?.mean ?? -1));
  console.log('| variant | seeds | test AUC | valid AUC | ΔAUC vs full (per seed) | p DeLong | p Holm |');
  console.log('|---|---|---|---|---|---|---|');
  for (const row of g.rows) {
    const auc = row.metrics.auc;
    const cell = auc && auc.mean === best ? `**${f(auc)}**` : f(auc);
    const d = row.diffAuc ? `${row.diffAuc.mean >= 0 ? '+' : '−'}${Math.abs(row.diffAuc.mean).toFixed(3)}${Number.isFinite(row.diffAuc.sd) ? ` ± ${row.diffAuc.sd.toFixed(3)}` : ''}` : '–';
    console.log(`| \`${row.variant}\` | ${row.seeds.join(',')} | ${cell} | ${f(row.validAuc)} | ${d} | ${p(row.delong?.p)} | ${p(row.pHolm)} |`);
  }
  if (g.oracle) {
    const a = g.oracle.auc;
    console.log(`| oracle: all evidence (ceiling) | | ${a.joint?.toFixed(3) ?? '–'} | | | | |`);
    console.log(`| oracle: best additive (late fusion's ceiling) | | ${a.additive?.toFixed(3) ?? '–'} | | | | |`);
  }
}
