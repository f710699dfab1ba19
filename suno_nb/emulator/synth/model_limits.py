"""What each model version changes in the sound: bandwidth, stereo width and maximum length.

Older models sound narrower (low-passed, near mono); v4.5+ renders full-band stereo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_MODEL = "chirp-v4"


@dataclass(frozen=True)
class ModelProfile:
    name: str
    version: float
    bandwidth: float  # Hz: the synthesis is band-limited here
    width: float  # 0 = mono, 1 = full stereo
    max_length: float  # seconds


def model_version(model: str | None) -> float:
    """``chirp-v4-5-plus`` -> 4.6, ``chirp-v3-5`` -> 3.5, unknown -> 4.0."""
    match = re.search(r"v(\d+)(?:-(\d+))?(-plus)?", model or DEFAULT_MODEL)
    if not match:
        return 4.0
    version = float(match.group(1)) + (float(match.group(2)) / 10 if match.group(2) else 0.0)
    return version + (0.1 if match.group(3) else 0.0)


def model_profile(model: str | None) -> ModelProfile:
    v = model_version(model)
    if v < 3.5:
        bandwidth, width, length = 8000.0, 0.0, 120.0
    elif v < 4.0:
        bandwidth, width, length = 9000.0, 0.15, 120.0
    elif v < 4.5:
        bandwidth, width, length = 11000.0, 0.45, 150.0
    elif v < 4.55:
        bandwidth, width, length = 20000.0, 1.0, 240.0
    else:
        bandwidth, width, length = 20000.0, 1.0, 480.0
    return ModelProfile(model or DEFAULT_MODEL, v, bandwidth, width, length)
