"""A track's karaoke lyrics: its ``/suno/timing`` words fetched once (kept next to the
catalogue, under ``exports/timing/``), then written as LRC or SRT by :mod:`.karaoke`.

Example:
    >>> text = lyrics_lrc(catalogue.get("3f9b"), enhanced=True)   # doctest: +SKIP
    >>> save_lyrics(track, "night_bus.lrc")                        # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from suno_nb.exports.karaoke import lrc, srt

__all__ = ["aligned_words", "lyrics_lrc", "lyrics_srt", "save_lyrics"]

TIMING_FOLDER = Path("exports") / "timing"


def aligned_words(track: Any, client: Any = None, *, refresh: bool = False) -> list[dict]:
    """The aligned words of ``track`` (``/suno/timing``), asked once and then read from the
    catalogue folder. ``client`` defaults to a :class:`~suno_nb.client.Client` recording into
    the track's catalogue (the emulator without a token)."""
    cache = track.catalogue.root / TIMING_FOLDER / f"{track.id}.json"
    if cache.is_file() and not refresh:
        return json.loads(cache.read_text())
    client = client if client is not None else _client(track)
    answer = client.timing(track.id)
    words = [w.model_dump() for w in answer.aligned_words]
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(words))
    os.replace(tmp, cache)
    return words


def lyrics_lrc(track: Any, client: Any = None, *, enhanced: bool = False) -> str:
    """LRC lyrics of ``track`` (lines from its lyric, section tags dropped); ``enhanced=True``
    adds word tags."""
    return lrc(
        aligned_words(track, client),
        lyric=_lyric(track),
        title=track.title or None,
        enhanced=enhanced,
    )


def lyrics_srt(track: Any, client: Any = None) -> str:
    """SRT subtitles of ``track``: one cue per lyric line."""
    return srt(aligned_words(track, client), lyric=_lyric(track))


def save_lyrics(
    track: Any, path: str | os.PathLike[str], client: Any = None, *, enhanced: bool = False
) -> Path:
    """Write ``.lrc`` or ``.srt`` (by the suffix of ``path``); return the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".lrc", ".srt"):
        raise ValueError(f"path must end in .lrc or .srt; got {str(path)!r}")
    text = (
        lyrics_srt(track, client)
        if suffix == ".srt"
        else lyrics_lrc(track, client, enhanced=enhanced)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _lyric(track: Any) -> str | None:
    clip = track.clip
    return clip.get("lyric") or track.params.get("lyric")


def _client(track: Any) -> Any:
    from suno_nb.client import Client

    return Client(catalogue=track.catalogue, progress=False)
