"""Cover images: a PNG whose palette comes from the style's genres and whose pattern from the seed.

Pure numpy drawing, Pillow only for the PNG encoding.
"""

from __future__ import annotations

import colorsys
import io
import zlib

import numpy as np

from .style_vocab import find_genres


def _palette(style: str, rng: np.random.Generator) -> list[tuple[float, float, float]]:
    genres = find_genres(style)
    hue = genres[0].hue if genres else float(rng.random())
    bright = genres[0].brightness if genres else 0.5
    second = genres[1].hue if len(genres) > 1 else (hue + 0.08 + 0.25 * rng.random()) % 1.0
    return [
        colorsys.hsv_to_rgb(hue, 0.55 + 0.3 * rng.random(), 0.25 + 0.5 * bright),
        colorsys.hsv_to_rgb(second, 0.6, 0.55 + 0.4 * bright),
        colorsys.hsv_to_rgb((hue + 0.5) % 1.0, 0.3, 0.9),
    ]


def cover_image(style: str, seed: int, size: int = 512) -> bytes:
    """PNG bytes: a gradient, interfering rings and a horizon, coloured by the style.

    >>> cover_image("lofi, rain", seed=1, size=64)[:4]
    b'\x89PNG'
    """
    from PIL import Image

    rng = np.random.default_rng([zlib.crc32((style or "").encode()), seed & 0xFFFFFFFF])
    low, high, accent = (np.array(c, dtype=np.float32) for c in _palette(style, rng))
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    t = np.clip(y + 0.15 * np.sin(2 * np.pi * (x * rng.uniform(0.5, 2) + rng.random())), 0, 1)
    img = low[None, None] * (1 - t[..., None]) + high[None, None] * t[..., None]
    cx, cy = rng.uniform(0.25, 0.75, size=2)
    r = np.hypot(x - cx, y - cy)
    rings = 0.5 + 0.5 * np.sin(2 * np.pi * r * rng.uniform(6, 22) + rng.random() * 6)
    sun = np.clip(1 - r / rng.uniform(0.12, 0.3), 0, 1) ** 0.6
    img = img * (0.75 + 0.25 * rings[..., None]) + accent[None, None] * sun[..., None] * 0.8
    grain = rng.standard_normal((size, size, 1)).astype(np.float32) * 0.03
    pixels = (np.clip(img + grain, 0, 1) * 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
