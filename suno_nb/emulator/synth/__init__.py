"""The emulator's synthesis engine: request-shaped music, stems, scores and every action.

`render_action` is the entry point; the rest are the helpers the emulator's endpoints need.
"""

from __future__ import annotations

from .actions import SUPPORTED_ACTIONS, render_action
from .analysis import analyse_audio, capture_voice
from .encode import encode_mp3, encode_wav
from .export import score_to_midi, word_timings
from .image import cover_image
from .rendered_clip import Rendering
from .score import Score
from .text import mashup_lyrics, upsample_style, write_lyrics

__all__ = [
    "SUPPORTED_ACTIONS",
    "Rendering",
    "Score",
    "analyse_audio",
    "capture_voice",
    "cover_image",
    "encode_mp3",
    "encode_wav",
    "mashup_lyrics",
    "render_action",
    "score_to_midi",
    "upsample_style",
    "word_timings",
    "write_lyrics",
]
