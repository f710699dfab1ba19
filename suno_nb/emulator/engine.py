"""Access to the synthesis engine (``suno_nb.emulator.synth``), imported on first use.

TEMPORARY: while the engine lands in pieces, any group of its public functions that is not
there yet comes from :mod:`suno_nb.emulator._synth_fallback` (plain tones). Remove the fallback
once ``suno_nb.emulator.synth`` exports the whole interface.
"""

from __future__ import annotations

import importlib
import threading
from types import SimpleNamespace
from typing import Any

__all__ = ["synth"]

# Names that must come from the same module, because they share the Rendering class.
_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "Rendering",
        "render_action",
        "analyse_audio",
        "capture_voice",
        "score_to_midi",
        "word_timings",
        "SUPPORTED_ACTIONS",
    ),
    ("encode_mp3", "encode_wav", "cover_image"),
    ("write_lyrics", "upsample_style", "mashup_lyrics"),
)

_lock = threading.Lock()
_engine: SimpleNamespace | None = None


def synth() -> Any:
    """The engine's public functions as one namespace (real where available)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = _load()
    return _engine


def _load() -> SimpleNamespace:
    try:
        real: Any = importlib.import_module("suno_nb.emulator.synth")
    except Exception:  # a half-written engine must not take the emulator down
        real = None
    ns = SimpleNamespace(fallback_groups=[])
    for group in _GROUPS:
        if real is not None and all(hasattr(real, name) for name in group):
            source = real
        else:
            source = importlib.import_module("suno_nb.emulator._synth_fallback")
            ns.fallback_groups.append(group[0])
        for name in group:
            setattr(ns, name, getattr(source, name))
    return ns
