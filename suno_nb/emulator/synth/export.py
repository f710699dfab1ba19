"""What the /suno/midi and /suno/timing endpoints return, read from a rendering's score and audio.

The notes and word times are the ones that were actually rendered, not a re-estimate.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .instruments import DRUMS
from .rendered_clip import Rendering
from .score import Score


def score_to_midi(score: Score) -> list[dict[str, Any]]:
    """``[{"state": "complete", "instruments": [{"name", "notes": [...]}]}]`` from the score.

    >>> from suno_nb.emulator.synth import render_action
    >>> clip = render_action("sounds", {"sound": "piano", "key": "A"}, seed=1)[0]
    >>> score_to_midi(clip.score)[0]["instruments"][0]["notes"][0]["pitch"] % 12  # A
    9
    """
    by_name: dict[str, list[dict[str, Any]]] = {}
    for name, pitch, start, end, velocity in score.notes:
        note: dict[str, Any] = {
            "pitch": round(pitch),
            "start": round(float(start), 4),
            "end": round(float(end), 4),
            "velocity": int(np.clip(round(velocity * 127), 1, 127)),
        }
        cents = round((pitch - round(pitch)) * 100)
        if cents:
            note["cents"] = int(cents)  # microtonal notes (weirdness): the bend from `pitch`
        if name in ("drums", "percussion"):
            note["drum"] = DRUMS.get(round(pitch), ("drum", name))[0]
        by_name.setdefault(name, []).append(note)
    instruments = [{"name": name, "notes": notes} for name, notes in by_name.items()]
    return [{"state": "complete", "instruments": instruments}]


def waveform_envelope(audio: np.ndarray, points: int = 200) -> list[float]:
    """Peak envelope in ``points`` values (0..1), for a waveform drawing."""
    mono = np.abs(np.asarray(audio, dtype=np.float32))
    if mono.ndim > 1:
        mono = mono.max(axis=1)
    if len(mono) == 0:
        return [0.0] * points
    edges = np.linspace(0, len(mono), points + 1).astype(int)
    peaks = np.maximum.reduceat(mono, np.minimum(edges[:-1], len(mono) - 1))
    top = float(peaks.max()) or 1.0
    return [round(float(p) / top, 4) for p in peaks]


def word_timings(rendering: Rendering) -> dict[str, Any]:
    """The sung words with their real start/end times, and a ~200-point waveform envelope.

    >>> from suno_nb.emulator.synth import render_action
    >>> clip = render_action("generate", {"lyric": "[Verse]\\nhello world", "custom": True,
    ...                                   "duration": 8}, seed=1)[0]
    >>> [w["word"] for w in word_timings(clip)["aligned_words"][:2]]
    ['hello', 'world']
    """
    vocals = rendering.layers.get("vocals")
    words = []
    for word, start, end in rendering.score.words:
        p_align = 1.0
        if vocals is not None:
            a, b = (
                int(start * rendering.sr),
                max(int(end * rendering.sr), int(start * rendering.sr) + 1),
            )
            level = float(np.abs(vocals[a:b].astype(np.float32)).mean()) if b > a else 0.0
            p_align = round(min(1.0, 0.5 + 20 * level), 3)
        words.append(
            {
                "word": word,
                "start_s": round(float(start), 3),
                "end_s": round(float(end), 3),
                "success": True,
                "p_align": p_align,
            }
        )
    sung = [w for w in words if w["success"]]
    return {
        "aligned_words": words,
        "waveform_data": waveform_envelope(rendering.audio),
        # The character error rate of the alignment (0: every word placed), as documented.
        "hoot_cer": round(1.0 - len(sung) / len(words), 3) if words else 0.0,
        "is_streamed": False,
    }
