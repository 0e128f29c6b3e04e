import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/backend';
import { evalCommand } from '../../lib/cli/commands/eval';
import { synthCommand } from '../../lib/cli/commands/synth';
import { parseArgs } from '../../lib/cli/args';
import { loadDerm7pt } from '../../lib/data';
import { maskCases, parseMaskFields } from '../../lib/data/mask';
import { buildReport, createSweep, robustnessCsv, robustnessCurves } from '../../lib/experiments';
import { VARIANTS } from '../../lib/model';
import { derm7ptOracleRow, maskedOracle, oracleAucs, planDerm7pt, readOracleCsv, type Derm7ptMissingness } from '../../lib/synth';
import { DERM7PT_DISCORDANCE, DERM7PT_PRIOR, DERM7PT_TABLES } from '../../lib/synth/derm7ptModel';
import { evaluateRun, evaluateRunMasked, train } from '../../lib/train';
import { tmpDir } from '../data/fixtures';

// Synthetic missingness with an exact oracle (cfcml synth derm7pt --missing), training on it with every
// variant, and the robustness curve (cfcml eval --mask-fields, cfcml report).

const FIXTURE = path.join(__dirname, '../../../test/fixtures/reference/oracle_missing.json');
const root = tmpDir('synth-missing');
const cohort = path.join(root, 'derm7pt-missing');
const MCAR: Derm7ptMissingness = { rate: 0.3, mechanism: 'mcar' };

interface FixtureCase {
  case_num: string;
  label: number;
  record: Record<string, number>;
  findings: Record<string, number>;
  sameFile: boolean;
  missing: string[];
  p_joint: number;
  p_tabular: number;
  p_image: number;
  p_additive: number;
}

before(async () => {
  await initBackend({ backend: 'wasm', quiet: true });
  const log = console.log;
  console.log = () => undefined;
  try {
    const code = await synthCommand.run(parseArgs(synthCommand, ['derm7pt', '--out', cohort, '--seed', '3', '--scale', '0.1', '--missing', '0.3']));
    assert.equal(code, 0);
  } finally {
    console.log = log;
  }
});

test('the oracle with blank fields equals brute-force enumeration over them (scripts/reference/oracle_missing.py), mcar and mnar', () => {
  const fx = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as {
    prior: number;
    tables: Record<string, number[][]>;
    discordance: number[];
    cohorts: { rate: number; mechanism: 'mcar' | 'mnar'; weights: number[]; cases: FixtureCase[] }[];
  };
  // The script's generative model is cfcml's.
  assert.equal(fx.prior, DERM7PT_PRIOR);
  assert.deepEqual(fx.tables, DERM7PT_TABLES);
  assert.deepEqual(fx.discordance, [...DERM7PT_DISCORDANCE]);
  let blanks = 0;
  for (const c of fx.cohorts) {
    const m = { rate: c.rate, mechanism: c.mechanism };
    const plan = new Map(planDerm7pt({ seed: 1, missingness: m }).map((p) => [p.meta.case_num, p]));
    for (const k of c.cases) {
      const p = plan.get(k.case_num)!;
      // The fixture's cases are this plan's.
      assert.deepEqual([p.record, p.findings, p.sameFile, p.missing, p.label], [k.record, k.findings, k.sameFile, k.missing, k.label], k.case_num);
      blanks += k.missing.length;
      const row = derm7ptOracleRow(p, 'context', m);
      for (const [key, want] of [['joint', k.p_joint], ['tabular', k.p_tabular], ['image', k.p_image], ['additive', k.p_additive]] as const) {
        assert.ok(Math.abs(row.p[key][1] - want) < 1e-10, `${c.mechanism} case ${k.case_num} p_${key}: cfcml ${row.p[key][1]}, brute force ${want}`);
      }
    }
  }
  assert.ok(blanks > 100, `${blanks} blank fields checked`);
  // Blanks move the posteriors (the check is not of complete records only).
  const mcar = fx.cohorts.find((c) => c.mechanism === 'mcar')!;
  const plan = new Map(planDerm7pt({ seed: 1 }).map((p) => [p.meta.case_num, p]));
  const moved = mcar.cases.filter((k) => k.missing.length > 0 && Math.abs(derm7ptOracleRow(plan.get(k.case_num)!, 'context').p.joint[1] - k.p_joint) > 1e-3);
  assert.ok(moved.length > 10, `${moved.length} cases whose joint posterior changes when fields are blank`);
});

