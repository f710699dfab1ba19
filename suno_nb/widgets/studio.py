"""``studio()``: every action and endpoint in one tabbed app, a catalogue browser and settings.

Tabs are built when first opened, so the app starts fast (also as a Voilà page). A card's
"extend"/"cover"/… button switches to that action's tab, prefilled. The settings tab swaps the
client between the offline emulator and the real service; the token box is cleared as soon as
the token is read, so it is never echoed, logged or saved with the notebook's widget state.

Example:
    >>> from suno_nb.widgets import studio
    >>> app = studio()                          # doctest: +SKIP
    >>> app.open_panel("extend", audio_id="564043cb", continue_at=20.0)   # doctest: +SKIP
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as w

from suno_nb import schema
from suno_nb.players import audio_widget
from suno_nb.widgets.cards import RATINGS
from suno_nb.widgets.panel import Panel
from suno_nb.widgets.runner import describe_error

__all__ = ["STUDIO_ENDPOINTS", "BrowserController", "Studio", "studio"]

#: the endpoints that get a tab of their own (lyrics writer, style upsampler, upload, personas)
STUDIO_ENDPOINTS: tuple[str, ...] = ("lyrics", "style", "upload", "create_persona", "personas")

SORTS: dict[str, str] = {
    "newest": "submitted_at",
    "title": "title",
    "rating": "rating",
    "duration": "duration",
    "action": "action",
}


class BrowserController:
    """The catalogue browser without widgets: filter, sort, select two, compare.

    Example:
        >>> import tempfile
        >>> from suno_nb.catalogue import Catalogue
        >>> BrowserController(Catalogue(tempfile.mkdtemp())).rows()
        []
    """

    def __init__(self, catalogue: Any) -> None:
        self.catalogue = catalogue
        self.selected: list[str] = []

    def rows(
        self,
        *,
        text: str = "",
        action: str | None = None,
        sort: str = "newest",
        descending: bool = True,
        starred: bool = False,
        limit: int = 50,
    ) -> list[dict[str, Any]]:
        """Matching clips as plain dicts (clip_id, title, action, duration, rating, tags…)."""
        if len(self.catalogue) == 0:
            return []
        frame = self.catalogue.to_pandas(action=action or None)
        if starred:
            frame = frame[frame["starred"].astype(bool)]
        if text.strip():
            needle = text.strip().lower()
            columns = [c for c in ("title", "prompt", "style", "tags", "clip_id") if c in frame]
            hay = frame[columns].astype("string").fillna("").agg(" ".join, axis=1).str.lower()
            frame = frame[hay.str.contains(needle, regex=False)]
        key = SORTS.get(sort, "submitted_at")
        frame = frame.sort_values(key, ascending=not descending, na_position="last")
        keep = ["clip_id", "title", "action", "duration", "rating", "starred", "tags",
                "audio_state", "clip_model"]  # fmt: skip
        out = []
        for row in frame.head(limit)[[c for c in keep if c in frame]].to_dict("records"):
            out.append({k: (None if _missing(v) else v) for k, v in row.items()})
        return out

    def select(self, clip_id: str, on: bool = True) -> list[str]:
        """Toggle a clip in the selection; only the last two selected are kept."""
        if clip_id in self.selected:
            self.selected.remove(clip_id)
        if on:
            self.selected = [*self.selected, clip_id][-2:]
        return self.selected

    @property
    def can_compare(self) -> bool:
        return len(self.selected) == 2

    def compare(self) -> Any:
        """:func:`suno_nb.catalogue.compare` of the two selected tracks."""
        from suno_nb.catalogue import compare

        if not self.can_compare:
            raise ValueError("select exactly two tracks to compare")
        return compare([self.catalogue.get(c) for c in self.selected])


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):
        return False


class CatalogueBrowser:
    """A sortable, filterable list of the catalogue with play, rating, star and tags."""

    def __init__(self, catalogue: Any) -> None:
        self.controller = BrowserController(catalogue)
        self.text = w.Text(
            placeholder="filter: title, prompt, style, tag…", continuous_update=False
        )
        actions = [("all actions", ""), *[(a, a) for a in schema.ACTIONS]]
        self.action = w.Dropdown(options=actions, value="", layout=w.Layout(width="150px"))
        self.sort = w.Dropdown(options=list(SORTS), value="newest", layout=w.Layout(width="110px"))
        self.descending = w.Checkbox(value=True, description="descending", indent=False)
        self.starred = w.Checkbox(value=False, description="★ only", indent=False)
        self.refresh_button = w.Button(description="refresh", icon="refresh")
        for control in (self.text, self.action, self.sort, self.descending, self.starred):
            control.observe(lambda _: self.refresh(), "value")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.list = w.VBox([])
        self.list.add_class("suno-nb-browser-list")
        self.player = w.VBox([])
        self.compare_button = w.Button(description="compare the two selected", disabled=True)
        self.compare_button.on_click(lambda _: self._compare())
        self.comparison = w.VBox([])
        self.count = w.HTML("")
        self.box = w.VBox(
            [
                w.HBox(
                    [
                        self.text,
                        self.action,
                        self.sort,
                        self.descending,
                        self.starred,
                        self.refresh_button,
                    ]
                ),
                self.count,
                self.list,
                self.player,
                self.compare_button,
                self.comparison,
            ]
        )
        self.box.add_class("suno-nb-browser")

    def refresh(self) -> None:
        rows = self.controller.rows(
            text=self.text.value,
            action=self.action.value,
            sort=self.sort.value,
            descending=self.descending.value,
            starred=self.starred.value,
        )
        self.count.value = f"<i>{len(rows)} track(s) shown</i>"
        self.list.children = [self._row(r) for r in rows]
        self.compare_button.disabled = not self.controller.can_compare

    def _row(self, row: Mapping[str, Any]) -> Any:
        cid = row["clip_id"]
        c = self.controller
        pick = w.Checkbox(value=cid in c.selected, indent=False, layout=w.Layout(width="28px"))
        pick.observe(lambda ch: self._select(cid, ch["new"]), "value")
        length = f"{row['duration']:.1f} s" if row.get("duration") is not None else ""
        label = w.HTML(
            f"<b>{escape(str(row.get('title') or cid))}</b> "
            f"<span style='color:#666'>{escape(str(row.get('action') or ''))} · {length} · "
            f"{escape(cid[:8])}</span>",
            layout=w.Layout(width="360px"),
        )
        play = w.Button(description="play", icon="play", layout=w.Layout(width="70px"),
                        disabled=row.get("audio_state") != "ok")  # fmt: skip
        play.on_click(lambda _: self._play(cid))
        rating = w.Dropdown(
            options=RATINGS,
            value=int(row["rating"]) if row.get("rating") is not None else 0,
            layout=w.Layout(width="90px"),
        )
        rating.observe(lambda ch: c.catalogue.rate(cid, ch["new"] or None), "value")
        star = w.ToggleButton(value=bool(row.get("starred")), description="★",
                              layout=w.Layout(width="40px"))  # fmt: skip
        star.observe(lambda ch: c.catalogue.star(cid, ch["new"]), "value")
        tags = w.Text(value=row.get("tags") or "", placeholder="tags, comma separated",
                      continuous_update=False, layout=w.Layout(width="200px"))  # fmt: skip
        tags.observe(lambda ch: self._retag(cid, ch["old"], ch["new"]), "value")
        box = w.HBox([pick, label, play, rating, star, tags])
        box.add_class("suno-nb-browser-row")
        return box

    def _select(self, clip_id: str, on: bool) -> None:
        self.controller.select(clip_id, on)
        self.compare_button.disabled = not self.controller.can_compare

    def _retag(self, clip_id: str, old: str, new: str) -> None:
        split = lambda text: {t.strip() for t in text.split(",") if t.strip()}  # noqa: E731
        before, after = split(old), split(new)
        if before - after:
            self.controller.catalogue.untag(clip_id, *(before - after))
        if after - before:
            self.controller.catalogue.tag(clip_id, *(after - before))

    def _play(self, clip_id: str) -> None:
        track = self.controller.catalogue.get(clip_id)
        self.player.children = [
            w.HTML(f"<b>now playing:</b> {escape(track.title or clip_id)}"),
            audio_widget(track.path),
        ]

    def _compare(self) -> None:
        self.comparison.children = [w.HTML("<i>comparing…</i>")]

        def work() -> None:
            import io

            try:
                result = self.controller.compare()
                png = io.BytesIO()
                result.figure.savefig(png, format="png", dpi=60)
                import matplotlib.pyplot as plt

                plt.close(result.figure)
                players = [
                    w.VBox([w.HTML(escape(t.title or t.id)), audio_widget(t.path)])
                    for t in result.tracks
                ]
                self.comparison.children = [w.HBox(players), w.Image(value=png.getvalue())]
            except Exception as exc:
                self.comparison.children = [w.HTML(escape(describe_error(exc)))]

        threading.Thread(target=work, daemon=True).start()


class Settings:
    """Emulator or real service; the token is read once, then the box is emptied."""

    def __init__(self, studio: Studio) -> None:
        self.studio = studio
        self.service = w.ToggleButtons(options=["emulator", "real service"], value="emulator")
        self.token = w.Password(placeholder="Ace Data Cloud API token (never saved)")
        self.base_url = w.Text(placeholder="base URL (optional)")
        self.apply_button = w.Button(description="use this service", button_style="primary")
        self.apply_button.on_click(lambda _: self.apply())
        self.status = w.HTML("")
        self.status.add_class("suno-nb-settings-status")
        self.box = w.VBox(
            [
                w.HTML(
                    "<b>Service.</b> The emulator is offline and free (synthetic music). The "
                    "real service needs a token; it is kept only in this kernel's memory."
                ),
                self.service,
                self.token,
                self.base_url,
                self.apply_button,
                self.status,
            ]
        )
        self.box.add_class("suno-nb-settings")
        self.show_current()

    def show_current(self) -> None:
        client = self.studio._client
        service = client.service if client is not None else "emulator (not started yet)"
        self.status.value = f"Now using: <b>{escape(str(service))}</b>"

    def apply(self) -> None:
        """Make the new client. The token leaves the widget at once, whatever happens next."""
        token = self.token.value or None
        self.token.value = ""  # cleared before use: never left in widget state
        base_url = self.base_url.value.strip() or None
        try:
            if self.service.value == "emulator":
                client = self.studio.make_client()
            elif token is None:
                import os

                if not os.environ.get("ACEDATACLOUD_API_TOKEN"):
                    self.status.value = "Type a token (or set ACEDATACLOUD_API_TOKEN) first."
                    return
                client = self.studio.make_client(base_url=base_url)
            else:
                client = self.studio.make_client(token=token, base_url=base_url)
        except Exception as exc:
            self.status.value = escape(describe_error(exc))
            return
        finally:
            token = None
        self.studio.use_client(client)
        self.show_current()


class Studio(w.VBox):
    """The whole toolkit as one app: a tab per action and endpoint, catalogue, settings."""

    def __init__(self, client: Any = None, catalogue: Any = None) -> None:
        self._client = client
        if catalogue is None:
            catalogue = getattr(client, "catalogue", None)
        if catalogue is None:
            from suno_nb.catalogue import default_catalogue

            catalogue = default_catalogue()
        self.catalogue = catalogue
        self.names: list[str] = [*schema.ACTIONS, *STUDIO_ENDPOINTS]
        self.panels: dict[str, Panel] = {}
        self._slots = {name: w.VBox([]) for name in self.names}
        self.browser = CatalogueBrowser(catalogue)
        self.settings = Settings(self)
        titles = [n.replace("_", " ") for n in self.names] + ["catalogue", "settings"]
        self.tabs = w.Tab(
            children=[*self._slots.values(), self.browser.box, self.settings.box], titles=titles
        )
        self.tabs.observe(self._on_tab, "selected_index")
        # 28 tabs do not fit in one row: let the tab bar wrap so every title stays readable.
        style = w.HTML(
            "<style>.suno-nb-studio .lm-TabBar-content{flex-wrap:wrap}"
            ".suno-nb-studio .lm-TabBar-tab{flex:0 0 auto;min-width:fit-content;"
            "max-width:none}</style><h2 style='margin:4px 0'>suno_nb studio</h2>"
        )
        super().__init__([style, self.tabs])
        self.add_class("suno-nb-studio")
        self.tabs.selected_index = 0
        self._on_tab({"new": 0})

    # --- the client ------------------------------------------------------------------------------
    def make_client(self, **options: Any) -> Any:
        from suno_nb.client import Client

        return Client(catalogue=self.catalogue, **options)

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = self.make_client()
            self.settings.show_current()
        return self._client

    def use_client(self, client: Any) -> None:
        """Every panel uses ``client`` from its next submit on."""
        self._client = client

    # --- tabs -------------------------------------------------------------------------------------
    def _on_tab(self, change: Mapping[str, Any]) -> None:
        index = change["new"]
        if index is None:
            return
        if index < len(self.names):
            self.panel(self.names[index])
        elif index == len(self.names):
            self.browser.refresh()

    def panel(self, name: str) -> Panel:
        """The panel of an action or endpoint tab (built on first use)."""
        if name not in self.panels:
            self._place(name, Panel(name, client=lambda: self.client,
                                    on_follow_up=self._follow_up))  # fmt: skip
        return self.panels[name]

    def _place(self, name: str, panel: Panel) -> None:
        self.panels[name] = panel
        self._slots[name].children = [panel]

    def open_panel(self, name: str, /, **prefill: Any) -> Panel:
        """Switch to ``name``'s tab with a fresh form holding ``prefill``."""
        panel = Panel(name, client=lambda: self.client, on_follow_up=self._follow_up, **prefill)
        self._place(name, panel)
        self.tabs.selected_index = self.names.index(name)
        return panel

    def _follow_up(self, action: str, values: dict[str, Any]) -> None:
        self.open_panel(action, **values)

    def show_catalogue(self) -> CatalogueBrowser:
        self.tabs.selected_index = len(self.names)
        self.browser.refresh()
        return self.browser


def studio(client: Any = None, catalogue: Any = None) -> Studio:
    """The whole toolkit in one tabbed app (also a standalone Voilà page).

    Example:
        >>> app = studio()          # doctest: +SKIP
        >>> app                     # doctest: +SKIP
    """
    return Studio(client=client, catalogue=catalogue)
