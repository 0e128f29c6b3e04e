import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { auditLeakage, inspectCohort, loadCohort } from '../../lib/data';
import { planDerm7pt, synthDerm7pt } from '../../lib/synth';
import type { PlannedCase } from '../../lib/synth';
import { parseCsv } from '../../lib/util/csv';
import { DERM7PT_COLUMNS } from '../../lib/data/derm7pt';
import { tmpDir } from '../data/fixtures';

test('plan at scale 1 has the release counts: 1011 rows, NEV/MEL per split, 9 shared files', () => {
  const plan = planDerm7pt({ seed: 1 });
  assert.equal(plan.length, 1011);
  const count = (split: string, label: number) => plan.filter((c) => c.split === split && c.label === label).length;
  assert.deepEqual([count('train', 0), count('train', 1)], [256, 90]);
  assert.deepEqual([count('valid', 0), count('valid', 1)], [100, 61]);
  assert.deepEqual([count('test', 0), count('test', 1)], [219, 101]);
  assert.deepEqual(['train', 'valid', 'test'].map((s) => plan.filter((c) => c.split === s).length), [413, 203, 395]);
  assert.equal(plan.filter((c) => c.sameFile).length, 9);
  // The leak: every MEL is excised; with leak off, not.
  assert.ok(plan.filter((c) => c.label === 1).every((c) => c.meta.management === 'excision'));
  const off = planDerm7pt({ seed: 1, leak: false }).filter((c) => c.label === 1);
  assert.ok(off.some((c) => c.meta.management !== 'excision'));
  // The seven-point score matches the recorded criteria (2 points per major, 1 per minor criterion).
  for (const c of plan.slice(0, 200)) {
    const m = c.meta;
    const s =
      2 * +(m.pigment_network === 'atypical') +
      2 * +(m.blue_whitish_veil === 'present') +
      2 * +['dotted', 'linear irregular'].includes(m.vascular_structures) +
      +(m.streaks === 'irregular') +
      +m.pigmentation.includes('irregular') +
      +(m.dots_and_globules === 'irregular') +
      +(m.regression_structures !== 'absent');
    assert.equal(Number(m.seven_point_score), s);
  }
  // The recorded checklist describes the drawn findings.
  for (const c of plan) {
    assert.equal(c.meta.dots_and_globules, ['absent', 'regular', 'irregular'][c.findings.dots]);
    assert.equal(c.meta.pigment_network === 'atypical', c.findings.network === 2 || c.findings.network === 4);
  }
});

test('plan: the record says how to read the dermoscopy (context), and nothing of it under the null control', () => {
  const rate = (cases: readonly PlannedCase[], f: (c: PlannedCase) => boolean) => cases.filter(f).length / cases.length;
  const irregularDots = (c: PlannedCase) => c.findings.dots === 2;
  // Context: a MEL rated easy shows the melanoma table's findings; one rated difficult mostly the nevus table's.
  const mel = planDerm7pt({ seed: 2, scale: 2 }).filter((c) => c.label === 1);
  const low = rate(mel.filter((c) => c.record.difficulty === 0), irregularDots);
  const high = rate(mel.filter((c) => c.record.difficulty === 2), irregularDots);
  assert.ok(low > high + 0.3, `MEL irregular dots: difficulty low ${low}, high ${high}`);
  // Acral sites show the parallel pattern instead of a network, and only there.
  const all = planDerm7pt({ seed: 2, scale: 2 });
  for (const c of all) assert.equal(c.findings.network >= 3, c.record.location === 7, `case ${c.row}`);
  // Null control: the findings follow the class alone, whatever the difficulty or site.
  const none = planDerm7pt({ seed: 2, scale: 2, interaction: 'none' });
  const melNone = none.filter((c) => c.label === 1);
  const lowN = rate(melNone.filter((c) => c.record.difficulty === 0), irregularDots);
  const highN = rate(melNone.filter((c) => c.record.difficulty === 2), irregularDots);
  assert.ok(Math.abs(lowN - highN) < 0.15, `null control: difficulty low ${lowN}, high ${highN}`);
  assert.ok(none.every((c) => c.findings.network < 3));
});