test('cfcml synth derm7pt --missing 0.3: meta.csv blanks the planned cells, the loader reads them as missing, oracle.csv is the marginalised oracle', async () => {
  const plan = planDerm7pt({ seed: 3, scale: 0.1, missingness: MCAR });
  const c = await loadDerm7pt(cohort);
  const byId = new Map(plan.map((p) => [p.meta.case_num, p]));
  let blank = 0;
  for (const k of c.cases) {
    const p = byId.get(k.id)!;
    for (const f of ['difficulty', 'elevation', 'location', 'sex'] as const) assert.equal(k.tabular[f] === null, p.missing.includes(f), `${k.id} ${f}`);
    blank += p.missing.length;
  }
  const share = blank / (4 * c.cases.length);
  assert.ok(share > 0.2 && share < 0.4, `share of blank evidence cells ${share}`);
  const oracle = readOracleCsv(path.join(cohort, 'oracle.csv'), 2);
  const expected = plan.filter((p) => p.label >= 0).map((p) => derm7ptOracleRow(p, 'context', MCAR));
  assert.equal(oracle.length, expected.length);
  oracle.forEach((r, i) => {
    for (const k of Object.keys(r.p)) assert.ok(Math.abs(r.p[k][1] - expected[i].p[k][1]) < 1e-9, `${r.id} ${k}`);
  });
  const json = JSON.parse(fs.readFileSync(path.join(cohort, 'cohort.json'), 'utf8'));
  assert.deepEqual(json.missing, MCAR);
  // Everything but the blank cells is the cohort of the same seed without --missing (same pictures, same
  // records); rate 0 is no option at all.
  const complete = planDerm7pt({ seed: 3, scale: 0.1 });
  assert.deepEqual(planDerm7pt({ seed: 3, scale: 0.1, missingness: { rate: 0, mechanism: 'mcar' } }), complete);
  plan.forEach((p, i) => {
    const q = complete[i];
    assert.deepEqual([p.record, p.findings, p.renderSeed, p.sameFile], [q.record, q.findings, q.renderSeed, q.sameFile]);
    for (const [k, v] of Object.entries(p.meta)) assert.ok(v === q.meta[k] || v === '', `${p.meta.case_num} ${k}`);
  });
});

test('training on a cohort with blank cells works for every variant (tiny, 1 epoch), with no tensor leak', async () => {
  const before_ = tf.memory().numTensors;
  for (const variant of VARIANTS) {
    const r = await train({ data: cohort, preset: 'tiny', variant, epochs: 1, seed: 1, progress: 'none', out: path.join(root, 'runs', variant) });
    assert.ok(Number.isFinite(r.history[0].loss), `${variant}: loss ${r.history[0].loss}`);
    assert.ok(Number.isFinite(r.testMetrics!.auc), `${variant}: test AUC ${r.testMetrics!.auc}`);
  }
  assert.equal(tf.memory().numTensors, before_, 'no tensors left behind by the runs');
});

