#!/usr/bin/env node
/**
 * The cpu preset's learning rate and stopping rule, chosen on VALIDATION (docs/TUNING.md, "Learning rate and
 * stopping rule"). Reads the runs of scripts/tune_budget.sh (40 epochs each, no early stopping; directories
 * `<variant>-lr<lr>-s<seed>`), replays every candidate stopping rule on their histories
 * (lib/train/earlyStopping.ts), and applies the decision rules written before the runs.
 *   node scripts/tune_budget_summary.js runs/budget [--check runs/tune] [--markdown] [--json out.json]
 * --check <dir>: earlier runs trained with the preset's own stopping rule (`norm-s<seed>`, lr 5e-4, 30 epochs,
 * patience 10); the replay of the same rule on the long runs must select the same epoch with the same AUC.
 */
const fs = require('fs');
const path = require('path');
const { RunDirectory } = require('../dist/lib/run/runDirectory');
const { mean, sd } = require('../dist/lib/experiments/stats');
const { replayEarlyStopping } = require('../dist/lib/train/earlyStopping');

const args = process.argv.slice(2);
const root = args[0];
if (!root || root.startsWith('--')) {
  console.error('usage: node scripts/tune_budget_summary.js <runs/budget> [--check <runs/tune>] [--markdown] [--json <file>]');
  process.exit(2);
}
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const md = args.includes('--markdown');

// The pre-registered candidates and thresholds (docs/TUNING.md).
const CURRENT = { lr: '5e-4', rule: { epochs: 30, patience: 10, minEpochs: 0 } };
const RULES = [];
for (const epochs of [30, 40]) for (const patience of [10, 15]) for (const minEpochs of [0, 15]) RULES.push({ epochs, patience, minEpochs });
const THRESHOLD = 0.005;
const STOP_VARIANTS = ['full', 'late-fusion', 'image-only'];

const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const ms = (a) => `${f3(mean(a))} ± ${f3(sd(a))}`;
const ruleName = (r) => `epochs ${r.epochs}, patience ${r.patience}, minEpochs ${r.minEpochs}`;

// Runs: `<variant>-lr<lr>-s<seed>` → history.
const runs = [];
for (const name of fs.readdirSync(root).sort()) {
  const m = /^(.+)-lr([0-9.e-]+)-s(\d+)$/.exec(name);
  if (!m) continue;
  const run = new RunDirectory(path.join(root, name));
  if (run.state() !== 'done') continue;
  const cfg = run.readOptions();
  if (cfg.train.patience !== 0) throw new Error(`${name}: trained with patience ${cfg.train.patience}; the replay needs patience 0`);
  runs.push({ name, variant: m[1], lr: m[2], seed: Number(m[3]), history: run.readHistory(), where: path.join(root, name, 'history.csv') });
}
if (!runs.length) {
  console.error(`${root}: no finished runs named <variant>-lr<lr>-s<seed>`);
  process.exit(1);
}
const select = (variant, lr) => runs.filter((r) => r.variant === variant && r.lr === lr);
const replayAll = (rs, rule) => rs.map((r) => replayEarlyStopping(r.history, rule, r.where));

const out = { check: [], lr: [], stopping: [], decision: {} };
const print = (title, rows) => {
  console.log(`\n${md ? '**' + title + '**' : title}\n`);
  if (!rows.length) return console.log('(no runs)');
  const cols = Object.keys(rows[0]);
  if (md) {
    console.log(`| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`);
    for (const r of rows) console.log(`| ${cols.map((c) => r[c]).join(' | ')} |`);
  } else console.table(rows);
};

// 1. The replay check against runs trained with the preset's own stopping rule.
const checkDir = opt('--check');
if (checkDir) {
  const rows = [];
  for (const r of select('full', CURRENT.lr)) {
    const earlier = new RunDirectory(path.join(checkDir, `norm-s${r.seed}`));
    if (earlier.state() !== 'done') continue;
    const m = earlier.readMetrics();
    const rep = replayEarlyStopping(r.history, CURRENT.rule, r.where);
    const same = rep.selected.epoch === m.bestEpoch && rep.epochsRun === m.epochs && rep.selected.auc === m.valid.auc;
    rows.push({ seed: r.seed, 'trained: selected/run epochs': `${m.bestEpoch}/${m.epochs}`, 'trained: valid AUC': m.valid.auc.toFixed(6), 'replayed: selected/run epochs': `${rep.selected.epoch}/${rep.epochsRun}`, 'replayed: valid AUC': rep.selected.auc.toFixed(6), identical: same ? 'yes' : 'NO' });
    out.check.push({ seed: r.seed, trained: { bestEpoch: m.bestEpoch, epochs: m.epochs, auc: m.valid.auc }, replayed: rep, identical: same });
  }
  print(`Replay check: ${ruleName(CURRENT.rule)} on the 40-epoch runs vs the runs trained with it (${checkDir})`, rows);
}

