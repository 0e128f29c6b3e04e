"""Writes test/fixtures/reference/photo_resize/: a landscape photograph shaped like Derm7pt's clinical photo
(192 wide, 128 high: H×W = 128×192) as PNG and as JPEG, and PIL's resize of it to several H×W targets:
    Image.open(f).convert('RGB').resize((W, H), Image.LANCZOS)
as <file>_<H>x<W>.rgb (uint8, row-major H×W×3), listed in manifest.json. The targets cover the aspect-preserving
size (64×96), the presets' square (64×64), a non-integer factor (48×72), and a portrait target (96×64), whose axes a
swapped width and height would get wrong. cfcml's photo path resizes with libvips' Lanczos-3 (sharp's default);
the test compares it to PIL's Lanczos (within 2 levels from the PNG, 3 from the JPEG).
Run with Debian's python3 (python3-pil): /usr/bin/python3 scripts/reference/photo_resize.py"""
import io, json, os
import numpy as np
from PIL import Image
from fixture_dir import fresh_fixture_dir
import photo_scene

out = fresh_fixture_dir('photo_resize')
rng = np.random.default_rng(22)
H, W = 128, 192

rgb = Image.fromarray(photo_scene.scene(rng, H, W))
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
