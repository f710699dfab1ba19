"""Editing stems: splicing windows, matching levels, limiting, separating an upload, and
re-timing; every edit acts on all layers alike, so they keep summing to the mix.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from .effects import (
    F32,
    bandpass,
    gain_envelope,
    highpass,
    lowpass,
    resample,
    wsola_apply,
    wsola_plan,
)
from .job import Job
from .layers import expand_gain
from .rendered_clip import Rendering
from .score import Score


def as_float(layers: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.asarray(v, dtype=F32) for k, v in layers.items()}


def ramp(n: int) -> np.ndarray:
    return np.linspace(0.0, 1.0, n, dtype=F32)[:, None]


def splice(
    base: Mapping[str, np.ndarray],
    new: Mapping[str, np.ndarray],
    a: int,
    b: int,
    *,
    replace: bool,
    xfade: int,
) -> dict[str, np.ndarray]:
    """Layers of ``base`` with ``new`` (aligned to sample ``a``) inside [a, b) only.
    ``replace`` swaps the window's content (cross-faded inside it), else adds to it."""
    n = len(next(iter(base.values())))
    out: dict[str, np.ndarray] = {}
    inside = np.ones((b - a, 1), dtype=F32)
    x = min(xfade, (b - a) // 2)
    if x > 0:
        inside[:x] = ramp(x)
        inside[b - a - x :] = ramp(x)[::-1]
    for name in dict.fromkeys([*base, *new]):
        layer = np.array(base[name], dtype=F32) if name in base else np.zeros((n, 2), F32)
        add = new.get(name)
        seg = np.zeros((b - a, 2), F32)
        if add is not None:
            m = min(len(add), b - a)
            seg[:m] = add[:m]
        if replace:
            layer[a:b] = layer[a:b] * (1 - inside) + seg * inside
        else:
            layer[a:b] += seg * inside
        out[name] = layer
    return out


def fit_level(
    src: Rendering, new: Mapping[str, np.ndarray], a: int, b: int, level: float
) -> dict[str, np.ndarray]:
    """Scale added layers to ``level`` × the source's loudness inside [a, b)."""
    window = src.audio[a:b]
    src_rms = float(np.sqrt(np.mean(window**2))) if len(window) else 0.0
    total = sum(np.asarray(v[: b - a], dtype=F32) for v in new.values())
    new_rms = float(np.sqrt(np.mean(np.asarray(total) ** 2))) if len(new) else 0.0
    target = level * src_rms if src_rms > 1e-3 else 0.12
    gain = F32(target / new_rms) if new_rms > 1e-6 else F32(1.0)
    return {k: np.asarray(v, dtype=F32) * gain for k, v in new.items()}


def limit_window(layers: dict[str, np.ndarray], a: int, b: int) -> dict[str, np.ndarray]:
    """Limit the mix's peaks inside [a, b) only (one gain for every layer); outside, every
    sample stays as it was."""
    mix = sum(v[a:b] for v in layers.values())
    if not len(mix) or float(np.abs(mix).max()) <= 0.95:
        return layers
    g = expand_gain(gain_envelope(mix, 44100, ceiling=0.95), 0, b - a)[:, None]
    # Edges stay at unity so the window joins its untouched surroundings without a step.
    edge = min(len(g) // 2, 512)
    if edge:
        ramp = np.linspace(0.0, 1.0, edge, dtype=F32)[:, None]
        g[:edge] = 1 - (1 - g[:edge]) * ramp
        g[len(g) - edge :] = 1 - (1 - g[len(g) - edge :]) * ramp[::-1]
    out = {}
    for k, v in layers.items():
        v = np.array(v, dtype=F32)
        v[a:b] *= g
        out[k] = v
    return out


def master(
    layers: dict[str, np.ndarray], sr: int, target_rms: float, ceiling: float = 0.89
) -> dict[str, np.ndarray]:
    """One loudness and limiter gain for all layers (keeps stems summing to the mix)."""
    mix = sum(layers.values())
    rms = float(np.sqrt(np.mean(mix**2))) or 1e-9
    pre = float(np.clip(target_rms / rms, 0.05, 20))
    gains = gain_envelope(mix * F32(pre), sr, ceiling=ceiling) * F32(pre)
    g = expand_gain(gains, 0, len(mix))[:, None]
    return {k: v * g for k, v in layers.items()}


def split_mix(clip: Rendering) -> dict[str, np.ndarray]:
    """Stems of a clip. Clips we rendered have them; for uploaded audio ("mix" only) a filter
    separation: voice band of the centre, bass below 150 Hz, drums (highs), the rest keys.
    Each is a part of the mix, so they still sum to it."""
    layers = as_float(clip.layers)
    if set(layers) != {"mix"}:
        return layers
    mix, sr = layers["mix"], clip.sr
    mid = mix.mean(axis=1, keepdims=True)
    vocals = np.repeat(bandpass(mid, 250, 3400, sr) * F32(0.7), 2, axis=1)
    rest = mix - vocals
    bass = lowpass(rest, 150, sr, order=4)
    drums = highpass(rest - bass, 5000, sr, order=4)
    return {"vocals": vocals, "bass": bass, "drums": drums, "keyboard": rest - bass - drums}


def zeros_like(clip: Rendering) -> np.ndarray:
    return np.zeros((len(clip.audio), 2), dtype=F32)


def make_clip(layers: dict[str, np.ndarray], job: Job, score: Score, **meta: Any) -> Rendering:
    return Rendering.from_layers(layers, job.sr, score, **meta)


def merge_scores(first: Score, second: Score, offset: float, cut: float) -> Score:
    """``first`` up to ``cut`` followed by ``second`` shifted by ``offset`` seconds."""
    head = first.window(0.0, cut)
    tail = second.window(0.0, second.duration, offset=offset)
    words_before = max((s[6] for s in head.syllables), default=-1) + 1
    merged = Score.from_dict(head.to_dict())
    merged.notes = head.notes + tail.notes
    merged.syllables = head.syllables + [
        (*s[:6], s[6] + words_before if s[6] >= 0 else -1) for s in tail.syllables
    ]
    merged.words = head.words + tail.words
    merged.chords = head.chords + tail.chords
    merged.sections = head.sections + tail.sections
    merged.events = head.events + tail.events
    merged.duration = offset + second.duration
    return merged


def merge_window(base: Score, new: Score, start: float, end: float, *, replace: bool) -> Score:
    merged = Score.from_dict(base.to_dict())

    def keep(t: float) -> bool:
        return not replace or not (start <= t < end)

    merged.notes = sorted([n for n in base.notes if keep(n[2])] + new.notes, key=lambda n: n[2])
    merged.syllables = sorted(
        [s for s in base.syllables if keep(s[2])]
        + [(*s[:6], -1 if s[6] < 0 else s[6] + 10000) for s in new.syllables],
        key=lambda s: s[2],
    )
    merged.words = sorted([w for w in base.words if keep(w[1])] + new.words, key=lambda w: w[1])
    merged.events = base.events + new.events
    return merged


def retime(clip: Rendering, rate: float, semitones: float, sr: int) -> dict[str, np.ndarray]:
    """Layers played ``rate`` × faster and ``semitones`` higher (resample, then WSOLA)."""
    layers = as_float(clip.layers)
    if abs(semitones) > 1e-3:
        factor = 2 ** (semitones / 12)
        layers = {k: resample(v, 1 / factor) for k, v in layers.items()}
        rate = rate / factor
    if abs(rate - 1.0) > 1e-3:
        mix = sum(layers.values())
        plan = wsola_plan(mix.mean(axis=1), rate)
        layers = {k: wsola_apply(v, plan) for k, v in layers.items()}
    return layers


def window_of(
    job: Job, src: Rendering, start_key: str, end_key: str, default_start: float = 0.0
) -> tuple[float, float]:
    start = float(np.clip(job.number(start_key, default_start), 0.0, src.duration))
    end = float(np.clip(job.number(end_key, src.duration), start, src.duration))
    if end - start < 0.5:
        end = min(src.duration, start + 0.5)
    return start, end


def render_in_window(
    job: Job, src: Rendering, start: float, end: float, clip: int, **brief: Any
) -> Rendering:
    """New material on the source's beat grid, from the bar line before ``start`` to ``end``."""
    s = src.score
    bar = 240.0 / s.tempo
    t0 = math.floor(start / bar) * bar
    overrides = {
        "tempo": s.tempo,
        "key": s.key,
        "mode": s.mode,
        "duration": end - t0,
        "style": job.style(src.style),
        "voice": job.voice(s.voice or None),
    }
    if s.chords:
        overrides["chords"] = [(a - t0, b - t0, r, q) for a, b, r, q in s.chords if b > t0]
    overrides.update(brief)
    new = job.render(job.brief(clip, **overrides))
    offset = round((start - t0) * job.sr)
    layers = {k: v[offset:].astype(F32) for k, v in new.layers.items()}
    shifted = new.score.window(start - t0, end - t0, offset=t0)
    return Rendering(audio=new.audio[offset:], sr=job.sr, score=shifted, layers=layers)
