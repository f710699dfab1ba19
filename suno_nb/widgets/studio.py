"""``studio()``: every action and endpoint in one tabbed app, a catalogue browser and settings.

Tabs are grouped by what people do (create, edit a song, separate, voice and persona, tools
and media, …) and built when first opened, so the app starts fast (also as a Voilà page).
``studio(actions=[...])`` shows only what a lesson needs and ``studio(preset="lesson")`` is a
ready one; ``show=`` keeps the knobs a lesson is about out of "Advanced". A card's
"extend"/"cover"/… button switches to that action's tab, prefilled, and the tab keeps its
earlier results below (a history you can scroll). The settings tab swaps the
client between the offline emulator and the real service; the token box is cleared as soon as
the token is read, so it is never echoed, logged or saved with the notebook's widget state.

Example:
    >>> from suno_nb.widgets import studio
    >>> app = studio(preset="lesson")           # doctest: +SKIP
    >>> app = studio(actions=["generate", "extend"], show=["weirdness"])  # doctest: +SKIP
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

__all__ = ["GROUPS", "PRESETS", "STUDIO_ENDPOINTS", "BrowserController", "Studio", "studio"]

#: tabs grouped by what people do; an action or endpoint of the schema missing here lands in
#: "more", so a new endpoint still gets its tab
GROUPS: dict[str, tuple[str, ...]] = {
    "create": ("generate", "lyrics", "style", "inspo", "sounds", "mashup", "mashup_lyrics"),
    "edit a song": (
        "extend",
        "replace_section",
        "cover",
        "remaster",
        "concat",
        "adjust_speed",
        "samples",
        "add_stem",
        "upload_extend",
        "upload_cover",
        "underpainting",
        "overpainting",
    ),
    "separate": ("stems", "all_stems", "extract_stem", "vox"),
    "voice and persona": (
        "artist_consistency",
        "artist_consistency_vox",
        "create_persona",
        "personas",
        "voices",
        "delete_persona",
    ),
    "tools and media": ("upload", "mp4", "wav", "midi", "timing", "mp3", "list_tasks"),
    "custom models": (
        "create_custom_model",
        "custom_models",
        "custom_model",
        "generate_with_custom_model",
        "delete_custom_model",
    ),
    "projects": (
        "create_project",
        "project",
        "save_project",
        "upload_to_project",
        "add_track",
        "generate_track",
        "replace_project_section",
        "commit_candidate",
        "remove_track",
        "render_project",
    ),
}

#: ready-made studios for a lesson: the tabs it needs and the knobs it is about
PRESETS: dict[str, dict[str, tuple[str, ...]]] = {
    "lesson": {
        "actions": ("generate", "extend", "replace_section", "cover", "lyrics", "stems"),
        "show": ("weirdness", "style_influence"),
    },
}

#: every action and endpoint the full studio shows, in tab order
STUDIO_ENDPOINTS: tuple[str, ...] = tuple(
    name for names in GROUPS.values() for name in names if name in schema.ENDPOINTS
)


def _grouped(names: list[str]) -> dict[str, list[str]]:
    """``names`` by group, in GROUPS order; names no group lists go to "more"."""
    groups: dict[str, list[str]] = {}
    placed: set[str] = set()
    for group, members in GROUPS.items():
        chosen = [n for n in members if n in names]
        if chosen:
            groups[group] = chosen
            placed.update(chosen)
    rest = [n for n in names if n not in placed]
    if rest:
        groups["more"] = rest
    return groups


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
        self.total = 0
        self.columns: list[str] = []

    def rows(
        self,
        *,
        text: str = "",
        action: str | None = None,
        sort: str = "newest",
        descending: bool = True,
        starred: bool = False,
        limit: int = 20,
        offset: int = 0,
        columns: tuple[str, ...] | list[str] | None = None,
    ) -> list[dict[str, Any]]:
        """One page of matching clips as plain dicts (clip_id, title, action, duration, rating,
        tags…), ``offset`` rows in. ``columns`` adds request knobs (``weirdness``, …); by
        default the knobs whose values differ on the page, so equal titles can be told apart.
        ``self.total`` is then the number of matching clips (for the pager)."""
        self.total = 0
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
        self.total = len(frame)
        page = frame.iloc[max(0, offset) : max(0, offset) + limit]
        knobs = [c for c in self.knob_columns(frame) if c in page]
        keep = ["clip_id", "title", "action", "duration", "rating", "starred", "tags",
                "audio_state", "clip_model"]  # fmt: skip
        records = [
            {k: (None if _missing(v) else v) for k, v in row.items()}
            for row in page[[c for c in keep + knobs if c in page]].to_dict("records")
        ]
        if columns is None:
            from suno_nb.labels import differing_settings

            requests = [{k: r.get(k) for k in knobs} for r in records]
            columns = differing_settings(requests) if len(records) > 1 else []
        self.columns = [c for c in columns if c in knobs]
        for record in records:
            record["knobs"] = {k: record.get(k) for k in self.columns}
        return records

    @staticmethod
    def knob_columns(frame: Any) -> list[str]:
        """The request fields in the table that are settings (not prompts, lyrics or ids)."""
        knobs = []
        for name in frame.columns:
            spec = schema.FIELDS.get(name)
            if spec is not None and spec.kind in ("float", "int", "bool", "enum"):
                knobs.append(name)
        return knobs

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


def _knob(value: Any) -> str:
    if value is None:
        return "not set"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):
        return False


class CatalogueBrowser:
    """A sortable, filterable list of the catalogue with play, rating, star and tags."""

    def __init__(self, catalogue: Any, *, page_size: int = 20) -> None:
        self.controller = BrowserController(catalogue)
        self.text = w.Text(
            placeholder="search title, prompt, style, tags",
            continuous_update=False,
            layout=w.Layout(width="260px"),
        )
        actions = [("all actions", ""), *[(a, a) for a in schema.ACTIONS]]
        self.action = w.Dropdown(options=actions, value="", layout=w.Layout(width="150px"))
        self.sort = w.Dropdown(options=list(SORTS), value="newest", layout=w.Layout(width="110px"))
        fit = w.Layout(width="auto")  # a checkbox is 300 px wide by default: a gap, not a label
        self.descending = w.Checkbox(value=True, description="descending", indent=False,
                                     layout=fit)  # fmt: skip
        self.starred = w.Checkbox(value=False, description="★ only", indent=False, layout=fit)
        self.refresh_button = w.Button(description="refresh", icon="refresh")
        self.columns = w.Text(
            placeholder="settings as columns (e.g. weirdness, model); empty: those that differ",
            continuous_update=False,
            layout=w.Layout(width="100%", max_width="560px"),
        )
        self.columns.add_class("suno-nb-browser-columns")
        self.offset = 0
        self.page_size = page_size
        self.previous_button = w.Button(description="◀ newer", layout=w.Layout(width="90px"))
        self.next_button = w.Button(description="older ▶", layout=w.Layout(width="90px"))
        self.previous_button.on_click(lambda _: self.page(-1))
        self.next_button.on_click(lambda _: self.page(+1))
        filters = (self.text, self.action, self.sort, self.descending, self.starred, self.columns)
        for control in filters:
            control.observe(lambda _: self.refresh(first_page=True), "value")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.list = w.VBox([])
        self.list.add_class("suno-nb-browser-list")
        self.player = w.VBox([])
        self.compare_button = w.Button(description="compare the two selected", disabled=True,
                                       layout=w.Layout(width="auto"))  # fmt: skip
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
                self.columns,
                w.HBox([self.previous_button, self.next_button, self.count]),
                self.list,
                self.player,
                self.compare_button,
                self.comparison,
            ]
        )
        self.box.add_class("suno-nb-browser")

    def refresh(self, *, first_page: bool = False) -> None:
        if first_page:
            self.offset = 0
        rows = self.controller.rows(
            text=self.text.value,
            action=self.action.value,
            sort=self.sort.value,
            descending=self.descending.value,
            starred=self.starred.value,
            limit=self.page_size,
            offset=self.offset,
            columns=[c.strip() for c in self.columns.value.split(",") if c.strip()] or None,
        )
        total = self.controller.total
        shown = f"{self.offset + 1}–{self.offset + len(rows)} of {total}" if rows else "none"
        self.count.value = f"<i>tracks {shown}</i>"
        self.previous_button.disabled = self.offset == 0
        self.next_button.disabled = self.offset + len(rows) >= total
        self.list.children = [self._row(r) for r in rows]
        self.compare_button.disabled = not self.controller.can_compare

    def page(self, step: int) -> None:
        """Show the next (``+1``) or previous (``-1``) page of tracks."""
        self.offset = max(0, self.offset + step * self.page_size)
        self.refresh()

    def _row(self, row: Mapping[str, Any]) -> Any:
        cid = row["clip_id"]
        c = self.controller
        pick = w.Checkbox(value=cid in c.selected, indent=False, layout=w.Layout(width="28px"))
        pick.observe(lambda ch: self._select(cid, ch["new"]), "value")
        length = f"{row['duration']:.1f} s" if row.get("duration") is not None else ""
        knobs = " · ".join(f"{k} {_knob(v)}" for k, v in (row.get("knobs") or {}).items())
        label = w.HTML(
            f"<b>{escape(str(row.get('title') or cid))}</b> "
            f"<span style='color:#666'>{escape(str(row.get('action') or ''))} · {length} · "
            f"{escape(cid[:8])}</span>"
            + (f"<br><span class='suno-nb-knobs'>{escape(knobs)}</span>" if knobs else ""),
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
                from suno_nb.labels import track_labels

                labels = track_labels(
                    [t.title for t in result.tracks],
                    [dict(t.params or {}) for t in result.tracks],
                    [t.id for t in result.tracks],
                )
                players = [
                    w.VBox([w.HTML(f"<b>{escape(label)}</b>"), audio_widget(t.path)])
                    for t, label in zip(result.tracks, labels, strict=True)
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
    """The whole toolkit as one app: tabs grouped by task, a catalogue browser, settings.

    ``actions`` limits the tabs to those actions and endpoints (a lesson's), ``preset`` names
    one of :data:`PRESETS`, ``show`` names fields to keep out of "Advanced" on every form.
    """

    def __init__(
        self,
        client: Any = None,
        catalogue: Any = None,
        *,
        actions: list[str] | tuple[str, ...] | None = None,
        preset: str | None = None,
        show: list[str] | tuple[str, ...] = (),
    ) -> None:
        self._client = client
        if catalogue is None:
            catalogue = getattr(client, "catalogue", None)
        if catalogue is None:
            from suno_nb.catalogue import default_catalogue

            catalogue = default_catalogue()
        self.catalogue = catalogue
        if preset is not None:
            if preset not in PRESETS:
                raise ValueError(
                    f"preset {preset!r} is not one of {', '.join(PRESETS)}; or pass actions=[...]"
                )
            actions = actions or PRESETS[preset]["actions"]
            show = tuple(show) or PRESETS[preset]["show"]
        known = [*schema.ACTIONS, *schema.ENDPOINTS]
        if actions is None:
            grouped_names = [n for names in GROUPS.values() for n in names]
            actions = [n for n in grouped_names if n in known]
            actions += [n for n in known if n not in actions]  # new ones land in "more"
        unknown = [n for n in actions if n not in known]
        if unknown:
            raise ValueError(
                f"studio(actions=...): {', '.join(unknown)} is not an action or endpoint; "
                f"choose from {', '.join(known)}"
            )
        self.names: list[str] = list(dict.fromkeys(actions))
        self.show = tuple(show)
        self.panels: dict[str, Panel] = {}
        self._slots = {name: w.VBox([]) for name in self.names}
        self.browser = CatalogueBrowser(catalogue)
        self.settings = Settings(self)
        # A few tabs (a lesson) sit in one row; the full studio groups them by what people do.
        self.groups = _grouped(self.names) if len(self.names) > 8 else {"": self.names}
        self._group_of: dict[str, tuple[int, int]] = {}
        group_tabs = []
        for g, (group, names) in enumerate(self.groups.items()):
            for i, name in enumerate(names):
                self._group_of[name] = (g, i)
            if group:
                inner = w.Tab(children=[self._slots[n] for n in names],
                              titles=[n.replace("_", " ") for n in names])  # fmt: skip
                inner.add_class("suno-nb-group")
                inner.observe(self._on_inner_tab, "selected_index")
                group_tabs.append((group, inner))
        if "" in self.groups:
            children = [self._slots[n] for n in self.names]
            titles = [n.replace("_", " ") for n in self.names]
        else:
            children = [tab for _, tab in group_tabs]
            titles = [group for group, _ in group_tabs]
        self._group_tabs = [tab for _, tab in group_tabs]
        self._first_extra = len(children)
        self.tabs = w.Tab(
            children=[*children, self.browser.box, self.settings.box],
            titles=[*titles, "catalogue", "settings"],
        )
        self.tabs.observe(self._on_tab, "selected_index")
        style = w.HTML(
            # Tabs as wide as their labels (ipywidgets fixes them at 144 px with a more specific
            # rule, so ours repeats its selector under the studio's class).
            "<style>.suno-nb-studio .jupyter-widgets.jupyter-widget-tab > .lm-TabBar .lm-TabBar-tab"
            "{flex:0 0 auto;min-width:fit-content;max-width:none}"
            ".suno-nb-studio .lm-TabBar-content{flex-wrap:wrap}</style>"
            "<h2 style='margin:4px 0'>suno_nb studio</h2>"
        )
        self.notice = w.HTML("")
        self.notice.add_class("suno-nb-notice")
        super().__init__([style, self.notice, self.tabs])
        self.add_class("suno-nb-studio")
        self.tabs.selected_index = 0
        self._on_tab({"new": 0})
        self._show_notice()

    # --- the client ------------------------------------------------------------------------------
    def make_client(self, **options: Any) -> Any:
        from suno_nb.client import Client

        return Client(catalogue=self.catalogue, **options)

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = self.make_client()
            self.settings.show_current()
            self._show_notice()
        return self._client

    def use_client(self, client: Any) -> None:
        """Every panel uses ``client`` from its next submit on."""
        self._client = client
        self._show_notice()

    def _show_notice(self) -> None:
        """Which service the studio talks to, as information (not an error box)."""
        client = self._client
        offline = client is None or getattr(client, "service", "emulator") == "emulator"
        where = getattr(self.catalogue, "root", None) or getattr(self.catalogue, "path", "")
        kept = f" Tracks are kept in <code>{escape(str(where))}</code>." if where else ""
        text = (
            "<b>Offline emulator</b>: free, synthetic music, no token needed."
            if offline
            else f"<b>Real service</b> ({escape(str(client.service))}): requests cost credits."
        )
        self.notice.value = (
            '<div style="background:#eef4fb;border-left:4px solid #1565c0;padding:4px 8px;'
            f'margin:2px 0 6px 0">{text}{kept}</div>'
        )

    # --- tabs -------------------------------------------------------------------------------------
    @property
    def selected(self) -> str | None:
        """The name of the action or endpoint whose tab is showing (None: catalogue/settings)."""
        index = self.tabs.selected_index
        if index is None or index >= self._first_extra:
            return None
        if "" in self.groups:
            return self.names[index]
        group = list(self.groups)[index]
        inner = self._group_tabs[index].selected_index or 0
        return self.groups[group][inner]

    def _on_tab(self, change: Mapping[str, Any]) -> None:
        index = change["new"]
        if index is None:
            return
        if index == self._first_extra:
            self.browser.refresh()
        elif index < self._first_extra and self.selected is not None:
            self.panel(self.selected)

    def _on_inner_tab(self, change: Mapping[str, Any]) -> None:
        if change["new"] is not None and self.selected is not None:
            self.panel(self.selected)

    def _select(self, name: str) -> None:
        g, i = self._group_of[name]
        if "" in self.groups:
            self.tabs.selected_index = i
            return
        self._group_tabs[g].selected_index = i
        self.tabs.selected_index = g

    def panel(self, name: str) -> Panel:
        """The panel of an action or endpoint tab (built on first use)."""
        if name not in self.panels:
            if name not in self._slots:
                raise ValueError(
                    f"{name} has no tab in this studio; it shows: {', '.join(self.names)}"
                )
            panel = Panel(name, client=lambda: self.client, on_follow_up=self._follow_up,
                          show=self.show)  # fmt: skip
            self.panels[name] = panel
            self._slots[name].children = [panel]
        return self.panels[name]

    def open_panel(self, name: str, /, **prefill: Any) -> Panel:
        """Switch to ``name``'s tab with its form holding ``prefill``; earlier results stay."""
        panel = self.panel(name)
        panel.prefill(**prefill)
        self._select(name)
        return panel

    def _follow_up(self, action: str, values: dict[str, Any]) -> None:
        if action not in self._slots:  # a lesson studio without that tab: open it below
            return
        self.open_panel(action, **values)

    def show_catalogue(self) -> CatalogueBrowser:
        self.tabs.selected_index = self._first_extra
        self.browser.refresh()
        return self.browser


def studio(
    client: Any = None,
    catalogue: Any = None,
    *,
    actions: list[str] | tuple[str, ...] | None = None,
    preset: str | None = None,
    show: list[str] | tuple[str, ...] = (),
) -> Studio:
    """The whole toolkit in one tabbed app (also a standalone Voilà page).

    ``actions=[...]`` shows only those tabs; ``preset="lesson"`` is a ready set for a class
    (generate, extend, replace a section, cover, lyrics, stems; weirdness and style_influence
    on the form); ``show=[...]`` keeps those fields out of "Advanced".

    Example:
        >>> app = studio(preset="lesson")   # doctest: +SKIP
        >>> app                             # doctest: +SKIP
    """
    return Studio(client=client, catalogue=catalogue, actions=actions, preset=preset, show=show)
