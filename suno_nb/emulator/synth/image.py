"""Cover images: a JPEG whose palette comes from the style's genres and whose pattern from the
seed. Pure numpy drawing, Pillow only for the encoding.

JPEG, as the service's image URLs are: a 512 px cover with grain is ~4 ms and ~40 KB as JPEG
against ~79 ms and ~500 KB as PNG (29 % of a sweep's CPU went to PNG covers).
"""

from __future__ import annotations

import colorsys
import functools
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


@functools.lru_cache(maxsize=64)
def cover_image(style: str, seed: int, size: int = 512) -> bytes:
    """JPEG bytes: a gradient, interfering rings and a horizon, coloured by the style; the same
    (style, seed, size) gives the same bytes, kept in a small cache (covers, large covers and
    mp4 videos of one clip share them).

    >>> cover_image("lofi, rain", seed=1, size=64)[:3]
    b'\xff\xd8\xff'
    """
    from PIL import Image

    rng = np.random.default_rng([zlib.crc32((style or "").encode()), seed & 0xFFFFFFFF])
    low, high, accent = (np.array(c, dtype=np.float32) for c in _palette(style, rng))
    # Rows and columns as (n, 1) and (1, n): what varies along one axis is computed once.
    axis = np.arange(size, dtype=np.float32) / size
    y, x = axis[:, None], axis[None, :]
    wave = np.float32(0.15) * np.sin(
        np.float32(2 * np.pi) * (x * rng.uniform(0.5, 2) + rng.random())
    )
    t = np.clip(y + wave, 0, 1)[..., None]
    cx, cy = rng.uniform(0.25, 0.75, size=2).astype(np.float32)
    r = np.sqrt((x - cx) ** 2 + (y - cy) ** 2)
    ring_f, ring_phase = np.float32(2 * np.pi * rng.uniform(6, 22)), np.float32(rng.random() * 6)
    rings = np.float32(0.75) + np.float32(0.125) * (1 + np.sin(r * ring_f + ring_phase))
    sun = np.sqrt(np.clip(1 - r / np.float32(rng.uniform(0.12, 0.3)), 0, 1))
    img = (low + (high - low) * t) * rings[..., None] + accent * (np.float32(0.8) * sun)[..., None]
    # Grain from a 128 px tile: the eye sees no repeat in noise, and it costs a sixteenth.
    tile = min(size, 128)
    grain = rng.standard_normal((tile, tile, 1), dtype=np.float32) * np.float32(0.03)
    reps = -(-size // tile)
    img += np.tile(grain, (reps, reps, 1))[:size, :size]
    pixels = (np.clip(img, 0, 1) * 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()
