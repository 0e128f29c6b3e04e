"""Reference values for test/train/optimizer.test.ts: torch.optim.Adam with L2 weight decay.

Run with Debian's python (PyTorch 1.13): /usr/bin/python3 scripts/reference/adam_torch.py
Writes test/fixtures/reference/adam.json.
"""
import json, os
import torch

torch.manual_seed(0)
w0 = torch.tensor([[0.5, -1.0, 2.0], [0.1, 0.0, -0.3]], dtype=torch.float64)
grads = [torch.tensor(g, dtype=torch.float64) for g in (
    [[0.1, -0.2, 0.3], [0.0, 1.0, -1.0]],
    [[-0.5, 0.25, 0.0], [2.0, -0.1, 0.05]],
    [[0.3, 0.3, -0.3], [-0.7, 0.2, 0.9]],
)]
lrs = [1e-2, 5e-3, 2e-2]
w = w0.clone().requires_grad_(True)
opt = torch.optim.Adam([w], lr=lrs[0], betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1)
trace = []
for g, lr in zip(grads, lrs):
    for group in opt.param_groups:
        group["lr"] = lr
    opt.zero_grad()
    w.grad = g.clone()
    opt.step()
    trace.append(w.detach().tolist())
out = {"w0": w0.tolist(), "grads": [g.tolist() for g in grads], "lrs": lrs, "weight_decay": 0.1, "trace": trace}
path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "reference", "adam.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", os.path.normpath(path))
