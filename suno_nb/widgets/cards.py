"""Result cards: one clip with a player, a small waveform, its facts, a rating and follow-ups.

:class:`CardController` is plain Python (audio bytes, waveform SVG, prefills for follow-up
actions, rating through the catalogue); :class:`ClipCard` is its ipywidgets view.

Why the player is an ``ipywidgets.Audio`` fed with bytes: inside a widget, HTML ``<audio>`` with
a relative path is not resolved through the server's ``/files/`` route, and the browser may not
reach the kernel's 127.0.0.1 (Binder), so the kernel reads the file and sends it over the comm.
That works the same in JupyterLab, Notebook 7, VS Code and Voilà. ``autoplay`` and ``loop`` are
turned off (ipywidgets turns both on by default).

Time windows are number fields: ipywidgets' Audio cannot report its play position and this
package ships no custom front-end code, so "extend from here" takes a typed time, shown as a
marker on the waveform.

Example:
    >>> card = CardController({"id": "c1", "title": "Night Bus", "duration": 30.0})
    >>> card.prefill("extend", at=12.5)
    {'audio_id': 'c1', 'continue_at': 12.5}
    >>> card.prefill("replace_section", start=5, end=9)
    {'audio_id': 'c1', 'replace_section_start': 5.0, 'replace_section_end': 9.0}
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from suno_nb import schema
from suno_nb.widgets.runner import reachable_by_browser

__all__ = ["FOLLOW_UPS", "CardController", "ClipCard", "audio_widget", "waveform_svg"]

#: rating choices; 0 is "not rated" (a dropdown showing None would be blank)
RATINGS: list[tuple[str, int]] = [("rate…", 0)] + [("★" * n, n) for n in range(1, 6)]

#: the follow-up buttons on every card (any other action taking audio_id is in "more…")
FOLLOW_UPS: tuple[str, ...] = ("extend", "cover", "stems", "remaster", "replace_section")

# Window fields of the schema: a name ending in _start with a matching _end.
_WINDOWS = tuple(
    name[: -len("_start")]
    for name in schema.FIELDS
    if name.endswith("_start") and name[: -len("_start")] + "_end" in schema.FIELDS
)


def _get(clip: Any, name: str) -> Any:
    return clip.get(name) if isinstance(clip, Mapping) else getattr(clip, name, None)


def follow_up_actions() -> list[str]:
    """Every action that works on one existing clip, from the schema (the "more…" menu)."""
    return [a.name for a in schema.ACTIONS.values() if "audio_id" in a.fields]


class CardController:
    """Everything a result card does, without widgets."""

    def __init__(self, clip: Any, *, client: Any = None, catalogue: Any = None) -> None:
        self.clip = clip
        self.client = client
        self.catalogue = catalogue
        self.id: str = str(_get(clip, "id"))
        self.title: str = _get(clip, "title") or self.id
        self.duration: float | None = _get(clip, "duration")
        self.model: str | None = _get(clip, "model")
        self.audio_url: str | None = _get(clip, "audio_url")

    def facts(self) -> str:
        """``30.0 s · chirp-v4 · 564043cb``"""
        parts = []
        if self.duration is not None:
            parts.append(f"{self.duration:.1f} s")
        if self.model:
            parts.append(self.model)
        parts.append(self.id[:8])
        return " · ".join(parts)

    # --- audio -------------------------------------------------------------------------------
    def audio(self) -> bytes | str | None:
        """The clip's audio as bytes (kernel-side) or as a URL the browser can fetch itself."""
        if self.catalogue is not None and self.id in self.catalogue:
            try:
                return self.catalogue.get(self.id).path.read_bytes()
            except Exception:  # not downloaded (yet): fall back to the URL below
                pass
        if not self.audio_url:
            return None
        if reachable_by_browser(self.audio_url) or self.client is None:
            return self.audio_url
        return self.client.download(self.audio_url)

    # --- annotations ---------------------------------------------------------------------------
    def _track(self) -> Any:
        if self.catalogue is None or self.id not in self.catalogue:
            return None
        return self.catalogue.get(self.id)

    def rating(self) -> int | None:
        track = self._track()
        value = track.annotations.get("rating") if track is not None else None
        return int(value) if value is not None else None

    def starred(self) -> bool:
        track = self._track()
        return bool(track.annotations.get("starred")) if track is not None else False

    def rate(self, rating: int | None) -> bool:
        """Store a 1–5 rating (``None`` clears it); False when the clip is not catalogued."""
        if self._track() is None:
            return False
        self.catalogue.rate(self.id, rating)
        return True

    def star(self, starred: bool) -> bool:
        if self._track() is None:
            return False
        self.catalogue.star(self.id, starred)
        return True

    # --- follow-ups ------------------------------------------------------------------------------
    def prefill(
        self,
        action: str,
        *,
        at: float | None = None,
        start: float | None = None,
        end: float | None = None,
    ) -> dict[str, Any]:
        """The fields another action's panel starts with, from this clip and the chosen times.

        ``at`` becomes ``continue_at`` (default: the clip's end); ``start``/``end`` fill the
        action's time window (``replace_section_*``, ``*painting_*``, ``samples_*``).
        """
        fields = schema.ACTIONS[action].fields
        values: dict[str, Any] = {}
        if "audio_id" in fields:
            values["audio_id"] = self.id
        if "mashup_audio_ids" in fields:
            values["mashup_audio_ids"] = [self.id]
        if "continue_at" in fields:
            chosen = at if at is not None else self.duration
            if chosen is not None:
                values["continue_at"] = float(chosen)
        for prefix in _WINDOWS:
            if f"{prefix}_start" in fields and start is not None:
                values[f"{prefix}_start"] = float(start)
            if f"{prefix}_end" in fields and end is not None:
                values[f"{prefix}_end"] = float(end)
        return values


