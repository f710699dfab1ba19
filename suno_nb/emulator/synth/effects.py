"""Audio effects shared by the renderer and the actions: reverb, glitches, filters, dynamics,
time-stretch (phase vocoder) and resampling. All vectorised numpy/scipy, float32.
"""

from __future__ import annotations

import zlib

import numpy as np
from scipy import signal

from .filters import butter_sos

F32 = np.float32
_REVERB_DECIMATION = 8


def _ir(sr: int, seconds: float, seed: int = 7) -> np.ndarray:
    rng = np.random.default_rng(zlib.crc32(f"ir{sr}{seconds}{seed}".encode()))
    n = int(sr * seconds)
    t = np.arange(n, dtype=F32) / F32(sr)
    ir = rng.standard_normal(n).astype(F32) * np.exp(-t * F32(6.9 / seconds))
    ir[: int(0.012 * sr)] = 0.0  # pre-delay
    return ir / F32(np.sqrt(np.sum(ir**2)) or 1.0)


def add_reverb(x: np.ndarray, sr: int, amount: float, seconds: float = 1.8) -> None:
    """Add a diffuse room to ``x`` (mono, in place), computed at an eighth of the rate and held
    back up: a tail is dark anyway, and it keeps the cost far below the rest of the render."""
    d = _REVERB_DECIMATION
    n = len(x) // d * d
    if amount <= 0.02 or n < d * 4:
        return
    # Two taps per block are a crude but sufficient anti-alias filter for a reverb send.
    low = (x[0:n:d] + x[d // 2 : n : d]) * F32(0.5)
    wet = signal.oaconvolve(low, _ir(sr // d, seconds))[: len(low)].astype(F32)
    wet *= F32(amount)
    x[:n].reshape(-1, d)[:] += wet[:, None]


def lowpass(x: np.ndarray, cutoff: float, sr: int, order: int = 6) -> np.ndarray:
    if cutoff >= 0.45 * sr:
        return x.astype(F32, copy=False)
    sos = butter_sos(order, cutoff, "low", sr)
    return signal.sosfilt(sos, x, axis=0).astype(F32)


def highpass(x: np.ndarray, cutoff: float, sr: int, order: int = 2) -> np.ndarray:
    sos = butter_sos(order, cutoff, "high", sr)
    return signal.sosfilt(sos, x, axis=0).astype(F32)


def bandpass(x: np.ndarray, lo: float, hi: float, sr: int, order: int = 2) -> np.ndarray:
    sos = butter_sos(order, (lo, min(hi, 0.45 * sr)), "band", sr)
    return signal.sosfilt(sos, x, axis=0).astype(F32)


def apply_events(
    x: np.ndarray, events: list[tuple[str, float, float, float]], sr: int, offset: float = 0.0
) -> None:
    """Glitches, in place. Each is the same operation on every layer, so stems still sum to the
    mix (copy-like operations are linear; bit-crushing is applied per layer before summing)."""
    n = len(x)
    for kind, start, end, amount in events:
        a, b = int((start - offset) * sr), int((end - offset) * sr)
        a, b = max(a, 0), min(b, n)
        if b - a < 64:
            continue
        seg = x[a:b]
        if kind == "stutter":
            piece = max(64, (b - a) // 4)
            reps = -(-(b - a) // piece)
            x[a:b] = np.tile(seg[:piece].copy(), (reps,) + (1,) * (x.ndim - 1))[: b - a]
        elif kind == "reverse":
            x[a:b] = seg[::-1].copy()
        elif kind == "crush":
            levels = F32(2 ** (3 + 5 * (1 - amount)))
            hold = 4 + int(8 * amount)
            crushed = np.round(seg * levels) / levels
            idx = (np.arange(b - a) // hold) * hold
            x[a:b] = crushed[idx]
        elif kind == "dropout":
            x[a:b] = 0.0


def pan_gains(pan: float) -> tuple[float, float]:
    """Constant-power pan law, pan in [-1, 1]."""
    angle = (pan + 1) * np.pi / 4
    return float(np.cos(angle) * np.sqrt(2)), float(np.sin(angle) * np.sqrt(2))


def block_peaks(mix: np.ndarray, block: int = 512) -> np.ndarray:
    """Peak absolute value per block of ``block`` samples (all channels)."""
    top = np.abs(mix).max(axis=1) if mix.ndim > 1 else np.abs(mix)
    n = len(top) // block * block
    peaks = top[:n].reshape(-1, block).max(axis=1)
    if len(top) > n:
        peaks = np.append(peaks, top[n:].max())
    return peaks.astype(F32)


def limiter_gains(peaks: np.ndarray, ceiling: float = 0.89) -> np.ndarray:
    """A limiter's gain per block from block peaks: fast down, slow up, never above 1."""
    want = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9)).astype(F32)
    # Look one block ahead and behind (gains are interpolated between block centres) and
    # release over ~8 blocks (~0.1 s).
    want = np.minimum(want, np.minimum(np.roll(want, -1), np.roll(want, 1)))
    release = signal.lfilter([0.12], [1, -0.88], want).astype(F32)
    return np.minimum(want, release)


def gain_envelope(mix: np.ndarray, sr: int, ceiling: float = 0.89, block: int = 512) -> np.ndarray:
    """Limiter gains (one per ``block``) for a whole mix."""
    return limiter_gains(block_peaks(mix, block), ceiling)


def resample(x: np.ndarray, ratio: float) -> np.ndarray:
    """Change length by ``ratio`` (output = ratio × input), pitch moving with it."""
    if abs(ratio - 1.0) < 1e-6:
        return x.astype(F32, copy=True)
    n_out = max(1, round(len(x) * ratio))
    pos = np.arange(n_out, dtype=np.float64) / ratio
    i = np.minimum(pos.astype(np.int64), len(x) - 1)
    frac = (pos - i).astype(F32)
    j = np.minimum(i + 1, len(x) - 1)
    if x.ndim > 1:
        frac = frac[:, None]
    return (x[i] * (1 - frac) + x[j] * frac).astype(F32)


def wsola_plan(
    mono: np.ndarray, rate: float, frame: int = 2048, tolerance: int = 512
) -> np.ndarray:
    """WSOLA: where each output frame is read from, so that frames join where the waveform
    matches best; ``rate`` > 1 plays faster. Planned once (on the mix), applied to every layer."""
    hop = frame // 2
    d = 4  # search on a decimated copy: the best join is found as well, four times faster
    x = np.asarray(mono, dtype=F32)
    n = len(x)
    frames = max(1, int((n / rate - frame) / hop) + 1)
    low = x[: n // d * d].reshape(-1, d).mean(axis=1)
    positions = np.zeros(frames, dtype=np.int64)
    span = frame // (2 * d)
    for k in range(1, frames):
        nominal = int(k * hop * rate)
        natural = positions[k - 1] + hop
        lo = max(0, nominal - tolerance)
        hi = max(lo, min(n - frame, nominal + tolerance))
        template = low[natural // d : natural // d + span]
        region = low[lo // d : hi // d + span]
        if len(template) < span or len(region) < len(template):
            positions[k] = min(max(nominal, 0), max(n - frame, 0))
            continue
        corr = np.correlate(region, template, mode="valid")
        positions[k] = min(lo + int(np.argmax(corr)) * d, max(n - frame, 0))
    return positions


def wsola_apply(x: np.ndarray, positions: np.ndarray, frame: int = 2048) -> np.ndarray:
    """Overlap-add the planned frames of ``x`` ((n,) or (n, channels)); linear in ``x``."""
    hop = frame // 2
    x = np.asarray(x, dtype=F32)
    if len(x) < frame:
        x = np.concatenate([x, np.zeros((frame - len(x), *x.shape[1:]), dtype=F32)])
    window = signal.windows.hann(frame, sym=False).astype(F32)
    if x.ndim > 1:
        window = window[:, None]
    out = np.zeros((hop * (len(positions) + 1), *x.shape[1:]), dtype=F32)
    idx = positions[:, None] + np.arange(frame)[None, :]
    frames = x[idx] * window
    even, odd = frames[0::2], frames[1::2]
    # With a hop of half a frame, even frames tile without overlap, and so do odd ones.
    out[: len(even) * frame] += even.reshape(-1, *x.shape[1:])
    out[hop : hop + len(odd) * frame] += odd.reshape(-1, *x.shape[1:])
    return out


def time_stretch(x: np.ndarray, rate: float) -> np.ndarray:
    """Change speed by ``rate`` without changing pitch (WSOLA); (n,) or (n, channels)."""
    if abs(rate - 1.0) < 1e-6:
        return np.asarray(x, dtype=F32).copy()
    mono = x.mean(axis=1) if x.ndim > 1 else x
    return wsola_apply(x, wsola_plan(mono, rate))
