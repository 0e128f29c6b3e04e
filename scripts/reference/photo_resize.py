"""Writes test/fixtures/reference/photo_resize/: a landscape photograph shaped like Derm7pt's clinical photo
(192 wide, 128 high: H×W = 128×192) as PNG and as JPEG, and PIL's resize of it to several H×W targets:
    Image.open(f).convert('RGB').resize((W, H), Image.LANCZOS)
as <file>_<H>x<W>.rgb (uint8, row-major H×W×3), listed in manifest.json. The targets cover the aspect-preserving
size (64×96), today's square (64×64), a non-integer factor (48×72), and a portrait target (96×64), whose axes a
swapped width and height would get wrong. cfcml's photo path resizes with libvips' Lanczos-3 (sharp's default);
the test compares it to PIL's Lanczos within a few levels.
Run with Debian's python3 (python3-pil): /usr/bin/python3 scripts/reference/photo_resize.py"""
import io, json, os
import numpy as np
from PIL import Image
from fixture_dir import fresh_fixture_dir

out = fresh_fixture_dir('photo_resize')
rng = np.random.default_rng(22)
H, W = 128, 192


def scene():
    """A lesion-like blob off centre on a skin gradient, with a dark mark in the top-left corner: an error in
    orientation, aspect or axis order moves them."""
    y, x = np.mgrid[0:H, 0:W].astype(float)
    r = 205 - 50 * x / W + 8 * np.sin(y / 9)
    g = 160 - 45 * y / H + 12 * np.cos(x / 11)
    b = 125 + 35 * (x + y) / (W + H)
    blob = np.exp(-(((x - W * 0.62) / (W * 0.09)) ** 2 + ((y - H * 0.4) / (H * 0.12)) ** 2))
    img = np.stack([r - 120 * blob, g - 100 * blob, b - 70 * blob], -1)
    img[:12, :18] = [25, 35, 190]
    img += rng.normal(0, 2, img.shape)
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


rgb = Image.fromarray(scene())
sources = {}
b = io.BytesIO()
rgb.save(b, 'PNG')
sources['clinic.png'] = b.getvalue()
b = io.BytesIO()
rgb.save(b, 'JPEG', quality=95, subsampling=0)
sources['clinic.jpg'] = b.getvalue()

targets = [(64, 96), (64, 64), (48, 72), (96, 64)]
entries = []
for name, data in sources.items():
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
    with Image.open(os.path.join(out, name)) as im:
        src = im.convert('RGB')
        assert src.size == (W, H), src.size
        for th, tw in targets:
            ref = np.asarray(src.resize((tw, th), Image.LANCZOS))
            assert ref.shape == (th, tw, 3)
            stem = f"{name.replace('.', '_')}_{th}x{tw}.rgb"
            with open(os.path.join(out, stem), 'wb') as f:
                f.write(np.ascontiguousarray(ref).tobytes())
            entries.append(dict(file=name, height=th, width=tw, reference=stem))
with open(os.path.join(out, 'manifest.json'), 'w') as f:
    json.dump(dict(source=dict(height=H, width=W), resample='LANCZOS', resized=entries), f, indent=1)
    f.write('\n')
for e in entries:
    print(f"{e['file']} {W}x{H} (W×H) -> H×W {e['height']}x{e['width']}: {e['reference']}")
