"""Every action and endpoint as a panel: fill, click, and check what was sent, shown and kept."""

from __future__ import annotations

import threading
from typing import Any

import ipywidgets as w
import pytest
from widget_support import typed_value, valid_values, wait_done

from suno_nb import schema
from suno_nb.errors import ProblemKind
from suno_nb.widgets.panel import Panel, panel


def _invalid(action: str) -> tuple[str, Any, str]:
    """A field to break for this action, the bad value typed, and the schema's message."""
    spec = schema.ACTIONS[action]
    for name in spec.fields:
        f = schema.FIELDS[name]
        if name in spec.fixed:
            continue
        if f.kind in ("float", "int") and (f.le is not None or f.gt is not None):
            bad = (f.le + 1) if f.le is not None else f.gt
            problem = schema.check_value(f, bad)
            assert problem is not None, f"the schema accepts {name}={bad!r}"
            assert problem.kind is ProblemKind.RANGE and problem.field == name, problem
            return name, bad, problem.message
    for name in spec.required:  # no bounded number: leave a required field empty
        return name, None, f"{name} is required"
    raise AssertionError(action)


@pytest.mark.parametrize("action", list(schema.ACTIONS))
def test_every_action_panel_refuses_invalid_values_and_sends_valid_ones(
    action: str, fake: Any, client: Any, catalogue: Any
) -> None:
    p = panel(action, client=client)
    p.runner.poll_interval = (0.0, 0.0)
    values = valid_values(action)
    name, bad, message = _invalid(action)
    p.fill(**{**values, name: bad})
    # invalid: the button is off, the schema's message is at the field, a click sends nothing
    assert p.submit_button.disabled and not p.valid
    assert p.submit() is False
    assert message in p.form_view.fields[name].error.value
    assert fake.calls("/suno/audios") == []
    # valid: exactly the typed fields go out (plus what the action fixes), nothing else
    p.fill(**{name: values.get(name, typed_value(name))})
    if name not in values:
        p.form_view.fields[name].show(None)
    assert p.valid and not p.submit_button.disabled
    assert p.submit() is True
    state = wait_done(p)
    assert state.phase == "succeeded", state.message
    sent = fake.calls("/suno/audios")
    expected = {**values, **schema.ACTIONS[action].fixed, "action": action, "async": True}
    assert sent == [expected]
    # the panel shows one card per clip, each with a player and follow-up buttons
    assert len(p.cards) == fake.n_clips == len(p.results.children)
    assert 'data-phase="succeeded"' in p.status.value
    for card in p.cards:
        assert card.controller.title == "Night Bus"
        assert set(card.buttons) == {"extend", "cover", "stems", "remaster", "replace_section"}
    # the catalogue holds the task and its clips
    frame = catalogue.to_pandas()
    assert list(frame["action"].astype(str)) == [action] * fake.n_clips
    assert set(frame["task_state"].astype(str)) == {"succeeded"}


# the endpoints a class uses most, whose required fields an id or a URL fills
COMMON_ENDPOINTS = ("lyrics", "style", "upload", "create_persona", "personas", "wav", "timing")


@pytest.mark.parametrize("endpoint", COMMON_ENDPOINTS)
def test_endpoint_panels_send_the_form_and_show_the_answer(
    endpoint: str, fake: Any, client: Any
) -> None:
    ep = schema.ENDPOINTS[endpoint]
    values = {
        n: "https://example.com/a.mp3" if ep.field(n).kind == "url" else "c1" for n in ep.required
    }
    p = Panel(endpoint, client=client, **values)
    assert p.valid
    assert p.submit()
    state = wait_done(p)
    assert state.phase == "succeeded", state.message
    assert fake.bodies[-1] == (values if ep.method == "POST" else {})
    table = p.results.children[0].children[0]
    assert "suno-nb-result" in table.value


def test_lyrics_result_prefills_a_custom_generate(fake: Any, client: Any) -> None:
    opened: list[tuple[str, dict[str, Any]]] = []
    p = Panel("lyrics", client=client, prompt="a night bus")
    p.on_follow_up = lambda action, values: opened.append((action, values))
    p.submit()
    wait_done(p)
    use = p.results.children[0].children[1]
    assert use.description == "use in generate"
    use.click()
    assert opened == [("generate", {"custom": True, "lyric": "[Verse]\nla la", "title": "Song"})]


