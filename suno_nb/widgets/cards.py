"""Result cards: one clip with a waveform player, its facts, a rating and follow-ups.

:class:`CardController` is plain Python (audio, prefills for follow-up actions, rating through
the catalogue); :class:`ClipCard` is its ipywidgets view.

The player is :func:`suno_nb.players.audio_widget`, the waveform player: it plays from the
server's ``/files/`` route or from comm bytes (so it works in JupyterLab, Notebook 7, VS Code and
Voilà), never autoplays, and is where you choose times: a click on the waveform sets "at s"
(extend's ``continue_at``), a drag sets "from s"/"to s" (the replace_section, samples,
underpainting and overpainting windows). Typed times are drawn on the waveform the same way.

Example:
    >>> card = CardController({"id": "c1", "title": "Night Bus", "duration": 30.0})
    >>> card.prefill("extend", at=12.5)
    {'audio_id': 'c1', 'continue_at': 12.5}
    >>> card.prefill("replace_section", start=5, end=9)
    {'audio_id': 'c1', 'replace_section_start': 5.0, 'replace_section_end': 9.0}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from pathlib import Path
from typing import Any

from suno_nb import schema
from suno_nb.players import audio_widget
from suno_nb.widgets.runner import reachable_by_browser

__all__ = ["FOLLOW_UPS", "CardController", "ClipCard"]

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
    def audio_path(self) -> Path | None:
        """The catalogued file of this clip, when it is downloaded (the player streams it)."""
        track = self._track()
        try:
            path = track.path if track is not None else None
            return Path(path) if path is not None and Path(path).is_file() else None
        except Exception:  # not downloaded (yet): the card falls back to audio()
            return None

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
        self._audio: Any = audio if audio is not None else (c.audio_path() or c.audio())
        self.player = audio_widget(self._audio)
        self.player.add_class("suno-nb-card-player")
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
        times = w.Layout(width="134px", min_width="134px")
        self.at = w.FloatText(value=c.duration or 0.0, description="at s", layout=times)
        self.start = w.FloatText(value=0.0, description="from s", layout=times)
        self.end = w.FloatText(
            value=min(10.0, c.duration or 10.0), description="to s", layout=times
        )
        for box, name in ((self.at, "at"), (self.start, "start"), (self.end, "end")):
            box.style.description_width = "54px"  # "from s" whole, not "rom s"
            box.add_class(f"suno-nb-card-{name}")
            box.observe(lambda _: self._redraw(), "value")
        if hasattr(self.player, "cursor"):  # the waveform player: clicks and drags pick times
            self.player.observe(self._on_cursor, "cursor")
            self.player.observe(self._on_selection, "selection")
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
                w.HBox([self.rating, self.star]),
                w.HBox([self.at, self.buttons["extend"]]),
                w.HBox([self.start, self.end, self.buttons["replace_section"]]),
                w.HBox([self.buttons[a] for a in ("cover", "stems", "remaster")] + [self.more]),
            ],
            layout=w.Layout(border="1px solid #ddd", padding="6px", margin="4px", width="420px"),
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

    def _on_cursor(self, change: Mapping[str, Any]) -> None:
        if change["new"] is not None:
            self.at.value = round(float(change["new"]), 2)

    def _on_selection(self, change: Mapping[str, Any]) -> None:
        if len(change["new"]) == 2:
            start, end = (round(float(t), 2) for t in change["new"])
            self.end.value = end  # end first: start never passes a stale end
            self.start.value = start

    def _redraw(self) -> None:
        """Show the typed times on the waveform (a click or drag there typed them here)."""
        if not hasattr(self.player, "cursor"):
            return
        self.player.cursor = float(self.at.value)
        start, end = float(self.start.value), float(self.end.value)
        self.player.selection = [start, end] if end > start else []

    def follow_up(self, action: str) -> dict[str, Any]:
        """Prefill ``action`` from this clip and the times typed on the card; hand it on."""
        values = self.controller.prefill(
            action, at=self.at.value, start=self.start.value, end=self.end.value
        )
        if self.on_follow_up is not None:
            self.on_follow_up(action, values)
        return values
