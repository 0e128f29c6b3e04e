#!/usr/bin/env node
// `npm run paper`: regenerate every table and figure of the paper from the run directories.
// For each sweep of scripts/paper.json: make its cohort if absent (`cfcml synth`), run `cfcml sweep` (which
// trains only the runs that have not finished: a finished run is never redone, an interrupted one resumes),
// then `cfcml report --figures --gap` into runs/paper/<name>/report/. Prints the wall time of each step.
// Options: --jobs N (default 2: two cores), --only <name>, --no-train (report what exists), --config <json>,
//          --out <dir> (default runs/paper),
//          --archived [dir] (default docs/results): no cohort, no training: report the archived sweep
//          <dir>/<name> of each sweep (`cfcml archive`: runs without checkpoints, with the cohort's oracle) into
//          <out>/<name>/report — every table and figure but the modality-gap ones, which need checkpoints.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const jobs = opt('jobs', '2');
const only = opt('only', null);
const noTrain = argv.includes('--no-train');
const archivedAt = argv.indexOf('--archived');
const archived = archivedAt < 0 ? null : path.resolve(root, argv[archivedAt + 1] && !argv[archivedAt + 1].startsWith('--') ? argv[archivedAt + 1] : path.join('docs', 'results'));
const config = JSON.parse(fs.readFileSync(path.resolve(opt('config', path.join(__dirname, 'paper.json'))), 'utf8'));
const out = path.resolve(opt('out', path.join(root, 'runs', 'paper')));
// CFCML_CLI picks another build of the CLI (the tests use build/, as lib/experiments/sweep.ts cliPath does).
const cli = process.env.CFCML_CLI ? path.resolve(process.env.CFCML_CLI) : path.join(root, 'dist', 'bin', 'cfcml.js');
if (!fs.existsSync(cli)) {
  console.error(`paper: ${cli} is missing: run npm run build first`);
  process.exit(2);
}

function cfcml(args) {
  const t = Date.now();
  console.log(`\n$ cfcml ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
  return { code: r.status === null ? 1 : r.status, seconds: (Date.now() - t) / 1000 };
}

const started = Date.now();
const summary = [];
let worst = 0;
for (const s of config.sweeps) {
  if (only && s.name !== only) continue;
  const data = path.resolve(root, s.data);
  const dir = path.join(out, s.name);
  if (archived) {
    const from = path.join(archived, s.name);
    if (!fs.existsSync(path.join(from, 'sweep.json'))) {
      console.log(`\npaper: no archive of '${s.name}' at ${from}`);
      summary.push(`${s.name}: no archive`);
      worst = Math.max(worst, 1);
      continue;
    }
    const rep = cfcml(['report', from, '--figures', '--out', path.join(dir, 'report')]);
    worst = Math.max(worst, rep.code);
    summary.push(`${s.name}: report of the archive ${from} ${rep.seconds.toFixed(0)}s → ${path.join(dir, 'report')}`);
    continue;
  }
  if (!fs.existsSync(path.join(data, 'meta', 'meta.csv'))) {
    if (!s.synth) {
      console.log(`\npaper: skipping '${s.name}': no cohort at ${data}. ${s.note || ''}`);
      summary.push(`${s.name}: skipped (no cohort)`);
      continue;
    }
    const r = cfcml(['synth', ...s.synth, '--out', data]);
    if (r.code !== 0) {
      summary.push(`${s.name}: cohort generation failed`);
      worst = Math.max(worst, r.code);
      continue;
    }
  }
  let trainSec = 0;
  if (!noTrain) {
    const r = cfcml(['sweep', '--data', data, '--variants', s.variants, '--seeds', s.seeds, '--preset', s.preset, '--out', dir, '--jobs', jobs, ...(s.trainArgs || [])]);
    trainSec = r.seconds;
    if (r.code !== 0) console.log(`paper: some runs of '${s.name}' failed; the report lists them`);
    worst = Math.max(worst, r.code);
  }
  if (!fs.existsSync(path.join(dir, 'sweep.json'))) {
    summary.push(`${s.name}: no sweep yet (run without --no-train)`);
    continue;
  }
  const rep = cfcml(['report', dir, '--figures', '--gap']);
  worst = Math.max(worst, rep.code);
  summary.push(`${s.name}: sweep ${trainSec.toFixed(0)}s, report ${rep.seconds.toFixed(0)}s → ${path.join(dir, 'report')}`);
}
console.log(`\npaper: ${summary.join('\n       ')}`);
console.log(`paper: total wall time ${((Date.now() - started) / 1000).toFixed(0)}s (--jobs ${jobs})`);
process.exit(worst);
