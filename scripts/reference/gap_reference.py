"""Reference values for lib/gap on random paired embeddings (3 modalities), float64.

Alignment and uniformity use Wang & Isola's (2020) own PyTorch definitions:
    align_loss(x, y, alpha=2) = (x - y).norm(p=2, dim=1).pow(alpha).mean()
    uniform_loss(x, t=2)      = torch.pdist(x, p=2).pow(2).mul(-t).exp().mean().log()
The centroid gap (Liang et al. 2022) and the relative modality gap (Schrodi et al. 2025; their
`compute_rmg` in analysis/gap_precompute.py, without its 1e-3 floor) are written out with PyTorch.

Run:  /usr/bin/python3 scripts/reference/gap_reference.py
Writes test/fixtures/reference/gap.json (inputs included).
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference', 'gap.json')


def main():
    rng = np.random.default_rng(3)
    N, D = 30, 8
    base = rng.normal(size=(N, D))
    mods = [base + rng.normal(size=(N, D)) * 0.5 + rng.normal(size=D) * s for s in (0.0, 1.0, 2.0)]
    t = [F.normalize(torch.tensor(m, dtype=torch.float64), dim=1) for m in mods]
    M = len(mods)

    def centroid_gap(x, y):
        return float((x.mean(0) - y.mean(0)).norm())

    def rmg(x, y):
        d = lambda a, b: (1 - (a * b).sum(-1)) / 2
        cross = d(x, y).mean()
        dx = (1 - x @ x.T) / 2
        dy = (1 - y @ y.T) / 2
        within = (dx.sum() + dy.sum()) / (2 * N * (N - 1))  # diagonal is 0
        return float(cross / (within + cross))

    def align(x, y, alpha=2):
        return float((x - y).norm(p=2, dim=1).pow(alpha).mean())

    def uniform(x, t_=2):
        return float(torch.pdist(x, p=2).pow(2).mul(-t_).exp().mean().log())

    pair = lambda f: [[f(t[i], t[j]) for j in range(M)] for i in range(M)]
    ref = {
        'source': 'scripts/reference/gap_reference.py',
        'mods': [m.tolist() for m in mods],
        'centroidGap': pair(centroid_gap),
        'relativeModalityGap': pair(rmg),
        'alignment': pair(align),
        'uniformity': [uniform(x) for x in t],
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump(ref, f)
    print({k: v for k, v in ref.items() if k != 'mods'})


if __name__ == '__main__':
    main()