// 2. Learning rate, for `full`, under the current stopping rule.
const lrs = [...new Set(select('full', CURRENT.lr).length ? runs.filter((r) => r.variant === 'full').map((r) => r.lr) : [])];
const lrRows = [];
for (const lr of lrs.sort((a, b) => Number(a) - Number(b))) {
  const rs = select('full', lr);
  const rep = replayAll(rs, CURRENT.rule);
  const aucs = rep.map((x) => x.selected.auc);
  out.lr.push({ lr, seeds: rs.map((r) => r.seed), aucs, meanAuc: mean(aucs) });
  lrRows.push({ lr, seeds: rs.map((r) => r.seed).join(','), 'valid AUC (selected)': ms(aucs), 'selected / run epochs': rep.map((x) => `${x.selected.epoch}/${x.epochsRun}`).join(' ') });
}
print(`Learning rate: full, ${ruleName(CURRENT.rule)}, tuning seeds (validation AUC, mean ± sd)`, lrRows);
const cur = out.lr.find((x) => x.lr === CURRENT.lr);
if (cur) {
  const complete = out.lr.filter((x) => x.seeds.length === cur.seeds.length);
  const best = complete.reduce((a, b) => (b.meanAuc > a.meanAuc ? b : a), cur);
  const adopt = best.lr !== CURRENT.lr && best.meanAuc - cur.meanAuc >= THRESHOLD;
  out.decision.lr = { chosen: adopt ? best.lr : CURRENT.lr, best: best.lr, gain: best.meanAuc - cur.meanAuc, candidates: complete.map((x) => x.lr) };
}

// 3. Stopping rule, at the preset's lr: score = mean over full, late-fusion, image-only of the mean selected AUC.
const stopRows = [];
for (const rule of RULES) {
  const per = {};
  const epochsRun = [];
  for (const v of STOP_VARIANTS) {
    const rs = select(v, CURRENT.lr);
    if (!rs.length) continue;
    const rep = replayAll(rs, rule);
    per[v] = mean(rep.map((x) => x.selected.auc));
    epochsRun.push(...rep.map((x) => x.epochsRun));
  }
  const have = STOP_VARIANTS.filter((v) => v in per);
  const score = have.length === STOP_VARIANTS.length ? mean(have.map((v) => per[v])) : NaN;
  out.stopping.push({ rule, per, score, meanEpochs: mean(epochsRun) });
  stopRows.push({ rule: ruleName(rule), ...Object.fromEntries(STOP_VARIANTS.map((v) => [v, f3(per[v])])), score: f3(score), 'mean epochs run': mean(epochsRun).toFixed(1) });
}
print(`Stopping rule: lr ${CURRENT.lr}, validation AUC of the selected epoch (mean over tuning seeds), score = mean over ${STOP_VARIANTS.join(', ')}`, stopRows);
const curStop = out.stopping.find((s) => ruleName(s.rule) === ruleName(CURRENT.rule));
if (curStop && Number.isFinite(curStop.score)) {
  const best = out.stopping.reduce((a, b) => (b.score > a.score + 1e-12 || (Math.abs(b.score - a.score) <= 1e-12 && b.meanEpochs < a.meanEpochs) ? b : a), curStop);
  const adopt = best !== curStop && best.score - curStop.score >= THRESHOLD;
  out.decision.stopping = { chosen: adopt ? best.rule : CURRENT.rule, best: best.rule, gain: best.score - curStop.score };
}

console.log('\nDecision (rules of docs/TUNING.md):');
if (out.decision.lr) {
  const d = out.decision.lr;
  console.log(`- lr: best ${d.best} (${d.gain >= 0 ? '+' : ''}${d.gain.toFixed(4)} over ${CURRENT.lr}) → ${d.chosen === CURRENT.lr ? `keep ${CURRENT.lr}` : `adopt ${d.chosen}`} (threshold ${THRESHOLD})`);
} else console.log('- lr: not decidable yet (runs missing)');
if (out.decision.stopping) {
  const d = out.decision.stopping;
  console.log(`- stopping: best ${ruleName(d.best)} (${d.gain >= 0 ? '+' : ''}${d.gain.toFixed(4)}) → ${ruleName(d.chosen) === ruleName(CURRENT.rule) ? 'keep ' : 'adopt '}${ruleName(d.chosen)}`);
} else console.log('- stopping: not decidable yet (runs missing)');
const jsonOut = opt('--json');
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(out, null, 2) + '\n');
