"""Shared, session-cached renders for the synth tests (short clips keep the suite fast)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from suno_nb.emulator.synth import Rendering, render_action

LYRIC = """[Verse]
Walking through the city lights tonight
Every window glowing warm and bright
[Chorus]
Sing it loud, we are the fire
Hold me close and take me higher
"""


@pytest.fixture(scope="session")
def render() -> Callable[..., list[Rendering]]:
    """``render(action, request, seed=1, **kw)`` memoised by its arguments."""
    cache: dict[str, list[Rendering]] = {}

    def _render(action: str, request: dict, seed: int = 1, **kw) -> list[Rendering]:
        key = repr((action, sorted(request.items()), seed, sorted(kw.items(), key=str)))
        if key not in cache:
            kw.setdefault("max_duration", 30.0)
            cache[key] = render_action(action, request, seed=seed, **kw)
        return cache[key]

    return _render


@pytest.fixture(scope="session")
def song(render) -> Rendering:
    """A sung pop clip used as the source of most actions."""
    request = {"custom": True, "lyric": LYRIC, "style": "pop, 110 bpm", "title": "Lights",
               "duration": 16, "vocal_gender": "f", "weirdness": 0.1}  # fmt: skip
    return render("generate", request)[0]


def mono(audio: np.ndarray) -> np.ndarray:
    return np.asarray(audio, dtype=np.float32).mean(axis=1)
