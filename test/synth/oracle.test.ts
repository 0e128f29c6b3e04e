import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {
  derm7ptOracleRow,
  derm7ptPosteriors,
  oracleAucs,
  oracleCriteria,
  planDerm7pt,
  readOracleCsv,
  synthDerm7pt,
  synthMen,
  planMen,
  menOracleRow,
  menPosteriors,
} from '../../lib/synth';
import { loadCohort } from '../../lib/data';
import type { Derm7ptInteraction, MenInteraction } from '../../lib/synth';
import { DERM7PT_PRIOR, drawDermCase } from '../../lib/synth/derm7ptModel';
import { logit } from '../../lib/synth/oracle';
import { CfcmlError } from '../../lib/util/errors';
import { Rng } from '../../lib/util/random';
import { tmpDir } from '../data/fixtures';

const FIXTURE = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'oracle_auc.json');
const reference = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, Record<string, Record<string, number>>>;

function derm7ptAucs(seed: number, interaction: Derm7ptInteraction) {
  const rows = planDerm7pt({ seed, interaction })
    .filter((c) => c.label >= 0)
    .map((c) => derm7ptOracleRow(c, interaction));
  return oracleAucs(rows, 2);
}

test('Derm7pt oracle AUCs (project metrics) equal scikit-learn on the same oracle (seeds 1-3, both designs)', () => {
  for (const interaction of ['context', 'none'] as const) {
    for (const seed of [1, 2, 3]) {
      const ours = derm7ptAucs(seed, interaction);
      const ref = reference[`derm7pt-${interaction}-seed${seed}`];
      assert.ok(ref, `fixture has derm7pt-${interaction}-seed${seed}`);
      for (const split of ['train', 'valid', 'test']) {
        for (const [k, v] of Object.entries(ref[split])) assert.ok(Math.abs(ours[split][k] - v) < 1e-9, `${interaction} seed ${seed} ${split} ${k}: ${ours[split][k]} vs sklearn ${v}`);
      }
    }
  }
});

test('Derm7pt design criteria hold on the test split: seed 1, and seeds 2-3 within 0.02; the null control is additive', () => {
  for (const seed of [1, 2, 3]) {
    const tol = seed === 1 ? 0 : 0.02;
    const a = derm7ptAucs(seed, 'context').test;
    const c = oracleCriteria(a, ['clinic', 'derm']);
    assert.ok(c.jointMinusAdditive >= 0.05 - tol, `seed ${seed}: joint − additive ${c.jointMinusAdditive}`);
    assert.ok(c.jointMinusTabular >= 0.08 - tol, `seed ${seed}: joint − tabular ${c.jointMinusTabular}`);
    assert.ok(c.jointMinusImage >= 0.08 - tol, `seed ${seed}: joint − image ${c.jointMinusImage}`);
    assert.ok(c.jointMinusBestView >= 0.05 - tol, `seed ${seed}: joint − best view ${c.jointMinusBestView}`);
    assert.ok(c.imageMinusGlobal >= 0.05 - tol, `seed ${seed}: image − global ${c.imageMinusGlobal}`);
    const n = derm7ptAucs(seed, 'none').test;
    assert.ok(n.joint - n.additive <= 0.005 + tol, `null seed ${seed}: joint − additive ${n.joint - n.additive}`);
  }
});

