"""How much does each modality of a synthetic MEN cohort say about the grade?

Fits simple models on train+val and reports macro one-vs-rest test AUCs for
  tabular-only : logistic regression on the clinical record (one-hot location/sex + standardised numbers),
  image-only   : logistic regression / gradient boosting on hand-crafted volume statistics (intensity
                 percentiles of each sequence after per-volume standardisation, bright-T2 and low-ADC
                 fractions, interface roughness),
  both         : the two together.
Usage: /usr/bin/python3 test/data/tools/separability_men.py <men folder>
"""
import csv
import gzip
import os
import struct
import sys

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CLASSES = ['Grade_1', 'Grade_2_invasion', 'Grade_2_noninvasion']
LOCATIONS = ['convexity', 'parasagittal', 'skull base', 'posterior fossa', 'intraventricular']
DTYPES = {2: np.uint8, 4: np.int16, 16: np.float32}


def read_nifti(path):
    b = gzip.open(path).read()
    dims = struct.unpack('<8h', b[40:56])
    code = struct.unpack('<h', b[70:72])[0]
    slope, inter = struct.unpack('<2f', b[112:120])
    off = int(struct.unpack('<f', b[108:112])[0])
    n = dims[1] * dims[2] * dims[3]
    a = np.frombuffer(b[off:], dtype=DTYPES[code])[:n].astype(np.float32) * (slope or 1) + inter
    return a.reshape(dims[3], dims[2], dims[1])


def features(folder):
    out = []
    vols = [read_nifti(os.path.join(folder, f'{m}_bbox.nii.gz')) for m in ('t1', 't2', 'adc')]
    for v in vols:
        z = (v - v.mean()) / (v.std() + 1e-6)
        out += list(np.percentile(z, [5, 25, 50, 75, 95])) + [(z > 1.5).mean(), (z < -1).mean()]
        g = np.abs(np.diff(z, axis=1)).mean() + np.abs(np.diff(z, axis=2)).mean()
        out.append(g)
    t1, t2, adc = vols
    enh = t1 > np.percentile(t1, 70)  # enhancing tumour
    out += [enh.mean(), (adc[enh].mean() / (adc.mean() + 1e-6)), (t2[~enh] > np.percentile(t2, 80)).mean()]
    return np.array(out)


def main(root):
    rows = {r['id']: r for r in csv.DictReader(open(os.path.join(root, 'clinical.csv')))}
    X_tab, X_img, y, sp = [], [], [], []
    for split in ('train', 'val', 'test'):
        for k, cls in enumerate(CLASSES):
            d = os.path.join(root, split, cls)
            for p in sorted(os.listdir(d)):
                r = rows[p]
                X_tab.append([r['location'] == l for l in LOCATIONS] + [r['sex'] == 'male'] +
                             [float(r[c]) for c in ('age', 'adc_value', 'tumour_area', 'oedema_area')] +
                             [np.log(float(r['tumour_area'])), np.log1p(float(r['oedema_area']))])
                X_img.append(features(os.path.join(d, p)))
                y.append(k)
                sp.append(split)
    X_tab, X_img, y, sp = np.array(X_tab, dtype=float), np.array(X_img), np.array(y), np.array(sp)
    tr, te = sp != 'test', sp == 'test'

    def auc(X, model):
        model.fit(X[tr], y[tr])
        return roc_auc_score(y[te], model.predict_proba(X[te]), multi_class='ovr', average='macro')

    lr = lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=3000))
    gb = lambda: GradientBoostingClassifier(n_estimators=150, max_depth=2, learning_rate=0.05, random_state=0)
    both = np.hstack([X_tab, X_img])
    print(f'fit on train+val ({tr.sum()}), macro OvR AUC on test ({te.sum()})')
    print(f'tabular-only (LR)             : {auc(X_tab, lr()):.3f}')
    print(f'image-only   (LR on volume stats): {auc(X_img, lr()):.3f}   (GB: {auc(X_img, gb()):.3f})')
    print(f'both         (LR)             : {auc(both, lr()):.3f}   (GB: {auc(both, gb()):.3f})')


if __name__ == '__main__':
    main(sys.argv[1])
