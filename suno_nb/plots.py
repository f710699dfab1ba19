"""Pictures of audio: waveform, spectrogram (mel, linear, CQT) and a grid comparing tracks.

Every function takes ``ax=`` and returns what it drew on: the Axes you gave, or else the new
Figure, which is closed in pyplot at once so a notebook shows it exactly once (from the
returned value) and scripts never accumulate open figures. Nothing here calls ``plt.show()``.
matplotlib and librosa are imported on first use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from suno_nb.frontend import in_notebook

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["compare_grid", "spectrogram", "waveform"]

SpectrogramKind = Literal["mel", "linear", "cqt"]
_HOP = 512


def waveform(
    y: np.ndarray, sr: int, *, ax: Axes | None = None, title: str | None = None
) -> Axes | Figure:
    """Draw the waveform (envelope when zoomed out) of mono ``(n,)`` or ``(n, channels)`` audio.

    Returns ``ax`` when given, else a new closed Figure with one Axes.

    Example:
        >>> import numpy as np
        >>> fig = waveform(np.sin(np.linspace(0, 2000, 22050)), 22050, title="tone")
        >>> fig.axes[0].get_title()
        'tone'
    """
    import librosa.display

    axes, figure = _axes(ax)
    librosa.display.waveshow(_mono(y), sr=sr, ax=axes, color="tab:blue")
    axes.set(ylabel="amplitude", title=title or "")
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

    Returns ``ax`` when given, else a new closed Figure with the image and a dB colour bar.

    Example:
        >>> import numpy as np
        >>> fig = spectrogram(np.random.default_rng(0).normal(size=22050), 22050, kind="linear")
        >>> fig.axes[0].get_ylabel()
        'Hz'
    """
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


def _draw_spectrogram(y: np.ndarray, sr: int, axes: Axes, kind: str):  # -> QuadMesh
    import librosa
    import librosa.display
    import numpy as np

    if kind == "mel":
        values = librosa.power_to_db(
            librosa.feature.melspectrogram(y=y, sr=sr, hop_length=_HOP), ref=np.max
        )
        y_axis = "mel"
    elif kind == "linear":
        values = librosa.amplitude_to_db(np.abs(librosa.stft(y, hop_length=_HOP)), ref=np.max)
        y_axis = "linear"
    elif kind == "cqt":
        values = librosa.amplitude_to_db(np.abs(librosa.cqt(y, sr=sr, hop_length=_HOP)), ref=np.max)
        y_axis = "cqt_note"
    else:
        raise ValueError(f"kind must be 'mel', 'linear' or 'cqt', got {kind!r}")
    return librosa.display.specshow(
        values, sr=sr, hop_length=_HOP, x_axis="time", y_axis=y_axis, ax=axes, cmap="magma"
    )


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
