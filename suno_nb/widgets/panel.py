"""``panel(action)``: a form for any action or endpoint, run in the background, with result cards.

Everything on the form comes from :mod:`suno_nb.schema`; the panel adds the submit and cancel
buttons, the progress line, errors in plain words and the result cards.

Example:
    >>> from suno_nb.widgets import panel
    >>> p = panel("extend", audio_id="564043cb", continue_at=42.0)   # doctest: +SKIP
    >>> p                                                           # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

import ipywidgets as w
import traitlets

from suno_nb import schema
from suno_nb.players import audio_widget
from suno_nb.widgets.cards import _WINDOWS, CardController, ClipCard
from suno_nb.widgets.form import FormController, FormView
from suno_nb.widgets.runner import Runner, RunState

__all__ = ["Panel", "panel"]

FollowUp = Callable[[str, dict[str, Any]], None]

# Which result fields of an endpoint feed which fields of an action ("use in …" buttons).
_RESULT_USES: dict[str, tuple[tuple[str, dict[str, str], dict[str, Any]], ...]] = {
    "lyrics": (("generate", {"text": "lyric", "title": "title"}, {"custom": True}),),
    "mashup_lyrics": (("mashup", {"text": "lyric"}, {"custom": True}),),
    "style": (("generate", {"upsampled_tags": "style"}, {"custom": True}),),
    "upload": (
        ("upload_extend", {"audio_id": "audio_id", "duration": "continue_at"}, {}),
        ("upload_cover", {"audio_id": "audio_id"}, {}),
        ("underpainting", {"audio_id": "audio_id"}, {}),
    ),
    "create_persona": (("artist_consistency", {"persona_id": "persona_id"}, {}),),
    "voices": (("artist_consistency", {"persona_id": "persona_id"}, {}),),
}

_PHASE_COLOURS = {
    "submitting": "#555",
    "pending": "#555",
    "running": "#1565c0",
    "succeeded": "#2e7d32",
    "failed": "#b00020",
    "cancelled": "#8a6d00",
}


def _make_client(catalogue: Any) -> Any:
    from suno_nb.client import Client

    return Client() if catalogue is None else Client(catalogue=catalogue)


class Panel(w.VBox):
    """One action (or endpoint) as a form with submit, progress, errors and result cards.

    ``client`` may be a client or a zero-argument callable returning one (the studio passes
    its current client); without one, a ``Client()`` is made on the first submit (the offline
    emulator unless ``ACEDATACLOUD_API_TOKEN`` is set) recording into ``catalogue``.
    """

    phase = traitlets.Unicode("idle")
    valid = traitlets.Bool(False)

    def __init__(
        self,
        name: str = "generate",
        /,
        *,
        client: Any = None,
        catalogue: Any = None,
        on_follow_up: FollowUp | None = None,
        poll_interval: tuple[float, float] = (0.25, 2.0),
        show: tuple[str, ...] | list[str] = (),
        **prefill: Any,
    ) -> None:
        if name in schema.ACTIONS:
            self.kind = "action"
            form = FormController.for_action(name, **prefill)
            summary = schema.ACTIONS[name].summary
        elif name in schema.ENDPOINTS:
            self.kind = "endpoint"
            form = FormController.for_endpoint(name, **prefill)
            summary = schema.ENDPOINTS[name].summary
        else:
            known = ", ".join([*schema.ACTIONS, *schema.ENDPOINTS])
            raise ValueError(f"no action or endpoint named {name!r}; choose one of: {known}")
        self.name = name
        self.form = form
        self._client_arg = client
        self._client: Any = None
        self._catalogue_arg = catalogue
        self.on_follow_up = on_follow_up
        self.runner = Runner(self._current_client, on_update=self._show_state,
                             poll_interval=poll_interval)  # fmt: skip
        self.show = tuple(f for f in show if f in form.specs)
        self.form_view = FormView(form, show=self.show)
        self.submit_button = w.Button(description=name.replace("_", " "), button_style="primary",
                                      icon="play")  # fmt: skip
        self.submit_button.add_class("suno-nb-submit")
        self.submit_button.on_click(self._on_submit)
        self.cancel_button = w.Button(description="stop waiting", icon="stop",
                                      layout=w.Layout(display="none"))  # fmt: skip
        self.cancel_button.on_click(lambda _: self.runner.cancel())
        self.hint = w.HTML("")
        self.status = w.HTML("")
        self.status.add_class("suno-nb-status")
        self.message = w.HTML("")
        self.message.add_class("suno-nb-message")
        self.previews = w.HBox([])
        self.results = w.HBox([], layout=w.Layout(flex_flow="row wrap"))
        self.results.add_class("suno-nb-results")
        self.follow_ups = w.VBox([])
        # Earlier runs stay below the current one, newest first, in a box that scrolls.
        self.history = w.VBox([], layout=w.Layout(max_height="640px", overflow="auto"))
        self.history.add_class("suno-nb-history")
        self.runs = 0
        self.cards: list[ClipCard] = []
        self._preview_ids: tuple[str, ...] = ()
        header = w.HTML(f"<h3 style='margin:4px 0'>{escape(name)}</h3><div>{escape(summary)}</div>")
        # The clip this action works on, as a waveform to pick its times on (extend's
        # continue_at by a click, a window by a drag), when it is in the catalogue.
        self.source = w.VBox([])
        self.source.add_class("suno-nb-source")
        self._source_id: Any = None
        super().__init__(
            children=[
                header,
                self.source,
                self.form_view.box,
                w.HBox([self.submit_button, self.cancel_button, self.hint]),
                self.status,
                self.message,
                self.previews,
                self.results,
                self.history,
                self.follow_ups,
            ],
            layout=w.Layout(width="100%"),
        )
        self.add_class("suno-nb-panel")
        form.on_change(self._refresh_button)
        form.on_change(self._refresh_source)
        self._refresh_button()
        self._refresh_source()

    # --- client and catalogue ------------------------------------------------------------------
    def _current_client(self) -> Any:
        if callable(self._client_arg) and not hasattr(self._client_arg, "audios"):
            return self._client_arg()
        if self._client_arg is not None:
            return self._client_arg
        if self._client is None:
            self._client = _make_client(self._catalogue_arg)
        return self._client

    @property
    def client(self) -> Any:
        return self._current_client()

    @property
    def catalogue(self) -> Any:
        """Where the results are recorded (the client's catalogue)."""
        found = getattr(self.client, "catalogue", None)
        return found if found is not None else self._catalogue_arg

    # --- verbs -------------------------------------------------------------------------------
    def fill(self, **values: Any) -> Panel:
        """Type values into the form as a user would (checked as they arrive)."""
        self.form_view.fill(values)
        return self

    def prefill(self, **values: Any) -> Panel:
        """Start the form over with ``values`` (a card's follow-up); results stay below."""
        for name, view in self.form_view.fields.items():
            if name in values or self.form.values.get(name) is not None:
                view.show(values.get(name))
        unknown = [n for n in values if n not in self.form_view.fields]
        if unknown:
            raise ValueError(f"{', '.join(unknown)} is not a field of {self.name}")
        self.form.touched.clear()
        self.form.submit_attempted = False
        self.form_view.refresh()
        return self

    def submit(self) -> bool:
        """Click the submit button; True when a run started."""
        before = self.runner.submissions
        self.submit_button.click()
        return self.runner.submissions > before

    def wait(self, timeout: float | None = 60.0) -> RunState:
        """Block until the current run ends (for scripts and tests; the UI never needs it)."""
        return self.runner.join(timeout)

    @property
    def task(self) -> Any:
        """The task of the last run (``None`` before the first submit or for endpoints)."""
        return self.runner.task

    # --- the source clip's waveform ---------------------------------------------------------
    def _time_fields(self) -> tuple[str | None, list[tuple[str, str]]]:
        specs = self.form.specs
        at = "continue_at" if "continue_at" in specs else None
        windows = [(f"{p}_start", f"{p}_end") for p in _WINDOWS if f"{p}_start" in specs]
        return at, windows

    def _refresh_source(self) -> None:
        clip_id = self.form.values.get("audio_id")
        if clip_id == self._source_id:
            return
        self._source_id = clip_id
        at, windows = self._time_fields()
        self.source.children = ()
        if not clip_id or not (at or windows):
            return
        try:
            track = self.catalogue.get(clip_id)
            path = track.path
        except Exception:  # not catalogued or not downloaded: the times stay typed
            return
        hint = " · ".join(
            part
            for part, used in (("click: " + (at or ""), at), ("drag: the window", windows))
            if used
        )
        player = audio_widget(path, title=f"{track.title or clip_id} — {hint}")
        player.observe(self._on_source_cursor, "cursor")
        player.observe(self._on_source_selection, "selection")
        self.source.children = (player,)

    def _on_source_cursor(self, change: Mapping[str, Any]) -> None:
        at, _ = self._time_fields()
        if at and change["new"] is not None:
            self.form_view.fields[at].show(round(float(change["new"]), 2))

    def _on_source_selection(self, change: Mapping[str, Any]) -> None:
        _, windows = self._time_fields()
        if len(change["new"]) != 2:
            return
        start, end = (round(float(t), 2) for t in change["new"])
        for start_field, end_field in windows:
            self.form_view.fields[start_field].show(start)
            self.form_view.fields[end_field].show(end)

    # --- events -------------------------------------------------------------------------------
    def _refresh_button(self) -> None:
        self.valid = self.form.valid
        # The runner's state, not its thread: the last update arrives from the ending thread.
        busy = self.runner.state.busy
        self.submit_button.disabled = busy or not self.valid
        summary = self.form.summary()
        self.hint.value = f'<span style="color:#666">{escape(summary)}</span>' if summary else ""

    def _on_submit(self, _button: Any = None) -> None:
        self.form.submit_attempted = True
        if not self.form.valid or self.runner.busy:
            self.form_view.refresh()
            self._refresh_button()
            return
        # Disabled before anything else: a second click arriving meanwhile finds it greyed out,
        # and the runner's lock refuses it anyway.
        self.submit_button.disabled = True
        values = self.form.request()
        # The last run moves into the history before the worker starts (a fast run may show
        # its results at once): a follow-up never wipes what the tab showed before.
        if self.results.children:
            earlier = w.VBox(
                [w.HTML(f"<i>earlier run {self.runs}</i>"),
                 w.HBox(list(self.results.children), layout=w.Layout(flex_flow="row wrap"))]
            )  # fmt: skip
            self.history.children = (earlier, *self.history.children)
        self.runs += 1
        self.results.children = ()
        self.previews.children = ()
        self.cards = []
        self._preview_ids = ()
        start = self.runner.submit if self.kind == "action" else self.runner.call
        start(self.name, values)

    def _show_state(self, state: RunState) -> None:
        """Called by the runner (from its worker thread) at each step."""
        self.phase = state.phase
        colour = _PHASE_COLOURS.get(state.phase, "#555")
        self.status.value = (
            f'<span class="suno-nb-phase" data-phase="{state.phase}" style="color:{colour}">'
            f"{escape(state.status_line())}</span>"
        )
        self.cancel_button.layout.display = None if state.busy else "none"
        if state.message:
            border = "#b00020" if state.phase == "failed" else "#8a6d00"
            self.message.value = (
                f'<div style="border-left:4px solid {border};padding:4px 8px">'
                f"{escape(state.message)}</div>"
            )
        else:
            self.message.value = ""
        if state.phase == "running" and tuple(state.previews) != self._preview_ids:
            self._preview_ids = tuple(state.previews)
            self.previews.children = [
                w.VBox([w.HTML("<i>preview (still rendering)</i>"), audio_widget(source)])
                for source in state.previews.values()
            ]
        if state.phase == "succeeded":
            self.previews.children = ()
            if self.kind == "action":
                self._show_cards(state)
            else:
                self._show_result(state.result)
        if not state.busy:
            self._refresh_button()

    def _show_cards(self, state: RunState) -> None:
        client, catalogue = self.client, self.catalogue
        self.cards = [
            ClipCard(
                CardController(clip, client=client, catalogue=catalogue),
                on_follow_up=self._follow_up,
            )
            for clip in state.clips
        ]
        self.results.children = [card.box for card in self.cards]

    def _show_result(self, result: Any) -> None:
        data = result.model_dump(exclude_none=True) if hasattr(result, "model_dump") else result
        children: list[Any] = [w.HTML(f"<div class='suno-nb-result'>{result_html(data)}</div>")]
        for action, mapping, extra in _RESULT_USES.get(self.name, ()):
            values = dict(extra)
            for source, target in mapping.items():
                value = getattr(result, source, None)
                if value not in (None, "") and target in schema.ACTIONS[action].fields:
                    values[target] = value
            values = {k: v for k, v in values.items() if k in schema.ACTIONS[action].fields}
            button = w.Button(description=f"use in {action}")
            button.on_click(lambda _b, a=action, v=values: self._follow_up(a, v))
            children.append(button)
        self.results.children = [w.VBox(children)]

    def _follow_up(self, action: str, values: dict[str, Any]) -> None:
        if self.on_follow_up is not None:
            self.on_follow_up(action, values)
            return
        follow = Panel(action, client=self._current_client, **values)
        self.follow_ups.children = [follow]


def result_html(data: Any, depth: int = 0) -> str:
    """An endpoint's answer as HTML: text as text (lyrics keep their lines), lists and records
    as nested tables, never a Python ``repr``.

    Example:
        >>> result_html({"items": [{"text": "[Verse]\\nla la"}]}).count("<table")
        2
    """
    if isinstance(data, Mapping):
        rows = "".join(
            f"<tr><td style='vertical-align:top;padding-right:8px'><b>{escape(str(k))}</b></td>"
            f"<td>{result_html(v, depth + 1)}</td></tr>"
            for k, v in data.items()
        )
        return f"<table class='suno-nb-record'>{rows}</table>"
    if isinstance(data, list | tuple):
        if not data:
            return "<i>none</i>"
        items = "".join(
            f"<div style='border-top:1px solid #eee;padding:2px 0'>{result_html(v, depth + 1)}"
            "</div>"
            for v in data[:50]
        )
        more = f"<i>… {len(data) - 50} more</i>" if len(data) > 50 else ""
        return items + more
    text = str(data)
    if "\n" in text or len(text) > 80:
        return (
            "<div class='suno-nb-text' style='white-space:pre-wrap;font-family:inherit'>"
            f"{escape(text[:20_000])}</div>"
        )
    return escape(text)


def panel(
    action: str = "generate",
    /,
    client: Any = None,
    catalogue: Any = None,
    *,
    show: tuple[str, ...] | list[str] = (),
    **prefill: Any,
) -> Panel:
    """A form for ``action`` (any ``/suno/audios`` action or endpoint), built from the schema.

    ``prefill`` sets fields as if typed; ``show`` names fields to keep out of "Advanced" (the
    knobs a lesson is about, e.g. ``show=("weirdness", "style_influence")``). Submitting runs
    in the background; results appear as cards whose buttons open the next panel (extend,
    cover, stems, remaster, replace a section).

    Example:
        >>> p = panel("generate", prompt="a calm lofi song about a night bus")
        >>> p.valid, p.form.request()
        (True, {'prompt': 'a calm lofi song about a night bus'})
    """
    return Panel(action, client=client, catalogue=catalogue, show=show, **prefill)
