"""Listening to audio: tempo, key, loudness, brightness, a coarse melody and chords, a voice.

Used for uploads (`analyse_audio`), personas (`capture_voice`), inspo and tests; numpy/scipy.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import signal

from .rendered_clip import Rendering
from .score import Score
from .style_vocab import nearest_genre

F32 = np.float32
_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


def to_mono(audio: np.ndarray) -> np.ndarray:
    x = np.asarray(audio, dtype=F32)
    if x.ndim == 1:
        return x
    if x.shape[1] == 2:
        return (x[:, 0] + x[:, 1]) * F32(0.5)  # far faster than mean(axis=1)
    return x.mean(axis=1)


def _decimate(x: np.ndarray, sr: int, target: int = 11025) -> tuple[np.ndarray, int]:
    factor = max(1, sr // target)
    n = len(x) // factor * factor
    return x[:n].reshape(-1, factor).mean(axis=1), sr // factor


def _frames(x: np.ndarray, size: int, hop: int) -> np.ndarray:
    if len(x) < size:
        x = np.pad(x, (0, size - len(x)))
    return np.lib.stride_tricks.sliding_window_view(x, size)[::hop]


def spectrogram(x: np.ndarray, sr: int, size: int = 512, hop: int = 64) -> np.ndarray:
    """Magnitude frames × bins of a mono signal (Hann window)."""
    window = np.hanning(size).astype(F32)
    return np.abs(np.fft.rfft(_frames(x, size, hop) * window, axis=1)).astype(F32)


def onset_envelope(audio: np.ndarray, sr: int, *, min_hz: float = 0.0) -> tuple[np.ndarray, float]:
    """Spectral flux of log magnitudes above ``min_hz`` (and the frames per second)."""
    x, low_sr = _decimate(to_mono(audio), sr)
    hop = 64
    mag = spectrogram(x, low_sr, 512, hop)
    if min_hz > 0:
        mag = mag[:, int(min_hz * 512 / low_sr) :]
    logm = np.log1p(100 * mag)
    flux = np.maximum(np.diff(logm, axis=0), 0).sum(axis=1)
    flux = flux - np.convolve(flux, np.ones(16) / 16, mode="same")
    return np.maximum(flux, 0).astype(F32), low_sr / hop


def _autocorr(env: np.ndarray) -> np.ndarray:
    x = env - env.mean()
    n = 1 << int(np.ceil(np.log2(2 * len(x))))
    spec = np.fft.rfft(x, n)
    ac = np.fft.irfft(np.abs(spec) ** 2, n)[: len(x)]
    return ac / (ac[0] or 1.0)


def _peak(ac: np.ndarray, lo: int, hi: int) -> float:
    hi = min(hi, len(ac) - 2)
    if hi <= lo:
        return float(lo)
    i = lo + int(np.argmax(ac[lo:hi]))
    a, b, c = ac[i - 1], ac[i], ac[i + 1]
    denom = a - 2 * b + c
    return i + (0.5 * (a - c) / denom if denom else 0.0)


def _beat_strength(env: np.ndarray, period: float) -> tuple[float, float]:
    """Mean onset strength on the best beat phase, and half a beat later (every phase tried,
    onsets widened by a frame each side so swing and jitter still count)."""
    count = int(len(env) / period) - 1
    if count < 1:
        return 0.0, 0.0
    wide = np.maximum(env, np.maximum(np.roll(env, 1), np.roll(env, -1)))
    phases = np.arange(int(period))[:, None]
    beats = np.arange(count)[None, :] * period
    on_idx = np.minimum((phases + beats).astype(int), len(env) - 1)
    off_idx = np.minimum((phases + beats + period / 2).astype(int), len(env) - 1)
    on = wide[on_idx].mean(axis=1)
    best = int(np.argmax(on))
    return float(on[best]), float(wide[off_idx[best]].mean())


def estimate_tempo(audio: np.ndarray, sr: int, lo: float = 55.0, hi: float = 190.0) -> float:
    """Tempo in bpm from the onset autocorrelation; of the metrical levels in [lo, hi] it picks
    the fastest that is not the tatum (so 72 bpm lofi is not read as 144, nor 174 dnb as 87).

    >>> from suno_nb.emulator.synth import render_action
    >>> clip = render_action("generate", {"style": "house 124 bpm", "duration": 10,
    ...                                   "instrumental": True}, seed=1)[0]
    >>> round(estimate_tempo(clip.audio, clip.sr))
    124
    """
    env, fps = onset_envelope(audio, sr)
    if len(env) < 8 or float(env.max()) <= 0:
        return 120.0
    ac = _autocorr(env)
    # Harmonic sum: the period whose first four multiples all land on autocorrelation peaks.
    grid = np.arange(40.0, 240.0, 0.25)
    periods = 60 * fps / grid
    lags = periods[:, None] * np.arange(1, 5)[None, :]
    valid = lags < len(ac) - 1
    heights = np.interp(np.where(valid, lags, 0), np.arange(len(ac)), ac) * valid
    bpm0 = float(grid[int(np.argmax(heights.sum(axis=1)))])
    lag = _peak(ac, int(60 * fps / bpm0 * 0.97), int(60 * fps / bpm0 * 1.03) + 2)
    bpm = 60 * fps / lag
    candidates = sorted({bpm * f for f in (0.25, 0.5, 1, 2, 4) if lo <= bpm * f <= hi})
    if not candidates:
        candidates = [float(np.clip(bpm, lo, hi))]
    # The beat is the fastest level that still has onsets between its beats: one level above
    # the tatum (8th-note hats make 144 the tatum of 72 bpm lofi, 348 that of 174 bpm dnb).
    # Subdivisions are read in the highs, where hats and shakers mark them and kicks do not.
    high, _ = onset_envelope(audio, sr, min_hz=2500.0)
    marks = high if float(high.sum()) > 0.05 * float(env.sum()) else env
    choice = candidates[0]
    for cand in candidates:
        on, off = _beat_strength(marks, 60 * fps / cand)
        if on > 0 and off >= 0.3 * on:
            choice = cand
    # Refine with the peak near four beats: the lag error shrinks four-fold.
    period = 60 * fps / choice
    span = max(2, int(0.06 * 4 * period))
    refined = _peak(ac, int(4 * period) - span, int(4 * period) + span)
    if abs(refined / 4 - period) < 0.05 * period:
        period = refined / 4
    return float(60 * fps / period)


def chroma(
    audio: np.ndarray, sr: int, start: float = 0.0, end: float | None = None, bins: int = 12
) -> np.ndarray:
    """Energy per pitch class (``bins`` values, sum 1) between 55 Hz and 2 kHz; 36 bins (a
    third of a semitone each) also show microtonal spread."""
    x = to_mono(audio[int(start * sr) : None if end is None else int(end * sr)])
    x, low_sr = _decimate(x, sr)
    size = 4096
    # Magnitudes (not power): the bass's roots must not drown the thirds that tell the mode.
    power = spectrogram(x, low_sr, size, size // 2).mean(axis=0)
    freqs = np.fft.rfftfreq(size, 1 / low_sr)
    sel = (freqs >= 55) & (freqs <= 2000)
    pcs = np.round(bins / 12 * (12 * np.log2(freqs[sel] / 440.0) + 69)).astype(int) % bins
    out = np.bincount(pcs, weights=power[sel], minlength=bins)
    return out / (out.sum() or 1.0)


def estimate_key(audio: np.ndarray, sr: int) -> tuple[int, str, float]:
    """(tonic pitch class, "major"/"minor", correlation) by Krumhansl–Schmuckler profiles."""
    c = chroma(audio, sr)
    if float(c.std()) == 0.0:
        return 0, "major", 0.0  # silence or pure noise: no key to hear
    best = (0, "major", -2.0)
    for tonic in range(12):
        for mode, profile in (("major", _MAJOR), ("minor", _MINOR)):
            r = float(np.corrcoef(c, np.roll(profile, tonic))[0, 1])
            if r > best[2]:
                best = (tonic, mode, r)
    return best


def loudness_db(audio: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(np.asarray(audio, dtype=np.float64) ** 2)))
    return 20 * np.log10(max(rms, 1e-9))


def spectral_stats(audio: np.ndarray, sr: int) -> dict[str, float]:
    """Centroid, 99 % roll-off and bandwidth (99.9 % roll-off: where the last -30 dB of energy
    begins), in Hz, and the mean spectral flatness of the mono signal."""
    x = to_mono(audio)
    step = max(1, len(x) // (sr * 20))
    frames = _frames(x, 2048, 1024)[::step]
    power = (np.abs(np.fft.rfft(frames * np.hanning(2048).astype(F32), axis=1)) ** 2).astype(
        np.float64
    )
    freqs = np.fft.rfftfreq(2048, 1 / sr)
    total = power.mean(axis=0)
    cum = np.cumsum(total) / (total.sum() or 1.0)
    rolloff = float(freqs[min(np.searchsorted(cum, 0.99), len(freqs) - 1)])
    centroid = float((total * freqs).sum() / (total.sum() or 1.0))
    bandwidth = float(freqs[min(np.searchsorted(cum, 0.999), len(freqs) - 1)])
    loud = power.sum(axis=1) > 1e-8
    flat = power[loud] + 1e-12
    flatness = (
        float(np.mean(np.exp(np.log(flat).mean(axis=1)) / flat.mean(axis=1))) if loud.any() else 0.0
    )
    return {"centroid": centroid, "rolloff": rolloff, "bandwidth": bandwidth, "flatness": flatness}


def estimate_pitch(
    audio: np.ndarray, sr: int, fmin: float = 70.0, fmax: float = 1000.0
) -> float | None:
    """Median f0 (Hz) of voiced frames by YIN's cumulative-mean-normalised difference, or None
    when nothing is voiced. Robust to vowels whose formants dwarf the fundamental."""
    x, low_sr = _decimate(to_mono(audio), sr, target=22050)
    size, hop = 1024, 256
    frames = _frames(x, size, hop)
    energy = (frames**2).sum(axis=1)
    frames = frames[energy > 0.05 * (energy.max() or 1.0)]
    if not len(frames):
        return None
    spec = np.fft.rfft(frames, 2 * size, axis=1)
    ac = np.fft.irfft(np.abs(spec) ** 2, axis=1)[:, :size].astype(np.float64)
    diff = 2 * (ac[:, :1] - ac)  # d(τ) ≈ 2 (r(0) − r(τ))
    lags = np.arange(size)
    cum = np.cumsum(diff[:, 1:], axis=1)
    cmnd = np.ones_like(diff)
    cmnd[:, 1:] = diff[:, 1:] * lags[1:] / np.maximum(cum, 1e-12)
    lo, hi = max(2, int(low_sr / fmax)), min(size - 2, int(low_sr / fmin))
    window = cmnd[:, lo:hi]
    below = window < 0.15
    # The first dip under the threshold (YIN), else the deepest one; then walk to its bottom.
    first = np.where(below.any(axis=1), below.argmax(axis=1), window.argmin(axis=1))
    periods = []
    for row, start in zip(window, first, strict=True):
        k = int(start)
        while k + 1 < len(row) and row[k + 1] < row[k]:
            k += 1
        if row[k] < 0.35:
            a, b, c = (
                row[k - 1] if k else row[k],
                row[k],
                row[k + 1] if k + 1 < len(row) else row[k],
            )
            denom = a - 2 * b + c
            periods.append(lo + k + (0.5 * (a - c) / denom if denom else 0.0))
    if not periods:
        return None
    return float(low_sr / np.median(periods))


def _beat_chords(
    audio: np.ndarray, sr: int, tempo: float, duration: float
) -> list[tuple[float, float, int, str]]:
    bar = 240.0 / tempo
    chords = []
    t = 0.0
    while t < duration - 0.5 * bar:
        c = chroma(audio, sr, t, min(t + bar, duration))
        best, quality, score = 0, "maj", -1.0
        for root in range(12):
            for q, third in (("maj", 4), ("min", 3)):
                s = c[root] + c[(root + third) % 12] + c[(root + 7) % 12]
                if s > score:
                    best, quality, score = root, q, s
        chords.append((round(t, 4), round(min(t + bar, duration), 4), best, quality))
        t += bar
    return chords


def _melody(
    audio: np.ndarray, sr: int, tempo: float, duration: float, key: int
) -> list[tuple[str, str, float, float, float, float, int]]:
    """A coarse tune: the strongest pitch (200 Hz–1 kHz) per beat, as 'la' syllables."""
    beat = 60.0 / tempo
    x = to_mono(audio)
    out = []
    size = 4096
    freqs = np.fft.rfftfreq(size, 1 / sr)
    sel = (freqs >= 200) & (freqs <= 1000)
    window = np.hanning(size).astype(F32)
    t = 0.0
    while t + beat <= duration:
        a = int(t * sr)
        frame = x[a : a + size]
        if len(frame) < size:
            break
        mag = np.abs(np.fft.rfft(frame * window))[sel]
        if mag.max() > 1e-3:
            f = float(freqs[sel][int(np.argmax(mag))])
            pitch = float(np.round(12 * np.log2(f / 440) + 69))
            out.append(("la", "a", t, t + 0.9 * beat, pitch, 0.7, -1))
        t += beat
    return out


def analyse_audio(audio: np.ndarray, sr: int, *, title: str = "") -> Rendering:
    """A `Rendering` of foreign (or our own) audio: tempo, key, loudness, brightness, chords and a
    coarse melody go into its score, the audio itself becomes the single layer "mix".

    >>> import numpy as np
    >>> tone = np.sin(2 * np.pi * 440 * np.arange(44100 * 3) / 44100).astype(np.float32)
    >>> analyse_audio(tone, 44100, title="A").score.key  # A
    9
    """
    x = np.asarray(audio, dtype=F32)
    if x.ndim == 1:
        x = np.repeat(x[:, None], 2, axis=1)
    elif x.shape[1] == 1:
        x = np.repeat(x, 2, axis=1)
    elif x.shape[1] > 2:
        x = x[:, :2]
    x = np.nan_to_num(x)
    duration = len(x) / sr
    mono = to_mono(x)  # every measure below reads this one mono copy
    tempo = round(estimate_tempo(mono, sr), 2)
    key, mode, _ = estimate_key(mono, sr)
    stats = spectral_stats(mono, sr)
    env, _ = onset_envelope(mono, sr)
    percussive = float(np.clip(np.std(env) / (np.mean(env) + 1e-9) / 4, 0, 1))
    brightness = float(np.clip(stats["centroid"] / 4000.0, 0, 1))
    genre = nearest_genre(tempo, brightness, percussive)
    melody = _melody(mono, sr, tempo, duration, key)
    score = Score(
        tempo=tempo,
        key=key,
        mode=mode,
        duration=duration,
        sections=[("song", 0.0, round(duration, 4))],
        notes=[("melody", p, s, e, v) for _t, _v, s, e, p, v, _w in melody],
        syllables=melody,
        chords=_beat_chords(mono, sr, tempo, duration),
        style_words=[genre.name],
        genre=genre.name,
        params={
            "analysed": True,
            "loudness_db": round(loudness_db(x), 2),
            "brightness": round(brightness, 3),
            "percussive": round(percussive, 3),
            "bandwidth": round(stats["bandwidth"], 1),
            "centroid": round(stats["centroid"], 1),
            "width": 1.0,
        },
    )
    return Rendering.from_layers({"mix": x}, sr, score, title=title, style=describe_style(score))


def describe_style(score: Score) -> str:
    """Style words for what was heard (inspo): genre, brightness, mood, tempo."""
    p = score.params
    words = [score.genre]
    brightness = float(p.get("brightness", 0.5))
    words.append("bright" if brightness > 0.55 else ("warm" if brightness > 0.3 else "dark"))
    words.append("melancholic" if score.mode == "minor" else "uplifting")
    words.append(f"{round(score.tempo)} bpm")
    return ", ".join(words)


def capture_voice(
    rendering: Rendering, start: float | None = None, end: float | None = None
) -> dict[str, Any]:
    """The voice of a clip (a persona): pitch centre, gender, formants, timbre (JSON-ready).

    >>> from suno_nb.emulator.synth import render_action
    >>> song = render_action("generate", {"prompt": "hello", "vocal_gender": "m",
    ...                                   "duration": 8}, seed=1)[0]
    >>> capture_voice(song)["gender"]
    'm'
    """
    from .voice import voice_for

    s = 0.0 if start is None else float(start)
    e = rendering.duration if end is None else float(end)
    score = rendering.score
    sung = [syl for syl in score.syllables if s <= syl[2] < e and syl[6] >= 0]
    if score.voice and sung:
        voice = dict(score.voice)
        voice["pitch_centre"] = float(np.median([syl[4] for syl in sung]))
        voice["source"] = "score"
        return voice
    layer = rendering.layers.get("vocals")
    a, b = int(s * rendering.sr), int(e * rendering.sr)
    if layer is not None:
        clip = to_mono(layer[a:b])
    else:
        # A whole mix: listen to the centre in the singing range, where a lead voice lives.
        clip = to_mono(rendering.audio[a:b])
        if len(clip) > 64:
            sos = signal.butter(2, (120.0, 1100.0), "band", fs=rendering.sr, output="sos")
            clip = signal.sosfilt(sos, clip).astype(F32)
    f0 = estimate_pitch(clip, rendering.sr) if len(clip) else None
    # Sung (not spoken) ranges: our male voices centre near midi 53, female near 65.
    gender = "m" if f0 is None or f0 < 247.0 else "f"
    voice = voice_for(gender)
    if f0:
        voice["pitch_centre"] = round(float(12 * np.log2(f0 / 440) + 69), 2)
    if len(clip):
        centroid = spectral_stats(clip, rendering.sr)["centroid"]
        voice["brightness"] = round(float(np.clip(centroid / 2500, 0.5, 1.6)), 3)
    voice["source"] = "audio"
    return voice
