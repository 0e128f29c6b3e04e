"""Fixtures for lib/model/swin, made by timm's own Swin Transformer classes (not a re-implementation).

Usage (Debian's python3 has torch + numpy; timm 0.9.16 is pure Python and runs on torch 1.13):
    /usr/bin/python3 scripts/reference/swin_timm_fixture.py /path/to/pytorch-image-models

where the path is a checkout of github.com/huggingface/pytorch-image-models at tag v0.9.16 (the folder holding
the `timm` package). timm guards its optional imports (safetensors, huggingface_hub) itself, so nothing is
stubbed. timm's code is imported from that path, never copied into this project.

Writes test/fixtures/reference/swin/:
  small.safetensors     the state dict of a small random-initialised timm SwinTransformer (classification head
                        included: the loader must skip it), float32, written by this script by the safetensors
                        specification (Python here has no safetensors package)
  small_io.safetensors  `input` (U8 [B, H, W, 3]: pixel values; the model sees x/255 normalised with ImageNet's
                        mean and std) and `stage1`..`stage4` (F32, channels last [B, h, w, C]): the outputs of
                        layers.0..2 and, for stage 4, `forward_features` (layers.3 then the final LayerNorm)
  padded.safetensors, padded_io.safetensors   the same for a configuration whose grids are not multiples of
                        the window (timm pads them)
  small.json            both configurations and, per stage, PyTorch float32's own error against the same
                        model run in float64 (max |f32 − f64| / max |f64|), for the test's tolerance
  swin_tiny_names.json  every tensor name and shape of timm's `swin_tiny_patch4_window7_224` state dict
                        without the classification head, and its parameter count

The small configuration (patch 2 at 112 px, so the token grids are 56, 28, 14, 7 as Swin-T's at 224 px; embed 6
doubling per stage, depths 2-2-2-2, heads 1-2-3-6, window 7) puts shifted windows and their attention masks in
stages 1–3 (grid > window) and a single unshifted window in stage 4, as in Swin-T, at a fraction of the size.
"""
import json, os, struct, sys

import numpy as np

if len(sys.argv) != 2:
    sys.exit('usage: swin_timm_fixture.py <path to pytorch-image-models checkout (v0.9.16)>')
sys.path.insert(0, os.path.abspath(sys.argv[1]))
import torch  # noqa: E402
import timm  # noqa: E402
from timm.models.swin_transformer import SwinTransformer  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'reference', 'swin')
os.makedirs(OUT, exist_ok=True)
MEAN = np.array([0.485, 0.456, 0.406])  # timm.data.IMAGENET_DEFAULT_MEAN
STD = np.array([0.229, 0.224, 0.225])  # timm.data.IMAGENET_DEFAULT_STD
assert tuple(MEAN) == tuple(timm.data.IMAGENET_DEFAULT_MEAN) and tuple(STD) == tuple(timm.data.IMAGENET_DEFAULT_STD)


def write_safetensors(path, tensors, metadata=None):
    """The safetensors layout: u64 LE header length, JSON header (padded with spaces to 8 bytes), raw bytes."""
    codes = {np.dtype(np.float32): 'F32', np.dtype(np.uint8): 'U8'}
    header, chunks, off = {}, [], 0
    if metadata:
        header['__metadata__'] = metadata
    for name, arr in tensors.items():
        arr = np.ascontiguousarray(arr)
        raw = arr.astype(arr.dtype.newbyteorder('<')).tobytes()
        header[name] = {'dtype': codes[arr.dtype], 'shape': list(arr.shape), 'data_offsets': [off, off + len(raw)]}
        chunks.append(raw)
        off += len(raw)
    h = json.dumps(header, separators=(',', ':')).encode()
    h += b' ' * ((8 - len(h) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(h)) + h + b''.join(chunks))


SMALL = dict(img_size=112, patch_size=2, embed_dim=6, depths=(2, 2, 2, 2), num_heads=(1, 2, 3, 6), window_size=7,
             num_classes=5, drop_path_rate=0.0)
