"""Butterworth filter designs, made once per (order, cutoff, kind, sample rate).

Designing a filter (scipy's ``butter``) costs more than running it on a short note, and a song
asks for the same few designs hundreds of times: ~9 % of a render went to designing them.

Example:
    >>> band = butter_sos(2, (300.0, 2500.0), "band", 44100)
    >>> band is butter_sos(2, (300.0, 2500.0), "band", 44100), band.shape
    (True, (2, 6))
"""

from __future__ import annotations

import functools

import numpy as np
from scipy import signal

__all__ = ["butter_sos"]


@functools.lru_cache(maxsize=2048)
def butter_sos(order: int, cutoff: float | tuple[float, float], kind: str, sr: int) -> np.ndarray:
    """Second-order sections of a Butterworth ``kind`` ("low", "high", "band") filter.

    Shared between callers: never write into it (scipy's ``sosfilt`` only reads it, but needs
    a writable buffer, so it cannot be marked read-only)."""
    return signal.butter(order, cutoff, kind, fs=sr, output="sos")
