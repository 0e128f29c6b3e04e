"""The test picture the photo corpora draw: an asymmetric scene, so that an error in orientation, aspect or
axis order moves what it shows."""
import numpy as np


def scene(rng, h, w):
    """A lesion-like blob off centre on a skin-like gradient, a dark corner mark, noise from `rng`; uint8 h×w×3."""
    y, x = np.mgrid[0:h, 0:w].astype(float)
    r = 200 - 60 * x / w + 10 * np.sin(y / 3)
    g = 150 - 50 * y / h + 20 * np.cos(x / 4)
    b = 120 + 40 * (x + y) / (w + h)
    blob = np.exp(-(((x - w * 0.65) / (w * 0.18)) ** 2 + ((y - h * 0.35) / (h * 0.22)) ** 2))
    img = np.stack([r - 110 * blob, g - 90 * blob, b - 60 * blob], -1)
    img[:3, :4] = [20, 30, 200]  # top-left mark: orientation errors move it
    img += rng.normal(0, 3, img.shape)
    return np.clip(np.round(img), 0, 255).astype(np.uint8)
