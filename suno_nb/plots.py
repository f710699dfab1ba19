"""Pictures of audio: waveform, spectrogram (mel, linear, CQT) and a grid comparing tracks.

Every function takes ``ax=`` and returns what it drew on: the Axes you gave, or else the new
Figure, which is closed in pyplot at once so a notebook shows it exactly once (from the
returned value) and scripts never accumulate open figures. Nothing here calls ``plt.show()``.
The spectra are computed with numpy alone (a short-time Fourier transform in blocks, the
Slaney mel filter bank librosa uses, and a note-spaced constant-Q view from octave-wise
decimated transforms), so drawing never loads librosa, numba or scipy into a notebook kernel
(about 180 MiB). matplotlib is imported on first use.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from suno_nb.frontend import in_notebook

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.collections import QuadMesh
    from matplotlib.figure import Figure

__all__ = ["compare_grid", "spectrogram", "waveform"]

SpectrogramKind = Literal["mel", "linear", "cqt"]
_HOP = 512
_N_FFT = 2048
_N_MELS = 128
_TOP_DB = 80.0
_ENVELOPE_COLUMNS = 2000  # min/max pairs drawn for a waveform: finer than any screen needs
_CQT_FMIN = 32.703195662574764  # C1, as librosa.cqt
_CQT_OCTAVES = 7  # 84 notes, C1 … B7
_NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def waveform(
    y: np.ndarray, sr: int, *, ax: Axes | None = None, title: str | None = None
) -> Axes | Figure:
    """Draw the waveform (its min/max envelope) of mono ``(n,)`` or ``(n, channels)`` audio.

    Returns ``ax`` when given, else a new closed Figure with one Axes.

    Example:
        >>> import numpy as np
        >>> fig = waveform(np.sin(np.linspace(0, 2000, 22050)), 22050, title="tone")
        >>> fig.axes[0].get_title()
        'tone'
    """
    import numpy as np

    samples = _mono(y)
    columns = min(samples.size, _ENVELOPE_COLUMNS)
    starts = (np.arange(columns) * samples.size) // columns
    low = np.minimum.reduceat(samples, starts)
    high = np.maximum.reduceat(samples, starts)
    edges = np.append(starts, samples.size) / sr
    axes, figure = _axes(ax)
    axes.fill_between(edges, np.append(low, low[-1]), np.append(high, high[-1]),
                      step="post", color="tab:blue", linewidth=0.5)  # fmt: skip
    axes.set_xlim(0.0, samples.size / sr)
    axes.set(xlabel="Time (s)", ylabel="amplitude", title=title or "")
    return axes if figure is None else figure


def spectrogram(
    y: np.ndarray,
    sr: int,
    *,
    ax: Axes | None = None,
    kind: SpectrogramKind = "mel",
    title: str | None = None,
) -> Axes | Figure:
    """Draw a spectrogram in dB: ``kind`` "mel" (default), "linear" (STFT) or "cqt" (notes).

    dB are relative to the loudest bin, down to -80 dB; frames are 512 samples apart (as in
    :mod:`suno_nb.features`). Returns ``ax`` when given, else a new closed Figure with the
    image and a dB colour bar.

    Example:
        >>> import numpy as np
        >>> fig = spectrogram(np.random.default_rng(0).normal(size=22050), 22050, kind="linear")
        >>> fig.axes[0].get_ylabel()
        'Hz'
    """
    if kind not in ("mel", "linear", "cqt"):
        raise ValueError(f"kind must be 'mel', 'linear' or 'cqt', got {kind!r}")
    axes, figure = _axes(ax)
    mesh = _draw_spectrogram(_mono(y), sr, axes, kind)
    axes.set_title(title or "")
    if figure is not None:
        figure.colorbar(mesh, ax=axes, format="%+2.0f dB")
    return axes if figure is None else figure


def compare_grid(
    items: Sequence[tuple[str, np.ndarray, int]],
    *,
    sharex: bool = True,
    kind: SpectrogramKind = "mel",
) -> Figure:
    """One row per ``(label, y, sr)``: waveform left, spectrogram right, time axes shared.

    Waveforms share their amplitude axis and spectrograms their frequency axis, so rows compare
    at a glance; ``sharex=False`` lets each row keep its own time span.

    Example:
        >>> import numpy as np
        >>> t = np.arange(22050) / 22050
        >>> fig = compare_grid([("low", np.sin(2 * np.pi * 220 * t), 22050),
        ...                     ("high", np.sin(2 * np.pi * 880 * t), 22050)])
        >>> len(fig.axes)
        4
    """
    if not items:
        raise ValueError("compare_grid needs at least one (label, y, sr) item")
    plt = _pyplot()
    rows = len(items)
    figure, grid = plt.subplots(
        rows,
        2,
        figsize=(12, 2.4 * rows),
        sharex="all" if sharex else "row",
        squeeze=False,
        layout="constrained",
    )
    plt.close(figure)
    for row, (label, y, sr) in enumerate(items):
        waveform(y, sr, ax=grid[row, 0], title=label)
        spectrogram(y, sr, ax=grid[row, 1], kind=kind, title=label)
    # Share amplitude and frequency axes within each column (rows stay comparable).
    for column in (0, 1):
        first = grid[0, column]
        for other in grid[1:, column]:
            other.sharey(first)
    for axes in grid[:-1].flat:  # time labels once, at the bottom
        axes.tick_params(labelbottom=False)
        axes.set_xlabel("")
    return figure


def _draw_spectrogram(y: np.ndarray, sr: int, axes: Axes, kind: str) -> QuadMesh:
    import numpy as np

    frames = 1 + y.size // _HOP
    times = np.arange(frames + 1) * _HOP / sr
    if kind == "mel":
        weights, edges = _mel_filters(sr)
        power = weights @ _stft_power(y)
    elif kind == "linear":
        power = _stft_power(y)
        edges = np.clip((np.arange(_N_FFT // 2 + 2) - 0.5) * sr / _N_FFT, 0.0, sr / 2)
    else:
        power, edges = _note_power(y, sr, frames)
    mesh = axes.pcolormesh(times, edges, _db(power), cmap="magma", shading="flat",
                           rasterized=True)  # fmt: skip
    axes.set_xlim(times[0], times[-1])
    axes.set_ylim(edges[0], edges[-1])
    axes.set_xlabel("Time (s)")
    if kind == "cqt":
        axes.set_yscale("log", base=2)
        octaves = _CQT_FMIN * 2.0 ** np.arange(_CQT_OCTAVES + 1)
        axes.set_yticks(octaves, [f"C{i + 1}" for i in range(len(octaves))])
        axes.yaxis.set_minor_locator(_null_locator())
        axes.set_ylabel("Note")
    else:
        if kind == "mel":  # as librosa draws mel: linear to 1 kHz, octaves above
            axes.set_yscale("symlog", base=2, linthresh=1000, linscale=0.5)
            ticks = [hz for hz in (0, 500, 1000, 2000, 4000, 8000, 16000) if hz <= sr / 2]
            axes.set_yticks(ticks, [f"{hz:g}" for hz in ticks])
            axes.yaxis.set_minor_locator(_null_locator())
        axes.set_ylabel("Hz")
    return mesh


def _stft_power(y: np.ndarray, n_fft: int = _N_FFT, hop: int = _HOP) -> np.ndarray:
    """``|STFT|²`` shaped ``(n_fft // 2 + 1, 1 + len(y) // hop)``: periodic Hann window, frames
    centred with zero padding (librosa's defaults), computed in blocks so no full complex
    spectrogram and no full frame matrix is ever held."""
    import numpy as np

    padded = np.pad(y.astype(np.float32, copy=False), n_fft // 2)
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)).astype(np.float32)
    frames = np.lib.stride_tricks.sliding_window_view(padded, n_fft)[::hop]
    power = np.empty((n_fft // 2 + 1, len(frames)), dtype=np.float32)
    block = 256
    for start in range(0, len(frames), block):
        spectrum = np.fft.rfft(frames[start : start + block] * window, axis=1)
        power[:, start : start + block] = (spectrum.real**2 + spectrum.imag**2).T
    return power


def _hz_to_mel(hz: np.ndarray) -> np.ndarray:
    """Slaney's mel scale (librosa's default): linear below 1 kHz, logarithmic above."""
    import numpy as np

    hz = np.asarray(hz, dtype=np.float64)
    linear = hz / (200.0 / 3)
    logarithmic = 15.0 + np.log(np.maximum(hz, 1e-10) / 1000.0) / (math.log(6.4) / 27.0)
    return np.where(hz >= 1000.0, logarithmic, linear)


def _mel_to_hz(mel: np.ndarray) -> np.ndarray:
    import numpy as np

    mel = np.asarray(mel, dtype=np.float64)
    linear = mel * (200.0 / 3)
    logarithmic = 1000.0 * np.exp((math.log(6.4) / 27.0) * (mel - 15.0))
    return np.where(mel >= 15.0, logarithmic, linear)


def _mel_filters(sr: int) -> tuple[np.ndarray, np.ndarray]:
    """The triangular, area-normalised mel filters of ``librosa.filters.mel`` (0 Hz to sr/2)
    shaped ``(128, n_fft // 2 + 1)``, and the 129 band edges in Hz for drawing."""
    import numpy as np

    points = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(sr / 2), _N_MELS + 2))
    bins = np.fft.rfftfreq(_N_FFT, 1.0 / sr)
    widths = np.diff(points)
    ramps = points[:, None] - bins[None, :]
    rising = -ramps[:-2] / widths[:-1, None]
    falling = ramps[2:] / widths[1:, None]
    weights = np.maximum(0.0, np.minimum(rising, falling))
    weights *= (2.0 / (points[2:] - points[:-2]))[:, None]
    edges = _mel_to_hz(np.linspace(_hz_to_mel(0.0), _hz_to_mel(sr / 2), _N_MELS + 1))
    return weights.astype(np.float32), edges


