"""The renderer: a `Score` becomes named stereo layers (stems) and their sum, the mix.

Layers are synthesised in mono, given reverb and glitches, panned, then one limiter gain (shared
by every layer, so the stems still sum to the mix) sets the loudness.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from .effects import apply_events, expand_gain, gain_envelope, pan_gains, reverb
from .instruments import DRUMS, INSTRUMENTS, LAYER_PAN, render_drum, render_note
from .score import Score
from .voice import Singer, sing_line

F32 = np.float32
STEM_ORDER = (
    "vocals",
    "backing_vocals",
    "drums",
    "bass",
    "guitar",
    "keyboard",
    "percussion",
    "strings",
    "synth",
    "fx",
    "brass",
    "woodwinds",
)
STEM_TITLES = {
    "vocals": "Vocals",
    "backing_vocals": "Backing Vocals",
    "drums": "Drums",
    "bass": "Bass",
    "guitar": "Guitar",
    "keyboard": "Keyboard",
    "percussion": "Percussion",
    "strings": "Strings",
    "synth": "Synth",
    "fx": "FX",
    "brass": "Brass",
    "woodwinds": "Woodwinds",
}
LAYER_REVERB = {
    "vocals": 0.22,
    "backing_vocals": 0.45,
    "drums": 0.08,
    "percussion": 0.15,
    "bass": 0.0,
}
_CHUNK = 1 << 16
TARGET_RMS = 0.16


def layer_of(instrument: str) -> str:
    if instrument in ("drums", "percussion", "vocals", "backing_vocals"):
        return instrument
    inst = INSTRUMENTS.get(instrument)
    return inst.layer if inst else "fx"


def _render_layer(
    layer: str, notes: list, score: Score, n: int, sr: int, bandwidth: float
) -> tuple[np.ndarray, float, float, bool]:
    """One layer in mono, with its reverb amount, pan and width."""
    buf = np.zeros(n, dtype=F32)
    levels = score.params.get("levels", {})
    detune = float(score.params.get("detune", 0.0))
    cache: dict[tuple[str, float, int], np.ndarray] = {}
    pans: list[float] = []
    verb: list[float] = []
    wide = False
    if layer == "vocals":
        buf += sing_line(n, score.syllables, score.voice, sr, bandwidth, score.seed) * F32(0.55)
    elif layer == "backing_vocals":
        singer = Singer(
            {**score.voice, "vibrato_depth": 0.15, "breathiness": 0.15},
            sr,
            bandwidth,
            score.seed + 1,
        )
        level = float(levels.get("backing_vocals", 0.6))
        for _name, pitch, start, end, vel in notes:
            singer.sing(buf, "oo", "u", start, end, pitch, vel * level * 0.3)
        wide = True
    for name, pitch, start, end, vel in notes:
        if layer in ("vocals", "backing_vocals"):
            break
        a = int(start * sr)
        if a >= n or a < 0:
            continue
        if name in ("drums", "percussion"):
            wave = render_drum(round(pitch), sr, bandwidth)
            gain = vel * (0.8 if name == "drums" else 0.45) * float(levels.get(name, 1.0))
        else:
            inst = INSTRUMENTS[name]
            n_on = max(1, int((end - start) * sr))
            key = (name, round(pitch, 2), n_on)
            wave = cache.get(key)
            if wave is None:
                wave = render_note(inst, pitch, n_on, sr, bandwidth, detune)
                cache[key] = wave
            gain = vel * inst.level * float(levels.get(name, 1.0))
            pans.append(inst.pan)
            verb.append(inst.reverb)
            wide = wide or inst.wide
        m = min(len(wave), n - a)
        buf[a : a + m] += wave[:m] * F32(gain)
    amount = LAYER_REVERB.get(layer, float(np.mean(verb)) if verb else 0.2)
    amount *= float(score.params.get("reverb_scale", 1.0))
    pan = LAYER_PAN.get(layer, float(np.mean(pans)) if pans else 0.0)
    return buf, amount, pan, wide


def render_score(score: Score, sr: int = 44100) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Render ``score``: (audio float32 (n, 2), layers {stem: float16 (n, 2)}), audio = Σ layers."""
    n = max(1, round(score.duration * sr))
    bandwidth = min(float(score.params.get("bandwidth", 20000.0)), 0.45 * sr)
    width = float(score.params.get("width", 1.0))
    by_layer: dict[str, list] = defaultdict(list)
    for note in score.notes:
        by_layer[layer_of(note[0])].append(note)
    if score.syllables:
        by_layer.setdefault("vocals", [])
    monos: dict[str, tuple[np.ndarray, float, float]] = {}
    for layer in STEM_ORDER:
        if layer not in by_layer:
            continue
        buf, amount, pan, wide = _render_layer(layer, by_layer[layer], score, n, sr, bandwidth)
        if amount > 0:
            buf += reverb(buf, sr, amount)
        apply_events(buf, score.events, sr)
        delay = int(0.011 * sr * width) if wide else 0
        # Halve the memory of waiting layers: they are only read once more.
        monos[layer] = (buf.astype(np.float16), pan * width, delay)
    return finish_mono_layers(monos, n, sr, fade_out=min(1.5, score.duration / 8))


