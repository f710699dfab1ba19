"""The instrument catalogue and the note renderer (wavetables, envelopes, drum one-shots).

Everything is vectorised per note; a cache re-uses a note's waveform whenever it repeats.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
from scipy import signal

from .filters import butter_sos

TABLE_BITS = 12
TABLE_SIZE = 1 << TABLE_BITS
F32 = np.float32


@dataclass(frozen=True)
class Instrument:
    """How one instrument sounds and where it sits in the mix."""

    name: str
    layer: str  # the stem it belongs to
    part: str  # the composer's pattern for it (see compose._PARTS)
    spectrum: str  # harmonic recipe of the wavetable
    register: int  # midi pitch around which its part is voiced
    attack: float = 0.005
    decay: float = 0.4  # exponential decay time of the level (s)
    sustain: float = 0.0  # level kept while the note is held
    release: float = 0.08
    bright_decay: float = 0.0  # seconds for the tone to dull (a pluck's filter); 0 = steady
    level: float = 0.5
    pan: float = 0.0
    wide: bool = False
    reverb: float = 0.15
    unison: int = 1
    detune: float = 0.0  # cents between unison voices
    vibrato: float = 0.0  # depth in semitones
    drive: float = 0.0  # tanh saturation
    signature_of: tuple[str, ...] = ()


# fmt: off
INSTRUMENTS: dict[str, Instrument] = {
    i.name: i
    for i in (
        Instrument("piano", "keyboard", "block", "piano", 62, decay=1.2, release=0.25,
                   bright_decay=0.35, level=0.42, pan=0.15, reverb=0.2),
        Instrument("grand_piano", "keyboard", "broken", "piano", 64, decay=1.6, release=0.35,
                   bright_decay=0.4, level=0.55, wide=True, reverb=0.35),
        Instrument("epiano", "keyboard", "comp", "epiano", 62, decay=1.4, sustain=0.15, release=0.3,
                   bright_decay=0.25, level=0.42, pan=0.1, reverb=0.3),
        Instrument("rhodes", "keyboard", "comp", "epiano", 61, decay=1.3, sustain=0.2, release=0.3,
                   bright_decay=0.3, level=0.42, pan=0.15, reverb=0.25),
        Instrument("stabs", "keyboard", "stabs", "piano", 65, decay=0.25, release=0.06,
                   bright_decay=0.1, level=0.42, pan=0.1, reverb=0.3),
        Instrument("keys_loop", "keyboard", "comp", "epiano", 64, decay=0.9, release=0.2,
                   bright_decay=0.2, level=0.38, pan=-0.1, reverb=0.2),
        Instrument("organ", "keyboard", "skank", "organ", 64, attack=0.01, decay=0.5, sustain=0.9,
                   release=0.05, level=0.22, pan=0.25),
        Instrument("pad", "synth", "pad", "soft_saw", 60, attack=0.4, decay=1.0, sustain=0.85,
                   release=0.8, level=0.26, wide=True, reverb=0.5, unison=2, detune=9.0),
        Instrument("supersaw", "synth", "pad", "saw", 62, attack=0.05, decay=0.6, sustain=0.8,
                   release=0.4, level=0.36, wide=True, reverb=0.4, unison=3, detune=14.0),
        Instrument("arp", "synth", "arp", "square", 72, decay=0.18, release=0.04, bright_decay=0.08,
                   level=0.3, pan=-0.25, wide=True, reverb=0.35),
        Instrument("pluck", "synth", "arp", "saw", 74, decay=0.25, release=0.05, bright_decay=0.06,
                   level=0.2, pan=0.3, reverb=0.35),
        Instrument("bell", "synth", "bell", "bell", 79, decay=1.6, release=0.5, level=0.2, pan=-0.2,
                   wide=True, reverb=0.55),
        Instrument("acid", "synth", "acid", "saw", 48, decay=0.22, sustain=0.3, release=0.03,
                   bright_decay=0.09, level=0.3, pan=0.1, drive=2.5),
        Instrument("lead", "synth", "counter", "square", 74, attack=0.02, decay=0.3, sustain=0.7,
                   release=0.1, level=0.2, pan=0.2, reverb=0.3, vibrato=0.12),
        Instrument("bass", "bass", "bass", "bass", 38, decay=0.9, sustain=0.5, release=0.06,
                   bright_decay=0.15, level=0.4),
        Instrument("synthbass", "bass", "bass", "saw", 38, decay=0.3, sustain=0.5, release=0.04,
                   bright_decay=0.07, level=0.32, drive=1.5),
        Instrument("reese", "bass", "bass", "saw", 36, attack=0.02, decay=0.5, sustain=0.9,
                   level=0.3, unison=2, detune=18.0, drive=1.2),
        Instrument("sub808", "bass", "bass", "sine", 36, decay=1.2, sustain=0.3, release=0.1,
                   drive=1.8),
        Instrument("acoustic_guitar", "guitar", "strum", "guitar", 55, decay=1.2, release=0.15,
                   bright_decay=0.2, level=0.36, pan=-0.3, reverb=0.25),
        Instrument("rhythm_guitar", "guitar", "power", "saw", 50, decay=0.5, sustain=0.5,
                   release=0.05, bright_decay=0.3, level=0.4, pan=-0.4, drive=4.0),
        Instrument("lead_guitar", "guitar", "counter", "saw", 67, attack=0.01, decay=0.8,
                   sustain=0.6, release=0.1, level=0.18, pan=0.35, reverb=0.3, vibrato=0.25,
                   drive=5.0),
        Instrument("distorted_guitar", "guitar", "power", "saw", 45, sustain=0.6, release=0.04,
                   bright_decay=0.5, pan=-0.35, wide=True, reverb=0.1, unison=2, detune=8.0,
                   drive=8.0),
        Instrument("skank", "guitar", "skank", "guitar", 62, decay=0.22, release=0.03,
                   bright_decay=0.05, level=0.6, pan=-0.3, reverb=0.25),
        Instrument("strings", "strings", "pad", "strings", 62, attack=0.35, decay=1.0, sustain=0.9,
                   release=0.6, pan=-0.2, wide=True, reverb=0.5, unison=2, detune=7.0,
                   vibrato=0.12),
        Instrument("brass", "brass", "hits", "brass", 55, attack=0.06, decay=0.6, sustain=0.8,
                   release=0.2, level=0.45, pan=0.3, reverb=0.45, vibrato=0.05),
        Instrument("woodwinds", "woodwinds", "counter", "flute", 76, attack=0.06, decay=0.5,
                   sustain=0.85, release=0.15, level=0.34, pan=0.25, reverb=0.45,
                   vibrato=0.15),
        Instrument("timpani", "percussion", "timpani", "sine", 41, decay=0.9, release=0.2,
                   reverb=0.45),
        Instrument("vinyl", "fx", "texture", "vinyl", 60, level=0.06, wide=True, reverb=0.0),
        Instrument("texture", "fx", "texture", "wind", 60, attack=1.0, sustain=1.0, release=1.0,
                   level=0.05, wide=True, reverb=0.3),
        Instrument("riser", "fx", "riser", "wind", 60, attack=0.1, sustain=1.0, release=0.1,
                   level=0.1, wide=True, reverb=0.3),
        Instrument("shaker", "percussion", "shaker", "noise", 70, level=0.3, pan=0.35),
        Instrument("ride_kit", "drums", "none", "noise", 51, level=0.0),
    )
}
# fmt: on

# Drum sounds by General MIDI number: (name, layer).
DRUMS: dict[int, tuple[str, str]] = {
    36: ("kick", "drums"),
    38: ("snare", "drums"),
    39: ("clap", "drums"),
    37: ("rim", "drums"),
    42: ("hat", "drums"),
    46: ("open_hat", "drums"),
    49: ("crash", "drums"),
    51: ("ride", "drums"),
    45: ("tom", "drums"),
    70: ("shaker", "percussion"),
    63: ("conga", "percussion"),
    47: ("timpani_hit", "percussion"),
    56: ("cowbell", "percussion"),
}
DRUM_NUMBER = {name: number for number, (name, _) in DRUMS.items()}

LAYER_PAN = {
    "drums": 0.0,
    "percussion": 0.35,
    "bass": 0.0,
    "vocals": 0.0,
    "backing_vocals": 0.0,
}


def midi_to_hz(pitch: float) -> float:
    return 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)


def _spectrum(kind: str, k: np.ndarray) -> np.ndarray:
    """Harmonic amplitudes (k = 1, 2, …) of a wavetable recipe."""
    odd = (k % 2 == 1).astype(np.float64)
    recipes = {
        "sine": (k == 1) * 1.0,
        "saw": 1.0 / k,
        "soft_saw": 1.0 / k**1.6,
        "square": odd / k,
        "piano": (1.0 / k**1.2) * (1 + 0.4 * (k == 2)),
        "epiano": (k == 1) * 1.0 + (k == 2) * 0.25 + (k == 3) * 0.08 + (k == 7) * 0.05,
        "organ": sum(
            (
                (k == h) * a
                for h, a in ((1, 1.0), (2, 0.7), (3, 0.5), (4, 0.3), (6, 0.2), (8, 0.15))
            ),
            start=np.zeros_like(k, float),
        ),
        "bass": 1.0 / k**2.0,
        "guitar": np.abs(np.sin(np.pi * k * 0.18)) / k**0.9,
        "strings": (1.0 / k) * (1 + 0.6 * np.exp(-((k - 4) ** 2) / 6)),
        "brass": 1.0 / k**0.75,
        "flute": (k == 1) * 1.0 + (k == 2) * 0.2 + (k == 3) * 0.06,
        "bell": (k == 1) * 1.0 + (k == 4) * 0.4 + (k == 7) * 0.2,
    }
    return np.asarray(recipes.get(kind, recipes["saw"]), dtype=np.float64)


_TABLES: dict[tuple[str, int, bool], np.ndarray] = {}


def wavetable(kind: str, harmonics: int, *, dull: bool = False) -> np.ndarray:
    """One cycle (TABLE_SIZE samples, peak 1) with ``harmonics`` partials of the recipe."""
    key = (kind, harmonics, dull)
    table = _TABLES.get(key)
    if table is None:
        k = np.arange(1, max(1, harmonics) + 1, dtype=np.float64)
        amps = _spectrum(kind, k)
        if dull:
            amps = amps * np.exp(-(k - 1) / 2.5)
        spectrum = np.zeros(TABLE_SIZE // 2 + 1, dtype=np.complex128)
        spectrum[1 : len(amps) + 1] = -1j * amps
        table = np.fft.irfft(spectrum, TABLE_SIZE)
        peak = np.max(np.abs(table)) or 1.0
        table = (table / peak).astype(F32)
        _TABLES[key] = table
    return table


def _phase_index(freq: float, n: int, sr: int, offset: int = 0) -> np.ndarray:
    """Table indices of a steady oscillator: a 32-bit phase accumulator that wraps exactly."""
    inc = np.uint32(int(freq / sr * 2.0**32) & 0xFFFFFFFF)
    phase = np.arange(n, dtype=np.uint32) * inc + np.uint32(offset)
    return phase >> np.uint32(32 - TABLE_BITS)


def _vibrato_index(freq: float, n: int, sr: int, depth: float, rate: float = 5.2) -> np.ndarray:
    t = np.arange(n, dtype=F32) / F32(sr)
    # Vibrato fades in, as players do, so short notes stay steady.
    ramp = np.minimum(t / 0.35, 1.0)
    inst = freq * np.exp2((depth / 12.0) * ramp * np.sin(2 * np.pi * rate * t)) / sr
    phase = np.cumsum(inst, dtype=np.float64)
    return ((phase - np.floor(phase)) * TABLE_SIZE).astype(np.int32) & (TABLE_SIZE - 1)


def envelope(inst: Instrument, n_on: int, n: int, sr: int) -> np.ndarray:
    t = np.arange(n, dtype=F32) / F32(sr)
    env = np.minimum(t / F32(max(inst.attack, 1e-3)), F32(1.0))
    env *= F32(inst.sustain) + F32(1 - inst.sustain) * np.exp(-t / F32(inst.decay))
    if n > n_on:
        # Release: a linear fade from the note-off level.
        env[n_on:] *= np.linspace(1.0, 0.0, n - n_on, dtype=F32)
    return env


def render_note(
    inst: Instrument, pitch: float, n_on: int, sr: int, bandwidth: float, detune: float = 0.0
) -> np.ndarray:
    """A note of ``inst`` held for ``n_on`` samples (plus its release), peak about 1."""
    n = n_on + int(inst.release * sr)
    f0 = midi_to_hz(pitch)
    if inst.spectrum in ("noise", "vinyl", "wind"):
        return _noise_note(inst, n_on, n, sr, bandwidth)
    harmonics = max(1, int(min(bandwidth, 0.45 * sr) / f0))
    bright = wavetable(inst.spectrum, harmonics)
    dull = wavetable(inst.spectrum, harmonics, dull=True) if inst.bright_decay else None
    voices = max(1, inst.unison)
    spread = inst.detune + detune
    out = np.zeros(n, dtype=F32)
    if dull is not None:
        t = np.arange(n, dtype=F32) / F32(sr)
        mix = np.exp(-t / F32(inst.bright_decay))
    for v in range(voices):
        cents = 0.0 if voices == 1 else spread * (v / (voices - 1) - 0.5) * 2
        freq = f0 * 2.0 ** (cents / 1200.0)
        if inst.vibrato:
            idx = _vibrato_index(freq, n, sr, inst.vibrato)
        else:
            idx = _phase_index(freq, n, sr, offset=v * 0x3779B97F)
        if dull is None:
            out += bright[idx]
        else:
            d = dull[idx]
            out += d + mix * (bright[idx] - d)
    out *= envelope(inst, n_on, n, sr) / F32(voices)
    if inst.drive:
        out = np.tanh(out * F32(inst.drive)) / F32(np.tanh(inst.drive))
    return out


def _rng_for(*parts: object) -> np.random.Generator:
    """A generator seeded from a text key, so cached sounds are the same in every process."""
    return np.random.default_rng(zlib.crc32(repr(parts).encode()))


def _lowpass(x: np.ndarray, cutoff: float, sr: int, order: int = 4) -> np.ndarray:
    cutoff = min(cutoff, 0.45 * sr)
    sos = butter_sos(order, cutoff, "low", sr)
    return signal.sosfilt(sos, x).astype(F32)


def _band(x: np.ndarray, lo: float, hi: float, sr: int, order: int = 2) -> np.ndarray:
    hi = min(hi, 0.45 * sr)
    sos = butter_sos(order, (lo, hi), "band", sr)
    return signal.sosfilt(sos, x).astype(F32)


def _noise_note(inst: Instrument, n_on: int, n: int, sr: int, bandwidth: float) -> np.ndarray:
    rng = _rng_for(inst.name, n, sr)
    noise = rng.standard_normal(n).astype(F32)
    if inst.spectrum == "vinyl":
        # Hiss plus sparse crackles: the lofi signature.
        hiss = _band(noise, 1500, min(bandwidth, 9000), sr) * F32(0.25)
        clicks = (rng.random(n) < 12.0 / sr).astype(F32) * rng.standard_normal(n).astype(F32)
        crackle = _band(clicks, 800, min(bandwidth, 12000), sr) * F32(3.0)
        out = hiss + crackle
    else:
        # Wind/texture: slowly swelling band of noise.
        out = _band(noise, 300, min(bandwidth, 2500), sr) * F32(0.8)
        t = np.arange(n, dtype=F32) / F32(sr)
        out *= F32(0.6) + F32(0.4) * np.sin(2 * np.pi * 0.15 * t).astype(F32)
    return out * envelope(inst, n_on, n, sr)


_DRUM_CACHE: dict[tuple[int, int, int], np.ndarray] = {}


def render_drum(number: int, sr: int, bandwidth: float) -> np.ndarray:
    """A one-shot drum sound by General MIDI number (peak about 1)."""
    key = (number, sr, int(bandwidth))
    cached = _DRUM_CACHE.get(key)
    if cached is not None:
        return cached
    name = DRUMS.get(number, ("rim", "drums"))[0]
    rng = _rng_for("drum", name, sr)
    length = {
        "kick": 0.45,
        "snare": 0.3,
        "clap": 0.3,
        "rim": 0.08,
        "hat": 0.07,
        "open_hat": 0.35,
        "crash": 1.8,
        "ride": 1.0,
        "tom": 0.45,
        "shaker": 0.12,
        "conga": 0.3,
        "timpani_hit": 1.5,
        "cowbell": 0.3,
    }[name]
    n = int(length * sr)
    t = np.arange(n, dtype=F32) / F32(sr)
    noise = rng.standard_normal(n).astype(F32)
    if name == "kick":
        freq = 48 + 110 * np.exp(-t / 0.03)
        phase = np.cumsum(freq / sr, dtype=np.float64)
        out = np.sin(2 * np.pi * phase).astype(F32) * np.exp(-t / 0.18)
        out += _band(noise, 1000, 6000, sr) * np.exp(-t / 0.004) * F32(0.4)
    elif name == "snare":
        body = np.sin(2 * np.pi * 190 * t) * np.exp(-t / 0.05)
        out = F32(0.6) * body + _band(noise, 1500, 9000, sr) * np.exp(-t / 0.09) * F32(1.2)
    elif name == "clap":
        bursts = sum((t >= d) * np.exp(-(t - d) / 0.008) * (t >= d) for d in (0.0, 0.01, 0.022))
        out = _band(noise, 900, 5000, sr) * (bursts + F32(0.5) * np.exp(-t / 0.07)) * F32(1.4)
    elif name == "rim":
        out = np.sin(2 * np.pi * 1700 * t) * np.exp(-t / 0.012) + noise * np.exp(-t / 0.004) * 0.2
    elif name in ("hat", "open_hat", "shaker"):
        lo = 7000 if name != "shaker" else 4000
        decay = {"hat": 0.018, "open_hat": 0.12, "shaker": 0.03}[name]
        env = np.exp(-t / decay) * (np.minimum(t / 0.01, 1) if name == "shaker" else 1)
        out = _band(noise, lo, 16000, sr) * env * F32(0.9)
    elif name in ("crash", "ride"):
        partials = (340, 563, 789, 1121, 1476) if name == "ride" else (420, 710, 1030, 1560)
        metal = sum(np.sign(np.sin(2 * np.pi * f * t)) for f in partials) / len(partials)
        decay = 0.5 if name == "ride" else 0.9
        out = (_band(noise, 5000, 16000, sr) * 0.8 + metal * 0.25) * np.exp(-t / decay)
    elif name in ("tom", "conga", "timpani_hit", "cowbell"):
        base = {"tom": 110, "conga": 220, "timpani_hit": 65, "cowbell": 560}[name]
        decay = {"tom": 0.18, "conga": 0.1, "timpani_hit": 0.6, "cowbell": 0.07}[name]
        freq = base * (1 + 0.3 * np.exp(-t / 0.02))
        phase = np.cumsum(freq / sr, dtype=np.float64)
        out = np.sin(2 * np.pi * phase) * np.exp(-t / decay)
        if name == "cowbell":
            out += np.sign(np.sin(2 * np.pi * 835 * t)) * np.exp(-t / decay) * 0.5
    else:  # pragma: no cover - every name above is handled
        out = noise * np.exp(-t / 0.05)
    out = np.asarray(out, dtype=F32)
    if bandwidth < 0.45 * sr:
        out = _lowpass(out, bandwidth, sr, order=6)
    out /= F32(np.max(np.abs(out)) or 1.0)
    _DRUM_CACHE[key] = out
    return out
