"""Reference values for test/train/schedule.test.ts: the learning rate per epoch of the authors' protocol.

The authors' main.py (github IsDling/CFCML) builds
    StepLR(optimizer, step_size, gamma)
    GradualWarmupScheduler(optimizer, multiplier=1, total_epoch=warmup, after_scheduler=StepLR)
and calls the warm-up scheduler's step() once after every epoch. GradualWarmupScheduler comes from a
`scheduler.py` that is not in their repository; its import and signature are those of the widely used
pytorch-gradual-warmup-lr package, whose documented behaviour with multiplier = 1 is: lr starts from 0 and
reaches the base lr at `total_epoch`, then the after-scheduler takes over. `Warmup` below states that
behaviour (our own few lines, on torch's scheduler base class), so torch 1.13's StepLR hand-over is real.

Run with Debian's python (PyTorch 1.13): /usr/bin/python3 scripts/reference/schedule_torch.py
Writes test/fixtures/reference/schedule.json: the lr each epoch trains at (read before the epoch).
"""
import json, os
import torch
from torch.optim.lr_scheduler import _LRScheduler, StepLR


class Warmup(_LRScheduler):
    """Linear warm-up from 0 (multiplier 1): lr = base · t / T for t ≤ T, then `after` takes over."""

    def __init__(self, optimizer, total, after):
        self.total, self.after, self.handed_over = total, after, False
        super().__init__(optimizer)

    def get_lr(self):
        if self.last_epoch > self.total:
            if not self.handed_over:
                self.after.base_lrs = list(self.base_lrs)
                self.handed_over = True
            return self.after.get_last_lr()
        return [b * self.last_epoch / self.total for b in self.base_lrs]

    def step(self, epoch=None):
        if self.handed_over:
            self.after.step()
            self._last_lr = self.after.get_last_lr()
        else:
            super().step()


def sequence(lr, warmup, step_size, gamma, epochs):
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.Adam([w], lr=lr)
    after = StepLR(opt, step_size=step_size, gamma=gamma)
    sched = Warmup(opt, warmup, after)
    out = []
    for _ in range(epochs):
        out.append(opt.param_groups[0]['lr'])
        opt.step()  # (no gradient: keeps torch from warning about the call order)
        sched.step()
    return out


def cosine_sequence(lr, span):
    """torch's CosineAnnealingLR(T_max=span, eta_min=0), stepped after each epoch: the lr epoch t trains at."""
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.Adam([w], lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=span, eta_min=0)
    out = []
    for _ in range(span):
        out.append(opt.param_groups[0]['lr'])
        opt.step()
        sched.step()
    return out


cosine = [
    {'lr': 5e-4, 'warmupEpochs': 2, 'epochs': 60},
    {'lr': 1e-3, 'warmupEpochs': 0, 'epochs': 25},
]
for c in cosine:
    c['torchLr'] = cosine_sequence(c['lr'], c['epochs'] - c['warmupEpochs'])

cases = [
    {'lr': 1e-4, 'warmupEpochs': 5, 'stepEvery': 5, 'stepGamma': 0.8, 'epochs': 50},  # Derm7pt, run.sh
    {'lr': 5e-4, 'warmupEpochs': 5, 'stepEvery': 5, 'stepGamma': 0.8, 'epochs': 50},  # MEN
    {'lr': 5e-4, 'warmupEpochs': 2, 'stepEvery': 4, 'stepGamma': 0.8, 'epochs': 30},  # our cpu preset's shape
]
for c in cases:
    c['authorsLr'] = sequence(c['lr'], c['warmupEpochs'], c['stepEvery'], c['stepGamma'], c['epochs'])
path = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference', 'schedule.json')
with open(path, 'w') as f:
    json.dump({'source': 'scripts/reference/schedule_torch.py (torch ' + torch.__version__ + ')', 'cases': cases, 'cosine': cosine}, f, indent=1)
print('wrote', os.path.normpath(path))
for c in cases:
    print(c['lr'], [round(v / c['lr'], 4) for v in c['authorsLr'][:16]])