test('generator is deterministic per seed and writes the release_v0 layout', async () => {
  const a = tmpDir('syn-a');
  const b = tmpDir('syn-b');
  const c = tmpDir('syn-c');
  const sa = await synthDerm7pt({ out: a, seed: 7, scale: 0.04 });
  await synthDerm7pt({ out: b, seed: 7, scale: 0.04 });
  await synthDerm7pt({ out: c, seed: 8, scale: 0.04 });
  const metaA = fs.readFileSync(path.join(a, 'meta', 'meta.csv'));
  assert.ok(metaA.equals(fs.readFileSync(path.join(b, 'meta', 'meta.csv'))));
  assert.ok(!metaA.equals(fs.readFileSync(path.join(c, 'meta', 'meta.csv'))));
  const t = parseCsv(metaA.toString('utf8'));
  assert.deepEqual(t.header, [...DERM7PT_COLUMNS]);
  const files = t.rows.flatMap((r) => [r.clinic, r.derm]);
  for (const f of new Set(files)) {
    const bytes = fs.readFileSync(path.join(a, 'images', f));
    assert.deepEqual(bytes.subarray(0, 2), Buffer.from([0xff, 0xd8]), `${f} is a JPEG`);
    assert.ok(bytes.equals(fs.readFileSync(path.join(b, 'images', f))), `${f} identical for the same seed`);
  }
  assert.ok(files.some((f) => f.endsWith('.JPG')) && files.some((f) => f.endsWith('.jpg')));
  const firstDerm = path.join('images', t.rows[0].derm);
  assert.ok(!fs.readFileSync(path.join(a, firstDerm)).equals(fs.readFileSync(path.join(c, 'images', parseCsv(fs.readFileSync(path.join(c, 'meta', 'meta.csv'), 'utf8')).rows[0].derm))));
  assert.equal(sa.files, new Set(files).size);

  // Loader round trip: counts and exclusions agree with the summary; inspect reports them.
  const cohort = await loadCohort(a);
  for (const split of ['train', 'valid', 'test'] as const) {
    assert.equal(cohort.cases.filter((x) => x.split === split && x.label === 0).length, sa.splits[split].NEV);
    assert.equal(cohort.cases.filter((x) => x.split === split && x.label === 1).length, sa.splits[split].MEL);
  }
  const excludedTotal = cohort.excluded.reduce((s, e) => s + e.count, 0);
  assert.equal(excludedTotal, Object.values(sa.excluded).reduce((s, v) => s + v, 0));
  assert.ok(excludedTotal > 0);
  const rep = await inspectCohort(cohort);
  assert.deepEqual(rep.splits.train, sa.splits.train);
  assert.deepEqual(Object.keys(rep.imageSizes), ['clinic', 'derm']);
  assert.equal(rep.imageSizes.derm['192x192'], cohort.cases.length);
});

test('audit flags management on synthetic Derm7pt, and not with the leak off', async () => {
  const on = tmpDir('leak-on');
  const off = tmpDir('leak-off');
  await synthDerm7pt({ out: on, seed: 3, scale: 0.25 });
  await synthDerm7pt({ out: off, seed: 3, scale: 0.25, leak: false });
  const rOn = auditLeakage(await loadCohort(on));
  assert.deepEqual(rOn.flagged, ['management']);
  const mgmt = rOn.fields.find((f) => f.name === 'management')!;
  assert.ok(mgmt.reasons.some((r) => r.startsWith('every MEL case')));
  assert.ok(mgmt.auc > 0.8);
  const rOff = auditLeakage(await loadCohort(off));
  assert.deepEqual(rOff.flagged, []);
  // The other fields carry partial signal: better than chance, far from a giveaway.
  for (const f of rOff.fields) assert.ok(f.auc > 0.5 && f.auc < 0.85, `${f.name} AUC ${f.auc}`);
});
