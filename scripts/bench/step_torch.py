"""PyTorch twin of bench/model.ts's 2D network: times one training step (forward, backward, Adam).

Same layers, shapes and batch (32, two 64x64 images) as `loss2d` in bench/model.ts, on one CPU
thread, float32. Prints one JSON line {"ms": median ms per step, "min": fastest step, ...} for bench/step.ts.

    /usr/bin/python3 scripts/bench/step_torch.py [--steps 5]
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

B, S, C1, C2, C3, HEADS, FIELDS, VOCAB, CLASSES, GROUPS = 32, 64, 16, 32, 64, 4, 8, 10, 3, 8


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        # tfjs 'same' with stride 2 pads (0, 1); padding=1 here pads (1, 1): same cost, same shapes.
        self.c1 = nn.Conv2d(1, C1, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(C1)
        self.c2 = nn.Conv2d(C1, C2, 3, stride=2, padding=1, bias=False)
        self.gn2 = nn.GroupNorm(GROUPS, C2)
        self.c3 = nn.Conv2d(C2, C3, 3, padding=0, bias=True)

    def forward(self, x):  # [B, 1, S, S]
        h = F.max_pool2d(F.relu(self.bn1(self.c1(x))), 2)  # [B, C1, S/2, S/2]
        h = F.leaky_relu(self.gn2(self.c2(h)), 0.1)  # [B, C2, S/4, S/4]
        h = F.relu(self.c3(F.pad(h, (1, 1, 1, 1))))  # [B, C3, S/4, S/4]
        h = F.interpolate(h, size=(8, 8), mode="bilinear", align_corners=False)
        return h.flatten(2).transpose(1, 2)  # [B, 64, C3]


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.ea, self.eb = Encoder(), Encoder()
        self.emb = nn.Embedding(FIELDS * VOCAB, C3)
        self.wq, self.wk, self.wv, self.wo = (nn.Linear(C3, C3, bias=False) for _ in range(4))
        self.ln = nn.LayerNorm(C3)
        self.head = nn.Linear(2 * C3, CLASSES, bias=False)

    def forward(self, a, b, tab):
        ta, tb = self.ea(a), self.eb(b)  # [B, 64, D]
        kv = torch.cat([ta, tb, self.emb(tab)], 1)  # [B, 128 + FIELDS, D]
        dh = C3 // HEADS
        split = lambda t: t.view(B, -1, HEADS, dh).transpose(1, 2)  # [B, h, L, dh]
        q, k, v = split(self.wq(ta)), split(self.wk(kv)), split(self.wv(kv))
        att = torch.softmax(q @ k.transpose(-1, -2) / dh**0.5, -1) @ v  # [B, h, 64, dh]
        o = self.wo(att.transpose(1, 2).reshape(B, 64, C3))
        z = self.ln(o + ta)
        pooled = torch.cat([z.mean(1), z.max(1).values], 1)  # [B, 2D]
        return self.head(pooled)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=5)
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    a, b = torch.randn(B, 1, S, S), torch.randn(B, 1, S, S)
    tab = torch.arange(FIELDS).repeat(B, 1) * VOCAB + torch.randint(0, VOCAB, (B, FIELDS))
    y = torch.randint(0, CLASSES, (B,))

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(net(a, b, tab), y)
        loss.backward()
        opt.step()
        return loss.item()

    step()
    ms = []
    for _ in range(args.steps):
        t0 = time.perf_counter()
        step()
        ms.append((time.perf_counter() - t0) * 1e3)
    ms.sort()
    print(json.dumps({"ms": ms[len(ms) // 2], "min": ms[0], "steps": args.steps, "torch": torch.__version__, "threads": 1}))


if __name__ == "__main__":
    main()
