"""Requests checked against their source clip as the service checks them, and a clip the
emulator renders shorter than asked for is said to be shorter."""

from __future__ import annotations

import logging

import pytest

from suno_nb import _http
from tests.emulator.conftest import SHORT


@pytest.fixture
def source(http: _http.Client) -> dict:
    body = {"prompt": "a short lofi song", "duration": 10}
    clip = http.post("/suno/audios", json=body).json()["data"][0]
    assert 9.5 <= clip["duration"] <= 10.5
    return clip


def _ask(http: _http.Client, **body: object) -> _http.Response:
    return http.post("/suno/audios", json={"async": True, **body})


def test_continue_at_past_the_source_end_is_refused(http: _http.Client, source: dict) -> None:
    answer = _ask(http, action="extend", audio_id=source["id"], continue_at=45, lyric="[Verse] on")
    assert answer.status_code == 400
    message = answer.json()["error"]["message"]
    assert "continue_at 45 is past the end" in message and source["id"] in message
    at_end = _ask(
        http, action="extend", audio_id=source["id"], continue_at=source["duration"], lyric="x"
    )
    assert at_end.status_code == 200, (
        at_end.text
    )  # extending from the very end is what extend is for


@pytest.mark.parametrize(
    ("action", "window"),
    [
        ("replace_section", {"replace_section_start": 12, "replace_section_end": 14}),
        ("replace_section", {"replace_section_start": 2, "replace_section_end": 30}),
        ("samples", {"samples_start": 20, "samples_end": 25}),
    ],
)
def test_section_windows_past_the_source_end_are_refused(
    http: _http.Client, source: dict, action: str, window: dict
) -> None:
    answer = _ask(http, action=action, audio_id=source["id"], lyric="[Verse] new", **window)
    assert answer.status_code == 400, answer.text
    assert "past the end of audio_id" in answer.json()["error"]["message"]


def test_unknown_source_is_the_documented_error(http: _http.Client) -> None:
    answer = _ask(http, action="extend", audio_id="no-such-clip", continue_at=5, lyric="x")
    assert answer.status_code == 400
    assert "does not exist" in answer.json()["error"]["message"]


def test_a_shortened_clip_is_said_to_be_shorter(http: _http.Client, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="suno_nb.emulator"):
        answer = _ask(http, prompt="a long song", duration=120)
        again = _ask(http, prompt="another long song", duration=120)
    assert answer.status_code == 200
    note = answer.headers["x-emulator-shortened"]
    assert "120 s" in note and f"{SHORT:g} s" in note and "max_duration" in note
    assert "x-emulator-shortened" in again.headers
    assert sum("max_duration" in r.getMessage() for r in caplog.records) == 1  # said once
    fine = _ask(http, prompt="a short song", duration=10)
    assert "x-emulator-shortened" not in fine.headers


def test_a_source_the_emulator_cut_short_is_not_held_against_the_request(
    http: _http.Client,
) -> None:
    # Asked for 30 s, rendered as SHORT (max_duration): its real length is unknown, so a
    # window past SHORT is not refused for the emulator's own shortening.
    clip = http.post("/suno/audios", json={"prompt": "a song", "duration": 30}).json()["data"][0]
    window = {"replace_section_start": 20, "replace_section_end": 25, "lyric": "[Verse] x"}
    answer = _ask(http, action="replace_section", audio_id=clip["id"], **window)
    assert answer.status_code == 200, answer.text
