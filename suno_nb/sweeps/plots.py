"""Plots of a sweep: a heatmap of a feature over two swept fields (mean over repeats, spread
written in each cell), feature-vs-field lines with error bars, and spectrogram small multiples
laid out on the grid. Each takes ``ax=``/returns what it drew and never calls ``plt.show()``.

Example:
    >>> sw.plot.heatmap("spectral_flatness", x="weirdness", y="style_influence")  # doctest: +SKIP
    >>> sw.plot.lines("pitch_class_entropy", x="weirdness")                      # doctest: +SKIP
    >>> sw.plot.spectrograms()                                                    # doctest: +SKIP
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from suno_nb.sweeps.analysis import group_table, line_table

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["SweepPlots", "heatmap", "lines", "spectrograms"]


class SweepPlots:
    """``sweep.plot``: the plot family of one sweep (``sweep.plot(feature)`` is the heatmap).

    Holds data, not the sweep: ``results(features)`` gives the results frame (called only when
    a plot needs it) and ``axes`` names the swept fields.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"a": [0, 0, 1, 1], "f": [1., 3., 5., 7.]})
        >>> plots = SweepPlots(lambda features=True: df, ["a"])
        >>> plots.lines("f").axes[0].lines[0].get_ydata().tolist()
        [2.0, 6.0]
    """

    def __init__(self, results: Callable[..., pd.DataFrame], axes: Sequence[str]) -> None:
        self._results = results
        self._axis_names = list(axes)

    def _axes(self, x: str | None, y: str | None) -> tuple[str, str | None]:
        axes = self._axis_names
        x = x or axes[0]
        if y is None:
            y = next((a for a in axes if a != x), None)
        return x, y

    def __call__(self, feature: str = "spectral_flatness", **kw: Any) -> Axes | Figure:
        return self.heatmap(feature, **kw)

    def heatmap(
        self,
        feature: str = "spectral_flatness",
        *,
        x: str | None = None,
        y: str | None = None,
        ax: Axes | None = None,
        frame: pd.DataFrame | None = None,
    ) -> Axes | Figure:
        """Mean of ``feature`` per ``(x, y)`` cell with its interval; noise-level cells hatched."""
        x, y = self._axes(x, y)
        if y is None:
            raise ValueError("a heatmap needs two swept fields; use plot.lines() for one")
        data = self._results() if frame is None else frame
        return heatmap(data, feature, x=x, y=y, ax=ax)

    def lines(
        self,
        feature: str = "spectral_flatness",
        *,
        x: str | None = None,
        hue: str | None = None,
        ax: Axes | None = None,
        frame: pd.DataFrame | None = None,
    ) -> Axes | Figure:
        """``feature`` against ``x`` (mean and its interval), one line per ``hue`` value."""
        x, other = self._axes(x, hue)
        data = self._results() if frame is None else frame
        return lines(data, feature, x=x, hue=hue or other, ax=ax)

    def spectrograms(
        self, *, x: str | None = None, y: str | None = None, repeat: int = 0, seconds: float = 10.0
    ) -> Figure:
        """One small mel spectrogram per grid cell (first clip of ``repeat``), ``x`` across."""
        x, y = self._axes(x, y)
        return spectrograms(self._results(features=False), x=x, y=y, repeat=repeat, seconds=seconds)


def heatmap(
    frame: pd.DataFrame,
    feature: str,
    *,
    x: str,
    y: str,
    ax: Axes | None = None,
    confidence: float = 0.95,
) -> Axes | Figure:
    """Draw :func:`~suno_nb.sweeps.analysis.group_table`'s means as an image, each cell marked
    with its ``confidence`` interval's half-width and clip count, so colour never hides noise:

    - cells whose interval contains the overall mean are hatched (they differ from the
      average by no more than take-to-take noise);
    - the colour scale spans at least the overall mean ± the typical half-width, so a grid
      of pure noise looks flat instead of showing a colourful pattern.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"a": [0, 0, 1, 1], "b": [0, 1, 0, 1], "f": [1., 2., 3., 4.]})
        >>> fig = heatmap(df, "f", x="a", y="b")
        >>> fig.axes[0].images[0].get_array().tolist()
        [[1.0, 3.0], [2.0, 4.0]]
    """
    import numpy as np
    from matplotlib.patches import Patch, Rectangle

    mean, spread, count = group_table(frame, feature, x=x, y=y)
    half = _half_width(spread, count, confidence)
    fig, ax, made = _figure(ax, (2.2 + 1.3 * mean.shape[1], 1.6 + 1.0 * mean.shape[0]))
    values = mean.to_numpy(dtype=float)
    halves = half.to_numpy(dtype=float)
    finite = values[np.isfinite(values)]
    overall = float(finite.mean()) if finite.size else 0.0
    typical = float(np.nanmedian(halves)) if np.isfinite(halves).any() else 0.0
    low = min(finite.min(), overall - typical) if finite.size else 0.0
    high = max(finite.max(), overall + typical) if finite.size else 1.0
    image = ax.imshow(values, origin="lower", cmap="viridis", aspect="auto", vmin=low, vmax=high)
    ax.set_xticks(range(mean.shape[1]), [_tick(v) for v in mean.columns])
    ax.set_yticks(range(mean.shape[0]), [_tick(v) for v in mean.index])
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    level = f"{confidence:.0%}".replace("%", " %")
    ax.set_title(f"{feature}\nmean per cell ± {level} CI (n clips)", fontsize=10)
    middle = (low + high) / 2
    noisy = 0
    for (i, j), value in np.ndenumerate(values):
        if not math.isfinite(value):
            continue
        width = halves[i, j]
        text = (
            f"{value:.3g}\n± {width:.2g} ({int(count.iat[i, j])})"
            if math.isfinite(width)
            else f"{value:.3g}\n(n={int(count.iat[i, j])})"
        )
        colour = "black" if value > middle else "white"
        ax.text(j, i, text, ha="center", va="center", fontsize=8, color=colour)
        if math.isfinite(width) and abs(value - overall) <= width:
            noisy += 1
            ax.add_patch(
                Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="///", lw=0, alpha=0.35)
            )
    if noisy:
        ax.legend(
            handles=[Patch(fill=False, hatch="///", label="within noise of the overall mean")],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.18),
            fontsize=7,
            frameon=False,
        )
    fig.colorbar(image, ax=ax, label=feature)
    return _done(fig, ax, made)


def lines(
    frame: pd.DataFrame,
    feature: str,
    *,
    x: str,
    hue: str | None = None,
    ax: Axes | None = None,
    interval: str = "ci",
    confidence: float = 0.95,
) -> Axes | Figure:
    """Mean of ``feature`` against ``x`` with error bars (``interval="ci"``: the mean's
    ``confidence`` interval; ``"std"``: the clips' standard deviation); a line per ``hue``.

    Example:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"a": [0, 0, 1, 1], "f": [1., 3., 5., 7.]})
        >>> fig = lines(df, "f", x="a")
        >>> fig.axes[0].lines[0].get_ydata().tolist()
        [2.0, 6.0]
    """
    if interval not in ("ci", "std"):
        raise ValueError(f"interval must be 'ci' or 'std'; got {interval!r}")
    stats = line_table(frame, feature, x=x, hue=hue)
    if interval == "ci":
        stats["bar"] = _half_width(stats["std"], stats["count"], confidence)
    else:
        stats["bar"] = stats["std"]
    fig, ax, made = _figure(ax, (5.5, 3.6))
    groups = [(None, stats)] if hue is None else list(stats.groupby(hue, observed=True))
    xs = stats[x].astype(float)
    # Lines of several hues sit side by side, a little apart, so their bars never hide each other.
    step = 0.015 * (float(xs.max() - xs.min()) or 1.0) if len(groups) > 1 else 0.0
    for k, (value, part) in enumerate(groups):
        label = None if hue is None else f"{hue} = {_tick(value)}"
        ax.errorbar(
            part[x].astype(float) + (k - (len(groups) - 1) / 2) * step,
            part["mean"],
            yerr=part["bar"].fillna(0.0),
            marker="o",
            capsize=3,
            label=label,
        )
    ax.set_xlabel(x)
    ax.set_ylabel(feature)
    bars = f"{confidence:.0%} CI".replace("%", " %") if interval == "ci" else "± std"
    ax.set_title(f"{feature} vs {x}\nmean per cell, bars: {bars}", fontsize=10)
    if hue is not None:
        ax.legend(fontsize=8, frameon=False)
    ax.grid(alpha=0.3)
    return _done(fig, ax, made)


def _half_width(spread: Any, count: Any, confidence: float) -> Any:
    """Half-width of a t interval of a mean from its clips' std and count (NaN below n = 2)."""
    import numpy as np
    from scipy import stats

    n = np.asarray(count, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = stats.t.ppf(0.5 + confidence / 2, np.where(n >= 2, n - 1, np.nan))
        width = t * np.asarray(spread, dtype=float) / np.sqrt(n)
    return spread * 0 + width if hasattr(spread, "shape") else width


def spectrograms(
    frame: pd.DataFrame, *, x: str, y: str | None, repeat: int = 0, seconds: float = 10.0
) -> Figure:
    """Mel spectrograms on the grid: column per ``x`` value, row per ``y`` value (top = high)."""
    import soundfile

    from suno_nb.plots import spectrogram

    ok = frame[(frame["audio_state"].astype(str) == "ok") & (frame["repeat"] == repeat)]
    first = ok.sort_values("clip_id").groupby([c for c in (y, x) if c], observed=True).head(1)
    xs = sorted(frame[x].dropna().unique())
    ys = sorted(frame[y].dropna().unique(), reverse=True) if y else [None]
    fig, grid = _grid(len(ys), len(xs))
    for i, yv in enumerate(ys):
        for j, xv in enumerate(xs):
            axis = grid[i][j]
            match = first[(first[x] == xv) & ((first[y] == yv) if y else True)]
            axis.set_xticks([])
            axis.set_yticks([])
            if i == len(ys) - 1:
                axis.set_xlabel(f"{x}={_tick(xv)}", fontsize=8)
            if j == 0 and y:
                axis.set_ylabel(f"{y}={_tick(yv)}", fontsize=8)
            if match.empty:
                axis.text(0.5, 0.5, "no audio", ha="center", va="center", transform=axis.transAxes)
                continue
            # soundfile, not librosa.load: a kernel drawing a report never loads librosa
            with soundfile.SoundFile(match["audio_path"].iloc[0]) as audio:
                sr = audio.samplerate
                samples = audio.read(int(seconds * sr), dtype="float32", always_2d=True)
            spectrogram(samples, sr, ax=axis, kind="mel")
            axis.set_title("")
            axis.set_xticks([])
            axis.set_yticks([])
            axis.set_xlabel(f"{x}={_tick(xv)}" if i == len(ys) - 1 else "", fontsize=8)
            axis.set_ylabel(f"{y}={_tick(yv)}" if j == 0 and y else "", fontsize=8)
    fig.suptitle(f"mel spectrograms (repeat {repeat}, first {seconds:g} s)")
    return fig


def _tick(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _figure(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes, bool]:
    if ax is not None:
        return ax.figure, ax, False
    from suno_nb.plots import _pyplot

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    plt.close(fig)  # returned, not registered: a notebook shows it once, scripts leak nothing
    return fig, ax, True


def _grid(rows: int, cols: int) -> tuple[Figure, list[list[Axes]]]:
    from suno_nb.plots import _pyplot

    plt = _pyplot()
    size = (1.9 * cols + 0.6, 1.5 * rows + 0.6)
    fig, axes = plt.subplots(rows, cols, squeeze=False, figsize=size, layout="constrained")
    plt.close(fig)
    return fig, [list(r) for r in axes]


def _done(fig: Figure, ax: Axes, made: bool) -> Axes | Figure:
    return fig if made else ax
