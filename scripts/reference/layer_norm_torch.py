"""Reference values for test/backend/channelNorm.test.ts: torch.nn.functional.layer_norm over the last axis (the
model's channelNorm) and its gradients, computed in float64 on float32-representable inputs.

Run with Debian's python (PyTorch 1.13): /usr/bin/python3 scripts/reference/layer_norm_torch.py
Writes test/fixtures/reference/layer_norm.json: per case x, gamma, beta, the upstream gradient w (loss = Σ y·w),
and y, dx, dgamma, dbeta.
"""
import json, os
import numpy as np
import torch
import torch.nn.functional as F

EPS = 1e-5
rng = np.random.default_rng(23)


def case(name, shape, loc=0.0, scale=1.0):
    C = shape[-1]
    f32 = lambda a: np.asarray(a, dtype=np.float32)
    x = f32(loc + scale * rng.standard_normal(shape))
    gamma = f32(1 + 0.3 * rng.standard_normal(C))
    beta = f32(0.2 * rng.standard_normal(C))
    w = f32(rng.standard_normal(shape))
    xt, gt, bt = (torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, gamma, beta))
    y = F.layer_norm(xt, (C,), gt, bt, EPS)
    (y * torch.tensor(w, dtype=torch.float64)).sum().backward()
    flat = lambda t: [float(v) for v in np.asarray(t, dtype=np.float64).ravel()]
    return {
        "name": name, "shape": list(shape), "eps": EPS,
        "x": flat(x), "gamma": flat(gamma), "beta": flat(beta), "w": flat(w),
        "y": flat(y.detach()), "dx": flat(xt.grad), "dgamma": flat(gt.grad), "dbeta": flat(bt.grad),
    }


cases = [
    case("positions x 16 channels (a stage-1 map)", [2, 6, 6, 16]),
    case("tokens x 64 channels", [3, 7, 64]),
    case("2 channels (ill-conditioned, as the tabular token norms)", [40, 2]),
    case("offset 50, spread 0.05 (cancellation in a one-pass variance)", [32, 24], loc=50.0, scale=0.05),
    case("7 channels (every loop remainder of the SIMD kernels: four, a pair, the odd one)", [9, 7]),
    case("offset 50, spread 0.05, 5 channels (cancellation with an odd channel)", [12, 5], loc=50.0, scale=0.05),
]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures", "reference", "layer_norm.json")
with open(path, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f)
print("wrote", os.path.normpath(path))
