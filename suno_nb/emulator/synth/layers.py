"""Stem storage: a dict of stereo float32 layers that keeps them compact until they are read.

A rendered layer is kept as mono int16 (scaled to its peak) plus its pan, Haas delay and the
master gain curve, and becomes a float32 (n, 2) array only when read: a quarter of the memory of
stereo float32, cheap to convert. Layers made by actions are kept as stereo float32.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

F32 = np.float32
BLOCK = 512


def expand_gain(gains: np.ndarray, start: int, stop: int, block: int = BLOCK) -> np.ndarray:
    """Per-sample gain for samples [start, stop) from per-block gains (linear between block
    centres), built by broadcasting rather than np.interp: a few times faster."""
    first = start // block
    last = -(-stop // block) + 1
    g = np.asarray(gains, dtype=F32)
    idx = np.clip(np.arange(first - 1, last + 1), 0, len(g) - 1)
    centres = g[idx]
    # Sample s sits between centres (s - block/2) // block and the next one.
    ramp = (np.arange(block, dtype=F32) + F32(0.5)) / F32(block)
    pieces = centres[:-1, None] + (centres[1:] - centres[:-1])[:, None] * ramp[None, :]
    flat = pieces.reshape(-1)
    offset = (first - 1) * block + block // 2
    return flat[start - offset : stop - offset]


@dataclass(frozen=True)
class PannedMono:
    """A mono layer, panned (constant power), optionally widened by a right-channel delay, and
    scaled by the master gain curve (per block)."""

    mono: np.ndarray  # int16 (n,), times ``scale``; float arrays are accepted too
    left: float
    right: float
    delay: int
    gains: np.ndarray  # float32, one per BLOCK samples
    scale: float = 1.0

    def chunk(self, a: int, b: int) -> np.ndarray:
        out = np.zeros((b - a, 2), dtype=F32)
        self.add_into(out, a, b, with_gains=True)
        return out

    def add_into(self, out: np.ndarray, a: int, b: int, *, with_gains: bool) -> None:
        """Add samples [a, b) of the stereo layer to ``out`` (without the gain curve if asked)."""
        m = self.mono[a:b].astype(F32, copy=False)
        if self.delay:
            right = np.zeros(b - a, dtype=F32)
            lo = max(a - self.delay, 0)
            src = self.mono[lo : max(b - self.delay, lo)].astype(F32, copy=False)
            right[b - a - len(src) :] = src
        else:
            right = m
        left, right_gain = F32(self.left * self.scale), F32(self.right * self.scale)
        if with_gains:
            g = expand_gain(self.gains, a, b)
            out[:, 0] += m * (g * left)
            out[:, 1] += right * (g * right_gain)
        else:
            out[:, 0] += m * left
            out[:, 1] += right * right_gain

    def materialise(self) -> np.ndarray:
        return self.chunk(0, len(self.mono))

    def __len__(self) -> int:
        return len(self.mono)


def _as_array(value: Any) -> np.ndarray:
    if isinstance(value, PannedMono):
        return value.materialise()
    return np.asarray(value, dtype=F32)


class Layers(dict):
    """``{stem: float32 (n, 2)}``; values are built on access from their compact form."""

    def __getitem__(self, key: str) -> np.ndarray:
        return _as_array(dict.__getitem__(self, key))

    def get(self, key: str, default: Any = None) -> Any:
        if not dict.__contains__(self, key):
            return default
        return self[key]

    def values(self) -> _Values:  # type: ignore[override]
        return _Values(self)

    def items(self) -> _Items:  # type: ignore[override]
        return _Items(self)

    def __iter__(self) -> Iterator[str]:
        # Overridden so dict(layers) goes through __getitem__ and never leaks the compact form.
        return iter(dict.keys(self))

    def pop(self, key: str, *default: Any) -> Any:
        try:
            return _as_array(dict.pop(self, key))
        except KeyError:
            if default:
                return default[0]
            raise

    def copy(self) -> Layers:
        return Layers(dict.items(self))

    def raw_values(self) -> Iterator[Any]:
        return iter(dict.values(self))

    def raw(self, key: str) -> Any:
        """The stored (compact) form of a layer."""
        return dict.__getitem__(self, key)

    def frames(self, key: str) -> int:
        return len(dict.__getitem__(self, key))


class _Values:
    """A re-iterable, sized view of the layers' arrays (each built when reached)."""

    def __init__(self, layers: Layers) -> None:
        self._layers = layers

    def __iter__(self) -> Iterator[np.ndarray]:
        return (self._layers[k] for k in dict.keys(self._layers))

    def __len__(self) -> int:
        return len(self._layers)


class _Items(_Values):
    def __iter__(self) -> Iterator[tuple[str, np.ndarray]]:  # type: ignore[override]
        return ((k, self._layers[k]) for k in dict.keys(self._layers))
