"""PyTorch side of bench/swin.ts: timm's swin_tiny_patch4_window7_224 with the weights cfcml wrote (timm names,
safetensors, no head) on cfcml's batch; times the forward (four stage maps, no autograd) and a step (forward,
loss Σ_s mean(F_s²), backward to every trainable weight; stages 1..--freeze under no_grad, as the authors run them).

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 scripts/bench/swin_timm.py --timm <pytorch-image-models checkout> \
        --weights model.safetensors --batch batch.safetensors --threads 1 [--reps 3] [--warmup 1] [--freeze 0]

batch.safetensors: `input` [B, H, W, 3] pixel values 0..255 (float32), `stage4`: cfcml's stage-4 output, flat.
Prints one JSON line: medians and minima (ms), and `stage4RelDiff` = max |timm − cfcml| / max |timm|.
"""
import argparse, json, os, struct, sys, time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from twin_bench import timed  # noqa: E402  (one timing loop for the PyTorch benches)


def read_safetensors(path):
    with open(path, 'rb') as f:
        n = struct.unpack('<Q', f.read(8))[0]
        header = json.loads(f.read(n))
        buf = f.read()
    out = {}
    for name, e in header.items():
        if name == '__metadata__':
            continue
        assert e['dtype'] == 'F32', (name, e['dtype'])
        a, b = e['data_offsets']
        out[name] = np.frombuffer(buf[a:b], dtype='<f4').reshape(e['shape'])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--timm', required=True)
    ap.add_argument('--weights', required=True)
    ap.add_argument('--batch', required=True)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--warmup', type=int, default=1)
    ap.add_argument('--freeze', type=int, default=0)
    args = ap.parse_args()
    sys.path.insert(0, os.path.abspath(args.timm))
    import timm
    torch.set_num_threads(args.threads)
    device = 'cuda' if torch.cuda.is_available() else 'cpu'

    model = timm.create_model('swin_tiny_patch4_window7_224', pretrained=False, drop_path_rate=0.0)
    state = {k: torch.from_numpy(v.copy()) for k, v in read_safetensors(args.weights).items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert not unexpected and all(k.startswith('head.') for k in missing), (missing, unexpected)
    model = model.to(device).eval()
    batch = read_safetensors(args.batch)
    mean = np.array([0.485, 0.456, 0.406], dtype=np.float32)
    std = np.array([0.229, 0.224, 0.225], dtype=np.float32)
    x = torch.from_numpy(((batch['input'] / 255 - mean) / std).transpose(0, 3, 1, 2).copy()).to(device)

    def stages(x, freeze):
        outs = []
        with torch.set_grad_enabled(False):
            h = model.patch_embed(x)
        for i, layer in enumerate(model.layers):
            with torch.set_grad_enabled(torch.is_grad_enabled() and i >= freeze):
                h = layer(h)
            outs.append(h)
        outs[-1] = model.norm(h)
        return outs

    def forward():
        with torch.no_grad():
            outs = stages(x, 4)
        if device == 'cuda':
            torch.cuda.synchronize()
        return outs

    params = [p for n, p in model.named_parameters() if not n.startswith('head.')]

    def step():
        for p in params:
            p.grad = None
        with torch.enable_grad():
            outs = stages(x, args.freeze)
            loss = sum((f * f).mean() for f in outs)
            loss.backward()
        if device == 'cuda':
            torch.cuda.synchronize()

    ours = batch['stage4'].ravel()
    ref = forward()[3].cpu().numpy().ravel()
    rel = float(np.abs(ref - ours).max() / np.abs(ref).max())
    print(json.dumps({'device': device, 'torch': torch.__version__, 'timm': timm.__version__, 'threads': args.threads,
                      'forward': timed(forward, args.reps, args.warmup), 'step': timed(step, args.reps, args.warmup),
                      'stage4RelDiff': rel}))


if __name__ == '__main__':
    main()
