"""Brute-force check of the synthetic Derm7pt oracle with blank record cells (cfcml synth derm7pt --missing).

cfcml's oracle (lib/synth/derm7ptModel.ts, derm7ptPosteriors) marginalises a blank field in closed form: its
table factor drops, and the local dermoscopic findings are averaged over a blank difficulty or site. This
script recomputes the posteriors from the generative model's definition alone, by enumerating every full
record (difficulty x elevation x location x sex, 162 of them) consistent with the observed cells and summing
P(y) P(record | y) P(findings | y, record) [x P(blank pattern | y) under mnar], in float64.

It asks cfcml (the built dist/, `npm run build` first) for a sample of planned cases of two cohorts
(--missing 0.3 mcar and mnar, seed 1): their full record, latent findings, blank fields, and cfcml's own
additive weights (a logistic fit, taken as given here: p_additive is checked as that function of this
script's p_tabular and p_image). The design's tables are the ones written below, from the docs of
derm7ptModel.ts; the test checks they equal DERM7PT_TABLES.

Run:  /usr/bin/python3 scripts/reference/oracle_missing.py
Writes test/fixtures/reference/oracle_missing.json (read by test/synth/missing.test.ts).
"""
import itertools
import json
import math
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'reference', 'oracle_missing.json')

PRIOR = 252 / 827
T = {
    'difficulty': [[0.5, 0.36, 0.14], [0.3, 0.4, 0.3]],
    'elevation': [[0.46, 0.44, 0.1], [0.56, 0.34, 0.1]],
    'location': [[0.15, 0.06, 0.26, 0.22, 0.08, 0.12, 0.04, 0.05, 0.02], [0.1, 0.12, 0.34, 0.16, 0.13, 0.07, 0.02, 0.03, 0.03]],
    'sex': [[0.55, 0.45], [0.45, 0.55]],
    'asymmetry': [[0.5, 0.35, 0.15], [0.4, 0.38, 0.22]],
    'colours': [[0.26, 0.45, 0.22, 0.07], [0.2, 0.4, 0.28, 0.12]],
    'diameter': [[0.45, 0.4, 0.15], [0.25, 0.42, 0.33]],
    'sunDamage': [[0.7, 0.3], [0.52, 0.48]],
    'dots': [[0.4, 0.48, 0.12], [0.22, 0.13, 0.65]],
    'streaks': [[0.8, 0.14, 0.06], [0.48, 0.07, 0.45]],
    'regression': [[0.93, 0.07], [0.5, 0.5]],
    'network': [[0.2, 0.68, 0.12], [0.2, 0.18, 0.62]],
    'parallel': [[0.88, 0.12], [0.12, 0.88]],
}
DISCORDANCE = [0, 0.4, 0.9]
ACRAL = 7
FIELDS = ['difficulty', 'elevation', 'location', 'sex']
LEVELS = {'difficulty': 3, 'elevation': 3, 'location': 9, 'sex': 2}
COHORTS = [dict(rate=0.3, mechanism='mcar', take=60), dict(rate=0.3, mechanism='mnar', take=40)]

DUMP = r"""
const s = require(process.argv[1] + '/dist/lib/synth');
const out = [];
for (const m of JSON.parse(process.argv[2])) {
  const miss = { rate: m.rate, mechanism: m.mechanism };
  const plan = s.planDerm7pt({ seed: 1, missingness: miss }).filter((c) => c.label >= 0);
  // Cases with at least one blank field, and a few complete ones and shared-file ones.
  const some = plan.filter((c) => c.missing.length > 0);
  const pick = [...some.slice(0, m.take - 5), ...plan.filter((c) => c.missing.length === 0).slice(0, 3), ...plan.filter((c) => c.sameFile).slice(0, 2)];
  out.push({ ...miss, weights: s.derm7ptAdditiveWeights('context', miss),
    cases: pick.map((c) => ({ case_num: c.meta.case_num, label: c.label, record: c.record, findings: c.findings, sameFile: c.sameFile, missing: c.missing })) });
}
console.log(JSON.stringify(out));
"""


