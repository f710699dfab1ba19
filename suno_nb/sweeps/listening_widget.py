"""The widget of a blind listening test: a name box, the trial's players (neutral labels only),
answer buttons, and at the end the reveal of what each clip was. All logic is in the
controller (:class:`~suno_nb.sweeps.listening_test.Session`); this is the view.

Example:
    >>> listening_test(sw).widget()   # doctest: +SKIP
"""

from __future__ import annotations

import html
from typing import Any

__all__ = ["ListeningView", "listening_widget"]


class ListeningView:
    """The widget tree and its wiring; ``box`` is what a notebook shows, ``session`` the
    controller once a name is given (tests click ``start``/``buttons`` without a kernel)."""

    def __init__(self, test: Any, rater: str | None = None) -> None:
        import ipywidgets as widgets

        self.test = test
        self.session: Any = None
        self.name = widgets.Text(placeholder="your name", description="Rater")
        self.start = widgets.Button(description="Start", button_style="primary")
        self.status = widgets.HTML()
        self.stage = widgets.VBox()
        self.buttons: list[Any] = []
        self.start.on_click(lambda _: self._begin(self.name.value))
        head = widgets.HTML(
            f"<b>Blind listening test</b> · {len(test._units())} trials · "
            "the settings of each clip are shown once you have answered them all"
        )
        self.box = widgets.VBox(
            [head, widgets.HBox([self.name, self.start]), self.status, self.stage],
            layout=widgets.Layout(max_width="900px"),
        )
        self.box.add_class("suno-nb-listening-test")
        self.name.add_class("suno-nb-rater")
        self.start.add_class("suno-nb-start")
        if rater:
            self.name.value = rater
            self._begin(rater)

    def _begin(self, rater: str) -> None:
        try:
            self.session = self.test.session(rater)
        except ValueError as exc:
            self.status.value = f"<span style='color:#b00'>{html.escape(str(exc))}</span>"
            return
        self.name.disabled = self.start.disabled = True
        self._draw()

    def _draw(self) -> None:
        import ipywidgets as widgets

        from suno_nb.players import player

        session = self.session
        answered, total = session.progress
        if session.done:
            self.status.value = f"<b>Done — thank you, {html.escape(session.rater)}!</b>"
            shown = session.reveal()
            ids = [c for c in ("clip", "A", "B") if c in shown.columns]  # long ids tell nothing
            table = shown.drop(columns=ids).to_html(index=False, border=0)
            reveal = widgets.HTML("<p>What you heard:</p>" + table)
            reveal.add_class("suno-nb-reveal")
            self.stage.children = [reveal]
            self.buttons = []
            return
        trial = session.current
        self.status.value = (
            f"Trial {answered + 1} of {total} · <i>{html.escape(trial.question)}</i>"
        )
        players = []
        for label, path in zip(trial.labels, trial.audio_paths, strict=True):
            shown = player(path, title=label)
            players.append(
                shown.widget if shown.mode == "widget" else widgets.HTML(shown.to_html())
            )
        self.buttons = []
        for choice in session.choices():
            button = widgets.Button(description=str(choice), layout=widgets.Layout(width="auto"))
            button.add_class("suno-nb-answer")
            button.on_click(lambda _, value=choice: self._answer(value))
            self.buttons.append(button)
        self.stage.children = [widgets.VBox(players), widgets.HBox(self.buttons)]

    def _answer(self, value: Any) -> None:
        self.session.answer(value)
        self._draw()


def listening_widget(test: Any, *, rater: str | None = None) -> Any:
    """The ``ipywidgets.VBox`` of a test (see :class:`ListeningView`)."""
    view = ListeningView(test, rater=rater)
    view.box._suno_nb_view = view  # tests and notebooks can reach the controller behind it
    return view.box
