"""The renderer: a `Score` becomes named stereo layers (stems) and their sum, the mix.

Layers are synthesised in mono, given reverb and glitches, panned, then one limiter gain (shared
by every layer, so the stems still sum to the mix) sets the loudness.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import numpy as np

from suno_nb import schema

from .effects import add_reverb, apply_events, limiter_gains, pan_gains
from .instruments import DRUMS, INSTRUMENTS, LAYER_PAN, render_drum, render_note
from .layers import BLOCK, Layers, PannedMono
from .score import Score
from .voice import Singer, sing_line

F32 = np.float32
# The service's stem names, in its order (the schema's stem_type choices).
STEM_ORDER: tuple[str, ...] = schema.FIELDS["stem_type"].choices
STEM_TITLES = schema.STEM_TITLES
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
            # Lengths on a 256-sample grid (6 ms): repeated notes hit the cache.
            n_on = max(256, int((end - start) * sr) // 256 * 256)
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


def render_score(score: Score, sr: int = 44100) -> tuple[np.ndarray, Layers]:
    """Render ``score``: (audio float32 (n, 2), layers {stem: float32 (n, 2)}), audio = Σ layers."""
    n = max(1, round(score.duration * sr))
    bandwidth = min(float(score.params.get("bandwidth", 20000.0)), 0.45 * sr)
    width = float(score.params.get("width", 1.0))
    by_layer: dict[str, list] = defaultdict(list)
    for note in score.notes:
        by_layer[layer_of(note[0])].append(note)
    if score.syllables:
        by_layer.setdefault("vocals", [])
    monos: dict[str, tuple[np.ndarray, float, int, float]] = {}
    for layer in STEM_ORDER:
        if layer not in by_layer:
            continue
        buf, amount, pan, wide = _render_layer(layer, by_layer[layer], score, n, sr, bandwidth)
        add_reverb(buf, sr, amount)
        apply_events(buf, score.events, sr)
        delay = int(0.011 * sr * width) if wide else 0
        # Kept as int16 scaled to the layer's peak (noise ~90 dB down, far under MP3's own):
        # half the memory of float32, cheap to convert, and a saved clip reloads bit for bit.
        peak = float(np.abs(buf).max()) if len(buf) else 0.0
        scale = peak / 32000.0 if peak > 0 else 1.0
        buf *= F32(1.0 / scale)
        monos[layer] = (buf.astype(np.int16), pan * width, delay, scale)
        del buf
    return finish_mono_layers(monos, n, sr, fade_out=min(1.5, score.duration / 8))


def finish_mono_layers(
    monos: dict[str, tuple[np.ndarray, float, int, float]],
    n: int,
    sr: int,
    fade_out: float = 0.0,
    target_rms: float = TARGET_RMS,
) -> tuple[np.ndarray, Layers]:
    """Pan, level and limit mono layers; the same gain curve goes to every layer, and the mix is
    summed from exactly the values the layers give when read."""
    unity = np.ones(n // BLOCK + 2, dtype=F32)
    panned = [
        PannedMono(mono, *pan_gains(pan), delay, unity, scale)
        for mono, pan, delay, scale in monos.values()
    ]
    audio = np.zeros((n, 2), dtype=F32)
    peaks = np.zeros(-(-n // BLOCK), dtype=F32)
    energy = 0.0
    for a in range(0, n, _CHUNK):
        b = min(n, a + _CHUNK)
        chunk = audio[a:b]
        for layer in panned:
            layer.add_into(chunk, a, b, with_gains=False)
        # Block peaks and energy while the chunk is still in cache (the limiter needs them).
        # Interleaved stereo: a block of BLOCK frames is 2·BLOCK contiguous values.
        flat = chunk.reshape(-1)
        full = (b - a) // BLOCK * BLOCK
        first = a // BLOCK
        peaks[first : first + full // BLOCK] = (
            np.abs(flat[: 2 * full]).reshape(-1, 2 * BLOCK).max(1)
        )
        if b - a > full:
            peaks[-1] = np.abs(flat[2 * full :]).max()
        energy += float(np.dot(flat, flat)) / 2
    rms = (energy / max(n, 1)) ** 0.5
    gains = _master_gains(peaks, rms, sr, fade_out, target_rms)
    layers = Layers()
    for name, (mono, pan, delay, scale) in monos.items():
        layers[name] = PannedMono(mono, *pan_gains(pan), delay, gains, scale)
    # The mix is summed again from exactly what each layer yields when read, in the same order,
    # so ``audio == sum(layers.values())`` holds bit for bit (edits that keep some samples
    # untouched then keep them identical).
    audio[:] = 0.0
    for a in range(0, n, _CHUNK):
        b = min(n, a + _CHUNK)
        for layer in layers.raw_values():
            layer.add_into(audio[a:b], a, b, with_gains=True)
    return audio, layers


def _master_gains(
    peaks: np.ndarray, rms: float, sr: int, fade_out: float, target_rms: float
) -> np.ndarray:
    """Per-block gains: bring the mix to ``target_rms``, then limit its peaks."""
    pre = float(np.clip(target_rms / rms, 0.05, 20.0)) if rms > 1e-7 else 1.0
    gains = limiter_gains(peaks * F32(pre)) * F32(pre)
    if fade_out > 0:
        m = min(len(gains), int(fade_out * sr / BLOCK))
        gains[len(gains) - m :] *= np.linspace(1, 0, m, dtype=F32)
    gains[0] *= 0.5
    return gains


def finish_layers(layers: Mapping[str, np.ndarray]) -> tuple[np.ndarray, Layers]:
    """Keep stereo float32 layers and return their exact sum (same order) as the mix."""
    out = Layers()
    audio: np.ndarray | None = None
    for name in sorted(layers, key=lambda k: STEM_ORDER.index(k) if k in STEM_ORDER else 99):
        layer = np.asarray(layers[name])
        if layer.ndim == 1:
            layer = np.repeat(layer[:, None], 2, axis=1)
        layer = layer.astype(F32, copy=False)
        out[name] = layer
        audio = layer.copy() if audio is None else audio + layer
    if audio is None:
        audio = np.zeros((1, 2), dtype=F32)
    return audio, out


__all__ = ["DRUMS", "STEM_ORDER", "STEM_TITLES", "finish_layers", "render_score"]
