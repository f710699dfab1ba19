"""The listening grid: a player on every cell of a two-field sweep, laid out like the heatmap
(``x`` across, ``y`` down, high values on top), so you hear what the colours say.

:class:`ListeningGrid` is a plain controller (which clip goes where), tested without a kernel;
:meth:`ListeningGrid.widget` builds the ipywidgets view (imported only then), and
``_repr_html_`` gives a static table of ``<audio>`` players for exported notebooks.

Example:
    >>> grid = sw.listening_grid(x="weirdness", y="style_influence")   # doctest: +SKIP
    >>> grid.slots[(0.0, 1.0)].clip_id                                  # doctest: +SKIP
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

__all__ = ["ListeningGrid", "Slot", "listening_grid"]


@dataclass(frozen=True)
class Slot:
    """The clip placed on one grid cell (``None`` values when the cell has no audio yet)."""

    x: Any
    y: Any
    clip_id: str | None
    audio_path: str | None
    title: str


@dataclass
class ListeningGrid:
    """Which clip plays on which ``(x, y)`` cell, plus the views that show them."""

    x: str
    y: str | None
    xs: list[Any]
    ys: list[Any]
    slots: dict[tuple[Any, Any], Slot] = field(default_factory=dict)

    @classmethod
    def from_frame(
        cls, frame: pd.DataFrame, *, x: str, y: str | None, repeat: int = 0
    ) -> ListeningGrid:
        xs = sorted(frame[x].dropna().unique().tolist())
        ys = sorted(frame[y].dropna().unique().tolist(), reverse=True) if y else [None]
        ok = frame[(frame["audio_state"].astype(str) == "ok") & (frame["repeat"] == repeat)]
        slots = {}
        for xv in xs:
            for yv in ys:
                match = ok[(ok[x] == xv) & ((ok[y] == yv) if y else True)].sort_values("clip_id")
                label = f"{x} {_fmt(xv)}" + (f" · {y} {_fmt(yv)}" if y else "")
                if match.empty:
                    slots[(xv, yv)] = Slot(xv, yv, None, None, label)
                else:
                    row = match.iloc[0]
                    slots[(xv, yv)] = Slot(xv, yv, row["clip_id"], row["audio_path"], label)
        return cls(x, y, xs, ys, slots)

    def rows(self) -> list[list[Slot]]:
        """Slots row by row, top row first (highest ``y``), as they are drawn."""
        return [[self.slots[(xv, yv)] for xv in self.xs] for yv in self.ys]

    def widget(self) -> Any:
        """An ``ipywidgets.GridBox`` of players with row and column headers.

        The corner names the axes (``y`` down, ``x`` across); columns share the width and
        never go below what a player needs, so a narrow output area scrolls the grid sideways
        instead of cutting off a column or drawing a label over a player.
        """
        import ipywidgets as widgets

        from suno_nb.players import player

        corner = f"{_breakable(self.y)}&nbsp;↓<br>" if self.y else ""
        children: list[Any] = [_header(f"{corner}{_breakable(self.x)}&nbsp;→", "corner")]
        children += [_header(_fmt(xv), "column") for xv in self.xs]
        for row, yv in zip(self.rows(), self.ys, strict=True):
            children.append(_header(_fmt(yv) if self.y else "", "row"))
            for slot in row:
                if slot.audio_path is None:
                    children.append(widgets.HTML("<i>no audio</i>"))
                    continue
                shown = player(slot.audio_path, title=slot.title)
                cell = shown.widget if shown.mode == "widget" else widgets.HTML(shown.to_html())
                cell.layout.min_width = "0"  # a grid item shrinks to its column, not beyond
                children.append(cell)
        layout = widgets.Layout(
            grid_template_columns=f"min-content repeat({len(self.xs)}, minmax({_COLUMN}, 1fr))",
            grid_gap="4px 12px",
            align_items="center",
            width="100%",
            overflow="auto hidden",  # sideways scroll when the output area is narrower
        )
        grid = widgets.GridBox(children, layout=layout)
        grid.add_class("suno-nb-listening-grid")
        return grid

    def to_html(self, *, embed: Any = False, relative_to: Any = None) -> str:
        """A static table of ``<audio>`` players (links, or embedded with ``embed="preview"``)."""
        from suno_nb.players import player_html

        head = "".join(f"<th>{html.escape(self.x)} = {_fmt(xv)}</th>" for xv in self.xs)
        body = []
        for row, yv in zip(self.rows(), self.ys, strict=True):
            cells = []
            for slot in row:
                if slot.audio_path is None:
                    cells.append("<td><i>no audio</i></td>")
                else:
                    audio = player_html(
                        slot.audio_path, embed=embed, title=slot.title, relative_to=relative_to
                    )
                    cells.append(f"<td>{audio}</td>")
            label = f"{html.escape(self.y)} = {_fmt(yv)}" if self.y else ""
            body.append(f"<tr><th>{label}</th>{''.join(cells)}</tr>")
        return (
            "<table class='suno-nb-listening-grid'><tr><th></th>"
            + head
            + "</tr>"
            + "".join(body)
            + "</table>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        # In a kernel, the widget (players that work in every front end); elsewhere, HTML.
        from suno_nb.frontend import in_notebook

        if in_notebook():
            bundle = dict(self.widget()._repr_mimebundle_(include=include, exclude=exclude))
            bundle.setdefault("text/html", self.to_html())
            return bundle
        return {"text/html": self.to_html(), "text/plain": repr(self)}


def listening_grid(
    frame: pd.DataFrame,
    axes: Sequence[str],
    *,
    x: str | None = None,
    y: str | None = None,
    repeat: int = 0,
) -> ListeningGrid:
    """The :class:`ListeningGrid` of a sweep's results (first clip of ``repeat`` per cell);
    ``x`` and ``y`` default to the first two of ``axes``."""
    x = x or axes[0]
    if y is None:
        y = next((a for a in axes if a != x), None)
    return ListeningGrid.from_frame(frame, x=x, y=y, repeat=repeat)


_COLUMN = "150px"  # a waveform player's narrowest usable width (button, waveform, clock below)


def _header(text: str, kind: str) -> Any:
    """A grid header cell: ``corner`` (the axis names), ``column`` (an x value), ``row`` (y)."""
    import ipywidgets as widgets

    align = {"corner": "left", "column": "center", "row": "right"}[kind]
    size = "11px" if kind == "corner" else "13px"
    cell = widgets.HTML(
        f"<div style='text-align:{align};font-size:{size};line-height:1.3'><b>{text}</b></div>",
        layout=widgets.Layout(min_width="0"),
    )
    cell.add_class(f"suno-nb-grid-{kind}")
    return cell


def _breakable(name: str) -> str:
    """A field name that may wrap after its underscores (``style_influence`` in a narrow corner)."""
    return html.escape(name).replace("_", "_<wbr>")


def _fmt(value: Any) -> str:
    return html.escape(f"{value:g}" if isinstance(value, float) else str(value))
