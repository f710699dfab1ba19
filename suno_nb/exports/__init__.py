"""Exports people ask for: karaoke lyrics (LRC, SRT), tagged MP3s with a sidecar JSON, stems
and MIDI for a DAW, a Hugging Face "audiofolder" dataset, and a backfill of past tasks.

Module functions over a track or a catalogue (this package sits above the catalogue and the
client, so those stay free of it).

Example:
    >>> from suno_nb import exports
    >>> exports.lyrics_lrc(track, enhanced=True)          # doctest: +SKIP
    >>> exports.export_tagged(track, "out")               # doctest: +SKIP
    >>> exports.export_stems(track, "stems", midi=True)   # doctest: +SKIP
    >>> exports.export_dataset(catalogue, "dataset")      # doctest: +SKIP
    >>> exports.backfill(catalogue, client, since="2026-11-01")   # doctest: +SKIP
"""

from __future__ import annotations

from suno_nb.exports.backfill import backfill
from suno_nb.exports.dataset import export_dataset
from suno_nb.exports.karaoke import lrc, srt
from suno_nb.exports.lyrics import aligned_words, lyrics_lrc, lyrics_srt, save_lyrics
from suno_nb.exports.stems import export_stems, stem_tracks, write_midi
from suno_nb.exports.tags import export_tagged, sidecar

__all__ = [
    "aligned_words",
    "backfill",
    "export_dataset",
    "export_stems",
    "export_tagged",
    "lrc",
    "lyrics_lrc",
    "lyrics_srt",
    "save_lyrics",
    "sidecar",
    "srt",
    "stem_tracks",
    "write_midi",
]
