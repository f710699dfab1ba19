"""The singer: source-filter synthesis of sung syllables (glottal harmonics through vowel formants).

A syllable's spectrum is built once as a wavetable (harmonics weighted by the formant envelope at
their frequency), then played with portamento and vibrato; consonants are short noise bursts.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

import numpy as np
from scipy import signal

from .filters import butter_sos
from .instruments import F32, TABLE_SIZE, midi_to_hz

# Formant centres (Hz) of an adult male voice; bandwidths grow with frequency.
VOWELS: dict[str, tuple[float, float, float, float]] = {
    "a": (730, 1090, 2440, 3400),
    "e": (530, 1840, 2480, 3500),
    "i": (300, 2250, 3000, 3700),
    "o": (570, 840, 2410, 3400),
    "u": (320, 870, 2240, 3300),
    "@": (520, 1190, 2390, 3400),
}
_FORMANT_GAIN = (1.0, 0.7, 0.35, 0.2)
_FORMANT_WIDTH = (90.0, 110.0, 170.0, 250.0)

DEFAULT_VOICES: dict[str, dict[str, Any]] = {
    "m": {
        "gender": "m",
        "pitch_centre": 53.0,
        "formant_scale": 1.0,
        "breathiness": 0.05,
        "vibrato_rate": 5.3,
        "vibrato_depth": 0.35,
        "brightness": 1.0,
    },
    "f": {
        "gender": "f",
        "pitch_centre": 65.0,
        "formant_scale": 1.17,
        "breathiness": 0.1,
        "vibrato_rate": 5.8,
        "vibrato_depth": 0.3,
        "brightness": 1.1,
    },
}

_FRICATIVES = {
    "s": (3500, 9000),
    "z": (3500, 9000),
    "c": (3500, 9000),
    "x": (3000, 8000),
    "f": (1500, 7000),
    "v": (1500, 7000),
    "h": (500, 4000),
    "sh": (1800, 5000),
    "th": (1500, 7000),
    "ch": (1800, 6000),
    "j": (1800, 6000),
}
_PLOSIVES = {
    "p": (300, 3000),
    "b": (200, 2000),
    "t": (2500, 7000),
    "d": (1500, 5000),
    "k": (1200, 4000),
    "g": (1000, 3500),
    "q": (1200, 4000),
}


def voice_for(gender: str | None, seed: int = 0) -> dict[str, Any]:
    """Default voice parameters for a gender ("m"/"f"; anything else picks one from the seed)."""
    if gender not in ("m", "f"):
        gender = "f" if seed % 2 else "m"
    return dict(DEFAULT_VOICES[gender])


def vowel_of(syllable: str) -> str:
    s = syllable.lower()
    for pattern, vowel in (
        ("ee|ea|ie|y$", "i"),
        ("oo|ou|ew", "u"),
        ("ay|ai|ey", "e"),
        ("oa|ow|oh", "o"),
    ):
        if re.search(pattern, s):
            return vowel
    match = re.search(r"[aeiouy]", s)
    if not match:
        return "@"
    return {"y": "i"}.get(match.group(0), match.group(0))


def onset_of(syllable: str) -> str:
    """The consonant cluster that starts a syllable ('' when it starts on a vowel)."""
    match = re.match(r"[^aeiouy]*", syllable.lower())
    return match.group(0) if match else ""


def _formant_table(vowel: str, f0: float, voice: dict[str, Any], bandwidth: float) -> np.ndarray:
    scale = float(voice.get("formant_scale", 1.0))
    harmonics = max(1, int(min(bandwidth, 11000.0) / f0))
    k = np.arange(1, harmonics + 1, dtype=np.float64)
    freqs = k * f0
    # Glottal source: about -12 dB/octave, made brighter or darker per voice.
    source = k ** (-1.0 / max(float(voice.get("brightness", 1.0)), 0.3))
    envelope = np.full_like(freqs, 0.02)
    for centre, gain, width in zip(
        VOWELS.get(vowel, VOWELS["@"]), _FORMANT_GAIN, _FORMANT_WIDTH, strict=True
    ):
        c = centre * scale
        envelope += gain / (1.0 + ((freqs - c) / (width * scale / 2)) ** 2)
    amps = source * envelope
    spectrum = np.zeros(TABLE_SIZE // 2 + 1, dtype=np.complex128)
    spectrum[1 : harmonics + 1] = -1j * amps
    table = np.fft.irfft(spectrum, TABLE_SIZE)
    return (table / (np.max(np.abs(table)) or 1.0)).astype(F32)


class Singer:
    """Renders sung syllables into a mono buffer; caches formant tables per vowel and pitch."""

    def __init__(self, voice: dict[str, Any], sr: int, bandwidth: float, seed: int = 0) -> None:
        self.voice = voice
        self.sr = sr
        self.bandwidth = bandwidth
        self._tables: dict[tuple[str, int], np.ndarray] = {}
        rng = np.random.default_rng(zlib.crc32(f"breath{seed}".encode()))
        noise = rng.standard_normal(sr * 2).astype(F32)
        # Breath is band-limited like the rest of the voice (older models sound narrower).
        top = min(0.9 * bandwidth, 0.45 * sr, 9000.0)
        sos = butter_sos(4, (400.0, top), "band", sr)
        self._noise = (signal.sosfilt(sos, noise) * 2.0).astype(F32)
        self._bursts: dict[str, np.ndarray] = {}
        self._cache: dict[tuple, np.ndarray] = {}

    def _table(self, vowel: str, pitch: float) -> np.ndarray:
        key = (vowel, round(pitch))
        table = self._tables.get(key)
        if table is None:
            table = _formant_table(vowel, midi_to_hz(round(pitch)), self.voice, self.bandwidth)
            self._tables[key] = table
        return table

    def _burst(self, onset: str) -> np.ndarray | None:
        head = onset[:2] if onset[:2] in _FRICATIVES else onset[:1]
        if not head or head in "lmnrwy":
            return None
        burst = self._bursts.get(head)
        if burst is None:
            fricative = head in _FRICATIVES
            lo, hi = _FRICATIVES.get(head) or _PLOSIVES.get(head, (1000, 4000))
            hi = min(hi, self.bandwidth, 0.45 * self.sr)
            lo = min(lo, hi * 0.5)
            n = int((0.07 if fricative else 0.02) * self.sr)
            sos = butter_sos(2, (lo, hi), "band", self.sr)
            noise = signal.sosfilt(sos, self._noise[:n]).astype(F32)
            t = np.arange(n, dtype=F32) / F32(self.sr)
            env = np.minimum(t / 0.01, 1.0) * np.exp(-t / (0.03 if fricative else 0.006))
            burst = (noise * env.astype(F32)) * F32(2.5 if fricative else 4.0)
            self._bursts[head] = burst
        return burst

    def _syllable(self, vowel: str, n: int, n_on: int, pitch: float, glide: float) -> np.ndarray:
        """One sung vowel (velocity 1), cached: repeated lines re-use their syllables."""
        key = (vowel, n, n_on, round(pitch * 20), round(glide * 4))
        wave = self._cache.get(key)
        if wave is not None:
            return wave
        sr = self.sr
        t = _time(n, sr)
        semis = np.zeros(n, dtype=F32)
        if glide:
            # Portamento from the previous note over the first ~0.1 s.
            g = min(n, int(0.12 * sr))
            semis[:g] = F32(glide) * np.exp(-t[:g] / F32(0.035))
        v0 = int(0.15 * sr)
        if n > v0:
            # Vibrato fades in after the attack, as singers do.
            depth = F32(self.voice.get("vibrato_depth", 0.3))
            rate = F32(2 * np.pi * float(self.voice.get("vibrato_rate", 5.5)))
            fade = np.minimum((t[v0:] - F32(0.15)) / F32(0.25), F32(1.0))
            semis[v0:] += depth * fade * np.sin(rate * t[v0:])
        inc = np.exp2(semis * F32(1 / 12)) * F32(midi_to_hz(pitch) / sr)
        phase = np.cumsum(inc)
        idx = (phase * F32(TABLE_SIZE)).astype(np.int32) & (TABLE_SIZE - 1)
        wave = self._table(vowel, pitch)[idx]
        breath = F32(self.voice.get("breathiness", 0.05))
        if breath:
            # crc32, not hash(): str hashes change per process and the audio must not.
            spare = len(self._noise) - n
            offset = zlib.crc32(repr(key).encode()) % spare if spare > 0 else 0
            wave += breath * F32(0.5) * np.resize(self._noise[offset:], n)
        env = np.minimum(t * F32(1 / 0.03), F32(1.0))
        if n > n_on:
            env[n_on:] *= np.linspace(1, 0, n - n_on, dtype=F32)
        wave *= env
        self._cache[key] = wave
        return wave

    def sing(
        self,
        out: np.ndarray,
        text: str,
        vowel: str,
        start: float,
        end: float,
        pitch: float,
        velocity: float,
        previous_pitch: float | None = None,
    ) -> None:
        """Add one sung syllable to ``out`` (mono, in place)."""
        sr = self.sr
        start = max(start, 0.0)
        a = int(start * sr)
        n = int((end - start + 0.06) * sr) // 256 * 256
        if a >= len(out) or n <= 0:
            return
        n_on = max(1, n - int(0.06 * sr))
        glide = 0.0 if previous_pitch is None else max(-5.0, min(5.0, previous_pitch - pitch))
        wave = self._syllable(vowel, n, n_on, pitch, glide)
        m = min(n, len(out) - a)
        out[a : a + m] += wave[:m] * F32(velocity)
        burst = self._burst(onset_of(text))
        if burst is not None:
            # The consonant sits just before the vowel onset.
            b0 = max(0, a - len(burst) // 2)
            m = min(len(burst), len(out) - b0)
            out[b0 : b0 + m] += burst[:m] * F32(velocity * 0.3)


_TIME: dict[int, np.ndarray] = {}


def _time(n: int, sr: int) -> np.ndarray:
    """Seconds of the first ``n`` samples (a shared, growing ramp)."""
    ramp = _TIME.get(sr)
    if ramp is None or len(ramp) < n:
        ramp = np.arange(max(n, 4 * sr), dtype=F32) / F32(sr)
        _TIME[sr] = ramp
    return ramp[:n]


def sing_line(
    n: int,
    syllables: list[tuple[str, str, float, float, float, float, int]],
    voice: dict[str, Any],
    sr: int,
    bandwidth: float,
    seed: int = 0,
) -> np.ndarray:
    """Render a whole sung line (mono)."""
    out = np.zeros(n, dtype=F32)
    singer = Singer(voice, sr, bandwidth, seed)
    previous: float | None = None
    last_end = -1.0
    for text, vowel, start, end, pitch, velocity, _ in syllables:
        # Glide only between syllables of one phrase (no gap longer than a beat).
        prev = previous if start - last_end < 0.3 else None
        singer.sing(out, text, vowel, start, end, pitch, velocity, prev)
        previous, last_end = pitch, end
    return out
