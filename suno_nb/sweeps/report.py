"""One self-contained HTML report of a sweep: plan, status, plots (inline PNG), the per-cell
table, every clip's row, and players (links next to the catalogue, or embedded previews).

Example:
    >>> sw.report("weirdness_report.html", audio="embed")   # doctest: +SKIP
    PosixPath('weirdness_report.html')
"""

from __future__ import annotations

import base64
import html
import io
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    import pandas as pd

__all__ = ["DEFAULT_FEATURES", "figure_png", "write_report"]

#: Features a report shows unless told otherwise: the ones the emulator's weirdness and
#: style_influence measurably move (see the demo's correlation table).
DEFAULT_FEATURES: tuple[str, ...] = (
    "pitch_class_entropy",
    "onset_irregularity",
    "key_confidence",
    "mfcc_1",
)
_TABLE_COLUMNS = ("clip_id", "title", "duration", "audio_state")

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}
th{background:#f3f3f3}
img{max-width:100%;border:1px solid #eee;margin:0.3em 0}
.suno-nb-listening-grid td{text-align:left}
.figs{display:flex;flex-wrap:wrap;gap:1em}
.figs figure{margin:0}
"""


def figure_png(figure: Any, *, dpi: int = 110) -> bytes:
    """A matplotlib Figure (or an Axes' figure) as PNG bytes."""
    figure = getattr(figure, "figure", figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<figure><img alt="{html.escape(alt)}" src="data:image/png;base64,{data}"></figure>'


def write_report(
    path: Path,
    frame: pd.DataFrame,
    *,
    axes: Sequence[str],
    sweep_id: str,
    status: Mapping[str, int],
    plan_html: str = "",
    audio: str = "link",
    features: Sequence[str] | None = None,
) -> Path:
    """Write the report of a sweep's results ``frame`` to ``path`` and return the path.

    Takes data, not the sweep: the results frame, the swept ``axes``, the sweep's id, its cell
    ``status`` counts and the plan as HTML.

    Example:
        >>> write_report(Path("r.html"), frame, axes=["weirdness"], sweep_id="sw-1",
        ...              status={"done": 3})   # doctest: +SKIP
    """
    if audio not in ("link", "embed"):
        raise ValueError(f"audio must be 'link' or 'embed', got {audio!r}")
    path = Path(path).expanduser().absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    axes = list(axes)
    wanted = [f for f in (features or DEFAULT_FEATURES) if f in frame.columns]
    parts = [
        f"<h1>Sweep {html.escape(sweep_id)}</h1>",
        f"<p>written {time.strftime('%Y-%m-%d %H:%M')} · {len(frame)} clips · status: "
        + html.escape(", ".join(f"{n} {s}" for s, n in status.items() if n))
        + "</p>",
        "<h2>Plan</h2>",
        plan_html,
        "<h2>Plots</h2>",
        _plots(frame, axes, wanted),
        "<h2>Mean per cell (± std over repeats)</h2>",
        _cell_table(frame, axes, wanted),
        "<h2>Listen</h2>",
        _listening(frame, axes, audio, path.parent),
        "<h2>Every clip</h2>",
        _clip_table(frame, axes, wanted),
    ]
    document = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Sweep {html.escape(sweep_id)}</title><style>{_STYLE}</style></head>"
        "<body>" + "\n".join(parts) + "</body></html>"
    )
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(document, encoding="utf-8")
    os.replace(tmp, path)
    return path


def _plots(frame: pd.DataFrame, axes: list[str], features: list[str]) -> str:
    from suno_nb.sweeps.plots import heatmap, lines, spectrograms

    if frame.empty or not features:
        return "<p>No finished clips with features yet.</p>"
    figures = []
    x = axes[0]
    y = axes[1] if len(axes) > 1 else None
    for feature in features:
        if y is not None and frame[x].nunique() > 1 and frame[y].nunique() > 1:
            figures.append(
                _img(figure_png(heatmap(frame, feature, x=x, y=y)), f"{feature} heatmap")
            )
        figures.append(_img(figure_png(lines(frame, feature, x=x, hue=y)), f"{feature} vs {x}"))
    block = "<div class='figs'>" + "".join(figures) + "</div>"
    if frame[x].nunique() * (frame[y].nunique() if y else 1) <= 36:  # small multiples stay small
        grid = spectrograms(frame, x=x, y=y)
        block += "<h3>Spectrograms on the grid</h3>" + _img(
            figure_png(grid, dpi=80), "spectrograms"
        )
    return block


def _cell_table(frame: pd.DataFrame, axes: list[str], features: list[str]) -> str:
    if frame.empty or not features:
        return "<p>(empty)</p>"
    grouped = frame.groupby(["cell", *axes], observed=True)[features]
    mean, spread = grouped.mean(), grouped.std(ddof=1)
    table = mean.copy().astype(object)
    for column in features:
        table[column] = [
            f"{m:.4g} ± {s:.2g}" if s == s else f"{m:.4g}"
            for m, s in zip(mean[column], spread[column], strict=True)
        ]
    table["clips"] = grouped.size()
    return table.reset_index().to_html(index=False, escape=True, border=0)


def _clip_table(frame: pd.DataFrame, axes: list[str], features: list[str]) -> str:
    columns = ["cell", "repeat", *axes, *_TABLE_COLUMNS, *features]
    shown = frame[[c for c in columns if c in frame.columns]]
    return shown.to_html(index=False, escape=True, border=0, float_format=lambda v: f"{v:.4g}")


def _listening(frame: pd.DataFrame, axes: list[str], audio: str, folder: Path) -> str:
    from suno_nb.sweeps.listening import ListeningGrid

    if frame.empty:
        return "<p>No audio yet.</p>"
    x = axes[0]
    y = axes[1] if len(axes) > 1 else None
    grid = ListeningGrid.from_frame(frame, x=x, y=y, repeat=0)
    note = (
        "<p>Players link to the catalogue's files: keep the report next to its catalogue "
        "folder (or write it with audio='embed' to share it alone).</p>"
        if audio == "link"
        else "<p>Each player embeds a 64 kbps mono preview.</p>"
    )
    embed = "preview" if audio == "embed" else False
    return note + grid.to_html(embed=embed, relative_to=folder)
