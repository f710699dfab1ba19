"""The studio a class can use: grouped tabs, a lesson preset, kept results, a paging browser
whose rows and comparisons say what differs between tracks (no kernel)."""

from __future__ import annotations

from typing import Any

import pytest
from widget_support import wait_done

from suno_nb import schema
from suno_nb.labels import differing_labels, differing_settings, track_labels
from suno_nb.widgets.panel import Panel, result_html
from suno_nb.widgets.studio import GROUPS, Studio, _grouped


def test_every_schema_name_has_a_tab_and_unknown_ones_land_in_more() -> None:
    every = [*schema.ACTIONS, *schema.ENDPOINTS]
    groups = _grouped([*every, "brand_new_endpoint"])
    placed = [n for names in groups.values() for n in names]
    assert sorted(placed) == sorted([*every, "brand_new_endpoint"])
    assert groups["more"][-1] == "brand_new_endpoint"
    assert list(groups)[:5] == list(GROUPS)[:5]


def test_lesson_preset_shows_only_its_tabs_and_its_knobs(catalogue: Any) -> None:
    app = Studio(catalogue=catalogue, preset="lesson")
    assert list(app.tabs.titles) == [
        "generate", "extend", "replace section", "cover", "lyrics", "stems", "catalogue",
        "settings",
    ]  # fmt: skip
    form = app.panel("generate").form_view
    assert form.fields["weirdness"].box in form.box.children  # not under "Advanced"
    assert form.fields["style_influence"].box in form.box.children
    with pytest.raises(ValueError, match="mashup has no tab"):
        app.panel("mashup")
    with pytest.raises(ValueError, match="nope is not an action or endpoint"):
        Studio(catalogue=catalogue, actions=["generate", "nope"])
    with pytest.raises(ValueError, match="preset 'exam' is not one of lesson"):
        Studio(catalogue=catalogue, preset="exam")


def test_follow_ups_keep_earlier_results_and_the_browser_pages_and_labels(
    emulated: Any, catalogue: Any
) -> None:
    app = Studio(client=emulated, catalogue=catalogue, actions=["generate", "extend"])
    gen = app.panel("generate")
    gen.runner.poll_interval = (0.02, 0.05)
    for weirdness in (0.2, 0.7):
        gen.fill(prompt="school trip", title="School Trip", weirdness=weirdness)
        gen.submit()
        assert wait_done(gen, 60).phase == "succeeded"
    assert len(gen.results.children) == 2 and len(gen.history.children) == 1  # kept, scrollable
    gen.cards[0].at.value = 3.0
    gen.cards[0].buttons["extend"].click()
    assert app.selected == "extend"
    extend = app.panels["extend"]
    assert extend.form.request()["continue_at"] == 3.0
    source = extend.source.children[0]  # the clip's waveform on the extend form itself
    source.set_state({"cursor": 5.5})  # a click there
    assert extend.form.request()["continue_at"] == 5.5
    source.set_state({"cursor": 3.0})
    extend.runner.poll_interval = (0.02, 0.05)
    extend.fill(lyric="[Verse]\nthe bus rolls on")
    extend.submit()
    assert wait_done(extend, 60).phase == "succeeded"
    gen.cards[1].buttons["extend"].click()  # a second follow-up: the first run stays below
    assert len(extend.history.children) == 0 and len(extend.results.children) == 2
    assert extend.form.request()["audio_id"] == gen.cards[1].controller.id
    assert "lyric" not in extend.form.request()  # the form started over
    assert extend.source.children[0].title.startswith("School Trip")  # the new clip's waveform

    replace = Panel("replace_section", client=emulated, audio_id=gen.cards[0].controller.id)
    replace.source.children[0].set_state({"selection": [2.0, 4.5]})  # a drag on its waveform
    chosen = replace.form.request()
    assert (chosen["replace_section_start"], chosen["replace_section_end"]) == (2.0, 4.5)

    browser = app.show_catalogue()
    browser.action.value = "generate"
    rows = browser.controller.rows(action="generate")
    assert browser.controller.total == 4
    assert browser.controller.columns == ["weirdness"]  # equal titles, told apart
    assert sorted({r["knobs"]["weirdness"] for r in rows}) == [0.2, 0.7]
    assert "weirdness 0.2" in browser.list.children[0].children[1].value + "".join(
        row.children[1].value for row in browser.list.children
    )
    browser.columns.value = "model, weirdness"  # chosen columns instead of the differing ones
    assert browser.controller.columns == ["model", "weirdness"]
    assert "model not set" in browser.list.children[0].children[1].value
    browser.columns.value = ""
    browser.page_size = 3
    browser.refresh(first_page=True)
    assert len(browser.list.children) == 3 and "1–3 of 4" in browser.count.value
    assert browser.previous_button.disabled and not browser.next_button.disabled
    browser.next_button.click()
    assert len(browser.list.children) == 1 and "4–4 of 4" in browser.count.value
    assert browser.next_button.disabled


def test_labels_say_what_differs() -> None:
    requests = [
        {"prompt": "trip", "weirdness": 0.2, "style_influence": 0.8, "callback_url": "a"},
        {"prompt": "trip", "weirdness": 0.7, "style_influence": 0.8, "callback_url": "b"},
        {"prompt": "trip", "weirdness": 0.7, "style_influence": 0.1, "model": "chirp-v5"},
    ]
    assert differing_settings(requests) == ["weirdness", "style_influence", "model"]
    assert differing_labels(requests[:2]) == ["weirdness 0.2", "weirdness 0.7"]
    assert differing_labels(requests)[0] == "weirdness 0.2 · style_influence 0.8 · model not set"
    assert track_labels(["School Trip"] * 2, requests[:2]) == [
        "School Trip — weirdness 0.2",
        "School Trip — weirdness 0.7",
    ]
    assert track_labels([None], [{}], ["abcdef123456"]) == ["abcdef12"]


def test_lyrics_are_shown_as_text_not_a_python_dict() -> None:
    html = result_html({"items": [{"text": "[Verse]\nline one\nline two", "title": "Bus"}]})
    assert "[Verse]\nline one\nline two" in html and "white-space:pre-wrap" in html
    assert "{" not in html and "\\n" not in html


def _windowed_actions() -> list[tuple[str, str]]:
    """Every action with a section window on a source clip, and the window's field prefix."""
    from suno_nb.widgets.cards import _WINDOWS

    found = []
    for action, spec in schema.ACTIONS.items():
        for window in _WINDOWS:
            if f"{window}_start" in spec.fields and "audio_id" in spec.fields:
                found.append((action, window))
    return found


@pytest.mark.parametrize(("action", "window"), _windowed_actions())
def test_a_drag_on_the_forms_waveform_sets_every_section_window(
    action: str, window: str, emulated: Any, catalogue: Any
) -> None:
    clip = emulated.generate("school trip", duration=10).clips[0].id
    form = Panel(action, client=emulated, audio_id=clip)
    (player,) = form.source.children  # the catalogued clip's waveform above the fields
    player.set_state({"selection": [1.5, 4.0]})  # a drag, as the browser sends it
    chosen = form.form.request()
    assert (chosen[f"{window}_start"], chosen[f"{window}_end"]) == (1.5, 4.0)


def test_every_window_of_issue_15_has_a_form_with_a_waveform() -> None:
    windows = {window for _, window in _windowed_actions()}
    assert {"replace_section", "samples", "underpainting", "overpainting"} <= windows, windows