def _stereo(mono: np.ndarray, pan: float, delay: int, a: int, b: int) -> np.ndarray:
    gl, gr = pan_gains(pan)
    out = np.empty((b - a, 2), dtype=F32)
    out[:, 0] = mono[a:b] * F32(gl)
    if delay:
        lo = max(a - delay, 0)
        right = np.zeros(b - a, dtype=F32)
        src = mono[lo : b - delay] if b - delay > lo else mono[0:0]
        right[b - a - len(src) :] = src
        out[:, 1] = right * F32(gr)
    else:
        out[:, 1] = mono[a:b] * F32(gr)
    return out


def finish_mono_layers(
    monos: dict[str, tuple[np.ndarray, float, int]],
    n: int,
    sr: int,
    fade_out: float = 0.0,
    target_rms: float = TARGET_RMS,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Pan, level and limit mono layers; the same gain curve goes to every layer."""
    audio = np.zeros((n, 2), dtype=F32)
    for mono, pan, delay in monos.values():
        for a in range(0, n, _CHUNK):
            b = min(n, a + _CHUNK)
            audio[a:b] += _stereo(mono, pan, delay, a, b)
    gains = _master_gains(audio, sr, n, fade_out, target_rms)
    layers: dict[str, np.ndarray] = {}
    audio[:] = 0.0
    for name in list(monos):
        mono, pan, delay = monos.pop(name)
        out = np.empty((n, 2), dtype=np.float16)
        for a in range(0, n, _CHUNK):
            b = min(n, a + _CHUNK)
            chunk = _stereo(mono, pan, delay, a, b) * expand_gain(gains, a, b)[:, None]
            out[a:b] = chunk
            audio[a:b] += out[a:b]
        layers[name] = out
    return audio, layers


def _master_gains(
    mix: np.ndarray, sr: int, n: int, fade_out: float, target_rms: float
) -> np.ndarray:
    rms = float(np.sqrt(np.mean(mix[:: max(1, n // 200000)] ** 2)) or 1e-9)
    pre = float(np.clip(target_rms / rms, 0.05, 20.0)) if rms > 1e-7 else 1.0
    block = 512
    # The limiter reads a subsampled copy of the mix peaks: blocks of 512 are enough.
    gains = gain_envelope(mix * F32(pre), sr, block=block) * F32(pre)
    if fade_out > 0:
        m = min(len(gains), int(fade_out * sr / block))
        gains[len(gains) - m :] *= np.linspace(1, 0, m, dtype=F32)
    gains[0] *= 0.5
    return gains


def finish_layers(layers: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Store stereo float layers as float16 and return their exact float32 sum as the mix."""
    out: dict[str, np.ndarray] = {}
    audio: np.ndarray | None = None
    for name in sorted(layers, key=lambda k: STEM_ORDER.index(k) if k in STEM_ORDER else 99):
        layer = np.asarray(layers[name])
        if layer.ndim == 1:
            layer = np.repeat(layer[:, None], 2, axis=1)
        half = np.clip(layer, -60000, 60000).astype(np.float16)
        out[name] = half
        audio = half.astype(F32) if audio is None else audio + half
    if audio is None:
        audio = np.zeros((1, 2), dtype=F32)
    return audio, out


__all__ = ["DRUMS", "STEM_ORDER", "STEM_TITLES", "finish_layers", "render_score"]