test('Derm7pt oracle: null control log-odds add exactly; posteriors are calibrated on fresh draws of the model', () => {
  const rng = new Rng(11);
  const lp = logit(DERM7PT_PRIOR);
  for (let i = 0; i < 300; i++) {
    const { record, findings } = drawDermCase(rng, rng.bernoulli(0.3) ? 1 : 0, 'none');
    const p = derm7ptPosteriors(record, findings, 'none');
    assert.ok(Math.abs(logit(p.joint) - (logit(p.tabular) + logit(p.image) - lp)) < 1e-9);
  }
  // Calibration: among cases drawn from the model, the mean posterior in each decile bin matches the MEL rate.
  for (const interaction of ['context', 'none'] as const) {
    const r = new Rng(12);
    const bins = Array.from({ length: 5 }, () => ({ n: 0, p: 0, y: 0 }));
    let sum = 0;
    const N = 20000;
    for (let i = 0; i < N; i++) {
      const y = r.bernoulli(DERM7PT_PRIOR) ? 1 : 0;
      const { record, findings } = drawDermCase(r, y, interaction);
      const p = derm7ptPosteriors(record, findings, interaction).joint;
      sum += p;
      const b = bins[Math.min(4, Math.floor(p * 5))];
      b.n++;
      b.p += p;
      b.y += y;
    }
    assert.ok(Math.abs(sum / N - DERM7PT_PRIOR) < 0.01, `${interaction}: mean posterior ${sum / N}`);
    for (const b of bins) if (b.n > 500) assert.ok(Math.abs(b.p / b.n - b.y / b.n) < 0.03, `${interaction}: bin mean p ${b.p / b.n} vs rate ${b.y / b.n} (n ${b.n})`);
  }
  // Under the interaction, a discordant (high-difficulty) record turns the same findings the other way.
  const f = { asymmetry: 1, colours: 1, diameterBin: 1, diameterMm: 8, sunDamage: 0, dots: 2, streaks: 2, regression: 1, network: 2 };
  const low = derm7ptPosteriors({ difficulty: 0, elevation: 0, location: 2, sex: 0 }, f, 'context').joint;
  const high = derm7ptPosteriors({ difficulty: 2, elevation: 0, location: 2, sex: 0 }, f, 'context').joint;
  assert.ok(low > 0.9 && high < 0.2, `low ${low}, high ${high}`);
});

test('synth derm7pt writes oracle.csv and cohort.json beside the release layout; the loader reads the cohort', async () => {
  const out = tmpDir('synth-oracle');
  const s = await synthDerm7pt({ out, seed: 5, scale: 0.1 });
  assert.equal(s.version, '2.0');
  assert.equal(s.interaction, 'context');
  const file = path.join(out, 'oracle.csv');
  assert.ok(fs.existsSync(file) && !fs.existsSync(path.join(out, 'meta', 'oracle.csv')));
  const header = fs.readFileSync(file, 'utf8').split('\n')[0];
  assert.equal(header, 'case_num,split,label,p_joint,p_additive,p_tabular,p_image,p_clinic,p_derm,p_image_global');
  const rows = readOracleCsv(file, 2);
  const plan = planDerm7pt({ seed: 5, scale: 0.1 }).filter((c) => c.label >= 0);
  assert.equal(rows.length, plan.length);
  rows.forEach((r, i) => {
    const want = derm7ptOracleRow(plan[i], 'context');
    assert.equal(r.id, want.id);
    assert.equal(r.label, plan[i].label);
    for (const k of Object.keys(want.p)) assert.ok(Math.abs(r.p[k][1] - want.p[k][1]) < 1e-8);
  });
  assert.deepEqual(s.oracle, oracleAucs(rows, 2));
  const meta = JSON.parse(fs.readFileSync(path.join(out, 'cohort.json'), 'utf8'));
  assert.equal(meta.version, '2.0');
  const cohort = await loadCohort(out);
  assert.equal(cohort.cases.length, rows.length);
  // A damaged oracle file is refused with the file, row and column named.
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n(\d+),(train|valid|test),(\d),[^,]+,/, '\n$1,$2,$3,NaN,'));
  assert.throws(() => readOracleCsv(file, 2), (e: unknown) => e instanceof CfcmlError && /oracle\.csv:2: column p_joint/.test(e.message));
});

function menAucs(seed: number, interaction: MenInteraction) {
  return oracleAucs(planMen({ seed, interaction }).map((p) => menOracleRow(p, interaction)), 3);
}

