"""A standard deep-fusion recipe outside cfcml's harness: what a plain network reaches on a Derm7pt-format
cohort, as a reference row for `cfcml report` ("what a standard network reaches here").

The textbook recipe, written from scratch with PyTorch (Debian's python3-torch 1.13), sharing no code with
cfcml: a small ResNet-style CNN per photograph (clinic, derm) and a one-hot MLP for the record, their
features concatenated into an MLP head (`joint`), or each branch with its own logit, summed (`late`: an
additive model, the late-fusion form). AdamW, cosine learning-rate schedule, random flips and shifts,
binary cross-entropy; the epoch is selected on validation AUC and the test split is scored once with it.

Data: the folder layout of docs/DATA.md (meta/meta.csv, meta/{train,valid,test}_indexes.csv, images/),
NEV vs MEL by the dataset authors' grouping; record fields difficulty, elevation, location, sex (management
is left out: it leaks the label, as cfcml's audit finds). Images are resized to --size (default 64, as
cfcml's cpu preset).

Run:
  /usr/bin/python3 scripts/reference/standard_recipe.py --data data/synthetic/derm7pt --seeds 1,2,3 \
      --out runs/ablation/standard-recipe.json
Writes one JSON file: per form and seed, the selected epoch, validation and test AUC, and the test
predictions (case ids and P(MEL)); `cfcml report` adds it as a reference row when the file lies in the
sweep folder. Networks already in the file are skipped; several processes may write into one file (e.g. one
per --forms, as scripts/study.sh runs them): each adds its networks under a lock on the folder. With
--ckpt-dir every network is saved after each epoch and an interrupted one resumes there with the numbers of
an uninterrupted run (checked: 4 epochs straight and 2 + 2 with --stop-after 2 give the same selected epoch,
validation AUC and test predictions). Standard output shows validation numbers only; the test AUC goes to
the file.
"""
import argparse
import contextlib
import csv
import fcntl
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image
from sklearn.metrics import roc_auc_score

NEV = {'blue nevus', 'clark nevus', 'combined nevus', 'congenital nevus', 'dermal nevus', 'recurrent nevus', 'reed or spitz nevus'}
MEL = {'melanoma', 'melanoma (in situ)', 'melanoma (less than 0.76 mm)', 'melanoma (0.76 to 1.5 mm)', 'melanoma (more than 1.5 mm)', 'melanoma metastasis'}
FIELDS = {
    'level_of_diagnostic_difficulty': ['low', 'medium', 'high'],
    'elevation': ['flat', 'palpable', 'nodular'],
    'location': ['upper limbs', 'head neck', 'back', 'lower limbs', 'chest', 'abdomen', 'buttocks', 'acral', 'genital areas'],
    'sex': ['female', 'male'],
}


def read_split(root, name):
    with open(os.path.join(root, 'meta', f'{name}_indexes.csv'), newline='') as f:
        return [int(r['indexes']) for r in csv.DictReader(f)]


def load(root, size):
    with open(os.path.join(root, 'meta', 'meta.csv'), newline='', encoding='utf-8-sig') as f:
        rows = list(csv.DictReader(f))
    out = {}
    for split in ('train', 'valid', 'test'):
        ids, imgs, tab, y = [], [], [], []
        for i in read_split(root, split):
            r = rows[i]
            d = r['diagnosis'].strip()
            if d not in NEV and d not in MEL:
                continue
            views = []
            for col in ('clinic', 'derm'):
                im = Image.open(os.path.join(root, 'images', r[col])).convert('RGB').resize((size, size), Image.BILINEAR)
                views.append(np.asarray(im, dtype=np.float32).transpose(2, 0, 1) / 255.0)
            onehot = []
            for col, levels in FIELDS.items():
                v = [0.0] * len(levels)
                v[levels.index(r[col].strip())] = 1.0
                onehot += v
            ids.append(r.get('case_id') or str(i))
            imgs.append(np.stack(views))
            tab.append(onehot)
            y.append(1.0 if d in MEL else 0.0)
        out[split] = (ids, torch.tensor(np.stack(imgs)), torch.tensor(tab), torch.tensor(y))
    return out


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.c1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.b1 = nn.BatchNorm2d(cout)
        self.c2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.b2 = nn.BatchNorm2d(cout)
        self.skip = None if stride == 1 and cin == cout else nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        h = F.relu(self.b1(self.c1(x)))
        h = self.b2(self.c2(h))
        return F.relu(h + (x if self.skip is None else self.skip(x)))


