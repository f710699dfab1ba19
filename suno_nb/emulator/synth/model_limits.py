"""What each model version changes in the sound: bandwidth and stereo width.

The model facts themselves (version order, longest song, the service default) come from
:mod:`suno_nb.schema`; only the sound of each generation is decided here. Older models sound
narrower (low-passed, near mono); v4.5+ renders full-band stereo.
"""

from __future__ import annotations

from dataclasses import dataclass

from suno_nb import schema

DEFAULT_MODEL = schema.DEFAULT_MODEL

# (first generation, bandwidth in Hz, stereo width 0..1), oldest first
_SOUND_BY_GENERATION: tuple[tuple[float, float, float], ...] = (
    (0.0, 8000.0, 0.0),
    (3.5, 9000.0, 0.15),
    (4.0, 11000.0, 0.45),
    (4.5, 20000.0, 1.0),
)


@dataclass(frozen=True)
class ModelProfile:
    name: str
    version: float
    bandwidth: float  # Hz: the synthesis is band-limited here
    width: float  # 0 = mono, 1 = full stereo
    max_length: float  # seconds


def model_version(model: str | None) -> float:
    """The schema's generation of a model (unknown names count as the newest).

    Example:
        >>> model_version("chirp-v4-5-plus"), model_version(None)
        (4.6, 4.0)
    """
    return schema.model_spec(model)[0].generation


def model_profile(model: str | None) -> ModelProfile:
    """How a model sounds and how long its songs may be.

    Example:
        >>> model_profile("chirp-v3-5").max_length
        120.0
    """
    spec, _ = schema.model_spec(model)
    _, bandwidth, width = max(
        (row for row in _SOUND_BY_GENERATION if row[0] <= spec.generation), key=lambda r: r[0]
    )
    return ModelProfile(
        model or DEFAULT_MODEL, spec.generation, bandwidth, width, float(spec.max_duration)
    )