# Grids 32, 16, 8, 4: not multiples of the window, so timm pads (after the shift, with zero tokens that the
# unshifted windows do not mask) and computes the shifted mask on the padded grid; stage 4 is one 4×4 window.
PADDED = dict(img_size=64, patch_size=2, embed_dim=4, depths=(2, 2, 2, 2), num_heads=(1, 1, 2, 2), window_size=7,
              num_classes=0, drop_path_rate=0.0)


def fixture(name, config, seed):
    torch.manual_seed(seed)
    model = SwinTransformer(**config).eval()
    # timm's initialisation (truncated normal std .02, zero biases, unit LayerNorms) leaves every block close
    # to the identity and the relative position bias negligible; re-draw every tensor at unit scale so that
    # each part (attention, bias table, mask, MLP, norms) moves the outputs and a mistake in any of them shows.
    gen = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for pname, p in model.named_parameters():
            if pname.endswith('relative_position_bias_table'):
                p.copy_(torch.randn(p.shape, generator=gen))
            elif p.ndim > 1:
                p.copy_(torch.randn(p.shape, generator=gen) / np.sqrt(int(np.prod(p.shape[1:]))))
            elif 'norm' in pname and pname.endswith('weight'):
                p.copy_(1 + 0.2 * torch.randn(p.shape, generator=gen))
            else:
                p.copy_(0.1 * torch.randn(p.shape, generator=gen))

    rng = np.random.default_rng(seed)
    B, H = 2, config['img_size']
    pixels = rng.integers(0, 256, size=(B, H, H, 3), dtype=np.uint8)  # NHWC, as cfcml's images

    def stages(m, dtype):
        x = (pixels.astype(np.float64) / 255 - MEAN) / STD  # NHWC
        x = torch.tensor(x.transpose(0, 3, 1, 2), dtype=dtype)  # NCHW, timm's input
        outs = []
        with torch.no_grad():
            h = m.patch_embed(x)  # NHWC
            for layer in m.layers:
                h = layer(h)
                outs.append(h)
            outs[-1] = m.norm(h)
            assert torch.equal(outs[-1], m.forward_features(x))
        return [o.numpy() for o in outs]

    f32 = stages(model, torch.float32)
    f64 = stages(model.double(), torch.float64)
    model.float()
    errors = [float(np.abs(a - b).max() / np.abs(b).max()) for a, b in zip(f32, f64)]
    weights = {k: v.numpy().astype(np.float32) for k, v in model.state_dict().items()}
    write_safetensors(os.path.join(OUT, f'{name}.safetensors'), weights, {'format': 'pt', 'source': 'scripts/reference/swin_timm_fixture.py'})
    io = {'input': pixels}
    io.update({f'stage{s + 1}': o.astype(np.float32) for s, o in enumerate(f32)})
    write_safetensors(os.path.join(OUT, f'{name}_io.safetensors'), io)
    print(name, 'float32 error vs float64 per stage:', ['%.2e' % e for e in errors])
    return {
        'config': {k: list(v) if isinstance(v, tuple) else v for k, v in config.items()},
        'stageShapes': [list(o.shape) for o in f32],
        'float32ErrorVsFloat64': errors,
        'paramsWithoutHead': int(sum(v.numel() for k, v in model.state_dict().items() if not k.startswith('head.'))),
    }


meta = {'timm': timm.__version__, 'torch': torch.__version__, 'small': fixture('small', SMALL, 24), 'padded': fixture('padded', PADDED, 31)}
with open(os.path.join(OUT, 'small.json'), 'w') as f:
    json.dump(meta, f, indent=1)

tiny = timm.create_model('swin_tiny_patch4_window7_224', pretrained=False)
names = [[k, list(v.shape)] for k, v in tiny.state_dict().items() if not k.startswith('head.')]
with open(os.path.join(OUT, 'swin_tiny_names.json'), 'w') as f:
    json.dump({
        'timm': timm.__version__,
        'model': 'swin_tiny_patch4_window7_224',
        'params': int(sum(np.prod(s) for _, s in names)),
        'tensors': names,
    }, f, separators=(',', ':'))
print('wrote', os.path.normpath(OUT))
