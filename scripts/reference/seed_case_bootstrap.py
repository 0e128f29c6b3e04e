"""Reference for lib/metrics/seedCaseBootstrap.ts: the paired bootstrap over training seeds x test cases of
mean_s [AUC(A_s) - AUC(B_s)], computed with scikit-learn 1.2's roc_auc_score (binary, and multi-class macro
one-vs-rest) and numpy's percentile, on draws made here with numpy (seed indices with replacement; cases
with replacement within each class, classes in increasing label order). The draws are written to the
fixture, so the TypeScript test replays exactly these replicates.

Run:  /usr/bin/python3 scripts/reference/seed_case_bootstrap.py
Writes test/fixtures/reference/seed_case_bootstrap.json (inputs, draws, replicate values, CI, p).
"""
import json
import os

import numpy as np
from sklearn.metrics import roc_auc_score

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference', 'seed_case_bootstrap.json')


def draws_for(rng, S, labels, B):
    classes = sorted(set(labels.tolist()))
    by_class = [np.flatnonzero(labels == c) for c in classes]
    out = []
    for _ in range(B):
        seeds = rng.integers(0, S, size=S)
        cases = np.concatenate([g[rng.integers(0, len(g), size=len(g))] for g in by_class])
        out.append({'seeds': seeds.tolist(), 'cases': cases.tolist()})
    return out


def auc(y, p, multiclass):
    if multiclass:
        return roc_auc_score(y, p, multi_class='ovr', average='macro')
    return roc_auc_score(y, p)


def case(name, labels, a, b, draws, multiclass, alpha=0.05):
    S = len(a)
    per_seed = [auc(labels, a[s], multiclass) - auc(labels, b[s], multiclass) for s in range(S)]
    reps = []
    for d in draws:
        idx = np.asarray(d['cases'])
        y = labels[idx]
        reps.append(float(np.mean([auc(y, a[s][idx], multiclass) - auc(y, b[s][idx], multiclass) for s in d['seeds']])))
    reps = np.asarray(reps)
    Bn = len(reps)
    p = min(1.0, 2 * min((1 + np.sum(reps <= 0)) / (Bn + 1), (1 + np.sum(reps >= 0)) / (Bn + 1)))
    return {
        'name': name,
        'multiclass': multiclass,
        'labels': labels.tolist(),
        'a': [x.tolist() for x in a],
        'b': [x.tolist() for x in b],
        'draws': draws,
        'replicates': reps.tolist(),
        'estimate': float(np.mean(per_seed)),
        'perSeed': per_seed,
        'lower': float(np.percentile(reps, 100 * alpha / 2)),
        'upper': float(np.percentile(reps, 100 * (1 - alpha / 2))),
        'p': float(p),
        'se': float(np.std(reps, ddof=1)),
    }


rng = np.random.default_rng(20261207)
# Binary: 80 cases (30 positive), 4 seeds; arm A a little better than arm B, with tied scores.
labels = np.array([1] * 30 + [0] * 50)
rng.shuffle(labels)
S = 4
a = [np.round(1 / (1 + np.exp(-(1.0 * labels + rng.normal(0, 1, 80)))), 2) for _ in range(S)]
b = [np.round(1 / (1 + np.exp(-(0.7 * labels + rng.normal(0, 1, 80)))), 2) for _ in range(S)]
binary = case('binary', labels, a, b, draws_for(rng, S, labels, 300), False)
# Null: the two arms are the same models (every replicate is 0, p = 1).
null = case('identical-arms', labels, a, a, draws_for(rng, S, labels, 50), False)
# Multi-class (3 classes, macro one-vs-rest), 3 seeds.
labels3 = np.array([0] * 25 + [1] * 20 + [2] * 15)
rng.shuffle(labels3)


def softmax_rows(strength):
    logits = rng.normal(0, 1, (60, 3))
    logits[np.arange(60), labels3] += strength
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


a3 = [softmax_rows(1.2) for _ in range(3)]
b3 = [softmax_rows(1.2) for _ in range(3)]
multi = case('multiclass', labels3, a3, b3, draws_for(rng, 3, labels3, 200), True)

with open(OUT, 'w') as f:
    json.dump({'cases': [binary, null, multi]}, f)
print('wrote', os.path.normpath(OUT))