test('robustness: eval --mask-fields masks the same cells for every variant, records the oracle given the unmasked cells, and the report averages it', async () => {
  const c = await loadDerm7pt(cohort);
  const testCases = c.cases.filter((k) => k.split === 'test');
  const fields = ['difficulty', 'elevation', 'location', 'sex'];
  const [half] = parseMaskFields('0.5', c.spec);
  const a = maskCases(testCases, half, 1, fields);
  const b = maskCases([...testCases].reverse(), half, 1, fields).reverse();
  assert.deepEqual(a, b, 'masks do not depend on case order');
  const quarter = maskCases(testCases, parseMaskFields('0.25', c.spec)[0], 1, fields);
  quarter.forEach((k, i) => fields.forEach((f) => assert.ok(!(k.tabular[f] === null && a[i].tabular[f] !== null), 'cells masked at 0.25 are masked at 0.5')));
  assert.throws(() => parseMaskFields('1.5', c.spec), /not a number in \[0, 1\]/);
  assert.throws(() => parseMaskFields('sex,elbow', c.spec), /'elbow' is neither a fraction nor a tabular field/);

  const masks = parseMaskFields('0,0.5,1', c.spec);
  const sweep = path.join(root, 'sweep');
  const spec = createSweep(sweep, { data: [cohort], presets: ['tiny'], variants: ['full', 'tabular-only'], seeds: [1], trainArgs: ['--epochs', '1'] });
  const points: Record<string, Awaited<ReturnType<typeof evaluateRunMasked>>> = {};
  for (const run of spec.runs) {
    const dir = path.join(sweep, run.dir);
    fs.cpSync(path.join(root, 'runs', run.variant), dir, { recursive: true });
    points[run.variant] = await evaluateRunMasked(dir, masks, { oracle: maskedOracle });
    const plain = await evaluateRun(dir);
    assert.equal(points[run.variant][0].auc, plain.metrics.auc, `${run.variant}: masking nothing gives the plain evaluation`);
  }
  // The oracle at fraction 0 is the cohort's own oracle on test; with every record cell masked its record-only
  // posterior is the prior (AUC 0.5), and both variants saw the same masks (same oracle numbers).
  const own = oracleAucs(readOracleCsv(path.join(cohort, 'oracle.csv'), 2), 2).test;
  const full = points.full;
  assert.ok(Math.abs(full[0].oracle!.joint - own.joint) < 1e-12 && Math.abs(full[0].oracle!.tabular - own.tabular) < 1e-12);
  assert.equal(full[2].oracle!.tabular, 0.5);
  assert.equal(full[2].missingShare, 1);
  assert.ok(full[2].oracle!.joint < full[0].oracle!.joint, 'the joint oracle loses AUC when the record is masked');
  assert.deepEqual(points['tabular-only'].map((p) => p.oracle), full.map((p) => p.oracle));
  // Masking every record cell leaves tabular-only with one input for all cases: one score, AUC 0.5.
  assert.equal(points['tabular-only'][2].auc, 0.5);

  // The CLI: field names mask those fields in every case; the point joins the fraction points in robustness.json.
  const fullDir = path.join(sweep, spec.runs.find((r) => r.variant === 'full')!.dir);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    assert.equal(await evalCommand.run(parseArgs(evalCommand, ['--run', fullDir, '--mask-fields', 'sex,location', '--json'])), 0);
  } finally {
    console.log = log;
  }
  const named = JSON.parse(lines.join('\n')).points[0];
  assert.equal(named.mask, 'fields=sex+location');
  assert.ok(named.missingShare >= 0.5 && named.missingShare < 1, `${named.missingShare}`);
  const stored = JSON.parse(fs.readFileSync(path.join(fullDir, 'robustness.json'), 'utf8'));
  assert.deepEqual(stored.points.map((p: { mask: string }) => p.mask), ['fraction=0', 'fraction=0.5', 'fraction=1', 'fields=sex+location']);

  const report = buildReport(sweep, spec);
  const curves = robustnessCurves(sweep, spec, report.groups[0])!;
  assert.deepEqual(curves.variants.map((v) => v.variant), ['full', 'tabular-only']);
  assert.deepEqual(curves.variants[0].fractions, [0, 0.5, 1]);
  assert.deepEqual(curves.variants[0].mean, full.map((p) => p.auc));
  const csv = robustnessCsv(curves);
  assert.match(csv, /^series,masked_fraction,auc_mean,auc_sd,seeds\n/);
  assert.match(csv, new RegExp(`oracle joint,0,${own.joint.toFixed(4)}`));
});
