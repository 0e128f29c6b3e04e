"""The floor of a dense product on this CPU for PyTorch (npm run bench, "GEMM floor"): C = A @ B, float32,
1 thread (OMP_WAIT_POLICY=PASSIVE), minimum over repetitions after warm-up. Prints one JSON line.
    /usr/bin/python3 bench/gemm.py --shapes 512x512x512,1024x1024x1024 --reps 7 --warmup 2
"""
import argparse
import json
import time

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shapes', required=True, help='MxKxN,... ')
    ap.add_argument('--reps', type=int, default=7)
    ap.add_argument('--warmup', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    out = []
    for s in a.shapes.split(','):
        m, k, n = (int(x) for x in s.split('x'))
        x, y = torch.randn(m, k), torch.randn(k, n)
        for _ in range(a.warmup):
            x @ y
        ms = []
        for _ in range(a.reps):
            t = time.perf_counter()
            x @ y
            ms.append((time.perf_counter() - t) * 1e3)
        best = min(ms)
        out.append({'m': m, 'k': k, 'n': n, 'min_ms': best, 'gflops': 2 * m * k * n / best / 1e6})
    print(json.dumps({'torch': torch.__version__, 'gemm': out}))


if __name__ == '__main__':
    main()
