/**
 * The seed × case bootstrap of a mean per-seed AUC difference, against scikit-learn on the same draws
 * (scripts/reference/seed_case_bootstrap.py), and its own drawing: paired, stratified, seeded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { drawSeedsAndCases, seedCaseBootstrap, weightedAuc, weightedMacroAuc } from '../../lib/metrics/seedCaseBootstrap';
import { rocAuc } from '../../lib/metrics/curves';
import { macroAucOvr } from '../../lib/metrics/compute';
import { Rng } from '../../lib/util/random';

interface RefCase {
  name: string;
  multiclass: boolean;
  labels: number[];
  a: (number[] | number[][])[];
  b: (number[] | number[][])[];
  draws: { seeds: number[]; cases: number[] }[];
  replicates: number[];
  estimate: number;
  perSeed: number[];
  lower: number;
  upper: number;
  p: number;
  se: number;
}
const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'seed_case_bootstrap.json');
const ref = JSON.parse(fs.readFileSync(FIX, 'utf8')) as { cases: RefCase[] };

function close(actual: number, expected: number, what: string, tol = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: got ${actual}, expected ${expected}`);
}

for (const c of ref.cases) {
  test(`seedCaseBootstrap equals scikit-learn on the same draws: ${c.name}`, () => {
    const r = c.multiclass
      ? seedCaseBootstrap(c.labels, c.a as number[][][], c.b as number[][][], weightedMacroAuc(c.labels, 3), { draws: c.draws })
      : seedCaseBootstrap(c.labels, c.a as number[][], c.b as number[][], weightedAuc(c.labels), { draws: c.draws });
    close(r.estimate, c.estimate, 'estimate');
    c.perSeed.forEach((d, s) => close(r.perSeed[s], d, `per-seed ${s}`));
    assert.equal(r.nValid, c.replicates.length);
    close(r.lower, c.lower, 'lower');
    close(r.upper, c.upper, 'upper');
    close(r.p, c.p, 'p');
    close(r.se, c.se, 'se', 1e-10);
  });
}

test('seedCaseBootstrap draws: seeds with replacement, cases within each class (counts kept), reproducible by seed', () => {
  const labels = [1, 0, 0, 1, 0, 2, 2, 0];
  const byClass = [0, 1, 2].map((k) => labels.map((y, i) => (y === k ? i : -1)).filter((i) => i >= 0));
  const d1 = drawSeedsAndCases(new Rng(5), 3, byClass);
  const d2 = drawSeedsAndCases(new Rng(5), 3, byClass);
  assert.deepEqual(d1, d2);
  assert.equal(d1.seeds.length, 3);
  assert.ok(d1.seeds.every((s) => s >= 0 && s < 3));
  assert.deepEqual(d1.cases.map((i) => labels[i]), [0, 0, 0, 0, 1, 1, 2, 2]);
});

test('seedCaseBootstrap with its own draws: the interval of the binary reference case is close to sklearn\'s', () => {
  const c = ref.cases[0];
  const r = seedCaseBootstrap(c.labels, c.a as number[][], c.b as number[][], weightedAuc(c.labels), { n: 2000, seed: 1 });
  close(r.estimate, c.estimate, 'estimate');
  // Different draws: the interval agrees within Monte-Carlo error (se of a 2.5% quantile with 300 vs 2000 draws).
  assert.ok(Math.abs(r.lower - c.lower) < 0.03, `lower ${r.lower} vs ${c.lower}`);
  assert.ok(Math.abs(r.upper - c.upper) < 0.03, `upper ${r.upper} vs ${c.upper}`);
  assert.ok(r.p > 0.2 && r.p < 0.7, `p ${r.p} (reference ${c.p})`);
  // A large, consistent gain is significant: arm B's scores are noise.
  const rng = new Rng(3);
  const noise = c.a.map(() => c.labels.map(() => rng.uniform()));
  const strong = seedCaseBootstrap(c.labels, c.a as number[][], noise, weightedAuc(c.labels), { n: 500, seed: 2 });
  assert.ok(strong.lower > 0 && strong.p < 0.01, `strong effect: [${strong.lower}, ${strong.upper}] p ${strong.p}`);
});

test('seedCaseBootstrap refuses unpaired arms and mismatched case counts, naming them', () => {
  assert.throws(() => seedCaseBootstrap([0, 1], [[0.1, 0.9]], [], weightedAuc([0, 1])), /1 seeds for one arm but 0 for the other/);
  assert.throws(() => seedCaseBootstrap([0, 1, 1], [[0.1, 0.9]], [[0.2, 0.3]], weightedAuc([0, 1, 1])), /seed 0: 2 and 2 predictions for 3 cases/);
});

test('weighted AUC: with unit weights equal to rocAuc / macroAucOvr (ties included); a weight k counts a case k times', () => {
  const c = ref.cases[0];
  const a0 = c.a[0] as number[];
  const ones = new Float64Array(c.labels.length).fill(1);
  assert.ok(Math.abs(weightedAuc(c.labels)(a0)(ones) - rocAuc(c.labels, a0)) < 1e-14);
  const m = ref.cases[2];
  const rows = m.a[0] as number[][];
  assert.ok(Math.abs(weightedMacroAuc(m.labels, 3)(rows)(new Float64Array(m.labels.length).fill(1)) - macroAucOvr(m.labels, rows)) < 1e-14);
  const w = new Float64Array(c.labels.length).map((_, i) => i % 3);
  const expanded = c.labels.flatMap((y, i) => Array<number>(w[i]).fill(y));
  const scores = a0.flatMap((s, i) => Array<number>(w[i]).fill(s));
  assert.ok(Math.abs(weightedAuc(c.labels)(a0)(w) - rocAuc(expanded, scores)) < 1e-14);
});
