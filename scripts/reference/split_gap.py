"""Do a cohort's validation and test images differ in kind? A fixed linear model on raw pixels, trained on each
cohort's training split and scored on validation and test: if the two splits were drawn alike, its validation and
test AUCs differ only by sampling noise (a few hundredths on ~320 cases each).

Logistic regression (scikit-learn, C = 0.01, standardised features) on the RGB pixels of both photographs (clinic
and derm) resized to 12 x 12 with PIL's bilinear filter; NEV vs MEL by the dataset authors' grouping (left-out
diagnoses dropped), as scripts/reference/standard_recipe.py reads the folder.

Run (Debian's /usr/bin/python3 with scikit-learn, NumPy and PIL):
  /usr/bin/python3 scripts/reference/split_gap.py --data data/synthetic/derm7pt-n1,data/synthetic/derm7pt-n2,data/synthetic/derm7pt-n4 \\
      --out docs/results/split-gap.json
"""
import argparse
import csv
import json
import os

import numpy as np
from PIL import Image
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

NEV_WORD, MEL_PREFIX = 'nevus', 'melanoma'


def split(root, rows, name, size):
    with open(os.path.join(root, 'meta', f'{name}_indexes.csv'), newline='') as f:
        idx = [int(r['indexes']) for r in csv.DictReader(f)]
    x, y = [], []
    for i in idx:
        d = rows[i]['diagnosis'].strip()
        label = 0 if NEV_WORD in d else 1 if d.startswith(MEL_PREFIX) else None
        if label is None:
            continue
        views = [np.asarray(Image.open(os.path.join(root, 'images', rows[i][c])).convert('RGB').resize((size, size), Image.BILINEAR), dtype=np.float32).ravel() / 255
                 for c in ('clinic', 'derm')]
        x.append(np.concatenate(views))
        y.append(label)
    return np.array(x), np.array(y)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--data', required=True, help='cohort folders, comma-separated')
    ap.add_argument('--out', required=True)
    ap.add_argument('--size', type=int, default=12)
    ap.add_argument('--C', type=float, default=0.01)
    a = ap.parse_args()
    out = {'model': f'logistic regression, C={a.C}, standardised RGB pixels of clinic and derm at {a.size}x{a.size}', 'cohorts': {}}
    for root in a.data.split(','):
        with open(os.path.join(root, 'meta', 'meta.csv'), newline='', encoding='utf-8-sig') as f:
            rows = list(csv.DictReader(f))
        data = {s: split(root, rows, s, a.size) for s in ('train', 'valid', 'test')}
        scaler = StandardScaler().fit(data['train'][0])
        model = LogisticRegression(C=a.C, max_iter=5000).fit(scaler.transform(data['train'][0]), data['train'][1])
        auc = {s: float(roc_auc_score(y, model.predict_proba(scaler.transform(x))[:, 1])) for s, (x, y) in data.items()}
        out['cohorts'][os.path.basename(os.path.normpath(root))] = {'cases': {s: int(len(y)) for s, (_, y) in data.items()}, 'auc': auc}
        print(f"{root}: train {auc['train']:.3f}, valid {auc['valid']:.3f}, test {auc['test']:.3f}")
    with open(a.out + '.tmp', 'w') as f:
        json.dump(out, f, indent=2)
        f.write('\n')
    os.replace(a.out + '.tmp', a.out)


if __name__ == '__main__':
    main()
