"""Reference values for lib/metrics, from scikit-learn 1.2 (Debian python3-sklearn) and scipy.

- computeMetrics: binary and multi-class cases on fixed vectors with tied scores, a class never
  predicted, a batch holding one class, and ties between probability columns (argmax takes the first).
- Curves: roc_curve(drop_intermediate=False), precision_recall_curve.
- DeLong: a straightforward O(m*n) implementation of DeLong, DeLong & Clarke-Pearson (1988) from the
  placement values psi(x, y) = 1 if x > y, 1/2 if x == y, else 0 (independent of the fast midrank
  algorithm used in lib/metrics/delong.ts), plus a paired bootstrap of the AUC difference as a sanity
  check of its standard error.
- Normal CDF values from scipy.stats.norm.

Run:  /usr/bin/python3 scripts/reference/metrics_reference.py
Writes test/fixtures/reference/metrics.json (inputs included).
"""
import json
import math
import os
import warnings

import numpy as np
from scipy.stats import norm
from sklearn import metrics as skm

warnings.filterwarnings('ignore')
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference', 'metrics.json')


def nan_to_none(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def binary_case(name, labels, p1, pos=1):
    labels = np.asarray(labels)
    probs = np.stack([1 - np.asarray(p1), np.asarray(p1)], axis=1)
    preds = probs.argmax(axis=1)
    neg = 1 - pos
    y = (labels == pos).astype(int)
    score = probs[:, pos]
    try:
        auc = skm.roc_auc_score(y, score)
    except ValueError:
        auc = float('nan')
    ap = skm.average_precision_score(y, score) if y.sum() > 0 else float('nan')
    sens = skm.recall_score(labels, preds, pos_label=pos, zero_division=0)
    spec = skm.recall_score(labels, preds, pos_label=neg, zero_division=0)
    expected = {
        'auc': auc, 'auprc': ap,
        'accuracy': skm.accuracy_score(labels, preds),
        'balanced_accuracy': skm.balanced_accuracy_score(labels, preds),
        'sensitivity': sens, 'specificity': spec, 'g_mean': math.sqrt(sens * spec),
        'mcc': skm.matthews_corrcoef(labels, preds),
        'f1': skm.f1_score(labels, preds, pos_label=pos, zero_division=0),
        'confusion': skm.confusion_matrix(labels, preds, labels=[0, 1]).tolist(),
    }
    case = {'name': name, 'labels': labels.tolist(), 'probs': probs.tolist(), 'positiveClass': pos,
            'expected': {k: nan_to_none(float(v)) if not isinstance(v, list) else v for k, v in expected.items()}}
    if 0 < y.sum() < len(y):
        fpr, tpr, thr = skm.roc_curve(y, score, drop_intermediate=False)
        prec, rec, pthr = skm.precision_recall_curve(y, score)
        case['roc'] = {'fpr': fpr.tolist(), 'tpr': tpr.tolist(), 'thresholds': thr[1:].tolist()}
        case['pr'] = {'precision': prec.tolist(), 'recall': rec.tolist(), 'thresholds': pthr.tolist()}
    return case


def multi_case(name, labels, probs):
    labels = np.asarray(labels)
    probs = np.asarray(probs, dtype=float)
    C = probs.shape[1]
    preds = probs.argmax(axis=1)
    support = np.bincount(labels, minlength=C)
    recalls = skm.recall_score(labels, preds, labels=list(range(C)), average=None, zero_division=0)
    per_class = [float(r) if support[k] > 0 else None for k, r in enumerate(recalls)]
    try:
        macro_auc = skm.roc_auc_score(labels, probs, multi_class='ovr', average='macro')
    except ValueError:
        macro_auc = float('nan')
    expected = {
        'accuracy': skm.accuracy_score(labels, preds),
        'balanced_accuracy': skm.balanced_accuracy_score(labels, preds),
        'macro_f1': skm.f1_score(labels, preds, average='macro', zero_division=0),
        'weighted_f1': skm.f1_score(labels, preds, average='weighted', zero_division=0),
        'macro_auc': macro_auc,
        'mcc': skm.matthews_corrcoef(labels, preds),
    }
    expected = {k: nan_to_none(float(v)) for k, v in expected.items()}
    expected['per_class_accuracy'] = per_class
    expected['confusion'] = skm.confusion_matrix(labels, preds, labels=list(range(C))).tolist()
    return {'name': name, 'labels': labels.tolist(), 'probs': probs.tolist(), 'expected': expected}


def delong_naive(y, a, b):
    """DeLong et al. (1988) with explicit placement values, O(m*n)."""
    y = np.asarray(y)
    out = []
    for s in (np.asarray(a), np.asarray(b)):
        X = s[y == 1]
        Y = s[y == 0]
        psi = (X[:, None] > Y[None, :]).astype(float) + 0.5 * (X[:, None] == Y[None, :])
        out.append((psi.mean(), psi.mean(axis=1), psi.mean(axis=0)))  # AUC, V10 [m], V01 [n]
    m = int((y == 1).sum())
    n = int((y == 0).sum())
    S10 = np.cov(np.stack([out[0][1], out[1][1]]))
    S01 = np.cov(np.stack([out[0][2], out[1][2]]))
    S = S10 / m + S01 / n
    var = S[0, 0] + S[1, 1] - 2 * S[0, 1]
    diff = out[0][0] - out[1][0]
    z = diff / math.sqrt(var)
    p = 2 * norm.sf(abs(z))
    return {'aucA': out[0][0], 'aucB': out[1][0], 'diff': diff, 'se': math.sqrt(var), 'z': z, 'p': p}


def bootstrap_se_diff(y, a, b, rng, n=4000):
    y = np.asarray(y)
    a = np.asarray(a)
    b = np.asarray(b)
    diffs = []
    N = len(y)
    while len(diffs) < n:
        idx = rng.integers(0, N, N)
        if y[idx].min() == y[idx].max():
            continue
        diffs.append(skm.roc_auc_score(y[idx], a[idx]) - skm.roc_auc_score(y[idx], b[idx]))
    return float(np.std(diffs, ddof=1))


def main():
    rng = np.random.default_rng(7)
    cases_binary = []
    # hand case with a tie across classes
    cases_binary.append(binary_case('hand, ties across classes', [0, 1, 1, 0, 1, 0], [0.1, 0.5, 0.5, 0.5, 0.9, 0.3]))
    # 40 cases, scores rounded to 1 decimal: many ties
    y = (rng.random(40) < 0.35).astype(int)
    s = np.clip(np.round(0.35 + 0.3 * y + rng.normal(0, 0.2, 40), 1), 0, 1)
    cases_binary.append(binary_case('40 cases, rounded scores (ties)', y, s))
    cases_binary.append(binary_case('40 cases, positive class 0', y, s, pos=0))
    # unrounded, 60 cases, unbalanced
    y2 = (rng.random(60) < 0.2).astype(int)
    s2 = 1 / (1 + np.exp(-(1.2 * y2 + rng.normal(0, 1, 60))))
    cases_binary.append(binary_case('60 cases, unbalanced, no ties', y2, s2))
    # exact 0.5 probabilities: argmax takes class 0
    cases_binary.append(binary_case('p = 0.5 exactly', [0, 1, 1, 0], [0.5, 0.5, 0.7, 0.2]))
    # one class present: AUC/AUPRC undefined -> NaN
    cases_binary.append(binary_case('single class (all negative)', [0, 0, 0, 0], [0.2, 0.6, 0.4, 0.1]))

    cases_multi = []
    y3 = rng.integers(0, 3, 50)
    logits = rng.normal(0, 1, (50, 3)) + 1.5 * np.eye(3)[y3]
    p3 = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    cases_multi.append(multi_case('3 classes, 50 cases', y3, p3))
    p3r = np.round(p3, 1)
    p3r = p3r / p3r.sum(axis=1, keepdims=True)
    cases_multi.append(multi_case('3 classes, rounded probabilities (ties)', y3, p3r))
    # class 2 never predicted
    p4 = p3.copy()
    p4[:, 2] = 0.0
    p4 = p4 / p4.sum(axis=1, keepdims=True)
    cases_multi.append(multi_case('3 classes, class 2 never predicted', y3, p4))
    # 4 classes, unbalanced, with a row of exact ties between columns
    y4 = np.array([0] * 12 + [1] * 4 + [2] * 8 + [3] * 6)
    l4 = rng.normal(0, 1, (30, 4)) + 1.0 * np.eye(4)[y4]
    q4 = np.exp(l4) / np.exp(l4).sum(axis=1, keepdims=True)
    q4[0] = [0.25, 0.25, 0.25, 0.25]
    cases_multi.append(multi_case('4 classes, unbalanced, tied row', y4, q4))
    # class 1 absent from the labels: macro AUC undefined -> NaN; per-class accuracy of class 1 -> NaN
    y5 = np.array([0, 2, 2, 0, 2, 0, 0, 2])
    p5 = rng.dirichlet([1, 1, 1], 8)
    cases_multi.append(multi_case('3 classes, class 1 absent from labels', y5, p5))

    delong = []
    for k, (N, prev, sa, sb) in enumerate([(80, 0.4, 1.5, 1.0), (120, 0.3, 1.0, 1.0), (60, 0.5, 2.0, 0.8)]):
        yd = (rng.random(N) < prev).astype(int)
        common = rng.normal(0, 1, N)
        a = sa * yd + 0.7 * common + 0.7 * rng.normal(0, 1, N)
        b = sb * yd + 0.7 * common + 0.7 * rng.normal(0, 1, N)
        if k == 1:  # ties: round model B's scores
            b = np.round(b, 0)
        r = delong_naive(yd, a, b)
        r['bootstrap_se'] = bootstrap_se_diff(yd, a, b, rng)
        delong.append({'labels': yd.tolist(), 'scoresA': a.tolist(), 'scoresB': b.tolist(), 'expected': r})

    zs = [-8.5, -5.0, -3.2, -1.96, -1.0, -0.3, 0.0, 0.4, 1.5, 2.5, 6.0, 9.0]
    normal = {'x': zs, 'cdf': [float(norm.cdf(v)) for v in zs]}

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump({'source': 'scripts/reference/metrics_reference.py (scikit-learn %s)' % __import__('sklearn').__version__,
                   'binary': cases_binary, 'multiclass': cases_multi, 'delong': delong, 'normal': normal}, f)
    for c in cases_binary + cases_multi:
        print(c['name'], c['expected'])
    for d in delong:
        print(d['expected'])


if __name__ == '__main__':
    main()