def local_likelihood(f, y, difficulty, acral):
    """P(local findings | y, difficulty, acral) under the 'context' interaction (the design's definition)."""
    w = DISCORDANCE[difficulty]

    def table(c):
        p = T['dots'][c][f['dots']] * T['streaks'][c][f['streaks']] * T['regression'][c][f['regression']]
        if f['network'] >= 3:
            p *= T['parallel'][c][f['network'] - 3] if acral else 0.0
        else:
            p *= 0.0 if acral else T['network'][c][f['network']]
        return p

    return (1 - w) * table(y) + w * table(1 - y)


def blank_probability(rate, mechanism, y):
    if mechanism == 'mcar':
        return rate
    return min(1.0, 1.25 * rate) if y == 0 else 0.5 * rate


def posteriors(case, rate, mechanism):
    f, r, missing = case['findings'], case['record'], case['missing']
    choices = [range(LEVELS[k]) if k in missing else [r[k]] for k in FIELDS]
    lik = {k: [0.0, 0.0] for k in ('joint', 'tabular', 'image')}
    for y in (0, 1):
        q = blank_probability(rate, mechanism, y)
        pattern = 1.0 if mechanism == 'mcar' else math.prod(q if k in missing else 1 - q for k in FIELDS)
        glob = T['asymmetry'][y][f['asymmetry']] * T['colours'][y][f['colours']]
        clin = 1.0 if case['sameFile'] else T['diameter'][y][f['diameterBin']] * T['sunDamage'][y][f['sunDamage']]
        # Record evidence: the sum over the full records consistent with the observed cells.
        for d, e, loc, sx in itertools.product(*choices):
            p_rec = T['difficulty'][y][d] * T['elevation'][y][e] * T['location'][y][loc] * T['sex'][y][sx]
            lik['tabular'][y] += p_rec * pattern
            lik['joint'][y] += p_rec * pattern * glob * clin * local_likelihood(f, y, d, loc == ACRAL)
        # Image evidence alone: every record summed over.
        for d, e, loc, sx in itertools.product(*[range(LEVELS[k]) for k in FIELDS]):
            p_rec = T['difficulty'][y][d] * T['elevation'][y][e] * T['location'][y][loc] * T['sex'][y][sx]
            lik['image'][y] += p_rec * glob * clin * local_likelihood(f, y, d, loc == ACRAL)
    prior = [1 - PRIOR, PRIOR]
    return {k: prior[1] * v[1] / (prior[0] * v[0] + prior[1] * v[1]) for k, v in lik.items()}


def logit(p):
    q = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(q / (1 - q))


def main():
    dump = json.loads(subprocess.check_output(['node', '-e', DUMP, ROOT, json.dumps(COHORTS)], cwd=ROOT))
    out = dict(note='made by scripts/reference/oracle_missing.py (brute-force enumeration, float64)', seed=1, interaction='context', prior=PRIOR, tables=T, discordance=DISCORDANCE, cohorts=[])
    for cohort in dump:
        w = cohort['weights']
        rows = []
        for case in cohort['cases']:
            p = posteriors(case, cohort['rate'], cohort['mechanism'])
            z = w[0] + w[1] * logit(p['tabular']) + w[2] * logit(p['image'])
            rows.append(dict(case, p_joint=p['joint'], p_tabular=p['tabular'], p_image=p['image'], p_additive=1 / (1 + math.exp(-z))))
        out['cohorts'].append(dict(rate=cohort['rate'], mechanism=cohort['mechanism'], weights=w, cases=rows))
        print(f"{cohort['mechanism']} {cohort['rate']}: {len(rows)} cases, {sum(len(c['missing']) for c in rows)} blank fields")
    with open(OUT, 'w') as fh:
        json.dump(out, fh, indent=1)
        fh.write('\n')
    print(OUT)


if __name__ == '__main__':
    main()