class Cnn(nn.Module):
    """A small ResNet: stem, four stages (16-32-64-64 channels, stride 2 from the second), global pool."""

    def __init__(self, widths=(16, 32, 64, 64)):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, widths[0], 3, 1, 1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU())
        layers, cin = [], widths[0]
        for k, w in enumerate(widths):
            layers.append(Block(cin, w, 1 if k == 0 else 2))
            cin = w
        self.body = nn.Sequential(*layers)
        self.dim = cin

    def forward(self, x):
        return self.body(self.stem(x)).mean(dim=(2, 3))


class Fusion(nn.Module):
    def __init__(self, form, tab_dim, dropout=0.3):
        super().__init__()
        self.form = form
        self.clinic, self.derm = Cnn(), Cnn()
        self.tab = nn.Sequential(nn.Linear(tab_dim, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU())
        dims = [self.clinic.dim, self.derm.dim, 32]
        if form == 'joint':
            self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(sum(dims), 64), nn.ReLU(), nn.Dropout(dropout), nn.Linear(64, 1))
        else:
            self.heads = nn.ModuleList([nn.Sequential(nn.Dropout(dropout), nn.Linear(d, 1)) for d in dims])

    def forward(self, imgs, tab):
        feats = [self.clinic(imgs[:, 0]), self.derm(imgs[:, 1]), self.tab(tab)]
        if self.form == 'joint':
            return self.head(torch.cat(feats, dim=1)).squeeze(1)
        return sum(h(f) for h, f in zip(self.heads, feats)).squeeze(1)


def augment(imgs, gen, shift=4):
    """Random horizontal and vertical flips and shifts of up to `shift` pixels (reflect padding), per view."""
    b, v, c, h, w = imgs.shape
    x = imgs.reshape(b * v, c, h, w)
    flip_h = torch.rand(b * v, generator=gen) < 0.5
    flip_v = torch.rand(b * v, generator=gen) < 0.5
    x = torch.where(flip_h[:, None, None, None], x.flip(3), x)
    x = torch.where(flip_v[:, None, None, None], x.flip(2), x)
    padded = F.pad(x, (shift, shift, shift, shift), mode='reflect')
    dx = torch.randint(0, 2 * shift + 1, (b * v,), generator=gen)
    dy = torch.randint(0, 2 * shift + 1, (b * v,), generator=gen)
    rows = (dy[:, None] + torch.arange(h)[None, :])[:, None, :, None].expand(b * v, c, h, w + 2 * shift)
    out = padded.gather(2, rows)
    cols = (dx[:, None] + torch.arange(w)[None, :])[:, None, None, :].expand(b * v, c, h, w)
    out = out.gather(3, cols)
    return out.reshape(b, v, c, h, w)


def scores(model, split, batch=128):
    model.eval()
    _, imgs, tab, _ = split
    with torch.no_grad():
        return torch.cat([torch.sigmoid(model(imgs[i:i + batch], tab[i:i + batch])) for i in range(0, len(tab), batch)]).numpy()


def save_atomic(obj, path):
    tmp = path + '.tmp'
    torch.save(obj, tmp)
    os.replace(tmp, path)


