"""Reference values for lib/hrm: a deliberately naive float64 implementation of METHOD.md (H1)-(H7).

Loops over modalities, classes and samples, written straight from the equations, the way the authors'
CFCML.py does it, except that a class absent from the batch is skipped (no prototype, no term) instead
of producing NaN. Gradients are central finite differences of this same naive function (float64).

Run:  /usr/bin/python3 scripts/reference/hrm_reference.py
Writes test/fixtures/reference/hrm.json (inputs included, so the test needs no Python).
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference', 'hrm.json')


def normalize(v):
    return v / max(np.linalg.norm(v), 1e-12)


def sim(a, b, tau):  # (H3)
    cos = float(np.dot(a, b) / (max(np.linalg.norm(a), 1e-12) * max(np.linalg.norm(b), 1e-12)))
    return math.exp((cos + 1.0) / tau)


def ell(a, pos, neg, tau, eps):  # (H4)
    sp = sum(sim(a, p, tau) for p in pos)
    sn = sum(sim(a, n, tau) for n in neg)
    return -math.log(sp / (sp + sn) + eps)


def hrm_naive(z, labels, C, tau, eps):
    """z: list of M arrays [B, D]; labels: list of B ints."""
    M = len(z)
    B = len(labels)
    present = [any(y == c for y in labels) for c in range(C)]
    # (H1) unimodal prototypes, (H2) crossmodal prototypes
    p = [[None] * C for _ in range(M)]
    q = [None] * C
    for c in range(C):
        if not present[c]:
            continue
        allrows = []
        for m in range(M):
            rows = [normalize(z[m][i]) for i in range(B) if labels[i] == c]
            p[m][c] = normalize(np.mean(rows, axis=0))
            allrows += rows
        q[c] = normalize(np.mean(allrows, axis=0))
    # (H5) sample anchors
    sam = 0.0
    for m in range(M):
        for c in range(C):
            if not present[c]:
                continue
            idx = [i for i in range(B) if labels[i] == c]
            pos = [q[c]] + [p[mm][c] for mm in range(M)]
            neg = [z[m][j] for j in range(B) if labels[j] != c]
            total = 0.0
            for i in idx:
                total += ell(z[m][i], pos, neg, tau, eps)
            sam += total / len(idx)
    # (H6) unimodal-prototype anchors
    up = 0.0
    for m in range(M):
        for c in range(C):
            if not present[c]:
                continue
            neg = [p[mm][cc] for mm in range(M) for cc in range(C) if cc != c and present[cc]]
            up += ell(p[m][c], [q[c]], neg, tau, eps) / M
    # (H7) crossmodal-prototype anchors
    cp = 0.0
    for c in range(C):
        if not present[c]:
            continue
        pos = [p[m][c] for m in range(M)]
        neg = [q[cc] for cc in range(C) if cc != c and present[cc]]
        cp += ell(q[c], pos, neg, tau, eps) / C
    zero = np.zeros(z[0].shape[1])
    P = [[(p[m][c] if present[c] else zero).tolist() for c in range(C)] for m in range(M)]
    Q = [(q[c] if present[c] else zero).tolist() for c in range(C)]
    return sam, up, cp, P, Q, present


def fd_grad(z, labels, C, tau, eps, which, h=1e-6):
    """Central finite differences of loss `which` (0 sam, 1 up, 2 cp) w.r.t. every z entry."""
    grads = []
    for m in range(len(z)):
        g = np.zeros_like(z[m])
        for i in range(z[m].shape[0]):
            for d in range(z[m].shape[1]):
                zp = [a.copy() for a in z]
                zm = [a.copy() for a in z]
                zp[m][i, d] += h
                zm[m][i, d] -= h
                g[i, d] = (hrm_naive(zp, labels, C, tau, eps)[which] - hrm_naive(zm, labels, C, tau, eps)[which]) / (2 * h)
        grads.append(g.tolist())
    return grads


def make_case(name, rng, M, C, labels, D, tau=0.07, eps=1e-8, spread=0.4, grads=False):
    B = len(labels)
    # class-dependent means so the losses are not all at their random-embedding values
    means = rng.normal(size=(C, D))
    z = [means[labels] * spread + rng.normal(size=(B, D)) for _ in range(M)]
    sam, up, cp, P, Q, present = hrm_naive(z, list(labels), C, tau, eps)
    case = {
        'name': name, 'M': M, 'C': C, 'B': B, 'D': D, 'tau': tau, 'eps': eps,
        'labels': [int(v) for v in labels], 'z': [a.tolist() for a in z],
        'sam': sam, 'up': up, 'cp': cp, 'unimodal': P, 'crossmodal': Q, 'present': present,
    }
    if grads:
        case['grad'] = {k: fd_grad(z, list(labels), C, tau, eps, w) for w, k in enumerate(['sam', 'up', 'cp'])}
    return case


def main():
    rng = np.random.default_rng(20240601)
    cases = [
        make_case('2 classes, 2 modalities, balanced', rng, 2, 2, np.array([0, 1, 0, 1, 0, 1, 1, 0]), 6),
        make_case('2 classes, 3 modalities, unbalanced', rng, 3, 2, np.array([0, 0, 0, 0, 0, 1, 0, 1, 0, 0]), 8),
        make_case('3 classes, 3 modalities, unbalanced', rng, 3, 3, np.array([0, 1, 2, 2, 2, 1, 2, 2, 0, 2, 2]), 5),
        make_case('3 classes, 4 modalities, unbalanced', rng, 4, 3, np.array([2, 2, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]), 7),
        make_case('3 classes, 2 modalities, class 1 missing', rng, 2, 3, np.array([0, 2, 0, 2, 2, 0]), 4),
        make_case('3 classes, 3 modalities, single class', rng, 3, 3, np.array([1, 1, 1, 1]), 4),
        make_case('tau 0.01, 3 classes, 3 modalities', rng, 3, 3, np.array([0, 1, 2, 0, 1, 2, 0, 0]), 6, tau=0.01, spread=0.3),
        make_case('gradients, tau 0.5, 2 classes, 2 modalities', rng, 2, 2, np.array([0, 1, 1, 0, 1]), 3, tau=0.5, grads=True),
        make_case('gradients, tau 0.07, 3 classes, 3 modalities', rng, 3, 3, np.array([0, 1, 2, 2, 1, 2]), 3, tau=0.07, spread=0.3, grads=True),
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump({'source': 'scripts/reference/hrm_reference.py (naive float64 loops, METHOD.md H1-H7)', 'cases': cases}, f)
    for c in cases:
        print(f"{c['name']}: sam={c['sam']:.6g} up={c['up']:.6g} cp={c['cp']:.6g}")


if __name__ == '__main__':
    main()