def test_a_double_click_submits_once(fake: Any, client: Any) -> None:
    gate = threading.Event()
    fake.on_request = lambda request: gate.wait(5)  # hold the submission in flight
    p = panel("generate", client=client, prompt="lofi")
    p.submit_button.click()
    p.submit_button.click()  # the second click of a double click
    assert p.submit_button.disabled
    gate.set()
    wait_done(p)
    assert len(fake.calls("/suno/audios")) == 1
    assert p.runner.submissions == 1


@pytest.mark.parametrize(
    ("status", "error", "headers", "words"),
    [
        (
            403,
            {"code": "forbidden", "message": "The prompt contains an artist name"},
            {},
            "Refused by moderation: The prompt contains an artist name. Remove artist names",
        ),
        (
            403,
            {"code": "used_up", "message": "Your balance is used up"},
            {},
            "Not enough credit: Your balance is used up. Top up the Ace Data Cloud balance",
        ),
        (
            429,
            {"code": "too_many_requests", "message": "slow down"},
            {"retry-after": "7"},
            "Too many requests right now. Wait 7 s before the next request.",
        ),
    ],
)
def test_service_errors_are_shown_in_plain_words(
    fake: Any, client: Any, status: int, error: dict, headers: dict, words: str
) -> None:
    fake.fail_next = [(status, error, headers)] * 6  # the 429 is retried; it keeps failing
    p = panel("generate", client=client.with_options(max_retries=0), prompt="lofi")
    p.submit()
    state = wait_done(p)
    assert state.phase == "failed"
    assert words in p.message.value
    assert "Traceback" not in p.message.value
    assert not p.submit_button.disabled  # the user can fix and submit again


def test_a_task_that_fails_on_the_service_is_explained(fake: Any, client: Any) -> None:
    fake.task_error = {"code": "forbidden", "message": "lyrics contain copyrighted text"}
    p = panel("generate", client=client, prompt="lofi")
    p.runner.poll_interval = (0.0, 0.0)
    p.submit()
    state = wait_done(p)
    assert state.phase == "failed"
    assert "Write original lyrics" in p.message.value


def test_cancel_stops_waiting_and_the_task_stays_recorded(
    fake: Any, client: Any, catalogue: Any
) -> None:
    fake.stages = ("pending",) * 1000
    p = panel("generate", client=client, prompt="lofi")
    p.runner.poll_interval = (0.01, 0.01)
    p.submit()
    assert p.cancel_button.layout.display is None or p.runner.busy
    p.cancel_button.click()
    state = wait_done(p)
    assert state.phase == "cancelled"
    assert "keeps running and is in the catalogue" in p.message.value
    assert [t.task_id for t in catalogue.pending()] == [p.task.task_id]


def test_a_closed_panel_loses_nothing(fake: Any, client: Any, catalogue: Any) -> None:
    p = panel("generate", client=client, prompt="lofi")
    p.runner.poll_interval = (0.0, 0.0)
    p.submit()
    p.close()  # the cell is re-run or the output cleared while the task runs
    p.runner.join(30)
    assert len(catalogue) == 2
    assert set(catalogue.to_pandas()["task_state"].astype(str)) == {"succeeded"}


def test_follow_up_buttons_open_a_prefilled_panel_below(fake: Any, client: Any) -> None:
    p = panel("generate", client=client, prompt="lofi")
    p.runner.poll_interval = (0.0, 0.0)
    p.submit()
    wait_done(p)
    card = p.cards[0]
    card.at.value = 42.5
    card.buttons["extend"].click()
    follow = p.follow_ups.children[0]
    assert isinstance(follow, Panel) and follow.name == "extend"
    assert follow.form.request() == {"audio_id": card.controller.id, "continue_at": 42.5}
    assert isinstance(follow.form_view.fields["continue_at"].control, w.Text)
    assert follow.form_view.fields["continue_at"].control.value == "42.5"
