"""Stems for a DAW: a track's separated stems (from ``stems``/``all_stems`` results in the
catalogue) written as numbered, same-length WAV or FLAC files, plus a ``.mid`` of its
``/suno/midi`` notes when asked.

Example:
    >>> client.all_stems(track.id)                          # doctest: +SKIP
    >>> export_stems(track, "night_bus_stems")              # doctest: +SKIP
    [PosixPath('night_bus_stems/01 Vocals.wav'), ...]
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from suno_nb._extras import require

__all__ = ["export_stems", "stem_tracks", "write_midi"]

_STEM_ACTIONS = ("stems", "all_stems")
_FORMATS = {"wav": "WAV", "flac": "FLAC"}


def stem_tracks(track: Any) -> list[tuple[str, Any]]:
    """``(stem name, Track)`` of every stem made from ``track``, in the order the service sent
    them; the newest set when the stems were asked for more than once."""
    frame = track.catalogue.to_pandas()
    mine = frame[
        frame["action"].astype(str).isin(_STEM_ACTIONS)
        & (frame.get("audio_id", frame["clip_id"] * 0).astype(str) == track.id)
        & (frame["audio_state"].astype(str) == "ok")
    ]
    if mine.empty:
        return []
    newest = mine["task_id"].iloc[-1]
    mine = mine[mine["task_id"] == newest]
    out = []
    for clip_id in mine["clip_id"]:
        stem = track.catalogue.get(clip_id)
        out.append((_stem_name(stem, track.title), stem))
    return out


def export_stems(
    track: Any,
    folder: str | os.PathLike[str],
    format: str = "wav",
    pad: bool = True,
    *,
    midi: bool = False,
    client: Any = None,
) -> list[Path]:
    """Write ``track``'s stems into ``folder`` as ``01 Vocals.wav``, ``02 Instrumental.wav`` …

    ``pad=True`` pads every stem with silence to the longest one (a DAW lines them up at 0).
    ``midi=True`` also writes ``<n> MIDI.mid`` from ``/suno/midi`` (asked through ``client``,
    default a :class:`~suno_nb.client.Client` on the track's catalogue). Raises
    :class:`LookupError` when the catalogue holds no stems of the track (run
    ``client.stems(track.id)`` or ``client.all_stems(track.id)`` first).
    """
    import numpy as np
    import soundfile

    if format not in _FORMATS:
        raise ValueError(f"format must be one of {sorted(_FORMATS)}; got {format!r}")
    stems = stem_tracks(track)
    if not stems:
        raise LookupError(
            f"no stems of track {track.id} in the catalogue; run client.stems({track.id!r}) or "
            f"client.all_stems({track.id!r}) first"
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    loaded = [(name, *stem.load()) for name, stem in stems]
    rates = {rate for _, _, rate in loaded}
    target_rate = max(rates)
    audio = []
    for name, y, rate in loaded:
        if rate != target_rate:  # a DAW wants one rate per session
            import librosa

            y = librosa.resample(y, orig_sr=rate, target_sr=target_rate)
        audio.append((name, np.atleast_2d(y)))
    channels = max(y.shape[0] for _, y in audio)
    longest = max(y.shape[1] for _, y in audio)
    written = []
    for number, (name, y) in enumerate(audio, start=1):
        if y.shape[0] < channels:
            y = np.repeat(y[:1], channels, axis=0)
        if pad and y.shape[1] < longest:
            y = np.pad(y, ((0, 0), (0, longest - y.shape[1])))
        path = folder / f"{number:02d} {name}.{format}"
        soundfile.write(path, y.T, target_rate, format=_FORMATS[format], subtype="PCM_16")
        written.append(path)
    if midi:
        written.append(write_midi(track, folder / f"{len(audio) + 1:02d} MIDI.mid", client))
    return written


def write_midi(track: Any, path: str | os.PathLike[str], client: Any = None) -> Path:
    """Write the ``/suno/midi`` notes of ``track`` as a standard MIDI file (one MIDI track
    per instrument, 120 bpm, 480 ticks a beat); return the path."""
    mido = require("mido", extra="research", feature="MIDI export")
    if client is None:
        from suno_nb.client import Client

        client = Client(catalogue=track.catalogue, progress=False)
    instruments = client.midi(track.id).instruments
    ticks_per_second = 960  # 480 ticks a beat at 120 bpm
    song = mido.MidiFile(ticks_per_beat=480)
    channels = [c for c in range(16) if c != 9]  # channel 10 is drums in General MIDI
    for index, instrument in enumerate(instruments):
        channel = channels[index % len(channels)]
        events = []
        for note in instrument.notes:
            pitch = max(0, min(127, round(note.pitch)))
            velocity = max(1, min(127, round(note.velocity or 80)))
            events.append((note.start, 1, "note_on", pitch, velocity))
            events.append((max(note.end, note.start), 0, "note_off", pitch, 0))
        events.sort(key=lambda e: (e[0], e[1]))  # note_offs first at a shared time
        midi_track = mido.MidiTrack()
        midi_track.append(mido.MetaMessage("track_name", name=instrument.name or f"part {index}"))
        if index == 0:
            midi_track.append(mido.MetaMessage("set_tempo", tempo=500_000))
        now = 0
        for seconds, _, kind, pitch, velocity in events:
            tick = round(seconds * ticks_per_second)
            midi_track.append(
                mido.Message(kind, note=pitch, velocity=velocity, channel=channel, time=tick - now)
            )
            now = tick
        song.tracks.append(midi_track)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    song.save(path)
    return path


def _stem_name(stem: Any, parent_title: str) -> str:
    clip = stem.clip
    name = clip.get("stem") or clip.get("stem_type")
    if not name:
        title = stem.title or ""
        # The service titles stems "<title> - Vocals" (stems) or "<title> (Vocals)" (all_stems,
        # extract_stem), as the audios guide prints them.
        bracketed = re.search(r"\(([^()]+)\)\s*$", title)
        if " - " in title:
            name = title.split(" - ")[-1]
        else:
            name = bracketed.group(1) if bracketed else title or "stem"
    name = str(name).replace("_", " ")
    name = name[:1].upper() + name[1:]
    return re.sub(r'[\\/:*?"<>|]+', " ", name).strip()