def waveform_svg(
    data: bytes | None,
    *,
    width: int = 260,
    height: int = 44,
    marks: tuple[float | None, ...] = (),
    window: tuple[float | None, float | None] = (None, None),
) -> str:
    """A small peak waveform as inline SVG (a few KB), with time marks and a shaded window.

    Example:
        >>> waveform_svg(None).startswith("<svg")
        True
    """
    head = (
        f'<svg class="suno-nb-waveform" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f'<rect width="{width}" height="{height}" fill="#f4f4f8"/>'
    )
    if not data:
        return head + "</svg>"
    import numpy as np
    import soundfile

    try:
        y, sr = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    except Exception:
        return head + "</svg>"
    mono = np.abs(y).max(axis=1) if y.size else np.zeros(1, "float32")
    duration = len(mono) / sr if sr else 0.0
    bins = np.array_split(mono, width // 2) if len(mono) >= width // 2 else [mono]
    peaks = np.array([b.max() if b.size else 0.0 for b in bins])
    peaks = peaks / (peaks.max() or 1.0)
    mid = height / 2
    bars = "".join(
        f'<rect x="{2 * i}" y="{mid - p * mid:.1f}" width="1.5" height="{bar:.1f}"/>'
        for i, (p, bar) in enumerate(zip(peaks, np.maximum(peaks * height, 0.5), strict=True))
    )
    body = f'<g fill="#5b5bd6">{bars}</g>'

    def x_of(t: float) -> float:
        return max(0.0, min(width, t / duration * width)) if duration else 0.0

    start, end = window
    if start is not None and end is not None and duration and end > start:
        body += (
            f'<rect x="{x_of(start):.1f}" width="{x_of(end) - x_of(start):.1f}" '
            f'height="{height}" fill="#f5a623" fill-opacity="0.3"/>'
        )
    for mark in marks:
        if mark is not None and duration:
            body += f'<line x1="{x_of(mark):.1f}" x2="{x_of(mark):.1f}" y1="0" y2="{height}" '
            body += 'stroke="#d0021b" stroke-width="1.5"/>'
    return head + body + "</svg>"


def audio_widget(source: bytes | str | None) -> Any:
    """A player widget: bytes over the comm, or ``<audio src>`` for a public URL."""
    import ipywidgets as w

    if isinstance(source, bytes):
        audio_format = "wav" if source[:4] == b"RIFF" else "mpeg"
        return w.Audio(value=source, format=audio_format, autoplay=False, loop=False)
    if isinstance(source, str):
        return w.HTML(f'<audio controls preload="metadata" src="{escape(source, quote=True)}">')
    return w.HTML("<i>no audio yet</i>")


def _fit() -> Any:
    import ipywidgets as w

    return w.Layout(width="auto", min_width="fit-content", flex="0 0 auto")


class ClipCard:
    """The widget of one clip. ``on_follow_up(action, prefill)`` opens another panel."""

    def __init__(
        self,
        controller: CardController,
        *,
        on_follow_up: Callable[[str, dict[str, Any]], None] | None = None,
        audio: bytes | str | None = None,
    ) -> None:
        import ipywidgets as w

        self.controller = controller
        self.on_follow_up = on_follow_up
        c = controller
        self._audio = audio if audio is not None else c.audio()
        self._data = self._audio if isinstance(self._audio, bytes) else None
        self.player = audio_widget(self._audio)
        self.waveform = w.HTML(waveform_svg(self._data))
        header = w.HTML(
            f'<div style="font-weight:600">{escape(c.title)}</div>'
            f'<div style="color:#666;font-size:0.85em">{escape(c.facts())}</div>'
        )
        self.rating = w.Dropdown(options=RATINGS, value=c.rating() or 0,
                                 layout=w.Layout(width="90px"))  # fmt: skip
        self.rating.observe(lambda ch: c.rate(ch["new"] or None), "value")
        self.star = w.ToggleButton(
            value=c.starred(), description="☆", tooltip="star", layout=w.Layout(width="42px")
        )
        self.star.observe(self._on_star, "value")
        self._on_star({"new": self.star.value})
        times = w.Layout(width="125px", min_width="125px")
        self.at = w.FloatText(value=c.duration or 0.0, description="at s", layout=times)
        self.start = w.FloatText(value=0.0, description="from s", layout=times)
        self.end = w.FloatText(
            value=min(10.0, c.duration or 10.0), description="to s", layout=times
        )
        for box in (self.at, self.start, self.end):
            box.style.description_width = "46px"
            box.observe(lambda _: self._redraw(), "value")
        self.buttons: dict[str, Any] = {}
        for action in FOLLOW_UPS:
            button = w.Button(description=action.replace("_", " "), layout=_fit())
            button.on_click(lambda _b, a=action: self.follow_up(a))
            button.add_class(f"suno-nb-follow-{action}")
            self.buttons[action] = button
        others = [a for a in follow_up_actions() if a not in FOLLOW_UPS]
        self.more = w.Dropdown(options=[("more…", ""), *[(a, a) for a in others]],
                               layout=w.Layout(width="130px"))  # fmt: skip
        self.more.observe(self._on_more, "value")
        self._redraw()
        self.box = w.VBox(
            [
                header,
                self.player,
                self.waveform,
                w.HBox([self.rating, self.star]),
                w.HBox([self.at, self.buttons["extend"]]),
                w.HBox([self.start, self.end, self.buttons["replace_section"]]),
                w.HBox([self.buttons[a] for a in ("cover", "stems", "remaster")] + [self.more]),
            ],
            layout=w.Layout(border="1px solid #ddd", padding="6px", margin="4px", width="380px"),
        )
        self.box.add_class("suno-nb-card")

    def _on_star(self, change: Mapping[str, Any]) -> None:
        self.star.description = "★" if change["new"] else "☆"
        if change.get("old") is not None:
            self.controller.star(bool(change["new"]))

    def _on_more(self, change: Mapping[str, Any]) -> None:
        if change["new"]:
            self.follow_up(change["new"])
            self.more.value = ""

    def _redraw(self) -> None:
        self.waveform.value = waveform_svg(
            self._data, marks=(self.at.value,), window=(self.start.value, self.end.value)
        )

    def follow_up(self, action: str) -> dict[str, Any]:
        """Prefill ``action`` from this clip and the times typed on the card; hand it on."""
        values = self.controller.prefill(
            action, at=self.at.value, start=self.start.value, end=self.end.value
        )
        if self.on_follow_up is not None:
            self.on_follow_up(action, values)
        return values