def _note_power(y: np.ndarray, sr: int, frames: int) -> tuple[np.ndarray, np.ndarray]:
    """Power in 84 semitone bands from C1 (a constant-Q view), shaped ``(84, frames)``, and
    the band edges in Hz (half a semitone either side of each note).

    Each octave is read from the signal decimated (band-limited, by FFT) to the highest rate
    at which a 2048-point transform spaces its bins at most 1/17 of the octave's lowest note
    apart (a semitone is 1/16.8), so every note band is resolved with the finest timing; a
    note's power is a triangle-weighted sum (one semitone either side) of those bins. Time
    frames stay 512 samples of the original apart.
    """
    import numpy as np

    samples = y.astype(np.float32, copy=False)
    spectrum = np.fft.rfft(samples)
    by_factor: dict[int, np.ndarray] = {}  # octaves that share a rate share one transform
    rows = []
    for octave in range(_CQT_OCTAVES):
        lowest = _CQT_FMIN * 2.0**octave
        factor = 1  # the smallest decimation that resolves this octave's semitones
        while factor < _HOP and sr / (factor * _N_FFT) > lowest / 17:
            factor *= 2
        if factor not in by_factor:
            length = -(-y.size // factor)
            decimated = samples if factor == 1 else (
                np.fft.irfft(spectrum[: length // 2 + 1], n=length) * (length / y.size)
            ).astype(np.float32)  # fmt: skip
            by_factor[factor] = _fit_frames(_stft_power(decimated, hop=_HOP // factor), frames)
        power = by_factor[factor]
        bins = np.fft.rfftfreq(_N_FFT, factor / sr)
        notes = lowest * 2.0 ** (np.arange(12) / 12)
        distance = 12 * np.abs(np.log2(np.maximum(bins[None, :], 1e-6) / notes[:, None]))
        weights = np.maximum(0.0, 1.0 - distance).astype(np.float32)
        rows.append(weights @ power)
    edges = _CQT_FMIN * 2.0 ** ((np.arange(12 * _CQT_OCTAVES + 1) - 0.5) / 12)
    return np.concatenate(rows), edges


def _fit_frames(power: np.ndarray, frames: int) -> np.ndarray:
    import numpy as np

    if power.shape[1] >= frames:
        return power[:, :frames]
    return np.pad(power, ((0, 0), (0, frames - power.shape[1])))


def _db(power: np.ndarray) -> np.ndarray:
    """Power in dB relative to the loudest bin, floored 80 dB below it (as librosa's
    ``power_to_db(ref=np.max, top_db=80)``)."""
    import numpy as np

    db = 10.0 * np.log10(np.maximum(power, 1e-10))
    db -= db.max()
    return np.maximum(db, -_TOP_DB)


def _null_locator():
    from matplotlib.ticker import NullLocator

    return NullLocator()


def _mono(y: np.ndarray) -> np.ndarray:
    import numpy as np

    samples = np.asarray(y, dtype=np.float32)
    if samples.ndim == 2:
        # soundfile gives (n, channels), librosa (channels, n): average the short side.
        samples = samples.mean(axis=1 if samples.shape[0] > samples.shape[1] else 0)
    if samples.ndim != 1 or samples.size == 0:
        raise ValueError(f"expected audio shaped (n,) or (n, channels), got {np.shape(y)}")
    return samples


def _axes(ax: Axes | None) -> tuple[Axes, Figure | None]:
    """The Axes to draw on, and the new Figure when we had to make one."""
    if ax is not None:
        return ax, None
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(10, 3), layout="constrained")
    plt.close(figure)  # returned, not registered: shown once, never leaked
    return axes, figure


def _pyplot():
    """pyplot, choosing the non-interactive Agg backend only when nothing chose a backend."""
    import matplotlib

    chosen = (
        "matplotlib.pyplot" in sys.modules
        or os.environ.get("MPLBACKEND")
        # Private but stable since 3.6; when absent, assume a backend was chosen (never force).
        or getattr(matplotlib.rcParams, "_get_backend_or_none", lambda: "unknown")() is not None
        or in_notebook()  # a kernel picks inline (or widget) itself
    )
    if not chosen:
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt
