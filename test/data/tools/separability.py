"""How much does each modality of a synthetic Derm7pt cohort say about the label?

Fits simple models on the train split and reports test AUCs (MEL positive) for
  tabular-only  : logistic regression on the one-hot record (management excluded: it leaks),
  image-only    : logistic regression / gradient boosting on hand-crafted lesion statistics of both photos
                  (darkness, colour spread, blue/black/red fractions, fine-structure energy, asymmetry,
                  border irregularity) — a weak stand-in for a CNN,
  both          : the two feature sets together.
Usage: /usr/bin/python3 test/data/tools/separability.py <release_v0 folder>
(python3-sklearn, numpy and PIL from Debian; this is a measurement tool, not part of the library.)
"""
import csv
import os
import sys

import numpy as np
from PIL import Image
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

NEV = {'blue nevus', 'clark nevus', 'combined nevus', 'congenital nevus', 'dermal nevus', 'recurrent nevus', 'reed or spitz nevus'}
FIELDS = {
    'level_of_diagnostic_difficulty': ['low', 'medium', 'high'],
    'elevation': ['flat', 'palpable', 'nodular'],
    'location': ['upper limbs', 'head neck', 'back', 'lower limbs', 'chest', 'abdomen', 'buttocks', 'acral', 'genital areas'],
    'sex': ['female', 'male'],
}


def image_features(path):
    a = np.asarray(Image.open(path).convert('RGB'), dtype=np.float32) / 255
    h, w, _ = a.shape
    lum = a.mean(2)
    yy, xx = np.mgrid[0:h, 0:w]
    central = (xx - w / 2) ** 2 + (yy - h / 2) ** 2 < (0.45 * min(h, w)) ** 2
    ring = central & ((xx - w / 2) ** 2 + (yy - h / 2) ** 2 > (0.4 * min(h, w)) ** 2)
    skin = np.median(lum[ring]) if ring.any() else np.median(lum)
    mask = central & (lum < 0.78 * skin)
    n = mask.sum()
    if n < 10:
        return np.zeros(14)
    r, g, b = a[..., 0][mask], a[..., 1][mask], a[..., 2][mask]
    l = lum[mask]
    lap = np.abs(4 * lum[1:-1, 1:-1] - lum[:-2, 1:-1] - lum[2:, 1:-1] - lum[1:-1, :-2] - lum[1:-1, 2:])
    hf = lap[mask[1:-1, 1:-1]].mean()
    cy, cx = yy[mask].mean(), xx[mask].mean()
    # asymmetry: mismatch of the mask with its point reflection about the centroid
    ys, xs_ = yy[mask], xx[mask]
    ry = np.clip(np.round(2 * cy - ys).astype(int), 0, h - 1)
    rx = np.clip(np.round(2 * cx - xs_).astype(int), 0, w - 1)
    asym = 1 - mask[ry, rx].mean()
    edge = mask ^ (np.roll(mask, 1, 0) & np.roll(mask, -1, 0) & np.roll(mask, 1, 1) & np.roll(mask, -1, 1))
    irregular = edge.sum() ** 2 / (4 * np.pi * n)
    return np.array([
        n / mask.size, l.mean() / skin, l.std(), r.std() + g.std() + b.std(),
        ((b > r) & (b > 0.45)).mean(), (l < 0.15).mean(), ((r > g + 0.3) & (r > 0.5)).mean(),
        hf, asym, irregular, r.mean() - b.mean(), np.percentile(l, 10), np.percentile(l, 90), (b - r).max(),
    ])


def main(root):
    rows = list(csv.DictReader(open(os.path.join(root, 'meta', 'meta.csv'))))
    split = {}
    for s in ('train', 'valid', 'test'):
        for r in csv.DictReader(open(os.path.join(root, 'meta', f'{s}_indexes.csv'))):
            split[int(r['indexes'])] = s
    X_tab, X_img, y, sp = [], [], [], []
    for i, r in enumerate(rows):
        d = r['diagnosis']
        if d not in NEV and not d.startswith('melanoma'):
            continue
        y.append(int(d.startswith('melanoma')))
        sp.append(split[i])
        X_tab.append(np.concatenate([[r[f] == l for l in levels] for f, levels in FIELDS.items()]).astype(float))
        X_img.append(np.concatenate([image_features(os.path.join(root, 'images', r[c])) for c in ('derm', 'clinic')]))
    X_tab, X_img, y, sp = np.array(X_tab), np.array(X_img), np.array(y), np.array(sp)
    tr, te = np.isin(sp, ['train', 'valid']), sp == 'test'

    def auc(X, model):
        model.fit(X[tr], y[tr])
        return roc_auc_score(y[te], model.predict_proba(X[te])[:, 1])

    lr = lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
    gb = lambda: GradientBoostingClassifier(n_estimators=150, max_depth=2, learning_rate=0.05, random_state=0)
    both = np.hstack([X_tab, X_img])
    print(f'fit on train+valid ({tr.sum()}), AUC on test ({te.sum()}: {y[te].sum()} MEL)')
    print(f'tabular-only  (LR, one-hot, no management): {auc(X_tab, lr()):.3f}')
    print(f'image-only    (LR on lesion statistics)     : {auc(X_img, lr()):.3f}   (GB: {auc(X_img, gb()):.3f})')
    print(f'both          (LR)                          : {auc(both, lr()):.3f}   (GB: {auc(both, gb()):.3f})')


if __name__ == '__main__':
    main(sys.argv[1])
