"""PyTorch side of `npm run bench` (bench/step.ts): times the twin (scripts/reference/cfcml_twin.py) on the
weights and the batch that cfcml saved, with a given number of threads.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/twin_bench.py --ckpt W.ckpt --batch B.ckpt \
        --threads 1 [--reps 7] [--warmup 2]

W.ckpt: a cfcml checkpoint (the trainer's `w:<key>` arrays; meta.config is the model's CFCMLConfig).
B.ckpt: in:image<m> (channels last), in:tabular; meta: labels, hrmWeights, tau, lr, weightDecay, and cfcml's
eval-mode loss terms on this batch with these weights (`terms`), which the twin reproduces as a check that it
loaded the weights (reported as `loss_rel_diff`).
Prints one JSON line: medians and minima (ms) of a training step (forward, (H8) loss, backward, Adam) and of
inference (forward in eval mode, no autograd), the parameter count, and the loss check.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'scripts', 'reference'))
from cfcml_twin import CFCMLTwin, cfcml_loss, load_cfcml, param_count, read_checkpoint, to_torch_images, weights_from_checkpoint  # noqa: E402


def timed(fn, reps, warmup):
    for _ in range(warmup):
        fn()
    ms = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1e3)
    ms.sort()
    return {'median': ms[len(ms) // 2], 'min': ms[0], 'all': ms}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt', required=True)
    ap.add_argument('--batch', required=True)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--reps', type=int, default=7)
    ap.add_argument('--warmup', type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    meta, weights = weights_from_checkpoint(args.ckpt)
    bmeta, arrays = read_checkpoint(args.batch)
    cfg = meta['config']
    model = CFCMLTwin(cfg)
    load_cfcml(model, weights)
    images = [to_torch_images(arrays[f'in:image{m}']) for m in range(len(cfg['images']))]
    tab = torch.from_numpy(arrays['in:tabular'])
    y = torch.tensor(bmeta['labels'], dtype=torch.long)
    C, hrm, tau = cfg['numClasses'], bmeta['hrmWeights'], bmeta['tau']

    # The loaded weights give cfcml's loss on this batch (eval mode: no dropout).
    model.eval()
    with torch.no_grad():
        z, logits = model(images, tab)
        terms = cfcml_loss(z, logits, y, C, hrm, tau)
    ref = bmeta['terms']
    loss_rel = max(abs(float(terms[k]) - ref[k]) / max(1e-6, abs(ref[k])) for k in ('total', 'ce', 'sam', 'up', 'cp'))

    opt = torch.optim.Adam(model.parameters(), lr=bmeta['lr'], weight_decay=bmeta['weightDecay'])

    def step():
        model.train()
        opt.zero_grad(set_to_none=True)
        z, logits = model(images, tab)
        loss = cfcml_loss(z, logits, y, C, hrm, tau)['total']
        loss.backward()
        opt.step()
        return loss.item()

    def infer():
        model.eval()
        with torch.no_grad():
            _, logits = model(images, tab)
            return logits.sum().item()

    # HRM alone (forward + backward on detached embeddings of this batch): its share of a step.
    with torch.no_grad():
        z0, _ = model(images, tab)
    z0 = [t.detach().clone().requires_grad_(True) for t in z0]

    def hrm_only():
        total = cfcml_loss(z0, torch.zeros(len(bmeta['labels']), C), y, C, hrm, tau)['total']
        total.backward()
        return total.item()

    res = {
        'threads': args.threads,
        'torch': torch.__version__,
        'params': param_count(model),
        'loss_rel_diff': loss_rel,
        'step': timed(step, args.reps, args.warmup),
        'infer': timed(infer, args.reps, args.warmup),
        'hrm': timed(hrm_only, args.reps, args.warmup),
    }
    print(json.dumps(res))


if __name__ == '__main__':
    main()
