"""One HTML report of a sweep: plan, status, plots (inline PNG), the effects table, the per-cell
table, every clip's row, and players (embedded previews within a size budget, or links).

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

#: Audio a report embeds at most (base64 previews, about 0.65 MB a minute); clips past it link.
AUDIO_BUDGET_MB = 20.0

# Laid out for a 1400 px laptop window: nothing wider than the page, players shrink with cells.
_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:1340px;padding:0 1em;color:#222}
table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}
th{background:#f3f3f3}
img{max-width:100%;height:auto;border:1px solid #eee;margin:0.3em 0}
.scroll{max-width:100%;overflow-x:auto}
.suno-nb-listening-grid{table-layout:fixed;width:100%}
.suno-nb-listening-grid td{text-align:left;vertical-align:top}
.suno-nb-listening-grid tr>th:first-child{width:10em}
.suno-nb-listening-grid .suno-nb-player{flex-direction:column;align-items:stretch!important}
.suno-nb-listening-grid .suno-nb-player span{font-size:0.8em;overflow-wrap:anywhere}
.suno-nb-listening-grid audio{width:100%;min-width:0}
.figs{display:flex;flex-wrap:wrap;gap:1em}
.figs figure{margin:0;max-width:100%}
.suno-nb-effects p{max-width:70em}
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
    spend: str | None = None,
    plan_html: str = "",
    audio: str = "embed",
    features: Sequence[str] | None = None,
    audio_budget_mb: float = AUDIO_BUDGET_MB,
) -> Path:
    """Write the report of a sweep's results ``frame`` to ``path`` and return the path.

    Takes data, not the sweep: the results frame, the swept ``axes``, the sweep's id, its cell
    ``status`` counts, its ``spend`` in words (billed ``cost`` summed, plus estimates) and the
    plan as HTML. ``audio="embed"`` puts a 64 kbps preview of each
    grid clip inside the file until ``audio_budget_mb`` is reached (the report says how many were
    embedded and which link instead); ``"link"`` points at the catalogue's files only.

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
        + (f" · {html.escape(spend)}" if spend else "")
        + "</p>",
        "<h2>Plan</h2>",
        plan_html,
        "<h2>Plots</h2>",
        _plots(frame, axes, wanted),
        "<h2>Effects beyond noise</h2>",
        _effects(frame, axes, wanted),
        "<h2>Mean per cell (± std over repeats)</h2>",
        "<div class='scroll'>" + _cell_table(frame, axes, wanted) + "</div>",
        "<h2>Listen</h2>",
        _listening(frame, axes, audio, path.parent, audio_budget_mb),
        "<h2>Every clip</h2>",
        "<div class='scroll'>" + _clip_table(frame, axes, wanted) + "</div>",
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


def _effects(frame: pd.DataFrame, axes: list[str], features: list[str]) -> str:
    from suno_nb.sweeps.statistics import effects

    if frame.empty or not features:
        return "<p>No finished clips with features yet.</p>"
    blocks = []
    for feature in features:
        try:
            blocks.append(effects(frame, feature, axes[:2]).to_html())
        except (KeyError, ValueError) as exc:  # a feature all-NaN, or one cell only
            blocks.append(f"<p>{html.escape(feature)}: not testable ({html.escape(str(exc))})</p>")
    return "".join(blocks)


def _listening(
    frame: pd.DataFrame, axes: list[str], audio: str, folder: Path, budget_mb: float
) -> str:
    from suno_nb.players import player_html
    from suno_nb.sweeps.listening import ListeningGrid, _fmt

    if frame.empty:
        return "<p>No audio yet.</p>"
    x = axes[0]
    y = axes[1] if len(axes) > 1 else None
    grid = ListeningGrid.from_frame(frame, x=x, y=y, repeat=0)
    budget = budget_mb * 1e6 if audio == "embed" else 0.0
    used, embedded, linked = 0.0, 0, 0
    head = "".join(f"<th>{html.escape(x)} = {_fmt(xv)}</th>" for xv in grid.xs)
    body = []
    for row, yv in zip(grid.rows(), grid.ys, strict=True):
        cells = []
        for slot in row:
            if slot.audio_path is None:
                cells.append("<td><i>no audio</i></td>")
                continue
            shown = ""
            if used < budget:
                shown = player_html(slot.audio_path, embed="preview", title=slot.title)
                if used + len(shown) <= budget:
                    used += len(shown)
                    embedded += 1
                else:
                    shown, budget = "", 0.0  # over budget: this one and the rest link
            if not shown:
                shown = player_html(slot.audio_path, title=slot.title, relative_to=folder)
                linked += 1
            cells.append(f"<td>{shown}</td>")
        label = f"{html.escape(y)} = {_fmt(yv)}" if y else ""
        body.append(f"<tr><th>{label}</th>{''.join(cells)}</tr>")
    table = (
        "<table class='suno-nb-listening-grid'><tr><th></th>"
        + head
        + "</tr>"
        + "".join(body)
        + "</table>"
    )
    if linked and embedded:
        note = (
            f"<p>{embedded} players embed a 64 kbps mono preview ({used / 1e6:.1f} MB); "
            f"{linked} more would pass the {budget_mb:g} MB budget and link to the catalogue's "
            "files instead: those play only with the report next to its catalogue folder "
            "(raise audio_budget_mb= to embed them all).</p>"
        )
    elif linked:
        note = (
            "<p>Players link to the catalogue's files: they play only with the report next to "
            "its catalogue folder (write it with audio='embed' to share it alone).</p>"
        )
    else:
        note = (
            f"<p>Every player embeds a 64 kbps mono preview ({used / 1e6:.1f} MB): this file "
            "plays on its own.</p>"
        )
    return note + table