test('MEN oracle macro AUCs equal scikit-learn; design criteria hold on the test split; the null control is additive', () => {
  for (const interaction of ['context', 'none'] as const) {
    for (const seed of [1, 2, 3]) {
      const ours = menAucs(seed, interaction);
      const ref = reference[`men-${interaction}-seed${seed}`];
      assert.ok(ref, `fixture has men-${interaction}-seed${seed}`);
      for (const split of ['train', 'valid', 'test']) {
        for (const [k, v] of Object.entries(ref[split])) assert.ok(Math.abs(ours[split][k] - v) < 1e-9, `MEN ${interaction} seed ${seed} ${split} ${k}: ${ours[split][k]} vs sklearn ${v}`);
      }
      const tol = seed === 1 ? 0 : 0.02;
      if (interaction === 'none') {
        assert.ok(ours.test.joint - ours.test.additive <= 0.005 + tol, `MEN null seed ${seed}`);
        continue;
      }
      const c = oracleCriteria(ours.test, ['t1c', 't2', 'adc']);
      assert.ok(c.jointMinusAdditive >= 0.05 - tol, `MEN seed ${seed}: joint − additive ${c.jointMinusAdditive}`);
      assert.ok(c.jointMinusTabular >= 0.08 - tol && c.jointMinusImage >= 0.08 - tol, `MEN seed ${seed}: single modality ${JSON.stringify(c)}`);
      assert.ok(c.jointMinusBestView >= 0.05 - tol, `MEN seed ${seed}: joint − best view ${c.jointMinusBestView}`);
      assert.ok(c.imageMinusGlobal >= 0.05 - tol, `MEN seed ${seed}: image − global ${c.imageMinusGlobal}`);
    }
  }
});

test('synth men writes oracle.csv (p_joint_0..2 ...) beside the cohort; the loader reads the cohort', async () => {
  const out = tmpDir('synth-men-oracle');
  const s = await synthMen({ out, seed: 4, scale: 0.1, size: [8, 16, 16] });
  assert.equal(s.version, '2.0');
  const file = path.join(out, 'oracle.csv');
  const header = fs.readFileSync(file, 'utf8').split('\n')[0].split(',');
  assert.deepEqual(header.slice(0, 6), ['patient_id', 'split', 'label', 'p_joint_0', 'p_joint_1', 'p_joint_2']);
  assert.ok(header.includes('p_additive_2') && header.includes('p_image_global_0') && header.includes('p_t1c_1'));
  const rows = readOracleCsv(file, 3);
  const plan = planMen({ seed: 4, scale: 0.1 });
  assert.equal(rows.length, plan.length);
  for (const r of rows) for (const p of Object.values(r.p)) assert.ok(Math.abs(p[0] + p[1] + p[2] - 1) < 1e-8);
  const cohort = await loadCohort(out);
  assert.equal(cohort.cases.length, rows.length);
  // Under the interaction the same tongues point to Grade_2_invasion off the skull base and away from it at the skull base.
  const f = { necrosis: 1, lowAdc: 0, heteroEnhancement: 0, cleftLost: 0, tongues: 1 };
  const rec = { location: 0, male: 0, age: 57, adc: 0.9, logTumourArea: Math.log(11), logOedemaArea: Math.log(5) };
  const off = menPosteriors(rec, f, 'context').joint;
  const base = menPosteriors({ ...rec, location: 2 }, f, 'context').joint;
  assert.ok(off[1] > 0.5 && base[1] < 0.05 && base[0] > off[0], `off ${off}, skull base ${base}`);
});

test('docs/DATA.md "The oracle at the freeze" quotes the reference oracle AUCs (test split, seeds 1-3) to the third digit', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'DATA.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### The oracle at the freeze'));
  const cells = (label: string): string[] => {
    const line = section.split('\n').find((l) => l.startsWith(`| ${label} |`));
    assert.ok(line, `DATA.md has a row '${label}'`);
    return line.split('|').slice(2, 4).map((c) => c.trim());
  };
  const seeds = (ds: string, interaction: string, f: (t: Record<string, number>) => number) =>
    [1, 2, 3].map((s) => (Math.abs(f(reference[`${ds}-${interaction}-seed${s}`].test)) < 0.0005 ? 0 : f(reference[`${ds}-${interaction}-seed${s}`].test)).toFixed(3)).join(' / ');
  for (const k of ['joint', 'additive', 'tabular', 'image', 'image_global']) {
    assert.deepEqual(cells(k), [seeds('derm7pt', 'context', (t) => t[k]), seeds('men', 'context', (t) => t[k])], k);
  }
  assert.deepEqual(cells('clinic · derm (Derm7pt); t1c · t2 · adc (MEN)'), [
    ['clinic', 'derm'].map((k) => seeds('derm7pt', 'context', (t) => t[k])).join(' · '),
    ['t1c', 't2', 'adc'].map((k) => seeds('men', 'context', (t) => t[k])).join(' · '),
  ]);
  assert.deepEqual(cells('null control: joint − additive'), ['derm7pt', 'men'].map((ds) => seeds(ds, 'none', (t) => t.joint - t.additive)));
});
