"""Fidelity fixtures for test/model/twin.test.ts: the PyTorch twin (cfcml_twin.py) on fixed weights and a fixed
batch, for `full` and two other variants, 2-D (Derm7pt-like) and 3-D (MEN-like), at small sizes.

For each case it writes test/fixtures/reference/twin/<dims>-<variant>.ckpt in cfcml's checkpoint format
(a safetensors file, lib/run/checkpoint.ts), so the test reads it with cfcml's own decoder:
  meta:    config (a CFCMLConfig without encoder), labels, hrm weights, tau, loss terms, parameter count
  w:<key>  the weights, cfcml keys and layouts (the test loads them with model.setWeightData)
  g:<key>  d total / d weight, in cfcml layout
  in:image<m> (channels last), in:tabular;  out:logits, out:z<m>
The twin computes in float64 on the float32-rounded weights and inputs (a reference, not a float32 peer).
Dropout is 0 in these configs: tfjs and torch draw different masks, so a training-mode forward is only
comparable without it (the classifier's dropout is the only random op in the model).
HRM weights are 10x the Derm7pt/MEN preset ones so that the HRM part of the gradient is not negligible.

Run:  /usr/bin/python3 scripts/reference/make_twin_fixtures.py
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))
from cfcml_twin import CFCMLTwin, cfcml_arrays, cfcml_loss, hrm_weights_for, load_cfcml, param_count, to_torch_images, write_checkpoint  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference', 'twin')

SMALL = dict(width=4, imgTokens=2, tabTokens=2, heads=2, encoderWidths=[2, 3, 3, 4], sharedEncoder=True, dropout=0)


def derm_like(variant):
    return dict(
        images=[dict(kind='2d', channels=3), dict(kind='2d', channels=3)],
        imageSize=[16, 16],
        tabular=[dict(kind='categorical', levels=v) for v in (3, 3, 9, 2, 3)],
        numClasses=2,
        variant=variant,
        model=dict(SMALL),
        seed=7,
    )


def men_like(variant):
    return dict(
        images=[dict(kind='3d', channels=1) for _ in range(3)],
        # 5 slices: the stride-2 down convs meet odd sizes, so TF 'same' padding (extra at the end) is exercised
        imageSize=[5, 8, 8],
        tabular=[dict(kind='categorical', levels=5), dict(kind='categorical', levels=2)] + [dict(kind='numeric') for _ in range(4)],
        numClasses=3,
        variant=variant,
        model=dict(SMALL, encoderWidths=[4, 4, 4, 4], sharedEncoder=False),
        seed=11,
    )


CASES = [('2d', derm_like, v) for v in ('full', 'no-mg', 'late-fusion')] + [('3d', men_like, v) for v in ('full', 'no-cie', 'single-head')]
# model.tokenNorm (the default of the cpu presets since cohort v2's tuning): appended, so the cases above keep their seeds.
TOKEN_NORM_CASES = [('2d', derm_like, 'full'), ('3d', men_like, 'full')]
# Missing cells (every field with a learned missing token; some cells of the batch missing), with their own seeds:
# 2-D full (categorical fields; CIE and the HRM losses see the missing tokens) and 3-D late fusion (numeric fields).
MISSING_CASES = [('2d', derm_like, 'full', 300), ('3d', men_like, 'late-fusion', 302)]
BASE_HRM = {'2d': dict(sam=0.4, up=0.6, cp=1.8), '3d': dict(sam=0.6, up=0.4, cp=2.4)}
B = 4


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def make(dims, make_config, variant, seed, token_norm=False, missing=False):
    cfg = make_config(variant)
    if missing:
        cfg['tabular'] = [dict(f, missing=True) for f in cfg['tabular']]
    if token_norm:
        # A LayerNorm over D = 4 values is ill-conditioned (a token with nearly equal channels has a variance
        # near 0, and float32 rounding is then amplified in the gradients): the token-norm cases use D = 8 and
        # at least 4 encoder channels per stage (the encoder's channel norms have the same issue).
        cfg['model']['tokenNorm'] = True
        cfg['model']['width'] = 8
        cfg['model']['encoderWidths'] = [max(4, c) for c in cfg['model']['encoderWidths']]
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    model = CFCMLTwin(cfg).double()
    # Random weights everywhere (norm γ ≈ 1, β ≈ 0 but not exactly, so their gradients are tested too).
    w = cfcml_arrays(model)
    for k, a in w.items():
        if k.endswith('/missing'):
            w[k] = 0.5 * rng.standard_normal(a.shape)  # zeros at init: give the missing tokens values of their own
        elif k.endswith('/gamma'):
            w[k] = 1 + 0.2 * rng.standard_normal(a.shape)
        elif k.endswith('/beta') or k.endswith('/bias'):
            w[k] = 0.2 * rng.standard_normal(a.shape)
        else:
            w[k] = a + 0.05 * rng.standard_normal(a.shape) * (np.abs(a).mean() + 1e-3)
        w[k] = f32(w[k])
    load_cfcml(model, w)

    shape = [B, *cfg['imageSize']]
    images = [f32(rng.random([*shape, im['channels']]) if dims == '2d' else rng.standard_normal([*shape, im['channels']])) for im in cfg['images']]
    tab = np.zeros([B, len(cfg['tabular'])])
    for k, f in enumerate(cfg['tabular']):
        tab[:, k] = rng.integers(0, f['levels'], B) if f['kind'] == 'categorical' else rng.standard_normal(B)
        if missing:
            # Cells (i + k) % 3 == 0 missing: each case and each field has some, none has all.
            rows = [i for i in range(B) if (i + k) % 3 == 0]
            tab[rows, k] = f['levels'] if f['kind'] == 'categorical' else np.nan
    tab = f32(tab)
    C = cfg['numClasses']
    labels = [i % C for i in range(B)]
    rng.shuffle(labels)

    hrm = hrm_weights_for(variant, BASE_HRM[dims])
    z, logits = model([to_torch_images(x) for x in images], torch.from_numpy(tab))
    y = torch.tensor(labels, dtype=torch.long)
    terms = cfcml_loss(z, logits, y, C, hrm, tau=0.07)
    model.zero_grad()
    terms['total'].backward()
    g = cfcml_arrays(model, grads=True)

    # PyTorch's own float32 error against this float64 reference, per gradient tensor: the conditioning of the
    # fixture. The test allows cfcml (float32) max(1e-4, 2 × this).
    m32 = CFCMLTwin(cfg).float()
    load_cfcml(m32, {k: v.astype(np.float32) for k, v in w.items()})
    z32, logits32 = m32([to_torch_images(x.astype(np.float32)) for x in images], torch.from_numpy(tab.astype(np.float32)))
    t32 = cfcml_loss(z32, logits32, y, C, hrm, tau=0.07)
    m32.zero_grad()
    t32['total'].backward()
    g32 = cfcml_arrays(m32, grads=True)
    f32err = {k: float(np.abs(g32[k] - g[k]).max() / max(np.abs(g[k]).max(), 1e-12)) for k in g}

    meta = dict(
        config=cfg,
        torchFloat32RelError=f32err,
        labels=[int(v) for v in labels],
        hrmWeights=hrm,
        tau=0.07,
        terms={k: float(v) for k, v in terms.items()},
        paramCount=param_count(model),
        torch=torch.__version__,
        note='made by scripts/reference/make_twin_fixtures.py (PyTorch twin, float64)',
    )
    arrays = [(f'w:{k}', v) for k, v in w.items()] + [(f'g:{k}', v) for k, v in g.items()]
    arrays += [(f'in:image{m}', x) for m, x in enumerate(images)] + [('in:tabular', tab)]
    arrays += [('out:logits', logits.detach().numpy())] + [(f'out:z{m}', zm.detach().numpy()) for m, zm in enumerate(z)]
    return meta, arrays


def main():
    os.makedirs(OUT, exist_ok=True)
    for i, (dims, mk, variant) in enumerate(CASES):
        meta, arrays = make(dims, mk, variant, seed=100 + i)
        path = os.path.join(OUT, f'{dims}-{variant}.ckpt')
        write_checkpoint(path, meta, arrays)
        print(f'{path}: {meta["paramCount"]} params, terms {meta["terms"]}, {os.path.getsize(path)} bytes')
    for i, (dims, mk, variant) in enumerate(TOKEN_NORM_CASES):
        meta, arrays = make(dims, mk, variant, seed=200 + i, token_norm=True)
        path = os.path.join(OUT, f'{dims}-{variant}-tokennorm.ckpt')
        write_checkpoint(path, meta, arrays)
        print(f'{path}: {meta["paramCount"]} params, terms {meta["terms"]}, {os.path.getsize(path)} bytes')
    for dims, mk, variant, seed in MISSING_CASES:
        meta, arrays = make(dims, mk, variant, seed=seed, missing=True)
        path = os.path.join(OUT, f'{dims}-{variant}-missing.ckpt')
        write_checkpoint(path, meta, arrays)
        print(f'{path}: {meta["paramCount"]} params, terms {meta["terms"]}, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
