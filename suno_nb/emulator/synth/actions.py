"""The 21 actions of POST /suno/audios: each turns a request (and its source clips) into clips.

`render_action` is the one entry point the emulator server calls; every action shares the same
composer and renderer, and really transforms the audio of its sources.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from . import edit_actions, song_actions, stem_actions
from .action_names import SUPPORTED_ACTIONS
from .job import Job
from .rendered_clip import Rendering

__all__ = ["SUPPORTED_ACTIONS", "render_action"]

_ACTIONS: dict[str, Callable[[Job], list[Rendering]]] = {
    "generate": song_actions.generate,
    "extend": song_actions.extend,
    "upload_extend": song_actions.extend,
    "concat": song_actions.concat,
    "cover": song_actions.cover,
    "upload_cover": song_actions.cover,
    "artist_consistency": song_actions.artist,
    "artist_consistency_vox": song_actions.artist,
    "stems": stem_actions.stems,
    "all_stems": stem_actions.all_stems,
    "replace_section": edit_actions.painting,
    "underpainting": edit_actions.painting,
    "overpainting": edit_actions.painting,
    "samples": edit_actions.painting,
    "remaster": edit_actions.remaster,
    "mashup": song_actions.mashup,
    "inspo": song_actions.inspo,
    "add_stem": stem_actions.add_stem,
    "extract_stem": stem_actions.extract_stem,
    "sounds": edit_actions.sounds,
    "adjust_speed": edit_actions.adjust_speed,
}


def render_action(
    action: str,
    request: Mapping[str, Any],
    *,
    seed: int,
    sources: Mapping[str, Rendering] = MappingProxyType({}),
    persona: Mapping[str, Any] | None = None,
    sr: int = 44100,
    max_duration: float = 60.0,
) -> list[Rendering]:
    """Render the clips of one ``POST /suno/audios`` request.

    >>> clips = render_action("generate", {"prompt": "lofi rain", "duration": 10}, seed=1)
    >>> len(clips), clips[0].audio.shape[1]
    (2, 2)
    """
    handler = _ACTIONS.get(action or "generate")
    if handler is None:
        raise ValueError(
            f"action {action!r} is not supported; use one of: {', '.join(SUPPORTED_ACTIONS)}"
        )
    job = Job(action or "generate", request, seed, sources, persona, sr, max_duration)
    return handler(job)
