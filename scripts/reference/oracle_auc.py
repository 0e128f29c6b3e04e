"""Reference oracle AUCs for test/synth/oracle.test.ts, recomputed with scikit-learn.

The oracle files are the default synthetic cohorts' `oracle.csv` (seeds 1-3, interaction context and none),
written from the plan by scripts/reference/make_oracle_csvs.js. Run with Debian's python:
  npm run build && node scripts/reference/make_oracle_csvs.js /tmp/cfcml-oracles
  /usr/bin/python3 scripts/reference/oracle_auc.py /tmp/cfcml-oracles
Writes test/fixtures/reference/oracle_auc.json: {file stem: {split: {column: AUC}}}; binary files get
roc_auc_score of p_<name>, three-class files the macro one-vs-rest AUC of p_<name>_0..2.
"""
import csv, json, os, re, sys
import numpy as np
from sklearn.metrics import roc_auc_score

src = sys.argv[1] if len(sys.argv) > 1 else "/tmp/cfcml-oracles"
out = {}
for name in sorted(os.listdir(src)):
    if not name.endswith(".csv"):
        continue
    with open(os.path.join(src, name)) as f:
        rows = list(csv.DictReader(f))
    cols = [c for c in rows[0] if c.startswith("p_")]
    multi = any(re.search(r"_\d+$", c) for c in cols)
    keys = sorted({re.sub(r"_\d+$", "", c[2:]) for c in cols}) if multi else [c[2:] for c in cols]
    res = {}
    for split in ("train", "valid", "test"):
        sel = [r for r in rows if r["split"] == split]
        y = np.array([int(r["label"]) for r in sel])
        res[split] = {}
        for k in keys:
            if multi:
                p = np.array([[float(r[f"p_{k}_{c}"]) for c in range(3)] for r in sel])
                res[split][k] = roc_auc_score(y, p, multi_class="ovr", average="macro")
            else:
                res[split][k] = roc_auc_score(y, np.array([float(r[f"p_{k}"]) for r in sel]))
    out[name[:-4]] = res
path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "reference", "oracle_auc.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
print(f"wrote {path}: {len(out)} files")
