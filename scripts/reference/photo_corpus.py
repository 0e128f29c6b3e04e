"""Writes test/fixtures/reference/photo/: a corpus of small photographs in the forms real clinical photo folders
hold (EXIF orientations, progressive and CMYK JPEGs, grey, palette, alpha and 16-bit PNGs, files whose extension
lies) and beside each the RGB array PIL decodes from it at native size:
    ImageOps.exif_transpose(Image.open(f)).convert('RGB')
as <name>.rgb (uint8, row-major H×W×3) with the cases listed in manifest.json.
One deliberate exception, said in the manifest: PIL's convert('RGB') of a 16-bit grey PNG (mode 'I') clips
every value above 255 to white; the reference there is PIL's own 16-bit array scaled to 8 bits (v >> 8), which is
what the 16-bit RGB PNG decode does (PIL keeps the high byte).
Run with Debian's python3 (python3-pil): /usr/bin/python3 scripts/reference/photo_corpus.py"""
import io, json, os, struct, zlib
import numpy as np
from PIL import Image, ImageOps
from fixture_dir import fresh_fixture_dir
import photo_scene

out = fresh_fixture_dir('photo')
rng = np.random.default_rng(26)
H, W = 20, 28  # not square, so a rotation changes the shape


def scene(h=H, w=W):
    return photo_scene.scene(rng, h, w)


def exif_bytes(orientation):
    e = Image.Exif()
    e[0x0112] = orientation
    return e.tobytes()


def png_raw(arr, bitdepth, colour_type):
    """A PNG written chunk by chunk (PIL cannot write 16-bit RGB): filter 0 on every row."""
    h, w = arr.shape[:2]
    dt = '>u2' if bitdepth == 16 else 'u1'
    rows = arr.astype(dt).reshape(h, -1)
    data = b''.join(b'\0' + r.tobytes() for r in rows)
    chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))  # noqa: E731
    ihdr = struct.pack('>IIBBBBB', w, h, bitdepth, colour_type, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(data, 9)) + chunk(b'IEND', b'')


files = []


def add(name, covers, write, reference=None, note=None):
    path = os.path.join(out, name)
    with open(path, 'wb') as f:
        f.write(write)
    if reference is None:
        with Image.open(path) as im:
            reference = np.asarray(ImageOps.exif_transpose(im).convert('RGB'))
    with Image.open(path) as im:
        orientation = im.getexif().get(0x0112)
    stem = name.replace('.', '_')
    with open(os.path.join(out, stem + '.rgb'), 'wb') as f:
        f.write(np.ascontiguousarray(reference, dtype=np.uint8).tobytes())
    files.append(dict(file=name, covers=covers, height=int(reference.shape[0]), width=int(reference.shape[1]),
                      orientation=orientation, reference=stem + '.rgb', **({'note': note} if note else {})))


def save(img, fmt, **kw):
    b = io.BytesIO()
    img.save(b, fmt, **kw)
    return b.getvalue()


rgb = Image.fromarray(scene())
add('baseline_420.jpg', 'baseline RGB JPEG, 4:2:0 chroma subsampling', save(rgb, 'JPEG', quality=92))
add('baseline_444.jpg', 'baseline RGB JPEG, no chroma subsampling', save(rgb, 'JPEG', quality=95, subsampling=0))
add('progressive.jpg', 'progressive JPEG', save(rgb, 'JPEG', quality=92, progressive=True))
for o, what in [(2, 'mirrored'), (3, 'rotated 180°'), (5, 'transposed'), (6, 'rotated 90° (phone held upright)'), (7, 'transversed'), (8, 'rotated 270°')]:
    add(f'exif_orientation_{o}.jpg', f'EXIF orientation {o} ({what}) applied as ImageOps.exif_transpose', save(rgb, 'JPEG', quality=95, subsampling=0, exif=exif_bytes(o)))
add('exif_orientation_6.png', 'EXIF orientation 6 in a PNG eXIf chunk', save(rgb, 'PNG', exif=exif_bytes(6)))
cmyk = np.concatenate([255 - np.asarray(rgb), rng.integers(0, 60, (H, W, 1)).astype(np.uint8)], -1)
add('cmyk.jpg', 'CMYK JPEG (Adobe, inverted), converted to RGB as PIL converts CMYK', save(Image.fromarray(cmyk, 'CMYK'), 'JPEG', quality=95))
grey = rgb.convert('L')
add('grey.jpg', 'greyscale JPEG, grey copied to R, G and B', save(grey, 'JPEG', quality=92))
add('grey.png', 'greyscale 8-bit PNG', save(grey, 'PNG'))
add('grey_alpha.png', 'grey + alpha PNG (LA), alpha dropped', save(Image.merge('LA', [grey, grey.point(lambda v: 255 - v)]), 'PNG'))
add('palette.png', 'palette PNG (P, 16 colours)', save(rgb.quantize(16), 'PNG'))
pal = rgb.quantize(16)
add('palette_transparency.png', 'palette PNG with a tRNS transparent colour, transparency dropped', save(pal, 'PNG', transparency=0))
rgba = rgb.copy()
rgba.putalpha(Image.fromarray(np.tile(np.linspace(0, 255, W).astype(np.uint8), (H, 1))))
add('rgba.png', 'RGBA PNG, alpha dropped (not composited)', save(rgba, 'PNG'))
hi = (np.asarray(rgb).astype(np.uint16) * 257 + rng.integers(0, 257, (H, W, 3))).astype(np.uint16)
add('rgb16.png', '16-bit RGB PNG, to 8 bits', png_raw(hi, 16, 2))
g16 = hi[..., 1]
add('grey16.png', '16-bit grey PNG, to 8 bits', png_raw(g16, 16, 0), reference=np.repeat((g16 >> 8).astype(np.uint8)[..., None], 3, -1),
    note="PIL's convert('RGB') of mode I clips to 255; the reference is PIL's 16-bit array >> 8")
add('png_named.jpg', 'a PNG named .jpg: read by its content', save(rgb, 'PNG'))
add('jpeg_named.png', 'a JPEG named .png: read by its content', save(rgb, 'JPEG', quality=95, subsampling=0))

# Check the grey16 note holds for this PIL: mode I, and convert('RGB') clips.
with Image.open(os.path.join(out, 'grey16.png')) as im:
    assert im.mode in ('I', 'I;16'), im.mode
    assert np.array_equal(np.asarray(im).astype(np.uint16), g16)
with open(os.path.join(out, 'manifest.json'), 'w') as f:
    json.dump(files, f, indent=1)
    f.write('\n')
for e in files:
    print(f"{e['file']:26s} {e['width']}x{e['height']} orientation {e['orientation']}: {e['covers']}")
