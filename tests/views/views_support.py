"""Synthetic test audio for the views and features tests, made once per session.

Nothing here is committed audio: every file is written into a session temp folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

SR = 22_050


@dataclass(frozen=True)
class Clips:
    folder: Path
    click_120: np.ndarray  # 20 s, 120 bpm clicks, mono, SR
    tone_440: np.ndarray  # 5 s, 440 Hz sine, mono, SR
    a_major: np.ndarray  # 8 s, A-major arpeggio, mono, SR
    stereo_wav: Path  # 6 s, 44.1 kHz stereo tone + clicks
    long_wav: Path  # 60 s, 44.1 kHz stereo
    short_wav: Path  # 0.3 s
    silent_wav: Path  # 3 s of zeros
    corrupt_wav: Path  # a WAV header followed by junk


def click_track(bpm: float, seconds: float, sr: int = SR) -> np.ndarray:
    y = np.zeros(int(seconds * sr), np.float32)
    n = int(0.02 * sr)
    click = np.sin(2 * np.pi * 1000 * np.arange(n) / sr) * np.exp(-np.arange(n) / (0.004 * sr))
    for beat in np.arange(0.25, seconds - 0.05, 60.0 / bpm):
        start = int(beat * sr)
        y[start : start + n] += click[: len(y) - start].astype(np.float32)
    return y


def tone(freq: float, seconds: float, sr: int = SR, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * sr)) / sr
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def arpeggio(freqs: tuple[float, ...], seconds: float, sr: int = SR) -> np.ndarray:
    note_s = 0.25
    t = np.arange(int(note_s * sr)) / sr
    notes = [
        sum(np.sin(2 * np.pi * f * h * t) / h for h in (1, 2, 3)) * np.exp(-2 * t) for f in freqs
    ]
    cycle = np.concatenate(notes)
    reps = int(np.ceil(seconds / (note_s * len(freqs))))
    return (0.3 * np.tile(cycle, reps)).astype(np.float32)
