import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MEN_COUNTS, MEN_LOCATIONS, planMen } from '../../lib/synth/menModel';
import type { PlannedPatient } from '../../lib/synth/menModel';
import { renderMenVolumes } from '../../lib/synth/menRender';

test('MEN plan: default counts per split and grade; the record fields are written as the loader reads them', () => {
  const plan = planMen({ seed: 1 });
  assert.equal(plan.length, 354);
  for (const split of ['train', 'valid', 'test'] as const) {
    assert.deepEqual([0, 1, 2].map((y) => plan.filter((p) => p.split === split && p.label === y).length), [...MEN_COUNTS[split]]);
  }
  for (const p of plan) {
    assert.equal(p.clinical.location, MEN_LOCATIONS[p.record.location]);
    assert.equal(p.clinical.sex, p.record.male ? 'male' : 'female');
    assert.equal(Number(p.clinical.age), Number(p.record.age.toFixed(1)));
  }
  // A small scale keeps at least one patient per split and grade.
  const small = planMen({ seed: 1, scale: 0.01 });
  assert.equal(small.length, 9);
});

test('MEN plan: boundary tongues mean invasion off the skull base and the opposite at it (context), the grade alone under the null control', () => {
  const rate = (ps: readonly PlannedPatient[]) => ps.filter((p) => p.findings.tongues === 1).length / ps.length;
  const at = (ps: readonly PlannedPatient[], y: number, skullBase: boolean) => ps.filter((p) => p.label === y && (p.record.location === 2) === skullBase);
  const ctx = planMen({ seed: 2, scale: 2 });
  assert.ok(rate(at(ctx, 1, false)) > 0.8 && rate(at(ctx, 0, false)) < 0.15, `off the skull base: ${rate(at(ctx, 1, false))} / ${rate(at(ctx, 0, false))}`);
  assert.ok(rate(at(ctx, 0, true)) > 0.7 && rate(at(ctx, 1, true)) < 0.2, `at the skull base: ${rate(at(ctx, 0, true))} / ${rate(at(ctx, 1, true))}`);
  const none = planMen({ seed: 2, scale: 2, interaction: 'none' });
  for (const y of [0, 1, 2]) assert.ok(Math.abs(rate(at(none, y, true)) - rate(at(none, y, false))) < 0.15, `null control, grade ${y}`);
});

test('MEN volumes: three sequences, non-negative, the same patient renders the same voxels', () => {
  const size = [8, 24, 24] as const;
  const p = planMen({ seed: 3, scale: 0.05 })[0];
  const a = renderMenVolumes(p, size);
  const b = renderMenVolumes(p, size);
  assert.equal(a.length, 3);
  for (let m = 0; m < 3; m++) {
    assert.equal(a[m].length, 8 * 24 * 24);
    assert.ok(a[m].every((v) => v >= 0));
    assert.deepEqual(a[m], b[m]);
  }
});