def train_one(data, form, seed, epochs, lr, wd, batch, ckpt=None, stop_after=None):
    """One network. With `ckpt` (a file path) the state after every epoch is saved there (weights, optimiser,
    schedule, both random streams, the best epoch so far) and a run that finds it resumes after that epoch
    with the same numbers as an uninterrupted run; `stop_after` ends the process after that epoch (tests)."""
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed)
    model = Fusion(form, data['train'][2].shape[1])
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=wd)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    _, imgs, tab, y = data['train']
    best = (-1.0, 0, None)
    first = 1
    if ckpt and os.path.exists(ckpt):
        st = torch.load(ckpt)
        if (st['form'], st['seed'], st['epochs']) != (form, seed, epochs):
            raise SystemExit(f"{ckpt}: a checkpoint of {st['form']} seed {st['seed']} ({st['epochs']} epochs), not of {form} seed {seed} ({epochs})")
        model.load_state_dict(st['model'])
        opt.load_state_dict(st['opt'])
        sched.load_state_dict(st['sched'])
        torch.set_rng_state(st['rng'])
        gen.set_state(st['gen'])
        best = st['best']
        first = st['epoch'] + 1
        print(f'  {form} seed {seed}: resumed after epoch {st["epoch"]} from {ckpt}', flush=True)
    started = time.time()
    for epoch in range(first, epochs + 1):
        model.train()
        order = torch.randperm(len(y), generator=gen)
        for i in range(0, len(y), batch):
            idx = order[i:i + batch]
            if len(idx) < 2:
                continue
            loss = F.binary_cross_entropy_with_logits(model(augment(imgs[idx], gen), tab[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        sched.step()
        v = roc_auc_score(data['valid'][3].numpy(), scores(model, data['valid']))
        if v > best[0]:
            best = (v, epoch, {k: t.clone() for k, t in model.state_dict().items()})
        if epoch % 10 == 0:
            per_epoch = (time.time() - started) / (epoch - first + 1)
            print(f'  {form} seed {seed}: epoch {epoch}/{epochs}, best valid AUC {best[0]:.4f} (epoch {best[1]}), {per_epoch:.1f} s/epoch', flush=True)
        if ckpt:
            save_atomic({'form': form, 'seed': seed, 'epochs': epochs, 'epoch': epoch, 'model': model.state_dict(), 'opt': opt.state_dict(),
                         'sched': sched.state_dict(), 'rng': torch.get_rng_state(), 'gen': gen.get_state(), 'best': best}, ckpt)
        if stop_after is not None and epoch == stop_after:
            print(f'  {form} seed {seed}: stopped after epoch {epoch} (--stop-after)', flush=True)
            sys.exit(3)
    model.load_state_dict(best[2])
    test = scores(model, data['test'])
    return {
        'form': form,
        'seed': seed,
        'best_epoch': best[1],
        'epochs': epochs,
        'valid_auc': float(best[0]),
        'test_auc': float(roc_auc_score(data['test'][3].numpy(), test)),
        'test_ids': data['test'][0],
        'test_p_mel': [float(x) for x in test],
    }


@contextlib.contextmanager
def locked(folder):
    """An exclusive lock on a folder: processes that train other forms or seeds into the same file take turns."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def read_runs(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return json.load(f).get('runs', [])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--data', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seeds', default='1,2,3')
    ap.add_argument('--forms', default='joint,late')
    ap.add_argument('--epochs', type=int, default=150)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--weight-decay', type=float, default=1e-4)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--size', type=int, default=64)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--ckpt-dir', help='save each network after every epoch here and resume from it (a sitting that ends loses no epoch)')
    ap.add_argument('--stop-after', type=int, help='end after this epoch of the first network trained (to test resuming)')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    out_dir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(out_dir, exist_ok=True)
    wanted = [(form, int(s)) for form in a.forms.split(',') for s in a.seeds.split(',')]
    done = {(r['form'], r['seed']) for r in read_runs(a.out)}
    todo = [w for w in wanted if w not in done]
    if not todo:
        print(f'standard recipe: {a.out}: {len(wanted)} networks done already', flush=True)
        return 0
    data = load(a.data, a.size)
    print(f"standard recipe: {a.data}: train {len(data['train'][3])}, valid {len(data['valid'][3])}, test {len(data['test'][3])} cases; {len(todo)} of {len(wanted)} networks to train", flush=True)
    for form, seed in todo:
        t0 = time.time()
        ckpt = None
        if a.ckpt_dir:
            os.makedirs(a.ckpt_dir, exist_ok=True)
            ckpt = os.path.join(a.ckpt_dir, f"{os.path.basename(os.path.abspath(a.data))}-{form}-seed{seed}.pt")
        r = train_one(data, form, seed, a.epochs, a.lr, a.weight_decay, a.batch, ckpt, a.stop_after)
        r['seconds'] = round(time.time() - t0, 1)
        # The test AUC goes to the file only: a study reads no test number before its sweeps are finished.
        print(f"  {form} seed {seed}: selected epoch {r['best_epoch']}/{a.epochs}, valid AUC {r['valid_auc']:.4f} ({r['seconds']} s of this sitting)", flush=True)
        with locked(out_dir):  # another process may have added its networks since this one started
            runs = [x for x in read_runs(a.out) if (x['form'], x['seed']) != (form, seed)] + [r]
            runs.sort(key=lambda x: (x['form'], x['seed']))
            doc = {
                'recipe': 'standard PyTorch fusion (scripts/reference/standard_recipe.py)',
                'data': os.path.abspath(a.data),
                'settings': {k: getattr(a, k) for k in ('epochs', 'lr', 'weight_decay', 'batch', 'size')},
                'torch': torch.__version__,
                'runs': runs,
            }
            tmp = a.out + f'.tmp{os.getpid()}'
            with open(tmp, 'w') as f:
                json.dump(doc, f)
            os.replace(tmp, a.out)
        if ckpt:
            os.remove(ckpt)


if __name__ == '__main__':
    sys.exit(main())
